package org.prism.autoencoder.compare;

import java.util.ArrayList;
import java.util.List;
import org.prism.autoencoder.LimitCurve;
import org.prism.simulation.GradientDescentSimulator;
import org.prism.simulation.ProgressListener;
import org.prism.simulation.RunCache;

/**
 * Runs a {@link ScalingPath}: for each size, simulates its runs ({@link StepSimulator}), normalises
 * each run ({@link Normalisation}), averages (mean and standard error over runs), evaluates the
 * prediction, and fits the convergence rate of the errors ({@link Comparison}). The sizes run one
 * after another (the runs of one size in parallel), so the largest matrices are never held twice.
 */
public final class Comparer {
    private final StepSimulator simulator;

    /** A comparer using up to {@code threads} worker threads per size. */
    public Comparer(int threads) {
        this(threads, RunCache.NONE);
    }

    /** The same, reading and keeping each size's runs in {@code cache}. */
    public Comparer(int threads, RunCache cache) {
        this.simulator = new StepSimulator(threads, cache);
    }

    public Comparer() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param seed base seed of every size (runs of a size use the simulator's per-run streams of it)
     * @param listener progress (RK4 steps done) and warnings; may be null
     */
    public Comparison run(ScalingPath path, long seed, ProgressListener listener) throws InterruptedException {
        ProgressListener l = listener == null ? ProgressListener.NONE : listener;
        long start = System.nanoTime();
        List<Comparison.SizeResult> results = new ArrayList<>();
        for (ScalingPath.Step step : path.steps()) results.add(runStep(path, step, seed, l));
        double[] sizes = new double[results.size()];
        Double[] train = new Double[results.size()];
        Double[] pop = new Double[results.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = results.get(i).step().size();
            train[i] = results.get(i).trainMaxRel();
            pop[i] = results.get(i).popMaxRel();
        }
        return new Comparison(path, results, Comparison.fitRate(sizes, train), Comparison.fitRate(sizes, pop),
                (System.nanoTime() - start) / 1e9);
    }

    Comparison.SizeResult runStep(ScalingPath path, ScalingPath.Step step, long seed, ProgressListener l) throws InterruptedException {
        long start = System.nanoTime();
        double[] grid = path.grid();
        StepSimulator.Runs runs = simulator.run(step, grid, path.substeps(), path.normalisation().needsTrace(), seed, l);
        Normalisation norm = path.normalisation();
        int k = runs.train().length;
        double[][] train = new double[k][];
        double[][] pop = new double[k][];
        for (int i = 0; i < k; i++) {
            train[i] = norm.apply(step, true, runs.train()[i], runs.traceSigma()[i]);
            pop[i] = norm.apply(step, false, runs.pop()[i], runs.traceSigma()[i]);
        }
        double[][] ts = GradientDescentSimulator.meanAndSe(train);
        double[][] ps = GradientDescentSimulator.meanAndSe(pop);
        LimitCurve predicted = path.prediction().curve(step, grid);
        return new Comparison.SizeResult(step, grid.clone(), predicted.train(), predicted.pop(), ts[0], ts[1], ps[0], ps[1],
                path.prediction().uncertainty(step, grid), path.prediction().bounds(step, grid), path.prediction().extras(step, grid), runs.route(),
                (System.nanoTime() - start) / 1e9);
    }
}
