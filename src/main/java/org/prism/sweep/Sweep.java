package org.prism.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.prism.model.MatrixLowering;
import org.prism.model.MatrixModel;
import org.prism.model.TensorModel;
import org.prism.model.lang.ModelFile;
import org.prism.regime.DerivedPrism;
import org.prism.regime.compare.FaceSweep;
import org.prism.simulation.ModelSimulationParams;
import org.prism.simulation.ModelSimulationResult;
import org.prism.simulation.ModelSimulator;
import org.prism.simulation.ProgressListener;
import org.prism.simulation.SimulationJob;
import org.prism.simulation.Spectrum;
import org.prism.simulation.TimeGrid;
import org.prism.simulation.Workers;

/**
 * The simulations of a sweep file: each model at each point of its grid, its runs drawn from the file's base seed.
 * Every cell is one {@link SimulationJob}, so its runs are independent units wherever the simulator sends them (its
 * own threads, or Spark tasks) and are read from the run store when they are there. Cells may run side by side (on a
 * cluster that keeps the executors busy); the results do not depend on it.
 */
public final class Sweep {
    /** One cell's outcome: its simulation, or why there is none (a run that diverged, a step that cannot be suggested). */
    public record Outcome(SweepFile.Simulation cell, String model, ModelSimulationResult result, String failed) {}

    /** A face entry's outcome: the model's derivation and each face compared (or why not). */
    public record FaceOutcomes(SweepFile.Faces cell, String model, DerivedPrism prism, List<FaceSweep.Outcome> outcomes) {}

    private Sweep() {}

    /** The job of one cell: its model compiled, its point, its grid (dt suggested when not given), its seeds. */
    public static SimulationJob job(SweepFile.Simulation c, long seed, ModelSimulator simulator) {
        TensorModel model = ModelFile.read(c.model()).model();
        Optional<MatrixModel> matrix = MatrixLowering.lower(model);
        Spectrum law = c.spectrum() == null ? null : Spectrum.parse(c.spectrum(), matrix.map(m -> m.covarianceSize(c.at())).orElse(OptionalInt.empty())
                .orElseThrow(() -> new IllegalArgumentException("spectrum is for a model with a covariance; " + c.model() + " has none")));
        double dt = c.dt() != null ? c.dt() : matrix.isPresent() ? simulator.suggestStep(matrix.get(), c.at(), law, c.integrator(), c.seeds(), seed, false)
                : simulator.suggestStep(model, c.at(), c.integrator(), c.seeds(), seed, false);
        List<Double> times = new ArrayList<>();
        for (int j = 0; j < c.points(); j++) times.add(c.tMax() * j / (c.points() - 1));
        ModelSimulationParams p = new ModelSimulationParams(c.at(), TimeGrid.of(Math.min(dt, c.tMax()), null, c.tMax(), 1, times), c.integrator(),
                c.seeds(), seed, false, law);
        return matrix.isPresent() ? new SimulationJob(matrix.get(), null, p) : new SimulationJob(null, model, p);
    }

    /**
     * Every simulation of {@code file}, up to {@code parallel} cells at a time, in the file's order.
     *
     * @throws IllegalArgumentException for a cell that cannot be set up (an unknown symbol, a bad spectrum)
     * @throws InterruptedException if interrupted; cells not finished are abandoned (their finished runs are kept)
     */
    public static List<Outcome> simulate(SweepFile file, ModelSimulator simulator, int parallel, ProgressListener listener) throws InterruptedException {
        List<SimulationJob> jobs = new ArrayList<>();
        for (SweepFile.Simulation c : file.simulations()) {
            try {
                jobs.add(job(c, file.seed(), simulator));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file.source() + ": simulate[" + c.entry() + "] at " + c.at().text(",") + ": " + e.getMessage());
            }
        }
        List<Outcome> out = new ArrayList<>();
        if (jobs.isEmpty()) return out;
        ExecutorService pool = Workers.pool(Math.max(1, Math.min(parallel, jobs.size())), "prism-sweep");
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                SweepFile.Simulation c = file.simulations().get(i);
                SimulationJob job = jobs.get(i);
                futures.add(pool.submit(() -> {
                    String name = job.matrix() != null ? job.matrix().name() : job.network().name();
                    try {
                        return new Outcome(c, name, simulator.run(job, listener), null);
                    } catch (IllegalArgumentException e) { // a divergence among them
                        return new Outcome(c, name, null, e.getMessage());
                    }
                }));
            }
            for (Future<Outcome> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw Workers.cause(e);
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        return out;
    }

    /** The integration steps of every run of every simulation (for a progress bar), or -1 when a step is to be suggested. */
    public static long totalSteps(SweepFile file) {
        long total = 0;
        for (SweepFile.Simulation c : file.simulations()) {
            if (c.dt() == null) return -1;
            total += (long) Math.ceil(c.tMax() / c.dt() * (1 - 1e-12)) * c.seeds();
        }
        return total;
    }
}
