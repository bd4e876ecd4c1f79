package org.prism.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;
import org.prism.algebra.Point;
import org.prism.algebra.Rational;
import org.prism.diagram.MomentWick;
import org.prism.diagram.TruncatedSeries;
import org.prism.model.MatrixModel;
import org.prism.model.RandomMatrix;
import org.prism.simulation.GradientDescentSimulator;
import org.prism.simulation.ModelSimulationParams;
import org.prism.simulation.ModelSimulationReport;
import org.prism.simulation.ModelSimulationResult;
import org.prism.simulation.ModelSimulator;
import org.prism.simulation.ProgressListener;
import org.prism.simulation.RealData;
import org.prism.simulation.Spectrum;
import org.prism.simulation.TimeGrid;
import org.prism.simulation.Integrator;
import org.prism.simulation.SeriesColumns;
import org.prism.simulation.SimulationParams;
import org.prism.simulation.SimulationPlan;
import org.prism.simulation.SimulationReport;
import org.prism.simulation.SimulationResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        header = "Simulate gradient descent; print the mean loss curves over seeds.",
        description = {
            "Independent numerical check of the expansion: W (m x d) ~ N(0, sigma2),",
            "X (d x n) ~ N(0, 1); full-batch gradient descent on the train loss",
            "L_tr = tr((A-I) Sigma (A-I))/2 with step dt (euler), or the gradient flow",
            "itself (rk4). Records L_tr and L_pop = ||A-I||_F^2/2 every --record-every",
            "steps, as mean and standard error over --seeds runs (run in parallel;",
            "identical results for any number of threads).",
            "Cost per step O(m d^2 + m^2 d), or O(m d n + m^2 d) when n < d/2 (Sigma is",
            "then never formed); memory O(md + d^2) per thread.",
            "Output: text (the CSV after # comment lines); csv with columns",
            "t,train_mean,train_se,pop_mean,pop_se; json {\"params\":{...},\"times\":[...],",
            "\"train\":{\"mean\":[...],\"se\":[...]},\"pop\":{\"mean\":[...],\"se\":[...]}}.",
            "A run whose loss blows up stops with a one-line error (exit code 2) saying",
            "which dt would be stable.",
            "Any other model (--model FILE) runs on the generic simulator: every symbol",
            "by --at (e.g. --at d=32,m=16,n=64,sigma2=1/32), its tensors drawn as declared,",
            "its flow integrated, every loss recorded (matrix models by planned matrix",
            "products, any other model by pairwise tensor contractions); csv columns",
            "t,<loss>_mean,<loss>_se,...; json {\"params\":{\"model\",\"at\",...},",
            "\"times\":[...],\"losses\":{\"<loss>\":{\"mean\":[...],\"se\":[...]},...}}.",
            ""})
public final class SimulateCommand implements Callable<Integer> {
    enum Format { text, csv, json }

    enum Method { euler, rk4 }

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @Option(names = "--d", paramLabel = "D", description = "Input dimension d (rows of X, columns of W).")
    Integer d;

    @Option(names = "--m", paramLabel = "M", description = "Latent dimension m (rows of W).")
    Integer m;

    @Option(names = "--n", paramLabel = "N", description = "Number of data points n (columns of X).")
    Integer n;

    @Option(names = "--sigma2", paramLabel = "S2", description = "Variance sigma^2 of the entries of W(0), exact: 1/64, 0.015625, 1e-2.")
    String sigma2;

    @Option(names = "--at", paramLabel = "POINT",
            description = "Every symbol of the model, e.g. d=32,m=16,n=64,sigma2=1/32 (x2 gives x^2; sizes are integers): "
                    + "the generic simulator, for any model file (the tied autoencoder takes --d --m --n --sigma2 instead).")
    String at;

    @Option(names = "--dt", paramLabel = "DT", description = "Step (learning rate); with --t-max, an upper bound. Default: half the"
            + " smallest stability limit that the runs' own check estimates at their draws (at most 16 runs; said on stderr).")
    Double dt;

    static final class Horizon {
        @Option(names = "--steps", required = true, paramLabel = "K", description = "Number of steps.")
        Integer steps;

        @Option(names = "--t-max", required = true, paramLabel = "T",
                description = "Final time: ceil(T/dt) steps, dt lowered to T/steps.")
        Double tMax;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Horizon horizon;

    @Option(names = "--record-every", defaultValue = "0", paramLabel = "K",
            description = "Record every K steps and at the last one (default: 0 = about 100 intervals).")
    int recordEvery;

    @Option(names = "--times", split = ",", paramLabel = "T",
            description = "Record at these times instead (each rounded to the nearest step), e.g. 0,0.1,0.5.")
    List<Double> times;

    @Option(names = "--integrator", defaultValue = "euler",
            description = "${COMPLETION-CANDIDATES}: gradient descent, or the gradient-flow reference (default: ${DEFAULT-VALUE}).")
    Method integrator;

    @Option(names = "--seeds", defaultValue = "1", paramLabel = "K", description = "Independent runs to average (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Base seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--fixed-data", description = "One data set X for all seeds; only W(0) is resampled.")
    boolean fixedData;

    @Option(names = "--series", paramLabel = "S",
            description = "Also print, per loss, the exact expected loss sum_{s<=S} c_s t^s/s! at these sizes (column <loss>_series;"
                    + " asymptotic: good at small t only).")
    Integer series;

    @Mixin
    DataSetOptions data;

    @Option(names = "--spectrum", paramLabel = "LAW", description = "Data columns ~ N(0, C), C by its eigenvalues (the tied autoencoder, or a model that declares its covariance):"
            + " power:alpha=A (i^-A, normalised to mean 1), spiked:k=K,theta=T (K eigenvalues 1+T, the rest 1), levels:L1,..,Lr (cycling"
            + " through the levels) or file:PATH.")
    String spectrum;

    @Option(names = "--runs", description = "With --format json: every run's curve beside the mean (\"runs\":[[..],..] per loss); with"
            + " --format csv: one row per run and time (run,t,<loss>,...) instead of the means.")
    boolean runs;

    @Option(names = "--threads", paramLabel = "K", description = "Worker threads (default: available processors).")
    Integer threads;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        if (series != null && series < 0) throw new IllegalArgumentException("--series must be >= 0, got " + series);
        if (runs && format == Format.text) throw new IllegalArgumentException("--runs needs --format json or csv (the text shows means)");
        ModelOption.LoadedModel loaded = modelOption.load();
        data.check();
        if (data.given() && (at != null || !loaded.isTiedAutoencoder())) {
            throw new IllegalArgumentException("--data trains the tied autoencoder (--d, --m, --n, --sigma2), not --at or another model");
        }
        Optional<RandomMatrix> covariance = loaded.engine().matrixModel().flatMap(MatrixModel::covariance);
        if (spectrum != null && covariance.isEmpty() && (data.given() || at != null || !loaded.isTiedAutoencoder())) {
            throw new IllegalArgumentException("--spectrum draws Gaussian data with a covariance: the tied autoencoder's (--d, --m, --n, --sigma2),"
                    + " or a model that declares one (covariance C[d], as examples/tied-autoencoder-covariance.prism); not with --data");
        }
        if (spectrum != null && series != null && covariance.isEmpty()) {
            throw new IllegalArgumentException("--series with --spectrum needs the coefficients in the moments of C: use a model that declares its"
                    + " covariance, examples/tied-autoencoder-covariance.prism for the tied autoencoder");
        }
        if (at != null || !loaded.isTiedAutoencoder()) return generic(loaded);
        RealData real = null;
        if (data.given()) {
            if (series != null) throw new IllegalArgumentException("--series is the exact expected loss of Gaussian data: not with --data");
            real = data.read();
            if ((d != null && d != real.d()) || (n != null && n != real.n())) {
                throw new IllegalArgumentException("--data " + data.file + " has d = " + real.d() + " features and n = " + real.n() + " samples; leave out --d and --n");
            }
            d = real.d();
            n = real.n();
            fixedData = true;
        }
        if (d == null || m == null || n == null || sigma2 == null) {
            throw new IllegalArgumentException("the tied autoencoder needs --d, --m, --n and --sigma2" + (data.given() ? " (--m and --sigma2 with --data)" : ""));
        }
        Rational variance = LimitInput.parseNumber(sigma2, "--sigma2");
        DMatrixRMaj given = real == null ? null : real.x();
        Spectrum law = spectrum == null ? null : Spectrum.parse(spectrum, d);
        Integrator method = integrator == Method.rk4 ? Integrator.RK4 : Integrator.EULER;
        GradientDescentSimulator simulator = (threads == null ? new GradientDescentSimulator() : new GradientDescentSimulator(threads))
                .withCache(Session.current().cache());
        double step = dt != null ? dt : suggested(() -> simulator.suggestStep(d, m, n, variance.doubleValue(), method, seeds, seed, fixedData,
                given, law));
        SimulationParams params = SimulationParams.builder()
                .d(d).m(m).n(n).sigma2(variance.doubleValue()).dt(step).steps(horizon.steps).tMax(horizon.tMax)
                .recordEvery(recordEvery).recordTimes(times)
                .integrator(method)
                .seeds(seeds).seed(seed).fixedData(fixedData)
                .build();
        Point point = new Point(Map.of("d", Rational.of(d), "m", Rational.of(m), "n", Rational.of(n), "sigma2", variance));
        if (series != null) Limits.require(loaded, List.of("train", "pop"), series, false);
        SimulationPlan plan = simulator.plan(params);
        SimulationResult result;
        try (Progress bar = Progress.start("simulate", (long) params.steps() * params.seeds(), plan.totalMultiplyAdds(params) > 2e10)) {
            result = simulator.run(params, given, law, bar.holdingListener());
            bar.printHeldWarnings(spec.commandLine().getErr(), "prism simulate");
        }
        SeriesColumns columns = seriesColumns(loaded, point, List.of("train", "pop"), result.times());
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case text -> SimulationReport.text(out, result, columns, real, law);
            case csv -> SimulationReport.csv(out, result, columns, runs);
            case json -> SimulationReport.json(out, result, columns, runs, real, law);
        }
        out.flush();
        return 0;
    }

    /**
     * Any model: the generic simulator at the point --at, on matrix-chain products for a matrix model,
     * else on pairwise tensor contractions.
     */
    private Integer generic(ModelOption.LoadedModel loaded) throws Exception {
        Optional<MatrixModel> matrix = loaded.engine().matrixModel();
        List<String> symbols = List.copyOf(loaded.source().symbols());
        if (d != null || m != null || n != null || sigma2 != null) {
            throw new IllegalArgumentException("with --at (or a model other than the tied autoencoder) give every symbol in --at, "
                    + "not --d, --m, --n or --sigma2 (symbols of " + loaded.name() + ": " + String.join(", ", symbols) + ")");
        }
        if (at == null) {
            throw new IllegalArgumentException("model " + loaded.name() + " needs --at with a value for each of its symbols: "
                    + String.join(", ", symbols));
        }
        Point point = Point.parse(at);
        Spectrum law = spectrum == null ? null : Spectrum.parse(spectrum, covarianceSize(matrix, point));
        Integrator method = integrator == Method.rk4 ? Integrator.RK4 : Integrator.EULER;
        ModelSimulator simulator = Session.current().simulator(threads);
        double step = dt != null ? dt : suggested(() -> matrix.isPresent() ? simulator.suggestStep(matrix.get(), point, law, method, seeds, seed, fixedData)
                : simulator.suggestStep(loaded.source(), point, method, seeds, seed, fixedData));
        ModelSimulationParams params = new ModelSimulationParams(point, TimeGrid.of(step, horizon.steps, horizon.tMax, recordEvery, times),
                method, seeds, seed, fixedData, law);
        if (series != null) Limits.require(loaded, List.copyOf(loaded.source().losses().keySet()), series, false);
        ModelSimulationResult result;
        long steps = (long) params.grid().steps() * params.seeds();
        double work = matrix.isPresent() ? ModelSimulator.totalMultiplyAdds(matrix.get(), params)
                : ModelSimulator.totalMultiplyAdds(loaded.source(), params);
        try (Progress bar = Progress.start("simulate", steps, work > 2e10)) {
            ProgressListener listener = bar.holdingListener();
            result = matrix.isPresent() ? simulator.run(matrix.get(), params, listener) : simulator.run(loaded.source(), params, listener);
            bar.printHeldWarnings(spec.commandLine().getErr(), "prism simulate");
        }
        SeriesColumns columns = seriesColumns(loaded, law == null ? params.at() : withMoments(params.at(), matrix.orElseThrow(), law),
                result.losses(), result.times());
        PrintWriter out = spec.commandLine().getOut();
        if (law != null) spec.commandLine().getErr().println("prism simulate: " + law.header());
        switch (format) {
            case text -> ModelSimulationReport.text(out, result, columns);
            case csv -> ModelSimulationReport.csv(out, result, columns, runs);
            case json -> ModelSimulationReport.json(out, result, columns, runs);
        }
        out.flush();
        return 0;
    }

    /** The value of the covariance's size at the point (the number of eigenvalues a spectrum needs); 1 when there is none to size. */
    private static int covarianceSize(Optional<MatrixModel> matrix, Point point) {
        return matrix.map(m -> m.covarianceSize(point)).orElse(OptionalInt.empty()).orElse(1);
    }

    /** The point with the covariance's moments C_1..C_K of this spectrum (double precision, as decimals), for the series. */
    private static Point withMoments(Point point, MatrixModel model, Spectrum law) {
        Map<String, Rational> values = new LinkedHashMap<>(point.values());
        List<String> names = MomentWick.momentSymbols(model);
        double[] c = law.moments(names.size());
        for (int k = 0; k < names.size(); k++) values.put(names.get(k), Rational.exactDecimal(c[k]));
        return new Point(values);
    }

    /** The step when --dt is not given: the simulator's suggestion, said in one line on stderr. */
    private double suggested(DoubleSupplier suggestion) {
        double step = suggestion.getAsDouble();
        spec.commandLine().getErr().printf(Locale.ROOT, "prism simulate: --dt not given: dt = %.3g, half the smallest stability limit"
                + " estimated at the runs' W(0)%n", step);
        return step;
    }

    /** With --series S: per loss, the exact c_0..c_S at the point, summed at each recording time; else null. */
    private SeriesColumns seriesColumns(ModelOption.LoadedModel loaded, Point point, List<String> losses, double[] at) {
        if (series == null) return null;
        if (fixedData) {
            spec.commandLine().getErr().println("prism simulate: warning: the series is an expectation over the data too; with --fixed-data"
                    + " the simulated means are for one data set");
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        try (Progress bar = Progress.start("series", (long) losses.size() * (series + 1), series >= 7)) {
            for (String loss : losses) {
                TruncatedSeries t = TruncatedSeries.of(loaded.engine().exact(loss), point, series, s -> bar.stepBy(1));
                double[] v = t.values(at);
                for (int i = 0; i < v.length; i++) {
                    if (!Double.isFinite(v[i])) {
                        throw new IllegalArgumentException("the " + loss + " series is " + v[i] + " at t = " + at[i] + ": its terms overflow double precision at this point");
                    }
                }
                values.put(loss, v);
            }
        }
        return new SeriesColumns(series, values);
    }
}
