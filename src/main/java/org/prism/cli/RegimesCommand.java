package org.prism.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.prism.regime.DerivedPrism;
import org.prism.report.PrismReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "regimes",
        mixinStandardHelpOptions = true,
        header = "The regime table: every face of the derived polytope with its scaling, time scale and name.",
        description = {
            "Runs the same derivation as 'prism prism' and prints one row per face (2-faces, then edges,",
            "then vertices): the scaling relations of its normal cone in g = sigma^2 d, a0 = sigma^2 m,",
            "y = m/d, gamma = d/n; the time scale T; the scale of the loss's time-dependent part; the name",
            "(2-faces by rule, lower faces as intersections), and what each named limit describes."})
public final class RegimesCommand implements Callable<Integer> {
    enum Format { text, json, latex }

    @Spec
    CommandSpec spec;

    @Mixin
    DerivationOptions derivation;

    /** {@code --order} is the order here as in {@code coefficients}: the highest c_s read, the same as -S/--max-order. */
    @Option(names = "--order", paramLabel = "S", description = "The same as -S/--max-order (as in coefficients: c_0..c_S).")
    Integer order;

    @Option(names = "--allow-unsettled", description = "Print the faces even when c_0..c_S do not settle P (otherwise refused, exit code 2).")
    boolean allowUnsettled;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        derivation.orderAlias(order);
        DerivedPrism d = derivation.derive();
        DerivationOptions.requireSettled(d, allowUnsettled, "regimes");
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case text -> PrismReport.regimesText(out, d);
            case json -> PrismReport.regimesJson(out, d);
            case latex -> PrismReport.regimesLatex(out, d, false);
        }
        return 0;
    }
}
