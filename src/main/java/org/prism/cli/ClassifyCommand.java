package org.prism.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.prism.regime.Classification;
import org.prism.regime.DerivedPrism;
import org.prism.regime.ExponentSpace;
import org.prism.regime.Scaling;
import org.prism.report.ClassificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "classify",
        mixinStandardHelpOptions = true,
        header = "Which regime a scaling of (d, m, sigma, n) selects, its time scale and leading terms.",
        description = {
            "SCALING gives each hyperparameter as a power of a large N, rational powers allowed, e.g.",
            "  \"d=N, m=N^2, sigma2=N^-2, n=N^1.5\"   (sigma2 = sigma^2; a symbol left out stays fixed).",
            "Prints the face of the derived polytope that maximises the scaling (the regime), the growth",
            "N^h of one order of the flow (so T = N^-h), and the leading terms of c_s along the scaling."})
public final class ClassifyCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--scaling", required = true, paramLabel = "SCALING", description = "e.g. \"d=N, m=N^2, sigma2=N^-2, n=N^1.5\"")
    String scaling;

    @Option(names = {"-s", "--order"}, defaultValue = "3", paramLabel = "S", description = "Order whose leading terms to show (default: ${DEFAULT-VALUE}).")
    int order;

    @Mixin
    DerivationOptions derivation;

    @Option(names = "--allow-unsettled", description = "Classify even when c_0..c_S do not settle P (otherwise refused, exit code 2).")
    boolean allowUnsettled;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        if (order < 0) throw new IllegalArgumentException("order must be >= 0, got " + order);
        if (order > derivation.maxOrder()) {
            throw new IllegalArgumentException("--order " + order + " is above the derivation's --max-order " + derivation.maxOrder() + ": raise --max-order");
        }
        var model = derivation.loaded().engine();
        Scaling sc = Scaling.parse(scaling, new ExponentSpace(model.symbols()), model.sizes());
        DerivedPrism d = derivation.derive();
        DerivationOptions.requireSettled(d, allowUnsettled, "classify");
        Classification c = Classification.of(sc, d, order);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case text -> ClassificationReport.text(out, c, d);
            case json -> ClassificationReport.json(out, c, d);
        }
        return 0;
    }
}
