package org.prism.diagram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.prism.algebra.ExponentPacking;
import org.prism.algebra.IntegerPolynomial;
import org.prism.expansion.Alphabet;
import org.prism.expansion.CyclicWord;
import org.prism.model.MatrixModel;
import org.prism.model.RandomMatrix;

/**
 * Gaussian expectation of products of traces by a memoised Wick recursion over canonical
 * multi-trace states, without listing pairings.
 *
 * <p>A state is a multiset of cyclic words. Its expectation: take the first letter $a$ of the
 * lowest-numbered matrix present and sum, over every other letter $b$ of the same matrix, the
 * variance of that matrix times the expectation of the state with $a$ and $b$ contracted
 * ($E[M_{ij}M_{kl}] = v\,\delta_{ik}\delta_{jl}$). Writing the cycles as $aU$ and $bV$:
 * <ul>
 * <li>$a$, $b$ in the same cycle $aUbV$: opposite orientations ($M$ with $M^T$) cut it into the
 * cycles $U$ and $V$; equal orientations give the one cycle $U V^{T}$ (reversed, transposed);
 * <li>$a$, $b$ in two cycles $aU$, $bV$: they join into $UV$ (opposite) or $UV^{T}$ (equal).
 * </ul>
 * A cycle left empty is a free index loop and contributes its size (d, m, n). Children are
 * grouped by canonical state before recursing, so each distinct child costs one memo lookup.
 * The result is a polynomial in the packed symbols (variance symbols and sizes) with integer
 * coefficients: exactly $\sum_{\text{pairings}} \prod v \prod \text{loops}$.
 *
 * <p>Cost: the number of distinct reachable states times the branching (number of partners,
 * at most the number of letters) times the polynomial size. The memo is shared by every word
 * asked of this instance (all orders, all losses of the model) and is thread-safe.
 */
public final class WickRecursion implements TraceExpectation {
    private static final byte SEPARATOR = (byte) 0xFF;

    private final Alphabet alphabet;
    private final ExponentPacking packing;
    private final long[] pairShift; // per matrix: packed variance monomial
    private final long[] loopShift; // per size: packed size symbol
    private final Map<StateKey, IntegerPolynomial> memo = new ConcurrentHashMap<>();

    public WickRecursion(Alphabet alphabet) {
        this.alphabet = alphabet;
        MatrixModel model = alphabet.model();
        this.packing = packingOf(model);
        pairShift = new long[model.matrices().size()];
        for (int i = 0; i < pairShift.length; i++) pairShift[i] = packing.key(model.matrices().get(i).variance());
        loopShift = new long[model.sizes().size()];
        for (int i = 0; i < loopShift.length; i++) loopShift[i] = packing.key(model.sizes().get(i), 1);
    }

    /** The symbols of expectations: variance symbols (in matrix order) then sizes. */
    public static ExponentPacking packingOf(MatrixModel model) {
        List<String> symbols = new ArrayList<>();
        for (RandomMatrix r : model.matrices()) {
            for (String s : r.variance().exponents().keySet()) if (!symbols.contains(s)) symbols.add(s);
        }
        for (String s : model.sizes()) if (!symbols.contains(s)) symbols.add(s);
        return new ExponentPacking(symbols);
    }

    @Override
    public ExponentPacking packing() {
        return packing;
    }

    /** Number of memoised states so far. */
    @Override
    public int states() {
        return memo.size();
    }

    /** $E[\operatorname{tr}(w)]$ (the empty word: 1). */
    @Override
    public IntegerPolynomial expectation(CyclicWord w) {
        if (w.length() == 0) return IntegerPolynomial.ONE;
        for (int i = 0; i < alphabet.matrixCount(); i++) {
            if ((w.count(i) & 1) == 1) return IntegerPolynomial.ZERO;
        }
        return expect(new StateKey(encode(List.of(w.letters()))));
    }

    private IntegerPolynomial expect(StateKey key) {
        IntegerPolynomial v = memo.get(key);
        if (v != null) return v;
        if (Thread.currentThread().isInterrupted()) throw new CancellationException();
        v = compute(decode(key.bytes));
        IntegerPolynomial prev = memo.putIfAbsent(key, v);
        return prev != null ? prev : v;
    }

    /** Thrown when the computing thread is interrupted (user pressed Ctrl-C or a deadline passed). */
    public static final class CancellationException extends RuntimeException {
        public CancellationException() {
            super("interrupted", null, false, false);
        }
    }

    private IntegerPolynomial compute(List<byte[]> cycles) {
        if (cycles.isEmpty()) return IntegerPolynomial.ONE;
        // pivot: first letter of the lowest matrix present
        int pivotMatrix = Integer.MAX_VALUE;
        int pc = -1;
        int pp = -1;
        for (int c = 0; c < cycles.size(); c++) {
            byte[] w = cycles.get(c);
            for (int p = 0; p < w.length; p++) {
                if ((w[p] >> 1) < pivotMatrix) {
                    pivotMatrix = w[p] >> 1;
                    pc = c;
                    pp = p;
                }
            }
        }
        byte[] wa = rotate(cycles.get(pc), pp);
        byte a = wa[0];
        Map<Child, long[]> children = new HashMap<>();
        List<byte[]> rest = new ArrayList<>(cycles.size());
        for (int c = 0; c < cycles.size(); c++) if (c != pc) rest.add(cycles.get(c));

        // partners in the same cycle: wa = a U b V
        for (int q = 1; q < wa.length; q++) {
            byte b = wa[q];
            if ((b >> 1) != pivotMatrix) continue;
            byte[] u = Arrays.copyOfRange(wa, 1, q);
            byte[] vv = Arrays.copyOfRange(wa, q + 1, wa.length);
            List<byte[]> next = new ArrayList<>(rest);
            long shift = 0;
            if (a != b) {
                shift = ExponentPacking.add(shift, addCycle(next, u, alphabet.colSize(a)));
                shift = ExponentPacking.add(shift, addCycle(next, vv, alphabet.rowSize(a)));
            } else {
                shift = ExponentPacking.add(shift, addCycle(next, concat(u, transpose(vv)), alphabet.colSize(a)));
            }
            record(children, next, shift);
        }
        // partners in the other cycles: wa = a U, wb = b V
        for (int c = 0; c < rest.size(); c++) {
            byte[] other = rest.get(c);
            for (int q = 0; q < other.length; q++) {
                byte b = other[q];
                if ((b >> 1) != pivotMatrix) continue;
                byte[] u = Arrays.copyOfRange(wa, 1, wa.length);
                byte[] wb = rotate(other, q);
                byte[] vv = Arrays.copyOfRange(wb, 1, wb.length);
                List<byte[]> next = new ArrayList<>(rest.size());
                for (int k = 0; k < rest.size(); k++) if (k != c) next.add(rest.get(k));
                long shift = addCycle(next, a != b ? concat(u, vv) : concat(u, transpose(vv)), alphabet.colSize(a));
                record(children, next, shift);
            }
        }
        int k = children.size();
        IntegerPolynomial[] subs = new IntegerPolynomial[k];
        long[] factors = new long[k];
        long[] shifts = new long[k];
        int j = 0;
        for (Map.Entry<Child, long[]> e : children.entrySet()) {
            subs[j] = expect(e.getKey().state);
            factors[j] = e.getValue()[0];
            shifts[j++] = ExponentPacking.add(e.getKey().shift, pairShift[pivotMatrix]);
        }
        return IntegerPolynomial.linearCombination(subs, factors, shifts);
    }

    private record Child(StateKey state, long shift) {}

    private static void record(Map<Child, long[]> children, List<byte[]> cycles, long shift) {
        children.computeIfAbsent(new Child(new StateKey(encode(cycles)), shift), k -> new long[1])[0]++;
    }

    /** Adds {@code w} as a cycle, or returns the loop's packed size if it is empty. */
    private long addCycle(List<byte[]> cycles, byte[] w, int sizeIfEmpty) {
        if (w.length == 0) return loopShift[sizeIfEmpty];
        cycles.add(w);
        return 0;
    }

    private static byte[] rotate(byte[] w, int start) {
        if (start == 0) return w;
        byte[] r = new byte[w.length];
        for (int i = 0; i < w.length; i++) r[i] = w[(start + i) % w.length];
        return r;
    }

    private static byte[] transpose(byte[] w) {
        byte[] r = new byte[w.length];
        for (int i = 0; i < w.length; i++) r[i] = (byte) (w[w.length - 1 - i] ^ 1);
        return r;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Canonical encoding: each cycle canonical, cycles sorted, joined by a separator. */
    static byte[] encode(List<byte[]> cycles) {
        byte[][] canon = new byte[cycles.size()][];
        int total = 0;
        for (int i = 0; i < canon.length; i++) {
            canon[i] = CyclicWord.canonical(cycles.get(i));
            total += canon[i].length + 1;
        }
        Arrays.sort(canon, (x, y) -> x.length != y.length ? Integer.compare(x.length, y.length) : Arrays.compareUnsigned(x, y));
        byte[] out = new byte[total];
        int o = 0;
        for (byte[] c : canon) {
            System.arraycopy(c, 0, out, o, c.length);
            o += c.length;
            out[o++] = SEPARATOR;
        }
        return out;
    }

    static List<byte[]> decode(byte[] key) {
        List<byte[]> cycles = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < key.length; i++) {
            if (key[i] == SEPARATOR) {
                cycles.add(Arrays.copyOfRange(key, start, i));
                start = i + 1;
            }
        }
        return cycles;
    }

    private static final class StateKey {
        final byte[] bytes;
        final int hash;

        StateKey(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StateKey k && hash == k.hash && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
