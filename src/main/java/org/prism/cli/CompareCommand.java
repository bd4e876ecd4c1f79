package org.prism.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prism.algebra.Point;
import org.prism.algebra.Rational;
import org.prism.autoencoder.compare.Comparer;
import org.prism.autoencoder.compare.Comparison;
import org.prism.autoencoder.compare.ScalingPath;
import org.prism.autoencoder.compare.ScalingPaths;
import org.prism.model.MatrixModel;
import org.prism.regime.DerivedPrism;
import org.prism.regime.FaceLimit;
import org.prism.regime.compare.FaceComparer;
import org.prism.regime.compare.FaceComparison;
import org.prism.regime.compare.GaussianEquivalence;
import org.prism.report.CompareReport;
import org.prism.report.FaceCompareReport;
import org.prism.report.GaussianEquivalenceReport;
import org.prism.report.MultiPoint;
import org.prism.simulation.Integrator;
import org.prism.simulation.ModelSimulator;
import org.prism.simulation.RealData;
import org.prism.simulation.Spectrum;
import org.prism.simulation.TimeGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "compare",
        mixinStandardHelpOptions = true,
        header = "Cross-check B: simulate along a scaling path and compare with the regime's limit curve.",
        description = {
            "Any model: --face NAME or --scaling (as for limit), -p RATIO=VALUE. Simulates the model's own flow (RK4) at",
            "--sizes K points N = N_0 2^j of the face's scaling (every symbol N^u_i x_0,i; sizes rounded), normalises each",
            "run as the limit does, and compares the mean with the limit curve at each point's own ratios, over the times",
            "where the curve is claimed: error and noise per size, the rate r of error ~ N^-r, and a verdict: pass",
            "(at most 5%% at the largest size, falling or within the noise), fail (three sizes or more, above 5%% and",
            "r below half the rate at which the path approaches the face) or inconclusive (with why). Exit code 1 on fail. JSON: {\"model\",\"face\",\"direction\",",
            "\"params\",\"timeUnit\",\"taus\",\"sizes\":[{\"n\",\"at\",\"runs\",\"timeScale\",\"normalisation\",\"error\",",
            "\"noise\",\"seconds\",\"predicted\",\"mean\",\"se\"}],\"rates\",\"verdict\",\"reason\"}.",
            "",
            "The tied autoencoder's closed forms, -r REGIME:",
            "Runs the gradient flow (RK4) at K sizes doubling along the regime's scaling path, normalises every run",
            "as the regime's limit does, and compares the mean curve with the limit: per size the max relative error",
            "over the time grid (train and pop), and the rate r of error ~ size^-r fitted over the sizes.",
            "Regimes: large-data, mean-field, narrow-latent, small-data, free (its end laws free-narrow and free-wide,",
            "and y = 1 against the resummed face series: free-y1-gamma0, free-y1-gamma-half, and the free regime's own",
            "flow free-dynamics-y1-gamma-half; each also by name).",
            "Writes DIR/P.csv (size,t,loss,predicted,sim_mean,sim_se,rel_error), DIR/P.png (300 dpi), .svg and .pdf (prediction",
            "black; mean per size with a +-2 SE band), DIR/P.tex (booktabs) and DIR/P-standalone.tex for each path P.",
            "JSON: {\"regime\":R,\"paths\":[{\"name\",\"regime\",\"parameters\",\"scaling\",\"sizes\":[{\"size\",\"d\",\"m\",\"n\",",
            "\"sigma2\",\"runs\",\"trainMaxRelError\",\"popMaxRelError\",\"trainMaxZ\",\"popMaxZ\",\"seconds\"}],\"trainRate\",",
            "\"popRate\",\"notes\",\"verdict\",\"reason\"}],\"files\":[...]} (null where a loss has no prediction). Verdicts as for",
            "--face, over the times the prediction is reliable; exit code 1 when a path fails; --quick is inconclusive by design.",
            "",
            "Gaussian equivalence, --data FILE with a model that declares its covariance: the model trained on the data set, on Gaussian",
            "data with its covariance (paired runs) and by the diagrams at that covariance's moments (--face NAME: that face's limit too),",
            "at the data's own sizes; -p gives the other symbols, --t-max the horizon in t."})
public final class CompareCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    DerivationOptions derivation;

    @Mixin
    FaceOptions faces;

    @Option(names = {"-r", "--regime"}, paramLabel = "NAME",
            description = "large-data, mean-field, narrow-latent, small-data or free (or one free path by name).")
    String regime;

    @Mixin
    PointOptions point;

    @Option(names = "--order", paramLabel = "S", description = "--face: the face series' order (default: the derivation's -S).")
    Integer order;

    @Option(names = "--t-max", paramLabel = "TAU", defaultValue = "1", description = "--face: compare on [0, TAU] in tau = t/T, cut to where"
            + " the limit curve is claimed (default: ${DEFAULT-VALUE}).")
    double tauMax;

    @Option(names = "--points", paramLabel = "K", defaultValue = "11", description = "--face: time points (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--max-seconds", paramLabel = "S", defaultValue = "60", description = "--face: no size whose run would take longer"
            + " (extrapolated from the previous size; default: ${DEFAULT-VALUE}).")
    double maxSeconds;

    @Option(names = "--seeds", paramLabel = "K", description = "Runs at the largest size (smaller sizes get more; default: per regime).")
    Integer seeds;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Base seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sizes", paramLabel = "K", description = "Number of doubling steps from the smallest size (default: per regime, 3 or 4).")
    Integer sizes;

    @Option(names = "--quick", description = "The smallest 3 sizes with 2 runs at the largest (a smoke test).")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: reports/compare; with --quick: prism-compare-quick in"
            + " the system's temporary folder, so a smoke test never overwrites the committed reports).")
    Path out;

    @Option(names = "--threads", paramLabel = "K", description = "Worker threads (default: available processors).")
    Integer threads;

    @Mixin
    DataSetOptions data;

    @Option(names = "--dt", paramLabel = "DT", defaultValue = "1/100", description = "With --data: the RK4 step (default: ${DEFAULT-VALUE}).")
    double dt;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        data.check();
        if (data.given()) return dataCompare();
        if (faces.given()) return faceCompare();
        if (regime == null) throw new IllegalArgumentException("give --face or --scaling (a face of any model) or --regime (the tied autoencoder's paths)");
        derivation.loaded().requireTiedAutoencoder("Comparisons with the closed-form limits (-r)");
        List<ScalingPath> paths = ScalingPaths.forName(regime, new ScalingPaths.Options(sizes, seeds, quick,
                LimitInput.toDoubles(point.single("is for --face; -r takes one point (-p)"))).withEngine(Session.current().tiedAutoencoder()));
        Path folder = outputFolder();
        Comparer comparer = new Comparer(threads == null ? Runtime.getRuntime().availableProcessors() : threads, Session.current().cache());
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectMapper mapper = CompareReport.mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("regime", regime.strip());
        ArrayNode jsonPaths = root.putArray("paths");
        List<Path> files = new ArrayList<>();
        boolean failed = false;
        for (ScalingPath path : paths) {
            Comparison c;
            try (Progress bar = Progress.start("compare " + path.name(), path.totalSteps(), true)) {
                c = comparer.run(path, seed, bar.listener(err, "prism compare"));
            }
            List<Path> written = CompareReport.writeAll(c, folder);
            files.addAll(written);
            failed |= c.verdict(quick).verdict() == FaceComparison.Verdict.FAIL;
            if (format == Format.json) {
                jsonPaths.add(CompareReport.json(mapper, c, quick));
            } else {
                CompareReport.text(o, c, quick);
                for (Path f : written) o.println("wrote " + f);
                o.println();
            }
            o.flush();
        }
        if (format == Format.json) {
            ArrayNode f = root.putArray("files");
            files.forEach(p -> f.add(p.toString()));
            o.println(mapper.writeValueAsString(root));
        }
        o.flush();
        return failed ? 1 : 0;
    }

    /** --data: the real data set against its Gaussian twin and the diagrams; files only with --out. */
    private Integer dataCompare() throws Exception {
        if (regime != null) throw new IllegalArgumentException("--data compares at the data's own sizes: not with -r");
        ModelOption.LoadedModel m = derivation.loaded();
        MatrixModel model = m.requireMatrix("--data");
        RealData set = data.read();
        Point others = new Point(point.single("is not for --data"));
        int runs = seeds != null ? seeds : quick ? 4 : 32;
        int top = order != null ? order : derivation.maxOrder();
        Limits.require(m, List.copyOf(m.source().losses().keySet()), top, false);
        if (points < 2) throw new IllegalArgumentException("--points must be >= 2, got " + points);
        int steps = (int) Math.ceil(tauMax / dt);
        // the points asked for, and the first five steps: the diagrams' series is claimed at small t only
        List<Double> times = new ArrayList<>();
        for (int j = 0; j < points; j++) times.add(steps * dt * j / (points - 1));
        for (int j = 1; j <= Math.min(5, steps); j++) times.add(j * dt);
        TimeGrid grid = TimeGrid.of(dt, steps, null, 1, times);
        ModelSimulator simulator = Session.current().simulator(threads);
        GaussianEquivalence.Result r;
        try (Progress bar = Progress.start("compare --data", 2L * steps * runs, true)) {
            r = GaussianEquivalence.run(m.engine(), model, set, others, grid, Integrator.RK4, runs, seed, top, simulator,
                    bar.listener(spec.commandLine().getErr(), "prism compare"));
        }
        if (faces.given()) r = withFace(r, m);
        PrintWriter o = spec.commandLine().getOut();
        if (format == Format.json) {
            GaussianEquivalenceReport.json(o, r);
        } else {
            GaussianEquivalenceReport.text(o, r);
        }
        if (out != null) {
            Files.createDirectories(out);
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("gaussian-equivalence.csv")))) {
                GaussianEquivalenceReport.csv(w, r);
            }
            List<Path> files = new ArrayList<>(GaussianEquivalenceReport.figure(r, out.resolve("gaussian-equivalence")));
            files.add(out.resolve("gaussian-equivalence.csv"));
            spec.commandLine().getErr().println("prism compare: wrote " + String.join(", ", files.stream().map(Path::toString).toList()));
        }
        return 0;
    }

    /** --data --face: the face's limit taken at the data's own ratios and its covariance's moments. */
    private GaussianEquivalence.Result withFace(GaussianEquivalence.Result r, ModelOption.LoadedModel m) {
        DerivedPrism d = derivation.derive();
        FaceOptions.Choice choice = faces.choose(d);
        return GaussianEquivalence.withFace(r, m.engine(), d, choice.label(), choice.direction(), derivation.faceLosses(), m.ratios(),
                order != null ? order : d.maxOrder());
    }

    private Path outputFolder() {
        if (out != null) return OutputFolder.require(out, "--out");
        return quick ? Path.of(System.getProperty("java.io.tmpdir"), "prism-compare-quick") : Path.of("reports", "compare");
    }

    /** A face of any model against its simulation; exit code 1 on fail. */
    private int faceCompare() throws Exception {
        if (regime != null) throw new IllegalArgumentException("give either --regime or --face/--scaling, not both");
        ModelOption.LoadedModel loaded = derivation.loaded();
        // a covariance: the runs draw their data from --spectrum at every size, the limit takes that law's limiting moments
        List<String> moments = loaded.engine().moments();
        Map<String, Rational> lawMoments = new LinkedHashMap<>();
        if (!moments.isEmpty()) {
            if (derivation.spectrum == null) {
                throw new IllegalArgumentException("model " + loaded.name() + " draws its data from a covariance: give its spectrum, e.g. --spectrum"
                        + " levels:1/2,3/2 (a law with bounded moments; the limit takes them, the runs draw from it)");
            }
            List<Rational> limit = Spectrum.limitMoments(derivation.spectrum, moments.size()).orElseThrow(() -> new IllegalArgumentException(
                    "--spectrum " + derivation.spectrum + " has no bounded limiting moments; compare --face needs a law with them: levels:.. or spiked:.."));
            for (int k = 0; k < moments.size(); k++) lawMoments.put(moments.get(k), limit.get(k));
        }
        DerivedPrism d = derivation.derive();
        FaceOptions.Choice choice = faces.choose(d);
        List<String> losses = derivation.faceLosses();
        int s = order != null ? order : d.maxOrder();
        FaceComparer.Options opts = new FaceComparer.Options(sizes == null ? (quick ? 3 : 6) : sizes, seeds == null ? (quick ? 2 : 8) : seeds,
                tauMax, points, quick ? 5 : maxSeconds);
        List<Map<String, Rational>> pts = point.points();
        Map<String, Rational> firstPoint = new LinkedHashMap<>(pts.get(0));
        lawMoments.forEach(firstPoint::putIfAbsent);
        FaceLimit first = faces.limit(loaded, d, choice, losses, firstPoint, s, derivation.leading);
        ModelSimulator simulator = Session.current().simulator(threads);
        String law = derivation.spectrum;
        FaceComparer comparer = moments.isEmpty() ? new FaceComparer(simulator) : new FaceComparer(simulator, size -> Spectrum.parse(law, size));
        Path folder = out == null ? null : OutputFolder.require(out, "--out");
        boolean[] failed = {false};
        MultiPoint.write(spec.commandLine().getOut(), format.name(), pts, point.gridNames(), (values, w) -> {
            FaceLimit limit = first.with(values);
            FaceComparison c;
            try (Progress bar = Progress.start("compare " + choice.label(), -1, true)) {
                c = comparer.run(loaded.name(), loaded.source(), loaded.engine().matrixModel().orElse(null), d, limit, opts, seed, bar::stepBy);
            }
            if (quick) c = c.quick();
            failed[0] |= c.verdict() == FaceComparison.Verdict.FAIL;
            switch (format) {
                case text -> FaceCompareReport.text(w, d, c);
                case json -> FaceCompareReport.json(w, d, c);
            }
            if (folder != null) {
                Files.createDirectories(folder);
                String base = loaded.name() + "-" + choice.label().replaceAll("[^A-Za-z0-9-]+", "_")
                        + (pts.size() > 1 ? "-" + LimitInput.pointName(values, point.gridNames()) : "");
                try (var csv = Files.newBufferedWriter(folder.resolve(base + ".csv"))) {
                    FaceCompareReport.csv(csv, c);
                }
                if (format == Format.text) w.write("wrote " + folder.resolve(base + ".csv") + System.lineSeparator());
            }
        });
        return failed[0] ? 1 : 0;
    }
}
