package org.prism.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.ejml.data.DMatrixRMaj;
import org.prism.algebra.Point;
import org.prism.model.MatrixModel;
import org.prism.model.TensorModel;

/**
 * Independent numerical simulation of any model file: its tensors drawn as declared, its flow
 * integrated numerically, every loss recorded, averaged over seeds. Nothing here expands in time or
 * pairs letters; it only multiplies and contracts arrays, so it checks the expansion from outside.
 *
 * <h2>Draws</h2>
 * With {@code root = new SplittableRandom(seed)}: shared data (if {@code fixedData}) come from
 * {@code root.split()} (always taken first); run {@code i} gets {@code r_i = root.split()}, its own
 * data (if not fixed) from {@code r_i.split()} and its trained matrices from the next
 * {@code r_i.split()}. Tensors are drawn in declaration order; a data matrix column by column (one
 * sample per column; see {@link CompiledFlow#drawData}), a trained tensor row-major, each entry
 * {@code sd * nextGaussian()}. For the
 * tied autoencoder these are exactly the draws of {@link GradientDescentSimulator}, so both
 * simulators start every run from the same {@code W(0)} and {@code X}.
 *
 * <h2>Cost</h2>
 * Per evaluation of the velocities, the products of the {@link MatrixFlow} plan (shared factors once;
 * data-only products once per data set) for a matrix model, else the pairwise steps of every
 * {@link Contraction} of the {@link NetworkFlow}; one evaluation per Euler step, four per RK4 step; the
 * losses only at recording times. Dense products on the Java heap by {@link Backend#current()}'s
 * kernels (OpenBLAS's dgemm, else EJML; the tied autoencoder's own simulator is faster still: it
 * exploits symmetry and picks a route per shape). Memory per worker: every matrix, every product of the
 * plan and the integrator's buffers, checked against the heap before anything large is allocated.
 *
 * <h2>Failures</h2>
 * Bad values and sizes that do not fit: {@link IllegalArgumentException} before anything runs. The
 * time loop is the {@link FixedStepIntegrator} every simulator shares, on a {@link CompiledFlowField}: a
 * step more than {@value FixedStepIntegrator#REFUSE_FACTOR} times beyond the stability limit estimated
 * at each run's start is refused (above the limit, a warning); a run whose trained matrices become
 * non-finite or grow {@value FixedStepIntegrator#DIVERGENCE_FACTOR}-fold in squared norm, or whose
 * losses are not finite: {@link DivergenceException}. An interrupt stops all runs between
 * steps with {@link InterruptedException}. Results do not depend on the number of threads.
 */
public final class ModelSimulator {

    private final int threads;
    private final Backend backend;
    private final RunCache cache;
    /** Where runs not in the cache go; null: this process's own threads. */
    private final RunExecutor executor;

    /** A simulator on {@link Backend#current()} with at most {@code threads} workers (results do not depend on it). */
    public ModelSimulator(int threads) {
        this(threads, Backend.current(), RunCache.NONE, null);
    }

    /** The same on a given backend (for tests that compare the backends). */
    ModelSimulator(int threads, Backend backend) {
        this(threads, backend, RunCache.NONE, null);
    }

    private ModelSimulator(int threads, Backend backend, RunCache cache, RunExecutor executor) {
        if (threads < 1) throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        this.threads = threads;
        this.backend = backend;
        this.cache = cache;
        this.executor = executor;
    }

    public ModelSimulator() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** Where this simulator reads and keeps finished runs ({@link RunCache#NONE} without a store). */
    public RunCache cache() {
        return cache;
    }

    /** This simulator, reading finished runs from {@code cache} and keeping every new run there as it finishes. */
    public ModelSimulator withCache(RunCache cache) {
        return new ModelSimulator(threads, backend, cache, executor);
    }

    /** This simulator, computing the runs that are not cached on {@code executor} (null: on its own threads). */
    public ModelSimulator withExecutor(RunExecutor executor) {
        return new ModelSimulator(threads, backend, cache, executor);
    }

    /**
     * Runs {@code p.seeds()} independent simulations in parallel and averages their loss curves. Runs the cache
     * holds are read, not run again; every other run is kept in the cache as it finishes.
     *
     * @throws IllegalArgumentException for bad values or sizes that do not fit in memory
     * @throws DivergenceException if a run diverges (the whole simulation stops)
     * @throws InterruptedException if interrupted; all runs stop between steps
     */
    public ModelSimulationResult run(MatrixModel model, ModelSimulationParams p, ProgressListener listener) throws InterruptedException {
        return run(new SimulationJob(model, null, p), listener);
    }

    /**
     * The same for any model in index notation, on {@link NetworkFlow}'s pairwise contractions (also
     * for a matrix model, whose {@link #run(MatrixModel, ModelSimulationParams, ProgressListener)}
     * is faster).
     */
    public ModelSimulationResult run(TensorModel model, ModelSimulationParams p, ProgressListener listener) throws InterruptedException {
        return run(new SimulationJob(null, model, p), listener);
    }

    /** The same for a job. */
    public ModelSimulationResult run(SimulationJob job, ProgressListener listener) throws InterruptedException {
        ProgressListener l = listener == null ? ProgressListener.NONE : listener;
        ModelSimulationParams p = job.params();
        CompiledFlow flow = job.flow();
        TimeGrid grid = p.grid();
        int[] rec = grid.recordSteps();
        List<String> losses = flow.losses();
        int workers = workers(flow, p, rec.length, losses.size());
        double perStep = p.integrator().evaluationsPerStep() * flow.multiplyAddsPerEvaluation();
        RunBatch batch = job.batch();
        StoredRun[] runs = new StoredRun[p.seeds()];
        AtomicBoolean warned = new AtomicBoolean();
        int[] missing = KeptRuns.read(cache, batch, losses, rec.length, runs, grid.steps(), l, warned);
        BiConsumer<Integer, StoredRun> done = (i, r) -> {
            cache.put(batch, i, r);
            runs[i] = r;
        };
        if (missing.length > 0 && executor != null) {
            executor.execute(job, missing, done, l);
        } else if (missing.length > 0) {
            local(flow, p, missing, Math.min(workers, missing.length), perStep, done, l, warned);
        }
        double[][][] values = new double[losses.size()][p.seeds()][];
        double seconds = 0;
        for (int i = 0; i < runs.length; i++) {
            for (int k = 0; k < losses.size(); k++) values[k][i] = runs[i].curves()[k];
            seconds += runs[i].seconds();
        }
        double[][] mean = new double[losses.size()][];
        double[][] se = new double[losses.size()][];
        for (int k = 0; k < losses.size(); k++) {
            double[][] stats = GradientDescentSimulator.meanAndSe(values[k]);
            mean[k] = stats[0];
            se[k] = stats[1];
        }
        return new ModelSimulationResult(p, flow.modelName(), losses, grid.times(), mean, se, values, perStep, workers,
                executor != null && missing.length > 0 ? executor.describe() : flow.kernels(backend),
                runs.length - missing.length, seconds);
    }

    /** Runs {@code missing} on this process's threads, each passed to {@code done} as it finishes. */
    private void local(CompiledFlow flow, ModelSimulationParams p, int[] missing, int workers, double perStep, BiConsumer<Integer, StoredRun> done,
            ProgressListener l, AtomicBoolean warned) throws InterruptedException {
        int[] rec = p.grid().recordSteps();
        long chunk = chunk(p.grid(), perStep);
        SplittableRandom root = new SplittableRandom(p.seed());
        SplittableRandom dataRoot = root.split();
        SplittableRandom[] runRng = new SplittableRandom[p.seeds()];
        for (int i = 0; i < runRng.length; i++) runRng[i] = root.split();
        DMatrixRMaj[] shared = p.fixedData() ? sharedData(flow, dataRoot) : null;
        BlockingQueue<Run> idle = new ArrayBlockingQueue<>(workers);
        for (int t = 0; t < workers; t++) idle.add(new Run(flow, shared, p.integrator(), backend));
        ExecutorService pool = Workers.pool(workers, "prism-simulate-model");
        try {
            ExecutorCompletionService<Integer> finished = new ExecutorCompletionService<>(pool);
            for (int index : missing) {
                finished.submit(() -> {
                    Run r = idle.take();
                    StoredRun s;
                    try {
                        s = r.seed(index, runRng[index], p, rec, l, chunk, warned);
                    } finally {
                        idle.add(r);
                    }
                    synchronized (done) {
                        done.accept(index, s);
                    }
                    return index;
                });
            }
            for (int k = 0; k < missing.length; k++) {
                try {
                    finished.take().get();
                } catch (ExecutionException e) {
                    throw Workers.cause(e);
                }
            }
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Run {@code index} of {@code job} alone, on the calling thread (see {@link SimulationJob#compute}). */
    static StoredRun computeOne(SimulationJob job, int index, Backend backend) throws InterruptedException {
        ModelSimulationParams p = job.params();
        if (index < 0 || index >= p.seeds()) throw new IllegalArgumentException("run " + index + " of " + p.seeds());
        CompiledFlow flow = job.flow();
        SplittableRandom root = new SplittableRandom(p.seed());
        SplittableRandom dataRoot = root.split();
        SplittableRandom rng = root.split();
        for (int i = 0; i < index; i++) rng = root.split();
        Run r = new Run(flow, p.fixedData() ? sharedData(flow, dataRoot) : null, p.integrator(), backend);
        long chunk = chunk(p.grid(), p.integrator().evaluationsPerStep() * flow.multiplyAddsPerEvaluation());
        return r.seed(index, rng, p, p.grid().recordSteps(), ProgressListener.NONE, chunk, new AtomicBoolean());
    }

    /** Steps between progress reports: about every 1e8 multiply-adds, and at least 200 times per run. */
    private static long chunk(TimeGrid grid, double perStep) {
        return Math.max(1, Math.min(grid.steps() / 200, (long) (1e8 / Math.max(1, perStep))));
    }

    /** The data all runs share, drawn from {@code dataRoot}. */
    private static DMatrixRMaj[] sharedData(CompiledFlow flow, SplittableRandom dataRoot) {
        DMatrixRMaj[] shared = new DMatrixRMaj[flow.tensorCount()];
        for (int i = 0; i < shared.length; i++) if (!flow.trained(i)) shared[i] = new DMatrixRMaj(flow.rows(i), flow.cols(i));
        drawData(flow, shared, dataRoot);
        return shared;
    }

    /**
     * A step for {@code model} at {@code at}: {@link GradientDescentSimulator#DEFAULT_STEP_FRACTION} of the smallest
     * stability limit {@code c / lambda} that the runs' own check estimates at the draws of the first
     * {@code min(seeds, 16)} runs (as {@link #run} with this {@code seed} draws them); {@code covariance} as in
     * {@link ModelSimulationParams}.
     */
    public double suggestStep(MatrixModel model, Point at, Spectrum covariance, Integrator integrator, int seeds, long seed, boolean fixedData) {
        return suggestStep(new MatrixFlow(model, at, covariance), integrator, seeds, seed, fixedData);
    }

    /** The same for a model in index notation. */
    public double suggestStep(TensorModel model, Point at, Integrator integrator, int seeds, long seed, boolean fixedData) {
        return suggestStep(new NetworkFlow(model, at), integrator, seeds, seed, fixedData);
    }

    private double suggestStep(CompiledFlow flow, Integrator integrator, int seeds, long seed, boolean fixedData) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom dataRoot = root.split();
        Run r = new Run(flow, fixedData ? sharedData(flow, dataRoot) : null, integrator, backend);
        double lambda = 0;
        for (int i = 0; i < Math.min(seeds, GradientDescentSimulator.SUGGEST_SEEDS); i++) lambda = Math.max(lambda, r.stiffnessAt(root.split()));
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("no step can be suggested: the linearised flow at W(0) has no positive rate; give --dt");
        }
        return GradientDescentSimulator.DEFAULT_STEP_FRACTION * integrator.stabilityConstant() / lambda;
    }

    /**
     * Multiply-adds of the whole simulation (all seeds and steps), to decide whether it needs a progress bar.
     *
     * @throws IllegalArgumentException for bad values, as {@link #run} would
     */
    public static double totalMultiplyAdds(MatrixModel model, ModelSimulationParams p) {
        return totalMultiplyAdds(new MatrixFlow(model, p.at(), p.covariance(), p.data()), p);
    }

    /** The same for {@link #run(TensorModel, ModelSimulationParams, ProgressListener)}. */
    public static double totalMultiplyAdds(TensorModel model, ModelSimulationParams p) {
        return totalMultiplyAdds(new NetworkFlow(model, p.at()), p);
    }

    private static double totalMultiplyAdds(CompiledFlow flow, ModelSimulationParams p) {
        return (double) p.seeds() * p.grid().steps() * p.integrator().evaluationsPerStep() * flow.multiplyAddsPerEvaluation();
    }

    /** Worker threads that fit in the heap (at least one, or an error naming the sizes). */
    private int workers(CompiledFlow flow, ModelSimulationParams p, int records, int losses) {
        double perWorker = 8 * flow.doublesPerWorker(p.integrator());
        double shared = 8.0 * records * losses * (p.seeds() + 2);
        Runtime rt = Runtime.getRuntime();
        double available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        double budget = GradientDescentSimulator.HEAP_FRACTION * available - shared;
        int fit = (int) Math.min(Integer.MAX_VALUE, Math.floor(budget / perWorker));
        if (fit < 1) {
            throw new IllegalArgumentException(String.format("%s at %s: the matrices need about %.0f MiB but the Java heap has %.0f MiB"
                    + " available; use smaller sizes or a larger heap (e.g. JAVA_TOOL_OPTIONS=-Xmx16g)",
                    flow.modelName(), p.at().text(","), Math.ceil((perWorker + shared) / (1 << 20)), available / (1 << 20)));
        }
        return Math.max(1, Math.min(Math.min(threads, p.seeds()), fit));
    }

    /** Fills the data tensors of {@code target} (null entries skipped) in declaration order. */
    private static void drawData(CompiledFlow flow, DMatrixRMaj[] target, SplittableRandom rng) {
        for (int i = 0; i < target.length; i++) {
            if (!flow.trained(i) && target[i] != null) flow.drawData(i, target[i], rng);
        }
    }

    /** One worker's workspace, field and integrator, reused for every seed it takes. */
    private static final class Run {
        private final CompiledFlow flow;
        private final CompiledFlow.Workspace ws;
        private final CompiledFlowField field;
        private final FixedStepIntegrator<DMatrixRMaj[]> integrator;
        private final boolean ownData;
        private final DMatrixRMaj[] dataView;
        private final DMatrixRMaj[] w;

        Run(CompiledFlow flow, DMatrixRMaj[] shared, Integrator integrator, Backend backend) {
            this.flow = flow;
            this.ws = flow.workspace(shared, backend);
            this.ownData = shared == null;
            int k = flow.tensorCount();
            dataView = new DMatrixRMaj[k];
            for (int i = 0; i < k; i++) if (!flow.trained(i)) dataView[i] = ws.data(i);
            field = new CompiledFlowField(flow, ws);
            this.integrator = new FixedStepIntegrator<>(field, integrator);
            w = field.newState();
        }

        /** Draws run {@code rng}'s data (unless shared) and trained tensors, as {@link #seed} does. */
        private void draw(SplittableRandom rng) {
            SplittableRandom dataRng = rng.split();
            SplittableRandom initRng = rng.split();
            if (ownData) {
                drawData(flow, dataView, dataRng);
                ws.dataChanged();
            }
            for (int i = 0; i < w.length; i++) {
                if (w[i] == null) continue;
                for (int e = 0; e < w[i].data.length; e++) w[i].data[e] = flow.sd(i) * initRng.nextGaussian();
            }
        }

        /** The stiffness at run {@code rng}'s draws. */
        double stiffnessAt(SplittableRandom rng) {
            draw(rng);
            return field.stiffness(w).lambda();
        }

        /** Run {@code index}: draws from {@code rng}, integrates, and returns its curves, seconds and warnings. */
        StoredRun seed(int index, SplittableRandom rng, ModelSimulationParams p, int[] rec, ProgressListener l, long chunk, AtomicBoolean warned)
                throws InterruptedException {
            long start = System.nanoTime();
            draw(rng);
            double dt = p.grid().dt();
            List<String> warnings = new ArrayList<>();
            ProgressListener own = KeptRuns.recording(l, warned, warnings);
            integrator.checkStability(w, dt, own, new AtomicBoolean());
            List<String> names = flow.losses();
            double[][] values = new double[names.size()][rec.length];
            integrator.integrate(w, dt, p.grid().steps(), rec, r -> {
                for (int k = 0; k < names.size(); k++) {
                    double v = ws.loss(k);
                    if (!Double.isFinite(v)) throw integrator.divergence("loss " + names.get(k) + " is " + v, v);
                    values[k][r] = v;
                }
            }, index, p.seeds() > 1, own, chunk);
            return new StoredRun(names, values, (System.nanoTime() - start) / 1e9, warnings);
        }
    }
}
