package org.prism.simulation;

import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Receives progress and warnings from a running simulation. Its methods are called from the
 * worker threads, possibly concurrently: implementations must be thread-safe and cheap.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores everything. */
    ProgressListener NONE = steps -> {};

    /** {@code steps} more integration steps (of some seed) are done; the total is {@code seeds * steps}. */
    void stepsDone(long steps);

    /** A non-fatal problem, one line without trailing newline (e.g. dt close to the stability limit). */
    default void warning(String message) {}

    /** A listener that passes steps done to {@code steps} and warnings to {@code warnings}. */
    static ProgressListener of(LongConsumer steps, Consumer<String> warnings) {
        return new ProgressListener() {
            @Override
            public void stepsDone(long done) {
                steps.accept(done);
            }

            @Override
            public void warning(String message) {
                warnings.accept(message);
            }
        };
    }
}
