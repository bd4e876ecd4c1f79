package org.prism.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prism.algebra.Polynomial;
import org.prism.diagram.LossCoefficients;
import org.prism.model.MatrixModel;
import org.prism.model.Models;
import org.prism.regime.DerivedPrism;
import org.prism.regime.LimitCheck;
import org.prism.regime.PrismDerivation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check-limits",
        mixinStandardHelpOptions = true,
        header = "Cross-check A: the diagrams' face series equal the limit formulas' Taylor coefficients, exactly.",
        description = {
            "For each named regime (2-face of the derived polytope) with a limit formula, takes the exact c_s,",
            "keeps their leading part on the face, divides by the loss scale and T^-s, writes it in the ratios",
            "fixed on the face, and compares with the Taylor coefficients at t = 0 of the limit curve, exactly,",
            "at several rational parameter points. The free face is checked at its two ends (end laws).",
            "Exit code 1 if any coefficient differs."})
public final class CheckLimitsCommand implements Callable<Integer> {
    enum Losses { train, pop, both }

    @Spec
    CommandSpec spec;

    @Option(names = {"-S", "--max-order"}, defaultValue = "6", paramLabel = "S", description = "Orders 0..S (default: ${DEFAULT-VALUE}).")
    int maxOrder;

    @Option(names = {"-l", "--loss"}, defaultValue = "both", description = "train, pop or both (default: ${DEFAULT-VALUE}).")
    Losses losses;

    @Option(names = "--verbose", description = "Print every comparison, not one line per regime and loss.")
    boolean verbose;

    @Override
    public Integer call() {
        if (maxOrder < 2) throw new IllegalArgumentException("--max-order must be >= 2, got " + maxOrder);
        Limits.requireOrder(maxOrder, Limits.MAX_EXACT_ORDER, "exact engine");
        MatrixModel model = Models.tiedAutoencoder();
        PrismDerivation derivation = new PrismDerivation(model, Models.tiedAutoencoderRatios());
        PrintWriter out = spec.commandLine().getOut();
        boolean allAgree = true;
        List<String> which = losses == Losses.both ? List.of("train", "pop") : List.of(losses.name());
        out.printf("%-20s %-6s %-6s %-8s %s%n", "regime", "loss", "orders", "points", "diagrams = limit");
        for (String loss : which) {
            LossCoefficients engine = new LossCoefficients(model, loss);
            List<Polynomial> cs = new ArrayList<>();
            List<Polynomial> counts = new ArrayList<>();
            for (int s = 0; s <= maxOrder; s++) {
                cs.add(engine.coefficient(s));
                counts.add(engine.pairingCounts(s));
            }
            DerivedPrism prism = derivation.derive(loss, cs, counts);
            List<LimitCheck.Row> rows = LimitCheck.check(prism, cs, Models.tiedAutoencoderRatios(), LimitCheck.defaultPoints());
            Map<String, List<LimitCheck.Row>> byRegime = new LinkedHashMap<>();
            for (LimitCheck.Row r : rows) byRegime.computeIfAbsent(r.regime(), k -> new ArrayList<>()).add(r);
            for (Map.Entry<String, List<LimitCheck.Row>> e : byRegime.entrySet()) {
                long points = e.getValue().stream().map(LimitCheck.Row::point).distinct().count();
                long bad = e.getValue().stream().filter(r -> !r.agrees()).count();
                allAgree &= bad == 0;
                out.printf("%-20s %-6s 0..%-3d %-8d %s%n", e.getKey(), loss, maxOrder, points,
                        bad == 0 ? "yes, all " + e.getValue().size() + " coefficients" : "NO: " + bad + " of " + e.getValue().size() + " differ");
                if (verbose || bad > 0) {
                    for (LimitCheck.Row r : e.getValue()) {
                        if (verbose || !r.agrees()) out.printf("    %-24s s=%-2d diagrams %s, limit %s%n", r.point(), r.order(), r.diagrams(), r.limit());
                    }
                }
            }
        }
        out.flush();
        return allAgree ? 0 : 1;
    }
}
