package org.prism.cli;

/**
 * Orders beyond which a command would not finish in reasonable time on a laptop, so it refuses
 * them with a clear message instead of running for hours. Measured: see README, "Benchmarks".
 */
final class Limits {
    /** Exact coefficients: c_10 takes minutes, c_11 about an hour (cost grows 5-6x per order). */
    static final int MAX_EXACT_ORDER = 10;
    /** Explicit diagram enumeration: pairings visited, summed over the orders asked. */
    static final long MAX_PAIRINGS = 30_000_000L;

    private Limits() {}

    static void requireOrder(int order, int max, String what) {
        if (order < 0) throw new IllegalArgumentException("--order must be >= 0, got " + order);
        if (order > max) {
            throw new IllegalArgumentException("--order " + order + " is out of reach of the " + what + " (at most " + max
                    + "; the cost grows about 5-6x per order)");
        }
    }
}
