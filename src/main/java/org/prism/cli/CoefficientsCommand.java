package org.prism.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.prism.algebra.Point;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.diagram.ExpectedLoss;
import org.prism.diagram.ModelEngine;
import org.prism.regime.PrismDerivation;
import org.prism.report.CoefficientsReport;
import org.prism.report.Exponents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "coefficients",
        mixinStandardHelpOptions = true,
        header = "Exact Taylor coefficients c_0..c_S of the expected loss curve.",
        description = {
            "Prints c_s = E[d^s L/dt^s (0)] for s = 0..S as exact polynomials in the hyperparameters",
            "(sigma, d, m, n; negative powers of n), from the Wick recursion over canonical",
            "multi-trace states (evaluated modulo primes, interpolated, lifted: exact integers).",
            "With --at, their exact values at a point instead.",
            "JSON: {\"loss\":L,\"orders\":[{\"order\":s,\"terms\":[{\"coef\":\"p/q\",\"sigma\":k,\"d\":a,\"m\":b,\"n\":c}]}]};",
            "with --at: {\"loss\":L,\"at\":{...},\"values\":[\"p/q\",...]}.",
            "CSV: order,coef,<symbol powers> (one row per term); with --at: order,value.",
            "With --leading: only the Pareto-maximal terms, from the planar Wick pairings alone",
            "(same JSON; orders " + Limits.LEADING_REACH + ")."})
public final class CoefficientsCommand implements Callable<Integer> {
    enum Format { text, json, latex, csv }

    @Spec
    CommandSpec spec;

    @Option(names = {"-s", "--order"}, required = true, paramLabel = "S", description = "Highest order S (0..10; up to " + Limits.MAX_EXACT_ORDER + " on demand with a larger heap; --leading: " + Limits.LEADING_REACH + ").")
    int order;

    @Mixin
    LossOption loss;

    @Mixin
    ModelOption modelOption;

    @Option(names = "--at", paramLabel = "POINT",
            description = "Evaluate exactly at a point, e.g. d=2,m=1,n=1,sigma2=1/2 (sigma2 is sigma^2).")
    String at;

    @Option(names = "--leading", description = "Only the Pareto-maximal (leading, tree-like) terms, computed from planar pairings alone.")
    boolean leading;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    /** A point the model can be at: sizes positive integers, squares ({@code sigma2=}) nonnegative. */
    static Point requireRealisable(Point p, List<String> sizes, List<String> symbols) {
        p.values().forEach((name, v) -> {
            if (sizes.contains(name) && (!v.isInteger() || v.signum() <= 0)) {
                throw new IllegalArgumentException("size " + name + " must be a positive integer, got " + v);
            }
            boolean squared = !symbols.contains(name) && name.endsWith("2");
            if (squared && v.signum() < 0) throw new IllegalArgumentException(name + " is a square and must be >= 0, got " + v);
        });
        return p;
    }

    @Override
    public Integer call() throws Exception {
        ModelOption.LoadedModel loaded = modelOption.load();
        ModelEngine model = loaded.engine();
        List<String> symbols = model.symbols();
        Point point = at == null ? null : requireRealisable(Point.parse(at).requireExactly(symbols, model.moments()), model.sizes(), symbols);
        String lossName = loaded.loss(loss.loss);
        Limits.require(loaded, List.of(lossName), order, leading);
        ExpectedLoss engine = leading ? model.leading(lossName) : model.exact(lossName);
        PrismDerivation pareto = leading ? new PrismDerivation(model, loaded.names()) : null;
        List<Polynomial> cs = new ArrayList<>();
        for (int s = 0; s <= order; s++) {
            // the bar starts before the expansion of D^s L (tens of seconds at order 12), its length once known
            try (Progress bar = Progress.start("c_" + s, -1, s >= (leading ? 10 : 7))) {
                bar.max(engine.terms(s));
                Polynomial c = engine.coefficient(s, () -> bar.stepBy(1));
                cs.add(pareto == null ? c : pareto.leadingTerms(s, c, engine.pairingCounts(s)).asPolynomial());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (point != null) {
            List<Rational> values = new ArrayList<>();
            for (Polynomial c : cs) values.add(point.evaluate(c));
            switch (format) {
                case text -> CoefficientsReport.valuesText(out, lossName, point.values(), values);
                case json -> CoefficientsReport.valuesJson(out, lossName, point.values(), values);
                case latex -> CoefficientsReport.valuesLatex(out, lossName, point.values(), values);
                case csv -> CoefficientsReport.valuesCsv(out, values);
            }
        } else {
            symbols = Exponents.used(symbols, model.moments(), cs);
            switch (format) {
                case text -> CoefficientsReport.text(out, lossName, cs, symbols);
                case json -> CoefficientsReport.json(out, lossName, cs, symbols);
                case latex -> CoefficientsReport.latex(out, lossName, cs, symbols);
                case csv -> CoefficientsReport.csv(out, cs, symbols);
            }
        }
        return 0;
    }
}
