package org.prism.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.prism.regime.DerivedPrism;
import org.prism.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "report",
        mixinStandardHelpOptions = true,
        header = "Regenerate reports/: LaTeX tables, the polytope figure, and a README that shows them.",
        description = {
            "Runs the regime derivation and writes into --out (default: reports): tables/pareto.tex,",
            "tables/regimes.tex, tables/faces.tex (booktabs, plus standalone documents that compile with",
            "pdflatex), figures/prism.tex (TikZ) and README.md."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "reports", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--tables", description = "Tables and the polytope figure only (currently everything the report holds).")
    boolean tablesOnly;

    @Mixin
    DerivationOptions derivation;

    @Override
    public Integer call() throws Exception {
        DerivedPrism d = derivation.derive();
        ReportWriter writer = new ReportWriter(out);
        List<String> files = new java.util.ArrayList<>(writer.tables(d));
        files.addAll(writer.checkLimits(org.prism.regime.LimitCheck.run(org.prism.model.Models.tiedAutoencoder(),
                org.prism.model.Models.tiedAutoencoderRatios(), List.of("train", "pop"), derivation.maxOrder)));
        writer.readme(d, List.of());
        PrintWriter w = spec.commandLine().getOut();
        for (String f : files) w.println("wrote " + out.resolve(f));
        w.println("wrote " + out.resolve("README.md"));
        w.flush();
        return 0;
    }
}
