package org.prism.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.diagram.DiagramExpansion;
import org.prism.diagram.ExpectedLoss;
import org.prism.diagram.LossCoefficients;
import org.prism.diagram.ModelEngine;
import org.prism.diagram.NetworkEngine;
import org.prism.diagram.NetworkTerm;
import org.prism.expansion.LossExpansion;
import org.prism.model.MatrixModel;
import org.prism.regime.FaceNames;
import org.prism.regime.PrismDerivation;
import org.prism.report.DiagramsReport;
import org.prism.report.Exponents;
import org.prism.report.NetworkExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "diagrams",
        mixinStandardHelpOptions = true,
        header = "The Wick diagrams of c_0..c_S, grouped into isomorphism classes.",
        description = {
            "Enumerates every Wick pairing of every word of d^sL/dt^s, contracts it to a multigraph",
            "(vertices: index classes of size d, m or n; edges: letters), and groups isomorphic graphs.",
            "Per class: id (for 'prism inspect'), exact coefficient, multiplicity (pairings), exponents",
            "of sigma, d, m, n, number of vertices, and one word it comes from. Before printing, the sum",
            "over diagrams is checked to equal c_s from the Wick recursion, exactly."})
public final class DiagramsCommand implements Callable<Integer> {
    enum Format { text, json, csv }

    @Spec
    CommandSpec spec;

    @Option(names = {"-s", "--order"}, required = true, paramLabel = "S", description = "Highest order S.")
    int order;

    @Option(names = "--only", description = "List order S only, not 0..S.")
    boolean only;

    @Option(names = "--pareto", description = "Only the leading diagrams: those whose term is Pareto-maximal in c_s.")
    boolean pareto;

    @Mixin
    LossOption loss;

    @Mixin
    ModelOption modelOption;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    private static Set<Monomial> leading(ModelEngine engine, ExpectedLoss exact, int s) {
        PrismDerivation d = new PrismDerivation(engine, FaceNames.NONE);
        Set<Monomial> keep = new HashSet<>();
        d.leadingTerms(s, exact.coefficient(s), exact.pairingCounts(s)).terms().forEach(t -> keep.addAll(t.terms().terms().keySet()));
        return keep;
    }

    @Override
    public Integer call() throws Exception {
        ModelOption.LoadedModel loaded = modelOption.load();
        if (loaded.engine() instanceof NetworkEngine networks) return networks(networks, loaded.loss(loss.loss));
        MatrixModel model = loaded.requireExplicitDiagrams();
        String lossName = loaded.loss(loss.loss);
        // the second route the enumeration is checked against: the memoised recursion (with moments for a covariance)
        ExpectedLoss exact = model.covariance().isPresent() ? loaded.engine().exact(lossName) : new LossCoefficients(model, lossName);
        LossExpansion expansion = new LossExpansion(model, lossName);
        if (order < 0) throw new IllegalArgumentException("order must be >= 0, got " + order);
        List<Integer> orders = new ArrayList<>();
        long total = order > Limits.MAX_DIAGRAM_ORDER ? Long.MAX_VALUE / 2 : pairings(expansion, order);
        for (int s = only ? order : 0; s <= order; s++) orders.add(s);
        if (total > Limits.MAX_PAIRINGS) {
            int reach = order;
            while (reach > 0 && (reach > Limits.MAX_DIAGRAM_ORDER || pairings(expansion, reach) > Limits.MAX_PAIRINGS)) reach--;
            throw new IllegalArgumentException("--order " + order + " is out of reach of the diagram enumeration: for " + loaded.name() + " it goes to"
                    + " order " + reach + " (order " + (reach + 1) + " means " + count(pairings(expansion, reach + 1))
                    + " Wick pairings, limit " + Limits.MAX_PAIRINGS + "); use 'prism coefficients' for the exact c_s at higher orders");
        }
        List<DiagramExpansion> out = new ArrayList<>();
        try (Progress bar = Progress.start("diagrams", total, total > 200_000)) {
            for (int s : orders) {
                DiagramExpansion e = DiagramExpansion.of(expansion, lossName, s, bar::stepBy);
                if (!e.total().equals(exact.coefficient(s))) {
                    throw new IllegalStateException("sum over diagrams differs from the Wick recursion at order " + s);
                }
                out.add(pareto ? e.restrictedTo(leading(loaded.engine(), exact, s)) : e);
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        if (pareto && format == Format.text) { // JSON and CSV stay machine-readable
            List<String> variances = loaded.engine().symbols().stream().filter(x -> !model.sizes().contains(x)).toList();
            w.println("# leading diagrams only: terms Pareto-maximal in c_s (same power of " + String.join(", ", variances) + ", powers of "
                    + String.join(", ", model.sizes()) + " maximal)");
        }
        List<String> symbols = Exponents.used(Exponents.symbols(model), loaded.engine().moments(), out.stream().map(DiagramExpansion::total).toList());
        switch (format) {
            case text -> DiagramsReport.text(w, lossName, out, orders, symbols);
            case json -> DiagramsReport.json(w, lossName, out, orders, symbols);
            case csv -> DiagramsReport.csv(w, out, orders, symbols);
        }
        return 0;
    }

    /** A model in index notation: its diagrams are the tensor networks of D^s L, each with its exact expectation. */
    private int networks(NetworkEngine engine, String lossName) throws IOException {
        if (pareto) throw new IllegalArgumentException("--pareto needs a matrix model; " + engine.name() + " lists tensor networks");
        Limits.requireNetworkOrder(order);
        List<Integer> orders = new ArrayList<>();
        List<List<NetworkTerm>> terms = new ArrayList<>();
        var exact = engine.exact(lossName);
        for (int s = only ? order : 0; s <= order; s++) {
            List<NetworkTerm> ts = engine.terms(lossName, s);
            Polynomial total = Polynomial.ZERO;
            for (NetworkTerm t : ts) total = total.add(t.contribution());
            if (!total.equals(exact.coefficient(s))) throw new IllegalStateException("sum over networks differs from the engine's c_" + s);
            orders.add(s);
            terms.add(ts);
        }
        PrintWriter w = spec.commandLine().getOut();
        switch (format) {
            case text -> {
                for (int i = 0; i < orders.size(); i++) {
                    Polynomial total = Polynomial.ZERO;
                    for (NetworkTerm t : terms.get(i)) total = total.add(t.contribution());
                    NetworkExport.text(w, lossName, orders.get(i), terms.get(i), total, engine.symbols());
                }
            }
            case json -> NetworkExport.json(w, lossName, orders, terms, engine.symbols());
            case csv -> NetworkExport.csv(w, orders, terms, engine.symbols());
        }
        return 0;
    }

    private static String count(long pairings) {
        return pairings >= Long.MAX_VALUE / 2 ? "more than 10^18" : String.format(Locale.ROOT, "%.2g", (double) pairings);
    }

    /** Wick pairings to enumerate for {@code --order order} (every order up to it, or only it with {@code --only}). */
    private long pairings(LossExpansion expansion, int order) {
        long total = 0;
        for (int s = only ? order : 0; s <= order; s++) {
            long count = DiagramExpansion.pairingCount(expansion, s); // Long.MAX_VALUE when it overflows
            total = count >= Long.MAX_VALUE / 2 - total ? Long.MAX_VALUE / 2 : total + count;
        }
        return total;
    }
}
