package org.prism.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prism.algebra.Point;
import org.prism.algebra.Rational;
import org.prism.autoencoder.LimitCheck;
import org.prism.autoencoder.compare.Comparer;
import org.prism.autoencoder.compare.Comparison;
import org.prism.autoencoder.compare.ScalingPath;
import org.prism.autoencoder.compare.ScalingPaths;
import org.prism.model.Models;
import org.prism.model.lang.ModelFile;
import org.prism.regime.AlphaScan;
import org.prism.geometry.IntVector;
import org.prism.regime.DerivedPrism;
import org.prism.regime.Regime;
import org.prism.regime.PrismDerivation;
import org.prism.regime.compare.FaceComparer;
import org.prism.regime.compare.FaceSweep;
import org.prism.regime.compare.GaussianEquivalence;
import org.prism.report.AlphaScanReport;
import org.prism.report.CompareReport;
import org.prism.report.FaceSweepReport;
import org.prism.report.GaussianEquivalenceReport;
import org.prism.report.ReportWriter;
import org.prism.simulation.Integrator;
import org.prism.simulation.RealData;
import org.prism.simulation.TimeGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    @Option(names = "--no-faces", description = "Skip the face comparisons of the example models (every regime's limit against its simulation).")
    boolean noFaces;

    @Option(names = "--face-seconds", paramLabel = "S", defaultValue = "10", description = "Face comparisons: no size whose run would take longer"
            + " (default: ${DEFAULT-VALUE}; with --quick 2).")
    double faceSeconds;

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
            DerivedPrism md = derivation.derive();
            String facesSection = "";
            if (!tablesOnly && !noFaces) {
                List<FaceSweep.Outcome> outcomes = faceSweep(derivation.loaded(), md);
                printWritten(dir.resolve("faces"), FaceSweepReport.files(dir.resolve("faces"), md, outcomes));
                facesSection = FaceSweepReport.section(md, outcomes, FaceSweeps.FACE_ORDER);
            }
            printWritten(dir, modelFolder(md, dir, derivation.loaded().name(), derivation.model.file.toString(), facesSection));
            return 0;
        }
        if (!Files.isDirectory(examples)) {
            throw new IllegalArgumentException("--examples: no folder '" + examples + "' (run from the project folder, or give --examples DIR)");
        }
        Map<Path, ModelOption.LoadedModel> models = new LinkedHashMap<>(); // by file, in file order
        Map<Path, Integer> orders = new LinkedHashMap<>();
        try (var list = Files.list(examples)) {
            for (Path f : list.filter(p -> p.toString().endsWith(".prism")).sorted().toList()) {
                ModelOption.LoadedModel m = ModelOption.LoadedModel.of(ModelFile.read(f));
                orders.put(f, modelsOrder != null ? modelsOrder : m.defaultOrder());
                Limits.require(m, List.of(m.defaultLoss()), orders.get(f), false); // before anything is written
                models.put(f, m);
            }
        }
        DerivedPrism d = derivation.derive();
        ReportWriter writer = new ReportWriter(out);
        List<String> files = new ArrayList<>(writer.tables(d));
        files.addAll(writer.checkLimits(LimitCheck.run(Models.tiedAutoencoder(),
                Models.tiedAutoencoderRatios(), List.of("train", "pop"), derivation.maxOrder())));
        List<String> sections = new ArrayList<>();
        if (!tablesOnly) {
            List<Comparison> comparisons = new ArrayList<>();
            Comparer comparer = new Comparer(Runtime.getRuntime().availableProcessors(), Session.current().cache());
            for (String regime : ScalingPaths.REGIMES) {
                for (ScalingPath path : ScalingPaths.forName(regime,
                        new ScalingPaths.Options(null, null, quick).withEngine(Session.current().tiedAutoencoder()))) {
                    try (Progress bar = Progress.start("compare " + path.name(), path.totalSteps(), true)) {
                        comparisons.add(comparer.run(path, 0L, bar::stepBy));
                    }
                    for (Path f : CompareReport.writeAll(comparisons.get(comparisons.size() - 1), out.resolve("compare"))) {
                        files.add(out.relativize(f).toString());
                    }
                }
            }
            sections.add(ReportWriter.compareSection(comparisons));
        }
        StringBuilder modelList = new StringBuilder();
        StringBuilder faceTable = new StringBuilder();
        long facesStart = System.nanoTime();
        boolean faces = !tablesOnly && !noFaces;
        for (Map.Entry<Path, ModelOption.LoadedModel> e : models.entrySet()) {
            Path f = e.getKey();
            ModelOption.LoadedModel m = e.getValue();
            int order = orders.get(f);
            DerivedPrism md = m.derive(order);
            Path dir = out.resolve("models").resolve(m.name());
            String facesSection = "";
            List<String> scanFiles = List.of();
            if (faces) {
                List<FaceSweep.Outcome> outcomes = faceSweep(m, md);
                List<String> written = FaceSweepReport.files(dir.resolve("faces"), md, outcomes);
                printWritten(dir.resolve("faces"), written);
                facesSection = FaceSweepReport.section(md, outcomes, FaceSweeps.FACE_ORDER);
                if (!m.engine().moments().isEmpty()) {
                    facesSection += "\nThe runs draw their data from the spectrum `" + FaceSweeps.COVARIANCE_LAW + "` at every size, and each limit takes that law's"
                            + " moments C_k.\n";
                }
                for (var o : outcomes) faceTable.append(FaceSweepReport.summaryRow(m.name(), o));
            }
            if (!m.engine().moments().isEmpty()) {
                // a covariance: its polytope along the power-law spectra
                scanFiles = alphaScan(m, order, dir);
                facesSection += "\n## Power-law spectra\n\nThe polytope along spectra lambda_i ~ i^-alpha (normalised to mean 1): `prism prism --model "
                        + f + " --alpha-scan` gives [alpha-scan.txt](alpha-scan.txt); the exponent of d in every family of P against alpha:\n\n"
                        + "![alpha scan](alpha-scan.png)\n";
            }
            List<String> written = new ArrayList<>(modelFolder(md, dir, m.name(), f.toString(), facesSection));
            written.addAll(scanFiles);
            printWritten(dir, written);
            modelList.append("- [").append(m.name()).append("](models/").append(m.name()).append("/README.md) (`").append(f.getFileName())
                    .append("`, c_0..c_").append(md.maxOrder()).append(" of the ").append(md.loss()).append(" loss): P has ")
                    .append(md.perOrder().vertices().size()).append(" vertices, dimension ").append(md.perOrder().dimension())
                    .append(md.period() == 1 ? "" : ", one step every " + md.period() + " orders")
                    .append(md.settled() ? ", settled" + (md.families().lagging().isEmpty() ? "" : " (" + md.families().lagging().size()
                            + " faces not reached yet)") : ", **not settled**").append(".\n");
        }
        if (!tablesOnly) {
            String digits = digitsPage(models);
            if (digits != null) sections.add(digits);
        }
        if (modelList.length() > 0) {
            sections.add("## Other models\n\nEvery model file of `" + examples + "`, derived from its default loss (regime table, faces,"
                    + " Pareto terms, the verdict on P and its figure in each folder):\n\n" + modelList + "\n");
        }
        String opening = "";
        if (faces) {
            opening = "## Every regime of every model against its simulation\n\n"
                    + "For each example model with a settled polytope and each regime (facet): its limit from the face series (the ratios the face"
                    + " keeps fixed all at " + FaceSweep.RATIO + "), against the model's own training simulated at doubling N"
                    + " along the face's scaling (`prism compare --model FILE --face NAME --fixed-ratios 1/2`; sizes stop where one would take more than "
                    + (quick ? 2 : faceSeconds) + " s). Error: max over the compared times of |mean - limit| / max |limit| at the largest N; rate: r in"
                    + " error ~ N^-r; verdict as `compare` gives it (docs/limits.md). "
                    + String.format(Locale.ROOT, "This table took %.0f s.", (System.nanoTime() - facesStart) / 1e9) + "\n\n"
                    + "| model | face | time | compared on | largest N | error | rate | verdict |\n|---|---|---|---|---|---|---|---|\n"
                    + faceTable + "\n";
        }
        writer.readme(d, opening, sections);
        files.add("README.md");
        printWritten(out, files);
        return 0;
    }

    /** Tables, polytope figure and README of one model into {@code dir}; the files written. */
    private static List<String> modelFolder(DerivedPrism d, Path dir, String name, String source) throws IOException {
        return modelFolder(d, dir, name, source, "");
    }

    private static List<String> modelFolder(DerivedPrism d, Path dir, String name, String source, String extra) throws IOException {
        ReportWriter writer = new ReportWriter(dir);
        List<String> files = new ArrayList<>(writer.tables(d));
        writer.modelReadme(d, name, source, extra);
        files.add("README.md");
        return files;
    }

    private void printWritten(Path dir, List<String> files) {
        PrintWriter w = spec.commandLine().getOut();
        for (String f : files) w.println("wrote " + dir.resolve(f));
        w.flush();
    }

    /** The alpha scan of a model with a covariance into {@code dir}: alpha-scan.txt and its figure; the files written. */
    private static List<String> alphaScan(ModelOption.LoadedModel m, int order, Path dir) throws IOException {
        String loss = m.defaultLoss();
        AlphaScan.Outcome o;
        try (Progress bar = Progress.start(m.name() + " alpha scan", order + 1, true)) {
            o = AlphaScan.run(m.engine(), m.names(), loss, order, SCAN_RESOLUTION, s -> bar.stepBy(1));
        }
        Files.createDirectories(dir);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve("alpha-scan.txt")))) {
            AlphaScanReport.text(w, o.result(), m.name(), loss, order, m.engine().momentSize(), o.derivations());
        }
        List<String> files = new ArrayList<>(List.of("alpha-scan.txt"));
        for (Path p : AlphaScanReport.figure(o.result(), m.name(), m.engine().momentSize(), dir.resolve("alpha-scan"))) files.add(p.getFileName().toString());
        return files;
    }

    /** The data set of the Gaussian-equivalence page, its label column, and the model it is compared with. */
    static final Path DIGITS = Path.of("examples/data/digits.csv.gz");
    static final String DIGITS_MODEL = "tied-autoencoder-covariance";
    /** How to read the digits page: the tied autoencoder's flow sees its data only through X X^T / n. */
    static final String DIGITS_READING = "The tied autoencoder's flow sees the data only through S = X X^T/n. On the real data S is the data's"
            + " covariance Sigma itself; in the twin it is a Wishart sample around Sigma, of relative fluctuation ~ sqrt(d/n). So real and"
            + " twin differ by that sampling fluctuation and by whatever in the digits is not Gaussian, which can act only through S; the"
            + " diagrams give the twin's expectation exactly (to the orders computed) where their resummation is claimed.";

    /**
     * Gaussian equivalence on the digits (compare --data) into data/digits/: its page, figure and CSV (each said as
     * written); the section of the top README, or null when the data set or the model is not there.
     */
    private String digitsPage(Map<Path, ModelOption.LoadedModel> models) throws Exception {
        ModelOption.LoadedModel m = models.values().stream().filter(x -> x.name().equals(DIGITS_MODEL)).findFirst().orElse(null);
        if (m == null || !Files.exists(DIGITS)) return null;
        RealData set = RealData.read(DIGITS, 65);
        int seeds = quick ? 4 : 64;
        double dt = 0.01;
        int steps = 200;
        List<Double> times = new ArrayList<>();
        for (int j = 0; j <= 10; j++) times.add(steps * dt * j / 10);
        for (int j = 1; j <= 5; j++) times.add(j * dt);
        GaussianEquivalence.Result r;
        try (Progress bar = Progress.start("digits: real, twin, diagrams", 2L * steps * seeds, true)) {
            r = GaussianEquivalence.run(m.engine(), m.engine().matrixModel().orElseThrow(), set, Point.parse("m=16,sigma2=1/64"),
                    TimeGrid.of(dt, steps, null, 1, times), Integrator.RK4, seeds, 0L, Limits.MAX_MOMENT_EXACT_ORDER, Session.current().simulator(null), bar::stepBy);
        }
        // the large-data face (no family carries a power of the sample size; the digits have d/n = 0.036) at the digits' own ratios
        DerivedPrism d = new PrismDerivation(m.engine(), m.names()).derive(m.defaultLoss(), DerivationOptions.DEFAULT_MAX_ORDER, false, null);
        int n = d.space().index(GaussianEquivalence.samplesSize(m.engine().matrixModel().orElseThrow()));
        for (Regime face : d.regimes(d.perOrder().dimension() - 1)) {
            if (face.face().vertices().stream().anyMatch(v -> v.get(n) != 0)) continue;
            IntVector u = d.simplestScaling(face.face()).orElse(null);
            if (u != null) r = GaussianEquivalence.withFace(r, m.engine(), d, d.label(face), u, m.tracked(), m.ratios(), d.maxOrder());
        }
        Path dir = out.resolve("data").resolve("digits");
        Files.createDirectories(dir);
        StringWriter table = new StringWriter();
        GaussianEquivalenceReport.text(new PrintWriter(table), r);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve("gaussian-equivalence.csv")))) {
            GaussianEquivalenceReport.csv(w, r);
        }
        List<String> written = new ArrayList<>(List.of("README.md", "gaussian-equivalence.csv"));
        for (Path p : GaussianEquivalenceReport.figure(r, dir.resolve("gaussian-equivalence"))) written.add(p.getFileName().toString());
        String command = "prism compare --model examples/" + DIGITS_MODEL + ".prism --data " + DIGITS + " --drop-column 65 -p m=16,sigma2=1/64"
                + " --t-max 2 --points 11 --seeds " + seeds + (r.face() == null ? "" : " --face " + r.face());
        Files.writeString(dir.resolve("README.md"), GaussianEquivalenceReport.page(r, command, DIGITS_READING, table.toString()));
        printWritten(dir, written);
        return GaussianEquivalenceReport.section(r, "data/digits/", "The tied autoencoder with a covariance, trained on the UCI handwritten digits (d = "
                + set.d() + ", n = " + set.n() + "), on Gaussian data with the digits' covariance, and by the diagrams at that covariance's moments",
                "the digits");
    }

    /** How finely an alpha scan brackets the changes of P. */
    static final Rational SCAN_RESOLUTION = Rational.of(1, 64);

    /** Every regime of one model against its simulation (none when its polytope is not settled). */
    private List<FaceSweep.Outcome> faceSweep(ModelOption.LoadedModel m, DerivedPrism md) throws InterruptedException {
        var options = new FaceComparer.Options(quick ? 3 : 5, quick ? 2 : 8, 2, 11, quick ? 2 : faceSeconds);
        List<FaceSweep.Outcome> outcomes;
        try (Progress bar = Progress.start(m.name() + " faces", -1, true)) {
            outcomes = FaceSweeps.run(m, md, options, Session.current().simulator(null), 0L, bar::stepBy, label -> true);
        }
        if (!quick) return outcomes;
        // a quick look is too small to judge convergence: inconclusive by design, as compare --quick says
        return outcomes.stream().map(o -> o.comparison() == null ? o
                : new FaceSweep.Outcome(o.face(), o.families(), o.limit(), o.comparison().quick(), o.skipped())).toList();
    }
}
