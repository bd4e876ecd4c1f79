package org.prism.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.prism.autoencoder.LimitCheck;
import org.prism.model.Models;
import org.prism.report.LimitCheckReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check-limits",
        mixinStandardHelpOptions = true,
        header = "Cross-check A: the diagrams' face series equal the limit formulas' Taylor coefficients, exactly.",
        description = {
            "For each named regime (2-face of the derived polytope) with a limit formula, takes the exact c_s,",
            "keeps their leading part on the face, divides by the loss scale and T^-s, writes it in the ratios",
            "fixed on the face, and compares with the Taylor coefficients at t = 0 of the limit curve, exactly,",
            "at several rational parameter points. The free face is checked at its two ends (end laws) and at",
            "n = infinity for any y (closed form). Exit code 1 if any coefficient differs."})
public final class CheckLimitsCommand implements Callable<Integer> {
    enum Losses { train, pop, both }

    enum Format { text, json, latex }

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @Option(names = {"-S", "--max-order", "--order"}, defaultValue = "6", paramLabel = "S", description = "Orders 0..S (default: ${DEFAULT-VALUE}).")
    int maxOrder;

    @Option(names = {"-l", "--loss"}, defaultValue = "both", description = "train, pop or both (default: ${DEFAULT-VALUE}).")
    Losses losses;

    @Option(names = "--leading", description = "Derive the faces from the leading-order (planar) engine: same face series, orders "
            + Limits.LEADING_REACH + ".")
    boolean leading;

    @Option(names = "--verbose", description = "Print every comparison, not one line per regime and loss (text).")
    boolean verbose;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); "
            + "JSON lists every comparison.")
    Format format;

    @Override
    public Integer call() throws IOException {
        ModelOption.LoadedModel loaded = modelOption.load();
        loaded.requireTiedAutoencoder("Limit formulas");
        if (maxOrder < 3) {
            throw new IllegalArgumentException("--max-order must be >= 3, got " + maxOrder + ": c_0..c_2 do not settle the prism, so no face is"
                    + " a named regime to check");
        }
        List<String> which = losses == Losses.both ? List.of("train", "pop") : List.of(losses.name());
        Limits.require(loaded, which, maxOrder, leading);
        List<LimitCheck.Row> rows = LimitCheck.run(Models.tiedAutoencoder(), Models.tiedAutoencoderRatios(), which, maxOrder, leading);
        var out = spec.commandLine().getOut();
        switch (format) {
            case text -> LimitCheckReport.text(out, rows, verbose);
            case json -> LimitCheckReport.json(out, rows, maxOrder);
            case latex -> LimitCheckReport.latex(out, rows);
        }
        return rows.stream().allMatch(LimitCheck.Row::agrees) ? 0 : 1;
    }
}
