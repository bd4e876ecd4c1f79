package org.prism.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;
import org.prism.model.Models;

/**
 * Independent numerical simulation of the weight-tied linear autoencoder trained by full-batch
 * gradient descent (or its gradient-flow limit), for comparison with the diagram expansion.
 *
 * <h2>Model</h2>
 * {@code W} is {@code m x d} with {@code W(0)} iid {@code N(0, sigma2)}; the data {@code X} are
 * {@code d x n} iid {@code N(0,1)} and fixed during training; {@code Sigma = X X^T / n},
 * {@code A = W^T W}, {@code L_tr = tr((A-I) Sigma (A-I))/2}, {@code L_pop = ||A-I||_F^2/2}.
 * Gradient flow on {@code L_tr}: {@code dW/dt = F(W) = -W S}, {@code S = (A-I) Sigma + Sigma (A-I)}
 * ({@code W S} is exactly the gradient of {@code L_tr}). {@link Integrator#EULER} is gradient descent
 * with learning rate {@code dt}; {@link Integrator#RK4} approximates the flow itself.
 *
 * <h2>Cost and memory</h2>
 * Per evaluation of {@code F} (and of both losses, which come almost for free from the same
 * products), {@link Route#cheapest} of: {@code m d^2 + 4 m^2 d} (latent, with {@code Sigma});
 * {@code 2 m d^2 + d^3} (feature, with {@code Sigma}); {@code 2 m d n + 4 m^2 d} or
 * {@code 2 m d^2 + 2 d^2 n} (with {@code X}, when {@code n} is small: {@code Sigma} is never
 * formed). So {@code O(m d^2 + m^2 d)} per step, or {@code O(m d n + m^2 d)} via {@code X}; one
 * evaluation per Euler step, four per RK4 step. Forming {@code Sigma} costs {@code d^2 n} once per
 * data set. Memory per worker thread: {@code O(md + m^2)} or {@code O(md + d^2)} work matrices plus
 * the data ({@code d^2}, or {@code 2dn} via {@code X}); no allocation inside the time loop (products
 * into matrices allocated once per worker). The products run on the {@link Backend}: OpenBLAS on
 * off-heap buffers where it loads (it also halves the symmetric products), else EJML on the heap;
 * the route is the same either way. Sizes are checked against the available memory (the heap, and
 * for OpenBLAS also JavaCPP's off-heap allowance) before anything large is allocated.
 *
 * <h2>Seeds, threads, determinism</h2>
 * With {@code root = new SplittableRandom(seed)}: the shared data set (if {@code fixedData}) is drawn
 * from {@code root.split()} (always taken first), then run {@code i} gets {@code r_i = root.split()}
 * (in order {@code i = 0..seeds-1}, computed up front), its own data (if not fixed) from
 * {@code r_i.split()} and {@code W(0)} from the next {@code r_i.split()}. So a run's {@code W(0)} is
 * the same with and without {@code fixedData}, and results are identical for any thread count.
 * Runs are spread over a fixed pool of {@code threads} workers (default: available processors);
 * each worker reuses its preallocated matrices for the seeds it takes. With OpenBLAS, each worker's
 * products use {@code max(1, min(threads, processors) / workers)} BLAS threads, so fewer seeds than
 * threads still use every core, and workers times BLAS threads exceed neither {@code threads} nor the
 * processors (unless there are more workers than processors); this does not change the results
 * either (see {@link NativeFlowWorkspace}).
 *
 * <h2>Failures</h2>
 * Bad input and sizes that do not fit in memory: {@link IllegalArgumentException} before anything
 * runs. The time loop is the {@link FixedStepIntegrator} every simulator shares, on this class's
 * hand-written field ({@link FlowEngine}), whose stiffness estimate is
 * {@code lambda_max ~ ||Sigma|| max(4, 2 ||A(0)|| - 2)} by power iteration and whose watched
 * quantities are both losses: a step far beyond the stability limit is refused the same way, one
 * above it draws a {@link ProgressListener#warning}, and a run whose loss becomes non-finite or grows
 * {@value FixedStepIntegrator#DIVERGENCE_FACTOR}-fold throws {@link DivergenceException}. An interrupt
 * stops all runs between steps with {@link InterruptedException}.
 */
public final class GradientDescentSimulator {
    /** The fraction of the estimated stability limit a suggested step takes. */
    public static final double DEFAULT_STEP_FRACTION = 0.5;
    /** At most this many runs' draws are looked at for a suggested step. */
    static final int SUGGEST_SEEDS = 16;
    /** Fraction of the available memory the matrices may use. */
    static final double HEAP_FRACTION = 0.85;
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    /** The losses of every run, in the order a {@link RunCache} keeps them. */
    private static final List<String> LOSSES = List.of("train", "pop");

    private final int threads;
    private final Backend backend;
    private final RunCache cache;

    /** A simulator using as many worker threads as there are available processors. */
    public GradientDescentSimulator() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** A simulator using at most {@code threads} threads (results do not depend on it), on {@link Backend#current()}. */
    public GradientDescentSimulator(int threads) {
        this(threads, Backend.current());
    }

    /** A simulator on a given backend (for tests that compare the backends). */
    GradientDescentSimulator(int threads, Backend backend) {
        this(threads, backend, RunCache.NONE);
    }

    private GradientDescentSimulator(int threads, Backend backend, RunCache cache) {
        if (threads < 1) throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        this.threads = threads;
        this.backend = backend;
        this.cache = cache;
    }

    /** This simulator, reading finished runs from {@code cache} and keeping every new run there as it finishes. */
    public GradientDescentSimulator withCache(RunCache cache) {
        return new GradientDescentSimulator(threads, backend, cache);
    }

    /**
     * Chooses the route and the number of threads, and checks that the matrices fit in memory.
     *
     * @throws IllegalArgumentException if they do not fit, even with one thread
     */
    public SimulationPlan plan(SimulationParams p) {
        long d = p.d();
        long m = p.m();
        long n = p.n();
        long available = backend.availableBytes();
        double budget = HEAP_FRACTION * available;
        int records = p.recordCount();
        List<Route> byCost = new ArrayList<>(List.of(Route.values()));
        byCost.sort(Comparator.comparingDouble(r -> r.multiplyAdds(d, m, n)));
        SimulationPlan smallest = null;
        for (Route route : byCost) {
            double buffers = (p.integrator() == Integrator.RK4 ? 5.0 : 2.0) * m * d;
            double data = route.dataDoubles(d, n);
            double perWorker = 8 * (buffers + route.workDoubles(d, m, n) + (p.fixedData() ? 0 : data));
            double shared = 8 * ((p.fixedData() ? data : 0) + (2.0 * p.seeds() + 5) * records);
            int fit = (int) Math.min(Integer.MAX_VALUE, Math.floor((budget - shared) / perWorker));
            int t = Math.min(Math.min(threads, p.seeds()), fit);
            int workers = Math.max(t, 1);
            SimulationPlan plan = new SimulationPlan(route, p.integrator().evaluationsPerStep() * route.multiplyAdds(d, m, n),
                    shared, perWorker, workers, available, backend, backend == Backend.OPENBLAS ? blasThreads(workers) : 1);
            if (t >= 1 && largestMatrix(route, d, m, n) <= MAX_ARRAY) return plan;
            if (smallest == null || plan.totalBytes() < smallest.totalBytes()) smallest = plan;
        }
        Route r = smallest.route();
        if (largestMatrix(r, d, m, n) > MAX_ARRAY) {
            throw new IllegalArgumentException(String.format("d=%d, m=%d, n=%d: a work matrix would have %.3g entries, more than"
                    + " a Java array holds (2^31)", d, m, n, largestMatrix(r, d, m, n)));
        }
        throw new IllegalArgumentException(String.format("d=%d, m=%d, n=%d: the matrices need about %s but the Java heap%s has %s"
                + " available; use smaller sizes or a larger heap (e.g. JAVA_TOOL_OPTIONS=-Xmx16g)", d, m, n, bytes(smallest.totalBytes()),
                backend == Backend.OPENBLAS ? " (and JavaCPP's off-heap limit, which follows it)" : "", bytes(available)));
    }

    /** BLAS threads per worker: the requested threads, at most the processors, shared among the workers. */
    private int blasThreads(int workers) {
        return Math.max(1, Math.min(threads, Runtime.getRuntime().availableProcessors()) / workers);
    }

    private static double largestMatrix(Route r, long d, long m, long n) {
        double md = (double) m * d;
        double big = r.latent() ? Math.max(md, (double) m * m) : Math.max(md, (double) d * d);
        if (!r.denseSigma()) big = Math.max(big, r.latent() ? Math.max((double) m * n, (double) d * n) : (double) d * n);
        else big = Math.max(big, (double) d * d);
        return big;
    }

    private static String bytes(double b) {
        if (b >= 1L << 30) return String.format("%.1f GiB", b / (1L << 30));
        return String.format("%.0f MiB", Math.ceil(b / (1L << 20)));
    }

    /**
     * Runs {@code p.seeds()} independent simulations in parallel and averages their loss curves.
     *
     * @param listener progress and warnings (called from worker threads); {@link ProgressListener#NONE} to ignore
     * @throws IllegalArgumentException for sizes that do not fit or an absurd step
     * @throws DivergenceException if a run diverges (the whole simulation stops)
     * @throws InterruptedException if the calling thread or a worker is interrupted; all runs stop between steps
     */
    public SimulationResult run(SimulationParams p, ProgressListener listener) throws InterruptedException {
        return run(p, null, null, listener);
    }

    /**
     * The same on other data: either given ({@code d x n}, e.g. a {@link RealData} set; every run trains on them,
     * {@code p.fixedData()} must be set, only {@code W(0)} is drawn), or drawn from a {@link Spectrum} (columns
     * {@code N(0, C)}, the same draws as {@link #run(SimulationParams, ProgressListener)} scaled per coordinate); both null:
     * isotropic Gaussian data.
     */
    public SimulationResult run(SimulationParams p, DMatrixRMaj data, Spectrum spectrum, ProgressListener listener)
            throws InterruptedException {
        if (spectrum != null && (data != null || spectrum.eigenvalues().length != p.d())) {
            throw new IllegalArgumentException("a spectrum needs drawn data with d = " + p.d() + " eigenvalues");
        }
        double[] scale = spectrum == null ? null : spectrum.scales();
        if (data != null && (!p.fixedData() || data.numRows != p.d() || data.numCols != p.n())) {
            throw new IllegalArgumentException("given data must be d x n = " + p.d() + " x " + p.n() + " and the run fixed-data");
        }
        ProgressListener l = listener == null ? ProgressListener.NONE : listener;
        SimulationPlan plan = plan(p);
        int[] rec = p.recordSteps();
        int seeds = p.seeds();
        SplittableRandom root = new SplittableRandom(p.seed());
        SplittableRandom dataRoot = root.split();
        SplittableRandom[] runRng = new SplittableRandom[seeds];
        for (int i = 0; i < seeds; i++) runRng[i] = root.split();
        Route route = plan.route();
        double[][] train = new double[seeds][rec.length];
        double[][] pop = new double[seeds][rec.length];
        AtomicBoolean warned = new AtomicBoolean();
        RunBatch batch = batch(p, plan, data, spectrum);
        StoredRun[] kept = new StoredRun[seeds];
        int[] todo = KeptRuns.read(cache, batch, LOSSES, rec.length, kept, p.steps(), l, warned);
        for (int i = 0; i < seeds; i++) {
            if (kept[i] == null) continue;
            train[i] = kept[i].curves()[0];
            pop[i] = kept[i].curves()[1];
        }
        // report progress about every 1e8 multiply-adds (tens of ms), and at least 200 times per run
        long chunk = Math.max(1, Math.min(p.steps() / 200, (long) (1e8 / plan.multiplyAddsPerStep())));
        Dataset shared = null;
        List<Runner<?>> runners = new ArrayList<>();
        ExecutorService pool = null;
        boolean stopped = true;
        NativeBlas.Lease blasThreads = backend == Backend.OPENBLAS ? NativeBlas.threads(plan.blasThreads()) : null;
        try {
            if (p.fixedData()) {
                shared = backend.dataset(p.d(), p.n(), route.denseSigma());
                if (data != null) shared.set(data);
                else shared.fill(dataRoot, scale);
            }
            BlockingQueue<Runner<?>> idle = new ArrayBlockingQueue<>(plan.threads());
            for (int t = 0; t < plan.threads(); t++) {
                runners.add(Runner.create(backend, route, p.d(), p.m(), p.n(), p.integrator(), shared));
                idle.add(runners.get(t));
            }
            pool = Workers.pool(plan.threads(), "prism-simulate");
            ExecutorCompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            for (int index : todo) {
                done.submit(() -> {
                    Runner<?> r = idle.take();
                    long start = System.nanoTime();
                    List<String> warnings = new ArrayList<>();
                    ProgressListener own = KeptRuns.recording(l, warned, warnings);
                    try {
                        r.runSeed(index, runRng[index], p, scale, rec, train[index], pop[index], own, chunk, new AtomicBoolean());
                    } finally {
                        idle.add(r);
                    }
                    cache.put(batch, index, new StoredRun(LOSSES, new double[][] {train[index], pop[index]},
                            (System.nanoTime() - start) / 1e9, warnings));
                    return index;
                });
            }
            for (int k = 0; k < todo.length; k++) {
                try {
                    done.take().get();
                } catch (ExecutionException e) {
                    throw Workers.cause(e);
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
                try {
                    stopped = pool.awaitTermination(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    stopped = false;
                    Thread.currentThread().interrupt();
                }
            }
            // Off-heap buffers are freed now rather than by the garbage collector, but never under a
            // worker still inside a (long) native product: then they are left to the collector.
            if (stopped) {
                for (Runner<?> r : runners) r.close();
                if (shared != null) shared.close();
            }
            if (blasThreads != null) blasThreads.close();
        }
        double[] times = new double[rec.length];
        for (int j = 0; j < rec.length; j++) times[j] = rec[j] * p.dt();
        double[][] trainStats = meanAndSe(train);
        double[][] popStats = meanAndSe(pop);
        return new SimulationResult(p, plan, times, trainStats[0], trainStats[1], popStats[0], popStats[1], train, pop);
    }

    /**
     * The identity of a simulation's runs: the tied autoencoder, d, m, n, sigma^2, and (as {@link RunBatch#of} for the
     * generic simulator) the integrator, step, steps, recording steps, seed, shared data and the data's law or set; and
     * the evaluation route, whose products round differently.
     */
    private static RunBatch batch(SimulationParams p, SimulationPlan plan, DMatrixRMaj data, Spectrum spectrum) {
        String point = "d=" + p.d() + ",m=" + p.m() + ",n=" + p.n() + ",sigma2=" + p.sigma2();
        String d = RunBatch.describe(p.integrator(), p.grid(), p.seed(), p.fixedData(), spectrum, data) + " route=" + plan.route().name();
        double[] times = new double[p.recordSteps().length];
        for (int j = 0; j < times.length; j++) times[j] = p.recordSteps()[j] * p.dt();
        return new RunBatch("tied-autoencoder", "tied-autoencoder", Models.tiedAutoencoder().contentHash(), point, d, times);
    }

    /**
     * A step that {@link #run} can take: {@link #DEFAULT_STEP_FRACTION} of the smallest stability limit {@code c / lambda}
     * that the runs' own check estimates at the draws of the first {@code min(seeds, }{@value #SUGGEST_SEEDS}{@code )}
     * runs (the same draws as {@link #run} with this {@code seed}, on {@code data} or from {@code spectrum} as there). At
     * small sizes the estimate varies from run to run (d = 16: lambda from 9 to 14), hence the minimum; each estimate
     * costs a few power iterations.
     *
     * @throws IllegalArgumentException for sizes that do not fit in memory (the check {@link #plan} makes)
     */
    public double suggestStep(int d, int m, int n, double sigma2, Integrator integrator, int seeds, long seed, boolean fixedData,
            DMatrixRMaj data, Spectrum spectrum) {
        plan(new SimulationParams(d, m, n, sigma2, 1, 1, 1, integrator, seeds, seed, fixedData));
        double[] scale = spectrum == null ? null : spectrum.scales();
        Route route = Route.cheapest(d, m, n);
        double lambda = 0;
        try (Runner<?> r = Runner.create(backend, route, d, m, n, integrator, null)) {
            SplittableRandom root = new SplittableRandom(seed);
            SplittableRandom dataRoot = root.split();
            if (data != null) r.data.set(data);
            else if (fixedData) r.data.fill(dataRoot, scale);
            double sd = Math.sqrt(sigma2);
            for (int i = 0; i < Math.min(seeds, SUGGEST_SEEDS); i++) {
                SplittableRandom run = root.split();
                SplittableRandom dataRng = run.split();
                SplittableRandom initRng = run.split();
                if (!fixedData && data == null) r.data.fill(dataRng, scale);
                r.fillW(() -> sd * initRng.nextGaussian());
                lambda = Math.max(lambda, r.stiffness());
            }
        }
        return DEFAULT_STEP_FRACTION * integrator.stabilityConstant() / lambda;
    }

    /** {@code {mean, se}} per column over rows; se = sample sd / sqrt(rows), 0 for one row. */
    public static double[][] meanAndSe(double[][] runs) {
        int k = runs.length;
        int cols = runs[0].length;
        double[] mean = new double[cols];
        double[] se = new double[cols];
        for (int j = 0; j < cols; j++) {
            double s = 0;
            for (double[] r : runs) s += r[j];
            double mu = s / k;
            double ss = 0;
            for (double[] r : runs) ss += (r[j] - mu) * (r[j] - mu);
            mean[j] = mu;
            se[j] = k > 1 ? Math.sqrt(ss / (k - 1) / k) : 0.0;
        }
        return new double[][] {mean, se};
    }

    /**
     * One run from a given {@code W(0)} and data {@code X}, with the losses recorded every
     * {@code recordEvery} steps and at the last step. Inputs are not modified.
     *
     * @param w0 {@code W(0)}, {@code m x d}
     * @param x data, {@code d x n}
     * @return {@code {times, L_tr, L_pop}}, each of the same length
     * @throws DivergenceException if the run diverges
     * @throws IllegalArgumentException for bad sizes or step, or an absurd step
     * @throws InterruptedException if interrupted (checked between steps)
     */
    public static double[][] trajectory(DMatrixRMaj w0, DMatrixRMaj x, double dt, int steps, int recordEvery,
            Integrator integrator) throws InterruptedException {
        if (x == null || w0 == null) throw new IllegalArgumentException("W0 and X are required");
        if (recordEvery < 1) throw new IllegalArgumentException("recordEvery must be >= 1, got " + recordEvery);
        SimulationParams p = new SimulationParams(x.numRows, w0.numRows, x.numCols, 0, dt, steps, recordEvery, integrator, 1, 0, true);
        return trajectory(w0, x, dt, p.recordSteps(), integrator, Route.cheapest(p.d(), p.m(), p.n()));
    }

    /** As above, with explicit recording steps and a forced route (for tests of the routes), on {@link Backend#current()}. */
    static double[][] trajectory(DMatrixRMaj w0, DMatrixRMaj x, double dt, int[] recordSteps, Integrator integrator,
            Route route) throws InterruptedException {
        return trajectory(w0, x, dt, recordSteps, integrator, route, Backend.current());
    }

    /** As above, on a given backend (for tests that compare the backends). */
    static double[][] trajectory(DMatrixRMaj w0, DMatrixRMaj x, double dt, int[] recordSteps, Integrator integrator,
            Route route, Backend backend) throws InterruptedException {
        if (w0.numCols != x.numRows) {
            throw new IllegalArgumentException("W0 is " + w0.numRows + " x " + w0.numCols + " but X is " + x.numRows + " x "
                    + x.numCols + ": W0 needs d = " + x.numRows + " columns");
        }
        int d = x.numRows;
        int m = w0.numRows;
        int n = x.numCols;
        int steps = recordSteps[recordSteps.length - 1];
        double[] train = new double[recordSteps.length];
        double[] pop = new double[recordSteps.length];
        try (Runner<?> r = Runner.create(backend, route, d, m, n, integrator, null)) {
            r.data.set(x);
            r.load(w0.data);
            r.checkStability(dt, ProgressListener.NONE, new AtomicBoolean());
            r.integrate(0, false, dt, steps, recordSteps, train, pop, ProgressListener.NONE, Long.MAX_VALUE);
        }
        double[] times = new double[recordSteps.length];
        for (int j = 0; j < times.length; j++) times[j] = recordSteps[j] * dt;
        return new double[][] {times, train, pop};
    }

    /**
     * The matrices of one worker thread, reused for every seed it runs: an engine ({@link FlowEngine},
     * the flow field) with {@code W} in its storage, the {@link FixedStepIntegrator} and its buffers, and
     * the worker's own data set unless the data are shared. Closing it frees the engine and its own data
     * set.
     */
    static final class Runner<M> implements AutoCloseable {
        final FlowEngine<M> ws;
        final M w;
        private final FixedStepIntegrator<M> integrator;
        final Dataset data;
        private final boolean ownData;

        private Runner(FlowEngine<M> ws, Integrator integrator, Dataset data, boolean ownData) {
            this.ws = ws;
            this.data = data;
            this.ownData = ownData;
            w = ws.newState();
            this.integrator = new FixedStepIntegrator<>(ws, integrator);
        }

        /** A runner on {@code backend}, on the {@code shared} data set or (if null) on its own. */
        static Runner<?> create(Backend backend, Route route, int d, int m, int n, Integrator integrator, Dataset shared) {
            Dataset data = shared == null ? backend.dataset(d, n, route.denseSigma()) : shared;
            return of(backend.engine(route, m, data), integrator, data, shared == null);
        }

        private static <M> Runner<M> of(FlowEngine<M> ws, Integrator integrator, Dataset data, boolean ownData) {
            return new Runner<>(ws, integrator, data, ownData);
        }

        /** Sets {@code W} to the {@code m x d} row-major {@code values}. */
        void load(double[] values) {
            int[] i = {0};
            fillW(() -> values[i[0]++]);
        }

        /** The entries of {@code W}, row by row (a copy). */
        double[] weights() {
            return ws.toArray(w);
        }

        /** Sets the entries of {@code W}, row by row, from {@code next}. */
        void fillW(DoubleSupplier next) {
            ws.fill(w, next);
        }

        void runSeed(int index, SplittableRandom rng, SimulationParams p, double[] scale, int[] rec, double[] train, double[] pop,
                ProgressListener l, long chunk, AtomicBoolean warned) throws InterruptedException {
            SplittableRandom dataRng = rng.split();
            SplittableRandom initRng = rng.split();
            if (ownData) data.fill(dataRng, scale);
            double sd = Math.sqrt(p.sigma2());
            fillW(() -> sd * initRng.nextGaussian());
            checkStability(p.dt(), l, warned);
            integrate(index, p.seeds() > 1, p.dt(), p.steps(), rec, train, pop, l, chunk);
        }

        /** The largest rate of the flow that a step from {@link #w} meets ({@link FlowEngine#stiffness}). */
        double stiffness() {
            return ws.stiffness(w).lambda();
        }

        /** See {@link FixedStepIntegrator#checkStability}. */
        void checkStability(double dt, ProgressListener l, AtomicBoolean warned) {
            integrator.checkStability(w, dt, l, warned);
        }

        /** Integrates from {@link #w}; records both losses at the steps {@code rec}. */
        void integrate(int index, boolean nameSeed, double dt, int steps, int[] rec, double[] train, double[] pop, ProgressListener l,
                long chunk) throws InterruptedException {
            integrator.integrate(w, dt, steps, rec, r -> {
                train[r] = ws.train;
                pop[r] = ws.pop;
            }, index, nameSeed, l, chunk);
        }

        /** One step from {@code W} (for benchmarks). */
        void step(double dt) {
            integrator.step(w, dt);
        }

        @Override
        public void close() {
            ws.close();
            if (ownData) data.close();
        }
    }
}
