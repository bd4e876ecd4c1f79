package org.prism.autoencoder.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.prism.algebra.Point;
import org.prism.algebra.Rational;
import org.prism.model.Models;
import org.prism.simulation.GradientDescentSimulator;
import org.prism.simulation.Integrator;
import org.prism.simulation.ModelSimulationParams;
import org.prism.simulation.ModelSimulationResult;
import org.prism.simulation.ModelSimulator;
import org.prism.simulation.ProgressListener;
import org.prism.simulation.RunBatch;
import org.prism.simulation.RunCache;
import org.prism.simulation.StoredRun;
import org.prism.simulation.SimulationParams;
import org.prism.simulation.SimulationResult;
import org.prism.simulation.TimeGrid;
import org.prism.simulation.Workers;

/**
 * Simulates one step of a {@link ScalingPath}: {@code step.seeds()} independent runs of the gradient
 * flow (RK4, {@code substeps} steps per grid interval) recorded at the grid times.
 *
 * <p>Finite n, no reduction: {@link GradientDescentSimulator#run} (data and W(0) resampled per run).
 * Each run's {@code tr(Sigma)}, when the normalisation needs it, is recomputed from the simulator's
 * documented seeding (root {@code new SplittableRandom(seed)}; its first split is for shared data;
 * then one split {@code r_i} per run, whose first split draws the run's X point by point and whose
 * second split draws W(0)) - checked by tests against the simulator.
 *
 * <p>Otherwise the runs are drawn here with the same streams and integrated by
 * {@link GradientDescentSimulator#trajectory} (the simulator's own RK4 and evaluation routes), in
 * parallel on a fixed pool (deterministic for any thread count):
 * <ul>
 * <li>n = infinity ({@link ScalingPath.Step#INFINITE_N}): {@code X = sqrt(d) I_d} with n = d, so
 * {@code X X^T / n = I} exactly: the population flow, where train and population loss coincide.
 * <li>Gram reduction ({@link ScalingPath.Step#gramReduced}, m >= d): W(0) is replaced by the d x d
 * matrix {@code sigma L^T}, L the Bartlett factor of a Wishart_d(m, I) matrix ({@link #bartlett}).
 * The flow of A = W^T W is closed (dA/dt = -(S A + A S), S a function of A and Sigma) and both
 * losses are functions of A and Sigma, so the loss curves have exactly the law of the m x d
 * simulation, at O(d^3) per step instead of O(m d^2); this is what makes m/d in the hundreds
 * affordable for the mean-field regime. Checked by a test (QR-reduced and full W give the same
 * curves to rounding).
 * </ul>
 */
public final class StepSimulator {
    /** The kind of run batch this simulator keeps in a {@link RunCache}. */
    static final String KIND = "tied-autoencoder-step";

    private final int threads;
    private final RunCache cache;

    public StepSimulator(int threads) {
        this(threads, RunCache.NONE);
    }

    /** A simulator that reads a step's runs from {@code cache} when it holds them all, and keeps every step it runs there. */
    public StepSimulator(int threads, RunCache cache) {
        if (threads < 1) throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        this.threads = threads;
        this.cache = cache;
    }

    /**
     * The raw runs of one step.
     *
     * @param times real recording times
     * @param train {@code [run][time]} train loss
     * @param pop {@code [run][time]} population loss
     * @param traceSigma per run {@code tr(Sigma)} (d at n = infinity; NaN if not computed)
     * @param route the simulator's evaluation route
     */
    public record Runs(double[] times, double[][] train, double[][] pop, double[] traceSigma, String route) {}

    /**
     * The runs of one step, recorded at {@code grid * step.timeScale()}.
     *
     * @param grid uniform time grid from 0 (in the path's time unit)
     * @param substeps RK4 steps per grid interval
     * @param needTrace compute each run's {@code tr(Sigma)} (finite n)
     * @param seed base seed (see the class comment for the streams)
     * @param listener progress (steps done) and warnings, called from worker threads
     */
    public Runs run(ScalingPath.Step step, double[] grid, int substeps, boolean needTrace, long seed, ProgressListener listener)
            throws InterruptedException {
        // a step's runs are kept together: its routes draw and integrate all of them at once
        RunBatch batch = batch(step, grid, substeps, needTrace, seed);
        Runs stored = stored(batch, step, grid, substeps);
        if (stored != null) {
            listener.stepsDone((long) step.seeds() * (grid.length - 1) * substeps);
            return stored;
        }
        long start = System.nanoTime();
        Runs r = compute(step, grid, substeps, needTrace, seed, listener);
        double seconds = (System.nanoTime() - start) / 1e9 / step.seeds();
        for (int i = 0; i < step.seeds(); i++) {
            cache.put(batch, i, new StoredRun(List.of("train", "pop", "tr-sigma", "time"),
                    new double[][] {r.train()[i], r.pop()[i], {r.traceSigma()[i]}, r.times()}, seconds, List.of()));
        }
        return r;
    }

    /** The identity of a step's runs: the tied autoencoder, the step's sizes and seeds, the grid, the sub-steps, the seed. */
    private static RunBatch batch(ScalingPath.Step step, double[] grid, int substeps, boolean needTrace, long seed) {
        double[] times = new double[grid.length];
        for (int i = 0; i < grid.length; i++) times[i] = grid[i] * step.timeScale();
        String point = "d=" + step.d() + ",m=" + step.m() + ",n=" + (step.infiniteData() ? "inf" : step.n()) + ",sigma2=" + step.sigma2();
        String description = "step=" + step + " grid=" + Arrays.toString(grid).replace(" ", "") + " substeps=" + substeps + " trace=" + needTrace
                + " seed=" + seed;
        return new RunBatch(KIND, "tied-autoencoder", Models.tiedAutoencoder().contentHash(), point, description.replace(' ', ';'), times);
    }

    /** The step's runs from the cache when it holds every one, else null. */
    private Runs stored(RunBatch batch, ScalingPath.Step step, double[] grid, int substeps) {
        int k = step.seeds();
        double[][] train = new double[k][];
        double[][] pop = new double[k][];
        double[] trace = new double[k];
        double[] times = null;
        for (int i = 0; i < k; i++) {
            StoredRun s = cache.find(batch, i);
            if (s == null || s.curves().length != 4 || s.curves()[0].length != grid.length) return null;
            train[i] = s.curves()[0];
            pop[i] = s.curves()[1];
            trace[i] = s.curves()[2][0];
            times = s.curves()[3];
        }
        return new Runs(times, train, pop, trace, route(step, grid, substeps));
    }

    private Runs compute(ScalingPath.Step step, double[] grid, int substeps, boolean needTrace, long seed, ProgressListener listener)
            throws InterruptedException {
        int intervals = grid.length - 1;
        double tMax = grid[intervals] * step.timeScale();
        int steps = intervals * substeps;
        double dt = tMax / steps;
        if (step.freeDynamics()) return freeDynamics(step, grid, dt, steps, seed, listener);
        if (step.infiniteData() || step.gramReduced()) return own(step, dt, steps, substeps, seed, listener);
        return viaSimulator(step, grid, dt, tMax, steps, needTrace, seed, listener);
    }

    /**
     * The runs drawn and integrated here rather than by {@link GradientDescentSimulator#run} (for
     * tests: with finite n and no reduction it must reproduce that method's runs).
     */
    Runs runOwn(ScalingPath.Step step, double[] grid, int substeps, long seed, ProgressListener listener) throws InterruptedException {
        int steps = (grid.length - 1) * substeps;
        return own(step, grid[grid.length - 1] * step.timeScale() / steps, steps, substeps, seed, listener);
    }

    private Runs viaSimulator(ScalingPath.Step step, double[] grid, double dt, double tMax, int steps, boolean needTrace, long seed,
            ProgressListener listener) throws InterruptedException {
        SimulationParams p = simulatorParams(step, grid, dt, tMax, seed);
        if (p.steps() != steps || p.recordCount() != grid.length) {
            throw new IllegalStateException("time grid does not fall on the steps (" + p.steps() + " steps, " + p.recordCount() + " records)");
        }
        SimulationResult r = new GradientDescentSimulator(threads).run(p, listener);
        double[] trace = new double[step.seeds()];
        if (needTrace) {
            trace = traces(step, seed);
        } else {
            Arrays.fill(trace, Double.NaN);
        }
        return new Runs(r.times(), r.trainPerSeed(), r.popPerSeed(), trace, r.plan().route().name().toLowerCase(Locale.ROOT));
    }

    /**
     * The free regime's own flow ({@link Models#tiedAutoencoderFree}) on the generic simulator, which
     * draws X and W(0) from the same streams as the tied autoencoder's simulator.
     */
    private Runs freeDynamics(ScalingPath.Step step, double[] grid, double dt, int steps, long seed, ProgressListener listener)
            throws InterruptedException {
        List<Double> record = new ArrayList<>();
        for (double g : grid) record.add(g * step.timeScale());
        Point at = new Point(Map.of("d", Rational.of(step.d()), "m", Rational.of(step.m()), "n", Rational.of(step.n()),
                "sigma2", Rational.exactDecimal(step.sigma2())));
        ModelSimulationParams p = new ModelSimulationParams(at, new TimeGrid(dt, steps, 0, record), Integrator.RK4, step.seeds(), seed, false);
        ModelSimulationResult r = new ModelSimulator(threads).run(Models.tiedAutoencoderFree(), p, listener);
        double[] trace = new double[step.seeds()];
        Arrays.fill(trace, Double.NaN);
        return new Runs(r.times(), r.perSeed()[r.losses().indexOf("train")], r.perSeed()[r.losses().indexOf("pop")], trace, "free-dynamics");
    }

    /** Per run, tr(Sigma) of the data the simulator draws for it (see the class comment). */
    static double[] traces(ScalingPath.Step step, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        root.split(); // shared data (unused: data are resampled per run)
        SplittableRandom[] runs = new SplittableRandom[step.seeds()];
        for (int i = 0; i < runs.length; i++) runs[i] = root.split();
        double[] out = new double[runs.length];
        long entries = (long) step.n() * step.d();
        for (int i = 0; i < runs.length; i++) {
            SplittableRandom data = runs[i].split();
            double s = 0;
            for (long k = 0; k < entries; k++) {
                double x = data.nextGaussian();
                s += x * x;
            }
            out[i] = s / step.n();
        }
        return out;
    }

    private Runs own(ScalingPath.Step step, double dt, int steps, int recordEvery, long seed, ProgressListener listener)
            throws InterruptedException {
        int d = step.d();
        int k = step.seeds();
        SplittableRandom root = new SplittableRandom(seed);
        root.split();
        SplittableRandom[] runs = new SplittableRandom[k];
        for (int i = 0; i < k; i++) runs[i] = root.split();
        DMatrixRMaj identityData = null;
        if (step.infiniteData()) {
            identityData = new DMatrixRMaj(d, d);
            double s = Math.sqrt(d);
            for (int i = 0; i < d; i++) identityData.set(i, i, s);
        }
        DMatrixRMaj shared = identityData;
        double[][] train = new double[k][];
        double[][] pop = new double[k][];
        double[] trace = new double[k];
        double[][] times = new double[1][];
        ExecutorService pool = Workers.pool(Math.min(threads, k), "prism-compare");
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                int index = i;
                jobs.add(pool.submit(() -> {
                    SplittableRandom dataRng = runs[index].split();
                    SplittableRandom initRng = runs[index].split();
                    DMatrixRMaj x = shared;
                    if (x == null) {
                        x = data(d, step.n(), dataRng);
                        trace[index] = traceOfSigma(x);
                    } else {
                        trace[index] = d;
                    }
                    DMatrixRMaj w0 = step.gramReduced() ? bartlett(step.m(), d, step.sigma2(), initRng) : gaussian(step.m(), d, step.sigma2(), initRng);
                    double[][] r = GradientDescentSimulator.trajectory(w0, x, dt, steps, recordEvery, Integrator.RK4);
                    train[index] = r[1];
                    pop[index] = r[2];
                    if (index == 0) times[0] = r[0];
                    listener.stepsDone(steps);
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw Workers.cause(e);
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        return new Runs(times[0], train, pop, trace, (step.infiniteData() ? "sigma=identity" : "data") + (step.gramReduced() ? ",gram-reduced" : ""));
    }

    /** The route name of a step: how its runs are made (for the simulator's, the route its plan picks). */
    private String route(ScalingPath.Step step, double[] grid, int substeps) {
        if (step.freeDynamics()) return "free-dynamics";
        if (!step.infiniteData() && !step.gramReduced()) {
            int steps = (grid.length - 1) * substeps;
            double tMax = grid[grid.length - 1] * step.timeScale();
            SimulationParams p = simulatorParams(step, grid, tMax / steps, tMax, 0);
            return new GradientDescentSimulator(threads).plan(p).route().name().toLowerCase(Locale.ROOT);
        }
        return (step.infiniteData() ? "sigma=identity" : "data") + (step.gramReduced() ? ",gram-reduced" : "");
    }

    /** The tied autoencoder's own simulator's parameters for a step. */
    private static SimulationParams simulatorParams(ScalingPath.Step step, double[] grid, double dt, double tMax, long seed) {
        List<Double> record = new ArrayList<>();
        for (double g : grid) record.add(g * step.timeScale());
        return SimulationParams.builder().d(step.d()).m(step.m()).n(step.n()).sigma2(step.sigma2())
                .dt(dt).tMax(tMax).recordTimes(record).integrator(Integrator.RK4).seeds(step.seeds()).seed(seed).build();
    }

    /** X (d x n) drawn as the simulator draws it: point after point, d consecutive N(0,1) each. */
    static DMatrixRMaj data(int d, int n, SplittableRandom rng) {
        DMatrixRMaj xt = new DMatrixRMaj(n, d);
        for (int i = 0; i < xt.data.length; i++) xt.data[i] = rng.nextGaussian();
        return CommonOps_DDRM.transpose(xt, null);
    }

    static double traceOfSigma(DMatrixRMaj x) {
        double s = 0;
        for (double v : x.data) s += v * v;
        return s / x.numCols;
    }

    /** W(0), m x d, iid N(0, sigma2), row-major, as the simulator draws it. */
    static DMatrixRMaj gaussian(int m, int d, double sigma2, SplittableRandom rng) {
        DMatrixRMaj w = new DMatrixRMaj(m, d);
        double sd = Math.sqrt(sigma2);
        for (int e = 0; e < w.data.length; e++) w.data[e] = sd * rng.nextGaussian();
        return w;
    }

    /**
     * {@code W' = sigma L^T} (d x d, upper triangular) with {@code L} the Bartlett factor of a
     * Wishart_d(m, I) matrix: {@code L_ii^2 ~ chi^2(m - i)} (i = 0..d-1), {@code L_ij ~ N(0,1)} for
     * i > j, all independent. Then {@code W'^T W' = sigma^2 L L^T} has exactly the law of
     * {@code W(0)^T W(0)} for W(0) m x d with iid N(0, sigma^2) entries.
     *
     * <p>Why the flow is the same: dW/dt = -W S(A) with A = W^T W, so dA/dt = -(S A + A S) is a
     * closed equation for A, and both losses are functions of A (and Sigma). Two initial W with the
     * same Gram matrix give the same A(t) and the same loss curves, whatever their number of rows.
     * (Concretely W = Q [R; 0] by QR, and Q [R(t); 0] solves the flow from W.)
     */
    static DMatrixRMaj bartlett(int m, int d, double sigma2, SplittableRandom rng) {
        if (m < d) throw new IllegalArgumentException("the Bartlett factor needs m >= d");
        DMatrixRMaj w = new DMatrixRMaj(d, d);
        double sd = Math.sqrt(sigma2);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) w.set(j, i, sd * rng.nextGaussian());
            w.set(i, i, sd * Math.sqrt(chiSquare(m - i, rng)));
        }
        return w;
    }

    /**
     * A chi-square variate with k >= 1 degrees of freedom: a sum of k squared normals for k <= 16,
     * otherwise 2 Gamma(k/2) by the Marsaglia-Tsang method (exact rejection sampler, shape >= 1).
     */
    static double chiSquare(int k, SplittableRandom rng) {
        if (k < 1) throw new IllegalArgumentException("chi-square needs k >= 1");
        if (k <= 16) {
            double s = 0;
            for (int i = 0; i < k; i++) {
                double z = rng.nextGaussian();
                s += z * z;
            }
            return s;
        }
        double shape = k / 2.0;
        double dd = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * dd);
        while (true) {
            double z = rng.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) continue;
            v = v * v * v;
            double u = rng.nextDouble();
            if (Math.log(u) < 0.5 * z * z + dd - dd * v + dd * Math.log(v)) return 2 * dd * v;
        }
    }
}
