package org.prism.diagram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.prism.algebra.Modular;
import org.prism.expansion.Alphabet;
import org.prism.expansion.CyclicWord;

/**
 * The exact Wick recursion compiled into a graph: one node per canonical multi-trace state
 * reachable from the words added, one edge per distinct child of its Wick step
 * ({@link WickStates#step}) carrying the child's multiplicity and the sizes of the loops it closed.
 * The expectation of a state, stripped of its variances (a state with $k_M$ letters of matrix $M$
 * always carries $\prod_M v_M^{k_M/2}$), is then the polynomial in the sizes
 * $Q(s) = \sum_{\text{edges } s \to c} \text{mult} \cdot \text{loops} \cdot Q(c)$, $Q(\emptyset) = 1$,
 * with nonnegative integer coefficients summing to the number of pairings.
 *
 * <p>Why a graph: the polynomial memo of {@link WickRecursion} holds ~500-900 terms per state, which
 * is what limits it (23 GiB at order 10); the graph holds a few bytes per edge, and {@link #evaluate}
 * computes every $Q$ at one point of the sizes modulo a prime in one pass over the edges, with one
 * size kept symbolic (a dense polynomial per state, its degree range bounded by {@link #low}/{@link #high}).
 *
 * <p>Growth: words are added in batches ({@link #add}); new states are expanded level by level (a
 * step removes two letters), the Wick steps of a level computed in parallel and numbered in the
 * order of the level, so the numbering does not depend on thread timing (values never depend on it).
 * Not thread-safe: callers serialise.
 */
final class WickGraph {
    private static final int CHUNK = 1 << 14;

    private final Alphabet alphabet;
    private final int sizes;
    private final Map<WickStates.Key, Integer> ids = new HashMap<>();
    private final List<WickStates.Key> pendingKeys = new ArrayList<>(); // keys of states not yet expanded, by id - firstPending
    private final TreeMap<Integer, IntList> pendingByLevel = new TreeMap<>();
    private final List<IntList> byLevel = new ArrayList<>(); // ids per number of letters
    private int firstPending; // states below were expanded and bounded
    private long maxMultiplicity;

    // per state
    private final IntList level = new IntList();
    private final IntList edgeStart = new IntList();
    private final IntList edgeCount = new IntList();
    private final IntList position = new IntList(); // index among the states of its level
    private byte[] low = new byte[0]; // state * sizes + size: least exponent of that size in Q
    private byte[] high = new byte[0];

    // per edge
    private final IntList child = new IntList();
    private final IntList multiplicity = new IntList();
    private final ByteList loops = new ByteList(); // (loop1 + 1) * (sizes + 1) + (loop2 + 1)

    WickGraph(Alphabet alphabet) {
        this.alphabet = alphabet;
        this.sizes = alphabet.model().sizes().size();
    }

    /** Number of states. */
    int states() {
        return level.size();
    }

    /** Number of edges. */
    int edges() {
        return child.size();
    }

    /** Least exponent of size {@code k} in $Q$ of {@code state}. */
    int low(int state, int k) {
        return low[state * sizes + k];
    }

    int high(int state, int k) {
        return high[state * sizes + k];
    }

    /** Number of letters of {@code state}. */
    int letters(int state) {
        return level.get(state);
    }

    /**
     * The states of these words, adding and expanding what is new; -1 for a word with an odd number of
     * letters of some matrix (its expectation is zero).
     */
    int[] add(List<CyclicWord> words) {
        int[] out = new int[words.size()];
        for (int i = 0; i < out.length; i++) {
            CyclicWord w = words.get(i);
            out[i] = WickStates.vanishes(alphabet, w) ? -1 : idOf(WickStates.of(w), w.length());
        }
        expand();
        return out;
    }

    private int idOf(WickStates.Key key, int letters) {
        Integer id = ids.get(key);
        if (id != null) return id;
        int n = level.size();
        ids.put(key, n);
        level.add(letters);
        edgeStart.add(0);
        edgeCount.add(0);
        pendingKeys.add(key);
        pendingByLevel.computeIfAbsent(letters, k -> new IntList()).add(n);
        while (byLevel.size() <= letters) byLevel.add(new IntList());
        position.add(byLevel.get(letters).size());
        byLevel.get(letters).add(n);
        return n;
    }

    /** Expands pending states, highest level first (their children are two letters lower), then bounds them. */
    private void expand() {
        while (!pendingByLevel.isEmpty()) {
            Map.Entry<Integer, IntList> top = pendingByLevel.pollLastEntry();
            int[] states = top.getValue().toArray();
            if (top.getKey() == 0) continue;
            for (int from = 0; from < states.length; from += CHUNK) {
                if (Thread.currentThread().isInterrupted()) throw new WickRecursion.CancellationException();
                int to = Math.min(states.length, from + CHUNK);
                int base = from;
                WickStates.Step[] steps = new WickStates.Step[to - from];
                IntStream.range(from, to).parallel().forEach(i ->
                        steps[i - base] = WickStates.step(alphabet, WickStates.decode(pendingKeys.get(states[i] - firstPending).bytes)));
                for (int i = from; i < to; i++) {
                    int s = states[i];
                    edgeStart.set(s, child.size());
                    List<WickStates.Child> cs = steps[i - from].children();
                    for (WickStates.Child c : cs) {
                        child.add(idOf(c.state(), level.get(s) - 2));
                        multiplicity.add(c.multiplicity());
                        maxMultiplicity = Math.max(maxMultiplicity, c.multiplicity());
                        loops.add((byte) ((c.loop1() + 1) * (sizes + 1) + (c.loop2() + 1)));
                    }
                    edgeCount.set(s, cs.size());
                }
            }
        }
        bound();
        pendingKeys.clear();
        firstPending = level.size();
    }

    /** Degree bounds of the new states, children before parents. */
    private void bound() {
        int n = level.size();
        int old = low.length / Math.max(1, sizes);
        low = Arrays.copyOf(low, n * sizes);
        high = Arrays.copyOf(high, n * sizes);
        for (IntList ls : byLevel) {
            int first = ls.size();
            while (first > 0 && ls.get(first - 1) >= old) first--; // a level's new states are its last ones
            for (int i = first; i < ls.size(); i++) {
                int s = ls.get(i);
                if (edgeCount.get(s) == 0) continue; // the empty state: Q = 1
                int[] lo = new int[sizes];
                int[] hi = new int[sizes];
                Arrays.fill(lo, Integer.MAX_VALUE);
                Arrays.fill(hi, Integer.MIN_VALUE);
                int[] add = new int[sizes];
                for (int e = edgeStart.get(s), end = e + edgeCount.get(s); e < end; e++) {
                    Arrays.fill(add, 0);
                    int code = loops.get(e);
                    int l1 = code / (sizes + 1) - 1;
                    int l2 = code % (sizes + 1) - 1;
                    if (l1 >= 0) add[l1]++;
                    if (l2 >= 0) add[l2]++;
                    int c = child.get(e);
                    for (int k = 0; k < sizes; k++) {
                        lo[k] = Math.min(lo[k], low[c * sizes + k] + add[k]);
                        hi[k] = Math.max(hi[k], high[c * sizes + k] + add[k]);
                    }
                }
                for (int k = 0; k < sizes; k++) {
                    if (hi[k] > 127) throw new ArithmeticException("size exponent above 127 in a Wick state");
                    low[s * sizes + k] = (byte) lo[k];
                    high[s * sizes + k] = (byte) hi[k];
                }
            }
        }
    }

    private int width(int s, int k) {
        return k < 0 ? 1 : high[s * sizes + k] - low[s * sizes + k] + 1;
    }

    private int lowOf(int s, int k) {
        return k < 0 ? 0 : low[s * sizes + k];
    }

    /** Position of {@code state} among the states of its level (the index into a {@link LevelSink}'s arrays). */
    int position(int state) {
        return position.get(state);
    }

    /**
     * Values per level of the symbolic sizes' blocks over all states, $\sum_s$ width_a(s) width_b(s)
     * for each level up to {@code maxLetters} (index: letters): what one lane of a pass holds.
     */
    long[] levelCells(int a, int b, int maxLetters) {
        int levels = Math.min(byLevel.size() - 1, maxLetters);
        long[] cells = new long[levels + 1];
        for (int lv = 0; lv <= levels; lv++) {
            IntList ls = byLevel.get(lv);
            for (int i = 0; i < ls.size(); i++) cells[lv] += (long) width(ls.get(i), a) * width(ls.get(i), b);
        }
        return cells;
    }

    /** Receives the values of one level of a pass; the arrays are valid only during the call. */
    interface LevelSink {
        /**
         * @param letters the level
         * @param states its states, in order
         * @param offsets where each state's block starts in {@code values} (one more entry: the total)
         * @param values the blocks, row-major over the exponents of the two symbolic sizes and then the
         *     lanes: the value of $a^i b^j$ in lane $l$ at {@code offsets[k] + (i * width_b + j) * lanes + l}
         */
        void level(int letters, int[] states, int[] offsets, int[] values);
    }

    /**
     * One pass over several lanes: $Q(s) \bmod p$ for every state up to {@code maxLetters} letters, at
     * the sizes {@code sizeValues[l][k]} of each lane {@code l} (residues mod p) except sizes {@code a}
     * and {@code b} ({@code b} may be -1), kept symbolic: the coefficients of $a^i b^j$ over the state's
     * exponent ranges ({@link #low}..{@link #high}), row-major, the lanes of a coefficient side by side.
     * Levels are computed in increasing order, each handed to {@code sink}, and dropped once the
     * next-but-one level is done (a step removes two letters), so memory holds two levels; the states
     * of a level are computed in parallel.
     * An edge's weight (multiplicity times the loops' sizes) is a small integer, not reduced, so its
     * products with residues are summed without reduction for as long as {@link Modular#products}
     * allows (for the example models' sizes and multiplicities, past every state's number of edges).
     * Cost: one multiply-add per edge, lane and symbolic coefficient of the child, in contiguous rows.
     * Why lanes: a child's row is read once for all lanes, as one contiguous run, instead of once per
     * pass from wherever it lies (order 10: a prime's 11 points in 11 passes 6.9 s, in one 4.8 s).
     */
    void evaluate(long p, int a, int b, long[][] sizeValues, int maxLetters, LevelSink sink) {
        int lanes = sizeValues.length;
        int codes = (sizes + 1) * (sizes + 1);
        long[][] codeFactor = new long[codes][lanes];
        int[] shiftA = new int[codes];
        int[] shiftB = new int[codes];
        for (int code = 0; code < codes; code++) {
            long[] f = codeFactor[code];
            Arrays.fill(f, 1);
            for (int l : new int[] {code / (sizes + 1) - 1, code % (sizes + 1) - 1}) {
                if (l < 0) continue;
                if (l == a) shiftA[code]++;
                else if (l == b) shiftB[code]++;
                else for (int lane = 0; lane < lanes; lane++) f[lane] = f[lane] * sizeValues[lane][l] % p;
            }
        }
        // an edge's weight for the lane of position t in a row: multiplicity times laneFactor[code][t], unreduced
        long largest = 0;
        for (long[] fs : codeFactor) for (long f : fs) largest = Math.max(largest, f);
        long every = Modular.products(largest * maxMultiplicity + 1, p);
        if (every < 1) throw new ArithmeticException("Wick graph: edge weight " + largest + " x " + maxMultiplicity + " too large for one pass");
        int widest = 1;
        for (int state = 0; state < level.size(); state++) widest = Math.max(widest, width(state, b));
        long[][] laneFactor = new long[codes][widest * lanes];
        for (int code = 0; code < codes; code++) {
            for (int t = 0; t < widest * lanes; t++) laneFactor[code][t] = codeFactor[code][t % lanes];
        }
        double inverse = 1.0 / p;
        int levels = Math.min(byLevel.size() - 1, maxLetters);
        int[][] offsets = new int[levels + 1][];
        int[][] values = new int[levels + 1][];
        ThreadLocal<long[]> scratch = ThreadLocal.withInitial(() -> new long[1 << 10]);
        int chunk = Math.max(16, 1024 / lanes);
        for (int lv = 0; lv <= levels; lv++) {
            if (Thread.currentThread().isInterrupted()) throw new WickRecursion.CancellationException();
            int[] states = byLevel.get(lv).toArray();
            int[] off = new int[states.length + 1];
            long total = 0;
            for (int i = 0; i < states.length; i++) {
                off[i] = (int) total;
                total += (long) width(states[i], a) * width(states[i], b) * lanes;
                if (total > Integer.MAX_VALUE - 8) throw new IllegalStateException("Wick graph too large to evaluate: level " + lv + " has " + total + " values");
            }
            off[states.length] = (int) total;
            int[] val = new int[(int) total];
            int[] childOff = lv >= 2 ? offsets[lv - 2] : null;
            int[] childVal = lv >= 2 ? values[lv - 2] : null;
            int chunks = (states.length + chunk - 1) / chunk;
            IntStream.range(0, chunks).parallel().forEach(ch -> {
                long[] acc = scratch.get();
                for (int i = ch * chunk, end = Math.min(states.length, i + chunk); i < end; i++) {
                    int s = states[i];
                    int count = edgeCount.get(s);
                    int o = off[i];
                    if (count == 0) {
                        for (int lane = 0; lane < lanes; lane++) val[o + lane] = 1;
                        continue;
                    }
                    int loA = lowOf(s, a);
                    int loB = lowOf(s, b);
                    int rowLen = width(s, b);
                    int len = width(s, a) * rowLen;
                    int all = len * lanes;
                    if (acc.length < all) {
                        acc = new long[Integer.highestOneBit(all) * 2];
                        scratch.set(acc);
                    }
                    Arrays.fill(acc, 0, all, 0L);
                    long pending = 0;
                    for (int e = edgeStart.get(s), stop = e + count; e < stop; e++) {
                        int c = child.get(e);
                        int code = loops.get(e);
                        long m = multiplicity.get(e);
                        long[] f = laneFactor[code];
                        int cRows = width(c, a);
                        int run = width(c, b) * lanes;
                        int from = childOff[position.get(c)];
                        int at = ((shiftA[code] + lowOf(c, a) - loA) * rowLen + shiftB[code] + lowOf(c, b) - loB) * lanes;
                        for (int r = 0; r < cRows; r++, at += rowLen * lanes, from += run) {
                            for (int t = 0; t < run; t++) acc[at + t] += m * f[t] * childVal[from + t];
                        }
                        if (++pending == every) {
                            for (int j = 0; j < all; j++) acc[j] = Modular.reduce(acc[j], p, inverse);
                            pending = 0;
                        }
                    }
                    for (int j = 0; j < all; j++) val[o + j] = (int) Modular.reduce(acc[j], p, inverse);
                }
            });
            offsets[lv] = off;
            values[lv] = val;
            sink.level(lv, states, off, val);
            if (lv >= 2) {
                offsets[lv - 2] = null;
                values[lv - 2] = null;
            }
        }
    }

    /** A growable int array (the graph holds up to ~10^8 edges: no boxing). */
    private static final class IntList {
        private int[] a = new int[16];
        private int n;

        void add(int v) {
            if (n == a.length) a = Arrays.copyOf(a, a.length + (a.length >> 1));
            a[n++] = v;
        }

        int get(int i) {
            return a[i];
        }

        void set(int i, int v) {
            a[i] = v;
        }

        int size() {
            return n;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    private static final class ByteList {
        private byte[] a = new byte[16];
        private int n;

        void add(byte v) {
            if (n == a.length) a = Arrays.copyOf(a, a.length + (a.length >> 1));
            a[n++] = v;
        }

        int get(int i) {
            return a[i];
        }
    }
}
