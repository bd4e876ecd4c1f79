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

    @Option(names = "--tables", description = "Tables and the polytope figure only (no simulations).")
    boolean tablesOnly;

    @Option(names = "--quick", description = "Comparisons at the smallest sizes with few seeds (for a fast look; not for committing).")
    boolean quick;

    @Mixin
    DerivationOptions derivation;

    @Override
    public Integer call() throws Exception {
        DerivedPrism d = derivation.derive();
        ReportWriter writer = new ReportWriter(out);
        List<String> files = new java.util.ArrayList<>(writer.tables(d));
        files.addAll(writer.checkLimits(org.prism.regime.LimitCheck.run(org.prism.model.Models.tiedAutoencoder(),
                org.prism.model.Models.tiedAutoencoderRatios(), List.of("train", "pop"), derivation.maxOrder)));
        List<String> sections = new java.util.ArrayList<>();
        if (!tablesOnly) {
            List<org.prism.regime.compare.Comparison> comparisons = new java.util.ArrayList<>();
            org.prism.regime.compare.Comparer comparer = new org.prism.regime.compare.Comparer();
            for (String regime : org.prism.regime.compare.ScalingPaths.REGIMES) {
                for (org.prism.regime.compare.ScalingPath path : org.prism.regime.compare.ScalingPaths.forName(regime,
                        new org.prism.regime.compare.ScalingPaths.Options(null, null, quick))) {
                    try (Progress bar = Progress.start("compare " + path.name(), path.totalSteps(), true)) {
                        comparisons.add(comparer.run(path, 0L, bar::stepBy));
                    }
                    for (Path f : org.prism.regime.compare.CompareReport.writeAll(comparisons.get(comparisons.size() - 1), out.resolve("compare"))) {
                        files.add(out.relativize(f).toString());
                    }
                }
            }
            sections.add(ReportWriter.compareSection(comparisons));
        }
        writer.readme(d, sections);
        PrintWriter w = spec.commandLine().getOut();
        for (String f : files) w.println("wrote " + out.resolve(f));
        w.println("wrote " + out.resolve("README.md"));
        w.flush();
        return 0;
    }
}
