package org.prism.simulation;

/**
 * How a simulation will run, decided before anything large is allocated.
 *
 * @param route evaluation order of the products (the cheapest for the sizes)
 * @param multiplyAddsPerStep multiply-adds per step and seed (evaluations per step times those of one evaluation)
 * @param sharedBytes bytes shared by all workers: the data set if fixed, and the per-seed curves
 * @param bytesPerWorker bytes of one worker: {@code W}, the integrator's buffers, the route's work
 *        matrices, and its own data set unless the data are fixed
 * @param threads worker threads that will be used: at most the requested threads, the seeds, and
 *        what fits in the heap
 * @param availableBytes memory still available when planned: the heap ({@code Runtime.maxMemory()}
 *        minus used), and for OpenBLAS at most JavaCPP's off-heap allowance
 * @param backend where the products run
 * @param blasThreads threads of each worker's BLAS products (1 for EJML; for OpenBLAS
 *        {@code max(1, min(requested threads, processors) / workers)})
 */
public record SimulationPlan(Route route, double multiplyAddsPerStep, double sharedBytes, double bytesPerWorker,
        int threads, long availableBytes, Backend backend, int blasThreads) {

    /** Total multiply-adds of the run: steps times seeds times {@link #multiplyAddsPerStep}. */
    public double totalMultiplyAdds(SimulationParams p) {
        return multiplyAddsPerStep * (p.steps() + 1.0) * p.seeds();
    }

    /** Bytes of all matrices: shared plus threads times per worker. */
    public double totalBytes() {
        return sharedBytes + threads * bytesPerWorker;
    }
}
