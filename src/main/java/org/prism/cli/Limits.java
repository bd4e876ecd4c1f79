package org.prism.cli;

/**
 * Orders beyond which a command would not finish in reasonable time on a laptop, so it refuses
 * them with a clear message instead of running for hours. Measured: see README, "Benchmarks".
 */
final class Limits {
    /**
     * Exact coefficients: c_0..c_9 of both losses take about 40 s and 4 GiB of heap; c_10 would need
     * several times that (states x3.4 and time x5-9 per order), more than the default 8 GiB heap.
     */
    static final int MAX_EXACT_ORDER = 9;
    /**
     * Leading-order (planar) coefficients: c_0..c_10 of train and pop in about 8.5 s and 1 GiB;
     * order 11 takes about 35 s and 5 GiB (words of the expansion x3.5 per order).
     */
    static final int MAX_LEADING_ORDER = 11;
    /** Explicit diagram enumeration: pairings visited, summed over the orders asked. */
    static final long MAX_PAIRINGS = 30_000_000L;

    /** Order 10 of the exact engine: about 3.5 min and 20 GiB of heap (README, Benchmarks). */
    static final int MAX_EXACT_ORDER_LARGE_HEAP = 10;
    static final long LARGE_HEAP_BYTES = 19L << 30;

    /**
     * Tensor-network engine (models that are not traces of matrix products): order 5 of the CP
     * examples takes 4-24 s (bench exact --model), and each order costs 5-10x more.
     */
    static final int MAX_NETWORK_ORDER = 5;

    private Limits() {}

    /**
     * Trace words of D^s L one loss may have: the tied autoencoder's train loss has 62 151 at order
     * 10 (exact engine, 20 GiB) and 218 441 at order 11 (leading engine, 5 GiB). Other matrix models
     * grow at their own rate (deep-linear: x10 per order), so their limit is found by counting.
     */
    static final int MAX_EXACT_WORDS = 70_000;
    static final int MAX_LEADING_WORDS = 250_000;

    /**
     * The order limit of the engine that will run {@code loss} of {@code model}: a fixed order for
     * tensor networks; for trace words, the expansion is counted order by order (cheap against the
     * Wick recursion) and extrapolated with the last growth factor once it passes a few thousand words.
     */
    static void requireOrderFor(ModelOption.LoadedModel model, String loss, int order, boolean leading) {
        if (model.engine().matrixModel().isEmpty()) {
            requireOrder(order, MAX_NETWORK_ORDER, "tensor-network engine");
            return;
        }
        int max = leading ? MAX_LEADING_WORDS : MAX_EXACT_WORDS;
        var expansion = new org.prism.expansion.LossExpansion(model.engine().matrixModel().get(), loss);
        double words = 1;
        double growth = 1;
        for (int s = 0; s <= order; s++) {
            double w = expansion.derivative(s).size();
            growth = Math.max(1, w / Math.max(1, words));
            words = w;
            if (w > max) break;
            if (w > 5_000 && s < order) {
                words = w * Math.pow(growth, order - s);
                break;
            }
        }
        if (words > max) {
            throw new IllegalArgumentException("order " + order + " is out of reach of the " + (leading ? "leading-order" : "exact") + " engine for "
                    + model.name() + ": D^" + order + " " + loss + " has about " + String.format(java.util.Locale.ROOT, "%.2g", words)
                    + " trace words (limit " + max + "; x" + String.format(java.util.Locale.ROOT, "%.1f", growth) + " per order)");
        }
    }

    /** The order limit of the leading-order engine ({@code leading}) or of the exact one. */
    static void requireEngineOrder(int order, boolean leading) {
        if (leading) requireOrder(order, MAX_LEADING_ORDER, "leading-order engine");
        else requireExactOrder(order);
    }

    /** The exact engine's orders: up to 9 always, 10 when the JVM has a heap of about 20 GiB. */
    static void requireExactOrder(int order) {
        if (order == MAX_EXACT_ORDER_LARGE_HEAP && Runtime.getRuntime().maxMemory() < LARGE_HEAP_BYTES) {
            throw new IllegalArgumentException("order " + order + " of the exact engine needs about 20 GiB of heap and 3-4 minutes: run with PRISM_JAVA_OPTS=\"-Xmx20g -Xss16m\" (or use --leading)");
        }
        requireOrder(order, MAX_EXACT_ORDER_LARGE_HEAP, "exact engine");
    }

    static void requireOrder(int order, int max, String what) {
        if (order < 0) throw new IllegalArgumentException("--order must be >= 0, got " + order);
        if (order > max) {
            throw new IllegalArgumentException("--order " + order + " is out of reach of the " + what + " (at most " + max
                    + "; time and memory grow 4-9x per order)");
        }
    }
}
