package org.prism.simulation;

import java.util.function.BiConsumer;

/**
 * Where the runs of a simulation that no {@link RunCache} holds are computed, when not on this process's own
 * threads: a cluster, say. Whatever computes them, run {@code i} of a job is {@link SimulationJob#compute}{@code (i)}.
 */
public interface RunExecutor {
    /**
     * Computes runs {@code runs} of {@code job}, passing each to {@code done} (on any one thread at a time) as soon as
     * it is back, so that a run finished is kept even if a later one fails.
     *
     * @throws InterruptedException if interrupted; runs not yet back are abandoned
     * @throws IllegalArgumentException (a {@link DivergenceException} among them) as a run throws it
     */
    void execute(SimulationJob job, int[] runs, BiConsumer<Integer, StoredRun> done, ProgressListener listener) throws InterruptedException;

    /** One line on where the runs go, e.g. {@code Spark local[2]}. */
    String describe();
}
