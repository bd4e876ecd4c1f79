package org.prism.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import org.prism.expansion.Alphabet;
import org.prism.expansion.CyclicWord;
import org.prism.expansion.LossExpansion;
import org.prism.expansion.TraceSum;

/**
 * Orders beyond which a command would not finish in reasonable time on a laptop, so it refuses
 * them with a clear message instead of running for hours. Measured: see docs/benchmarks.md.
 */
final class Limits {
    /**
     * Exact coefficients (state graph evaluated mod primes): c_0..c_10 of both losses take about a
     * minute and 4 GiB; order 11 and 12 run on demand (minutes to tens of minutes, see docs/benchmarks.md) when
     * the heap is large enough; order 13 would take hours (work x5 per order).
     */
    static final int MAX_EXACT_ORDER = 12;
    /** The polynomial-memo engine ({@code bench exact --memo}): order 10 needs about 20 GiB. */
    static final int MAX_MEMO_ORDER = 9;
    /**
     * Leading-order (planar) coefficients: the expansion decides (at most {@link #MAX_LEADING_WORDS}
     * words, and the heap {@link #LEADING_BYTES_PER_WORD} asks for), so the tied autoencoder stops at 13 in
     * the launcher's heap (c_0..c_10 of train and pop in about 3 s and 1 GiB, order 11 about 12 s, order 12 about
     * a minute, order 13 about 5 minutes; words x3.5 per order) while its data-free population flow, one word
     * per order, runs to this cap (order 100: thousands of terms of a hundred digits, seconds per order).
     */
    static final int MAX_LEADING_ORDER = 100;
    /**
     * A model with a covariance, in the launcher's 8 GiB heap (the tied autoencoder, measured): the memoised recursion with
     * moments gives c_7 of both losses in 44 s and 5.2 GiB; the planar one c_8 of the population loss in 37 s and 6.6 GiB,
     * and ran out of the heap at c_9.
     */
    static final int MAX_MOMENT_EXACT_ORDER = 7;
    static final int MAX_MOMENT_LEADING_ORDER = 8;
    /** Explicit diagram enumeration: orders, and pairings visited summed over the orders asked. */
    static final int MAX_DIAGRAM_ORDER = 9;
    static final long MAX_PAIRINGS = 30_000_000L;

    /**
     * The exact engine runs in any heap up to this many trace words of one loss (the tied autoencoder's
     * order 10 has 62 151 train words and runs in the tests' 4 GiB); beyond it, it asks for heap.
     */
    static final int EXACT_WORDS_IN_ANY_HEAP = 100_000;
    /**
     * Heap the exact engine asks per trace word (as this class estimates them) and per symbol of the
     * model beyond {@link #EXACT_WORDS_IN_ANY_HEAP} words, at least {@link #EXACT_MIN_HEAP}. Measured:
     * the tied autoencoder (4 symbols) runs order 11 with -Xmx6g and order 12 (estimated 5.8e5 train
     * words, truly 774 047) with -Xmx14g (docs/benchmarks.md); deep-linear (7 symbols) ran
     * {@code coefficients --order 6 --loss train} (estimated 2.6e5 words) in 273 s at 9.9 GB peak RSS
     * with -Xmx16g, and thrashed for over 10 minutes with -Xmx6g. 6.2 KiB x symbols asks 14 GiB for
     * the first and 11 GiB for the second.
     */
    static final long EXACT_BYTES_PER_WORD_AND_SYMBOL = 6350;
    static final long EXACT_MIN_HEAP = 6L << 30;

    /**
     * Tensor-network engine (models that are not traces of matrix products): order 6 of the CP examples
     * ends within ten minutes in the launcher's 8 GiB heap (cp3-sym 20 s, cp3-asym 48 s, cp4-sym 102 s:
     * bench/reach.sh), order 7 only for cp3-sym (220 s; cp3-asym's ran out of the heap after 590 s, cp4-sym's is
     * predicted at 27 minutes).
     */
    static final int MAX_NETWORK_ORDER = 6;

    /**
     * The tensor-network engine's order when none is given: order 5 takes 3-9 s on the CP examples, 6 up to
     * two minutes, so 6 is there when asked for ({@code -S 6}), never by default.
     */
    static final int DEFAULT_NETWORK_ORDER = 5;

    private Limits() {}

    /**
     * Trace words of D^s L one loss may have: the tied autoencoder's train loss has 62 151 at order
     * 10, 218 441 at order 11 and about 770 000 at order 12. Other matrix models grow at their own
     * rate (deep-linear: x10 per order), so their limit is found by counting.
     */
    static final int MAX_EXACT_WORDS = 1_000_000;
    /** Letters of one random matrix a trace word may have for the exact engine (see {@link #requireLetters}). */
    static final int MAX_EXACT_LETTERS = 36;
    /**
     * Trace words of D^s L one loss may have for the leading engine: the tied autoencoder's order 13 (estimated
     * 1.9e6 train words, truly 2 776 514) runs; order 14 (estimated 6.0e6) is refused.
     */
    static final int MAX_LEADING_WORDS = 3_000_000;
    /**
     * Heap the leading engine needs per trace word of the largest loss, as this class estimates the words (from
     * the growth at the first order past 5 000 words, an underestimate for the tied autoencoder). Measured with
     * {@code -Xmx8g} on the tied autoencoder, train and pop together: order 12 (estimated 5.8e5 train words,
     * truly 774 047) kept 1.25 GB after its last full collection (peak 3.9 GiB with garbage, 53 s); order 13
     * kept 5.8 GB and filled the 8 GiB heap, its last minute a quarter to a half in full collections (280 s in
     * all). 4 KiB per estimated word asks 7.1 GiB for order 13, so it runs in the launcher's 8 GiB and not in
     * less than about 7. Before the memo shared its supports and stopped keeping whole words, order 12 alone
     * peaked at 6.0 GB live and the figure was 12 KiB: a third of it now, for the engine's third of the memory.
     */
    static final long LEADING_BYTES_PER_WORD = 4L << 10;
    /** The leading engine's reach, for help texts. */
    static final String LEADING_REACH = "as far as D^S L stays under " + MAX_LEADING_WORDS + " trace words: 13 for the tied autoencoder"
            + " (order 12 in about a minute, 13 in about 5 minutes and the whole 8 GiB heap), up to " + MAX_LEADING_ORDER
            + " for a flow without data";

    /**
     * Refuses an order the engine for {@code losses} of {@code model} would not finish: a fixed order
     * for tensor networks; for trace words the engine's order cap (the exact engine's also asks for
     * heap) and the size of the expansion, counted order by order (cheap against the Wick recursion)
     * and extrapolated with the last growth factor once it passes a few thousand words.
     */
    static void require(ModelOption.LoadedModel model, List<String> losses, int order, boolean leading) {
        require(model, losses, order, leading, true);
    }

    /**
     * As {@link #require(ModelOption.LoadedModel, List, int, boolean)}; without {@code orderCaps} the fixed
     * order caps do not apply (a benchmark with a time limit finds the reach), the heap and word checks still do.
     */
    static void require(ModelOption.LoadedModel model, List<String> losses, int order, boolean leading, boolean orderCaps) {
        if (order < 0) throw new IllegalArgumentException("order must be >= 0, got " + order);
        if (model.engine().matrixModel().isEmpty()) {
            if (orderCaps) requireNetworkOrder(order);
            return;
        }
        if (!orderCaps) {
            for (String loss : losses) requireWords(model, loss, order, leading);
            return;
        }
        if (!model.engine().moments().isEmpty()) {
            requireOrder(order, leading ? MAX_MOMENT_LEADING_ORDER : MAX_MOMENT_EXACT_ORDER, leading ? "leading-order engine with moments"
                    : "exact engine with moments");
        }
        if (!leading) {
            requireOrder(order, MAX_EXACT_ORDER, "exact engine");
        } else if (order > MAX_LEADING_ORDER) {
            throw new IllegalArgumentException("order " + order + " is beyond the leading-order engine's cap of " + MAX_LEADING_ORDER
                    + " (coefficients of thousands of terms with hundreds of digits)");
        }
        for (String loss : losses) requireWords(model, loss, order, leading);
    }

    private static void requireWords(ModelOption.LoadedModel model, String loss, int order, boolean leading) {
        int max = leading ? MAX_LEADING_WORDS : MAX_EXACT_WORDS;
        var expansion = new LossExpansion(model.engine().matrixModel().get(), loss);
        double words = 1;
        double growth = 1;
        for (int s = 0; s <= order; s++) {
            TraceSum d = expansion.derivative(s);
            if (!leading) requireLetters(model, loss, s, order, d, expansion.alphabet());
            double w = d.size();
            growth = Math.max(1, w / Math.max(1, words));
            words = w;
            if (w > max) break;
            if (w > 5_000 && s < order) {
                words = w * Math.pow(growth, order - s);
                break;
            }
        }
        String count = "D^" + order + " " + loss + " has about " + String.format(Locale.ROOT, "%.2g", words) + " trace words";
        if (words > max) {
            throw new IllegalArgumentException("order " + order + " is out of reach of the " + (leading ? "leading-order" : "exact") + " engine for "
                    + model.name() + ": " + count + " (limit " + max + "; x" + String.format(Locale.ROOT, "%.1f", growth) + " per order)");
        }
        double need;
        if (leading) {
            need = words * LEADING_BYTES_PER_WORD;
        } else if (words > EXACT_WORDS_IN_ANY_HEAP) {
            need = Math.max(EXACT_MIN_HEAP, words * model.engine().symbols().size() * EXACT_BYTES_PER_WORD_AND_SYMBOL);
        } else {
            return;
        }
        if (heap() < need) {
            long gib = (long) Math.ceil(need / (1L << 30));
            throw new IllegalArgumentException("order " + order + " of the " + (leading ? "leading-order" : "exact") + " engine needs about " + gib
                    + " GiB of heap (" + count + "): run with PRISM_JAVA_OPTS=\"-XX:+UseParallelGC -Xmx" + gib + "g -Xss16m\"");
        }
    }

    /**
     * The heap the JVM was given ({@code -Xmx}), which the estimates above are in: under the parallel
     * collector {@link Runtime#maxMemory()} leaves out a survivor space (7.3 GiB of an 8 GiB heap).
     */
    static long heap() {
        long max = Runtime.getRuntime().maxMemory();
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return vm == null ? max : Math.max(max, Long.parseLong(vm.getVMOption("MaxHeapSize").getValue()));
        } catch (IllegalArgumentException e) { // not a HotSpot VM, or no such option
            return max;
        }
    }

    /**
     * Refuses a trace word with more than {@link #MAX_EXACT_LETTERS} letters of one random matrix: the exact engine's
     * state graph grows about 50-fold per 8 more such letters (tr(W^10): 26 letters 0.4 s, 34 letters 20 s), while every
     * example model stays at 28 or fewer to its highest order (the tied autoencoder's order 12).
     */
    private static void requireLetters(ModelOption.LoadedModel model, String loss, int s, int order, TraceSum d, Alphabet alphabet) {
        for (CyclicWord w : d.terms().keySet()) {
            for (int m = 0; m < alphabet.matrixCount(); m++) {
                int letters = w.count(m);
                if (letters > MAX_EXACT_LETTERS) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "order %d is out of reach of the exact engine for %s: D^%d %s has"
                            + " a trace word with %d letters of %s, and the engine's cost grows about 50-fold per 8 more letters of one"
                            + " matrix (34 letters take about 20 s); at most %d are allowed: ask for order %d or lower, or --leading",
                            order, model.name(), s, loss, letters, alphabet.model().matrices().get(m).name(), MAX_EXACT_LETTERS, Math.max(0, s - 1)));
                }
            }
        }
    }

    /** An order within reach, and why the order above it is not (null when {@code order} is the one wanted). */
    record Reach(int order, String whyNotHigher) {}

    /**
     * The highest order from 2 to {@code wanted} that {@link #require} lets the engine run for {@code loss};
     * refuses (with the reason for order 2) when none is.
     */
    static Reach highestWithinReach(ModelOption.LoadedModel model, String loss, int wanted, boolean leading) {
        String why = null;
        if (model.engine().matrixModel().isEmpty() && wanted > DEFAULT_NETWORK_ORDER) {
            why = "the tensor-network engine's default; order " + (DEFAULT_NETWORK_ORDER + 1) + " takes from 20 s to 2 minutes and up to 6 GiB"
                    + " of heap: ask for it with -S " + (DEFAULT_NETWORK_ORDER + 1);
            wanted = DEFAULT_NETWORK_ORDER;
        }
        for (int s = wanted; s >= 2; s--) {
            try {
                require(model, List.of(loss), s, leading);
                return new Reach(s, why);
            } catch (IllegalArgumentException e) {
                why = e.getMessage();
            }
        }
        throw new IllegalArgumentException(why);
    }

    static void requireOrder(int order, int max, String what) {
        requireOrder(order, max, what, "time and memory grow 4-9x per order");
    }

    /** The tensor-network engine's cap, with its growth per order as measured (docs/benchmarks.md). */
    static void requireNetworkOrder(int order) {
        requireOrder(order, MAX_NETWORK_ORDER, "tensor-network engine", "time grows 5-18x per order on the CP examples");
    }

    private static void requireOrder(int order, int max, String what, String growth) {
        if (order < 0) throw new IllegalArgumentException("order must be >= 0, got " + order);
        if (order > max) {
            throw new IllegalArgumentException("order " + order + " is out of reach of the " + what + " (at most " + max
                    + "; " + growth + ")");
        }
    }
}
