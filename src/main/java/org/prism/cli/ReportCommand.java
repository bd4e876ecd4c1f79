package org.prism.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            "pdflatex), figures/prism.tex (TikZ) and README.md; then, for every model file in examples/,",
            "its polytope and regime table into reports/models/NAME/ (orders 0..--models-order).",
            "With --model FILE: only that model's folder, reports/models/NAME/ (or --out)."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: reports; with --quick: prism-report-quick in the"
            + " system's temporary folder, so a quick look never overwrites the committed reports).")
    Path out;

    @Option(names = "--tables", description = "Tables and the polytope figure only (no simulations).")
    boolean tablesOnly;

    @Option(names = "--quick", description = "Comparisons at the smallest sizes with few seeds (for a fast look; not for committing).")
    boolean quick;

    @Option(names = "--models-order", paramLabel = "S",
            description = "Orders 0..S for the models of examples/ (default: each model's default order, 6 or the highest within reach).")
    Integer modelsOrder;

    @Option(names = "--examples", defaultValue = "examples", paramLabel = "DIR", description = "Model files to report on (default: ${DEFAULT-VALUE}).")
    Path examples;

    @Mixin
    DerivationOptions derivation;

    @Override
    public Integer call() throws Exception {
        if (out == null) out = quick ? Path.of(System.getProperty("java.io.tmpdir"), "prism-report-quick") : Path.of("reports");
        if (modelsOrder != null && modelsOrder < 2) throw new IllegalArgumentException("--models-order must be >= 2, got " + modelsOrder);
        OutputFolder.require(out, "--out");
        if (derivation.model.file != null && !derivation.loaded().isTiedAutoencoder()) {
            boolean outGiven = spec.commandLine().getParseResult().hasMatchedOption("--out");
            Path dir = outGiven ? out : out.resolve("models").resolve(derivation.loaded().name());
            printWritten(dir, modelFolder(derivation.derive(), dir, derivation.loaded().name(), derivation.model.file.toString()));
            return 0;
        }
        if (!Files.isDirectory(examples)) {
            throw new IllegalArgumentException("--examples: no folder '" + examples + "' (run from the project folder, or give --examples DIR)");
        }
        Map<Path, ModelOption.LoadedModel> models = new LinkedHashMap<>(); // by file, in file order
        Map<Path, Integer> orders = new LinkedHashMap<>();
        try (var list = Files.list(examples)) {
            for (Path f : list.filter(p -> p.toString().endsWith(".prism")).sorted().toList()) {
                ModelOption.LoadedModel m = ModelOption.LoadedModel.of(org.prism.model.lang.ModelFile.read(f));
                orders.put(f, modelsOrder != null ? modelsOrder : Limits.highestWithinReach(m, m.defaultLoss(), DerivationOptions.DEFAULT_MAX_ORDER, false).order());
                Limits.require(m, List.of(m.defaultLoss()), orders.get(f), false); // before anything is written
                models.put(f, m);
            }
        }
        DerivedPrism d = derivation.derive();
        ReportWriter writer = new ReportWriter(out);
        List<String> files = new java.util.ArrayList<>(writer.tables(d));
        files.addAll(writer.checkLimits(org.prism.regime.LimitCheck.run(org.prism.model.Models.tiedAutoencoder(),
                org.prism.model.Models.tiedAutoencoderRatios(), List.of("train", "pop"), derivation.maxOrder())));
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
        StringBuilder modelList = new StringBuilder();
        for (Map.Entry<Path, ModelOption.LoadedModel> e : models.entrySet()) {
            Path f = e.getKey();
            ModelOption.LoadedModel m = e.getValue();
            DerivedPrism md;
            int order = orders.get(f);
            try (Progress bar = Progress.start(m.name() + " c_0..c_" + order, order + 1, true)) {
                md = new org.prism.regime.PrismDerivation(m.engine(), m.ratios()).derive(m.defaultLoss(), order, false, s -> bar.stepBy(1));
            }
            Path dir = out.resolve("models").resolve(m.name());
            printWritten(dir, modelFolder(md, dir, m.name(), f.toString()));
            modelList.append("- [").append(m.name()).append("](models/").append(m.name()).append("/README.md) (`").append(f.getFileName())
                    .append("`, c_0..c_").append(md.maxOrder()).append(" of the ").append(md.loss()).append(" loss): P has ")
                    .append(md.perOrder().vertices().size()).append(" vertices, dimension ").append(md.perOrder().dimension())
                    .append(md.period() == 1 ? "" : ", one step every " + md.period() + " orders")
                    .append(md.settled() ? ", settled" + (md.families().lagging().isEmpty() ? "" : " (" + md.families().lagging().size()
                            + " faces not reached yet)") : ", **not settled**").append(".\n");
        }
        if (modelList.length() > 0) {
            sections.add("## Other models\n\nEvery model file of `" + examples + "`, derived from its default loss (regime table, faces,"
                    + " Pareto terms, the verdict on P and its figure in each folder):\n\n" + modelList + "\n");
        }
        writer.readme(d, sections);
        files.add("README.md");
        printWritten(out, files);
        return 0;
    }

    /** Tables, polytope figure and README of one model into {@code dir}; the files written. */
    private static List<String> modelFolder(DerivedPrism d, Path dir, String name, String source) throws java.io.IOException {
        ReportWriter writer = new ReportWriter(dir);
        List<String> files = new java.util.ArrayList<>(writer.tables(d));
        writer.modelReadme(d, name, source);
        files.add("README.md");
        return files;
    }

    private void printWritten(Path dir, List<String> files) {
        PrintWriter w = spec.commandLine().getOut();
        for (String f : files) w.println("wrote " + dir.resolve(f));
        w.flush();
    }
}
