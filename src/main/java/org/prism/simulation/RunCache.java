package org.prism.simulation;

/**
 * Finished runs kept between processes: a simulator asks for each run of a {@link RunBatch} before it computes it,
 * and hands over each run as it finishes. Implementations are thread-safe (runs finish on worker threads); a
 * {@link #put} that returns has made the run durable, so a process killed afterwards loses none of it.
 */
public interface RunCache {
    /** Keeps nothing. */
    RunCache NONE = new RunCache() {
        @Override
        public StoredRun find(RunBatch batch, int run) {
            return null;
        }

        @Override
        public void put(RunBatch batch, int run, StoredRun result) {}
    };

    /** Run {@code run} of {@code batch} as it was stored, or null. */
    StoredRun find(RunBatch batch, int run);

    /** Keeps run {@code run} of {@code batch}. */
    void put(RunBatch batch, int run, StoredRun result);
}
