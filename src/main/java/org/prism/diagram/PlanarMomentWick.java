package org.prism.diagram;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.prism.algebra.ExponentPacking;
import org.prism.algebra.GuardedPacking;
import org.prism.algebra.IntegerPolynomial;
import org.prism.algebra.NestedPolynomial;
import org.prism.expansion.Alphabet;
import org.prism.expansion.CyclicWord;
import org.prism.model.MatrixModel;

/**
 * The planar part of $E[\operatorname{tr} w]$ ({@link PlanarWick}) for a model whose data have a covariance: the
 * non-crossing pairings of a letter with its transpose, where pairing two data letters cuts the trace into
 * $\operatorname{tr}U \cdot \operatorname{tr}(V C)$ (the inserted $C$ on the covariance's side, as {@link WickStates}
 * places it) and a piece made of $k$ letters $C$ alone is the loop $\operatorname{tr} C^k = s\,C_k$. The covariance's
 * letters are never paired, so the pivot is the first random letter. Values carry the moments as in {@link MomentWick}.
 * With every $C_k = 1$ this is {@link PlanarWick}. Thread-safe.
 */
public final class PlanarMomentWick implements MomentExpectation {
    private final Alphabet alphabet;
    private final MomentWick moments; // its packings and moment shifts
    private final long[] pairShift;
    private final long[] loopShift;
    private final Map<CyclicWord, NestedPolynomial> memo = new ConcurrentHashMap<>();

    public PlanarMomentWick(Alphabet alphabet) {
        this.alphabet = alphabet;
        this.moments = new MomentWick(alphabet);
        MatrixModel model = alphabet.model();
        ExponentPacking packing = moments.packing();
        pairShift = new long[model.matrices().size()];
        for (int i = 0; i < pairShift.length; i++) pairShift[i] = packing.key(model.matrices().get(i).variance());
        loopShift = new long[model.sizes().size()];
        for (int i = 0; i < loopShift.length; i++) loopShift[i] = packing.key(model.sizes().get(i), 1);
    }

    @Override
    public ExponentPacking packing() {
        return moments.packing();
    }

    @Override
    public GuardedPacking moments() {
        return moments.moments();
    }

    @Override
    public int states() {
        return memo.size();
    }

    @Override
    public NestedPolynomial expectation(CyclicWord w) {
        if (w.length() == 0) return NestedPolynomial.ONE;
        return piece(w.letters(), 0, w.length(), -1);
    }

    private NestedPolynomial phi(CyclicWord w) {
        NestedPolynomial v = memo.get(w);
        if (v != null) return v;
        if (Thread.currentThread().isInterrupted()) throw new WickRecursion.CancellationException();
        v = compute(w.letters());
        NestedPolynomial prev = memo.putIfAbsent(w, v);
        return prev != null ? prev : v;
    }

    /** $\Phi$ of a linear piece read as a trace: the empty piece a loop over {@code size}, $C^k$ the loop $s\,C_k$. */
    private NestedPolynomial piece(byte[] w, int from, int to, int size) {
        if (from == to) return NestedPolynomial.of(0L, IntegerPolynomial.monomial(loopShift[size]));
        byte[] p = Arrays.copyOfRange(w, from, to);
        if (WickStates.onlyConstants(alphabet, p)) {
            int loop = alphabet.rowSize(p[0]) | p.length << 8;
            return NestedPolynomial.of(moments.momentShift(loop, 0L), IntegerPolynomial.monomial(loopShift[loop & 0xFF]));
        }
        return balanced(p) ? phi(CyclicWord.of(p)) : NestedPolynomial.ZERO;
    }

    private NestedPolynomial compute(byte[] word) {
        if (!balanced(word)) return NestedPolynomial.ZERO;
        // rotate the first random letter to the front: a covariance letter is never paired
        int start = 0;
        while (alphabet.isConstant(word[start])) start++;
        byte[] w = new byte[word.length];
        for (int i = 0; i < w.length; i++) w[i] = word[(start + i) % w.length];
        byte a = w[0];
        byte partner = (byte) (a ^ 1);
        int cov = alphabet.covariance(a);
        boolean rowSide = cov >= 0 && alphabet.rowCovariance(a);
        NestedPolynomial[] inner = new NestedPolynomial[w.length / 2];
        NestedPolynomial[] outer = new NestedPolynomial[w.length / 2];
        int k = 0;
        for (int j = 1; j < w.length; j++) {
            if (w[j] != partner) continue;
            // tr(a U b V) -> v tr(U [C]) tr(V [C]); U runs over a's column size, V over its row size, C on the covariance's side
            byte[] u = cov >= 0 && !rowSide ? append(w, 1, j, (byte) cov) : Arrays.copyOfRange(w, 1, j);
            byte[] v = cov >= 0 && rowSide ? append(w, j + 1, w.length, (byte) cov) : Arrays.copyOfRange(w, j + 1, w.length);
            NestedPolynomial pu = piece(u, 0, u.length, alphabet.colSize(a));
            if (pu.isZero()) continue;
            NestedPolynomial pv = piece(v, 0, v.length, alphabet.rowSize(a));
            if (pv.isZero()) continue;
            inner[k] = pu;
            outer[k++] = pv;
        }
        return NestedPolynomial.sumOfProducts(inner, outer, k, pairShift[Alphabet.matrixOf(a)], moments.moments()::add);
    }

    private static byte[] append(byte[] w, int from, int to, byte c) {
        byte[] r = Arrays.copyOf(Arrays.copyOfRange(w, from, to), to - from + 1);
        r[to - from] = c;
        return r;
    }

    /** A planar pairing needs as many $M$ as $M^T$ letters for every random matrix. */
    private boolean balanced(byte[] w) {
        int[] bal = new int[alphabet.matrixCount()];
        for (byte c : w) if (!alphabet.isConstant(c)) bal[Alphabet.matrixOf(c)] += Alphabet.isTransposed(c) ? -1 : 1;
        for (int b : bal) if (b != 0) return false;
        return true;
    }
}
