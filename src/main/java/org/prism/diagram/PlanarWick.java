package org.prism.diagram;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.prism.algebra.ExponentPacking;
import org.prism.algebra.IntegerPolynomial;
import org.prism.expansion.Alphabet;
import org.prism.expansion.CyclicWord;
import org.prism.model.MatrixModel;

/**
 * The planar (genus-0) part of $E[\operatorname{tr} w]$: the sum over Wick pairings of the letters
 * of one trace that are non-crossing and pair every letter with its transpose ($M$ with $M^T$),
 * each pair weighted by the matrix's variance and each of the $k+1$ index loops of $k$ pairs by its size.
 *
 * <p>These are the pairings of top order when every size grows like $N$ and every variance
 * (times its $1/n$ weight) like $1/N$: a crossing, a twisted pair ($M$ with $M$) or a pair joining
 * two traces costs at least one power of $N$. For the tied autoencoder they are exactly the terms
 * with $d + m + n - \sigma/2$ maximal, i.e. the Pareto-maximal (tree-like) diagrams of $c_s$.
 *
 * <p>Recursion: pairing the first letter $a$ of $aUbV$ with a partner $b = a^T$ cuts the trace into
 * $\operatorname{tr}U \cdot \operatorname{tr}V$ (a loop of the right size when empty), so
 * $\Phi(aUbV\ldots) = \sum_b v_a\,\Phi(U)\,\Phi(V)$ with a memo over canonical cyclic words.
 * Every sub-trace is a contiguous piece of its parent, so a word of length $L$ reaches $O(L^2)$
 * states; cost $O(L)$ products per state, summed in a dense array over the result's exponents
 * ({@link IntegerPolynomial#sumOfProducts}). Thread-safe.
 */
public final class PlanarWick implements TraceExpectation {
    private final Alphabet alphabet;
    private final ExponentPacking packing;
    private final long[] pairShift;
    private final long[] loopShift;
    private final Map<CyclicWord, IntegerPolynomial> memo = new ConcurrentHashMap<>();
    private final IntegerPolynomial.SupportPool supports = new IntegerPolynomial.SupportPool();

    public PlanarWick(Alphabet alphabet) {
        this.alphabet = alphabet;
        MatrixModel model = alphabet.model();
        this.packing = WickRecursion.packingOf(model);
        pairShift = new long[model.matrices().size()];
        for (int i = 0; i < pairShift.length; i++) pairShift[i] = packing.key(model.matrices().get(i).variance());
        loopShift = new long[model.sizes().size()];
        for (int i = 0; i < loopShift.length; i++) loopShift[i] = packing.key(model.sizes().get(i), 1);
    }

    @Override
    public ExponentPacking packing() {
        return packing;
    }

    @Override
    public int states() {
        return memo.size();
    }

    @Override
    public IntegerPolynomial expectation(CyclicWord w) {
        if (w.length() == 0) return IntegerPolynomial.ONE;
        // a whole word is valued from its memoised sub-traces but not kept itself (unless it is some sub-trace): the
        // words of an order are the longest traces, each asked once, and were most of the memo
        IntegerPolynomial v = memo.get(w);
        return v != null ? v : compute(w.letters());
    }

    private IntegerPolynomial phi(CyclicWord w) {
        IntegerPolynomial v = memo.get(w);
        if (v != null) return v;
        if (Thread.currentThread().isInterrupted()) throw new WickRecursion.CancellationException();
        v = supports.share(compute(w.letters()));
        IntegerPolynomial prev = memo.putIfAbsent(w, v);
        return prev != null ? prev : v;
    }

    /** $\Phi$ of a linear piece read as a trace; the empty piece is a loop over {@code size}. */
    private IntegerPolynomial piece(byte[] w, int from, int to, int size) {
        if (from == to) return IntegerPolynomial.monomial(loopShift[size]);
        return balanced(w, from, to) ? phi(CyclicWord.of(w, from, to)) : IntegerPolynomial.ZERO;
    }

    private IntegerPolynomial compute(byte[] w) {
        if (!balanced(w, 0, w.length)) return IntegerPolynomial.ZERO;
        byte a = w[0];
        byte partner = (byte) (a ^ 1);
        IntegerPolynomial[] inner = new IntegerPolynomial[w.length / 2];
        IntegerPolynomial[] outer = new IntegerPolynomial[w.length / 2];
        int k = 0;
        for (int j = 1; j < w.length; j++) {
            if (w[j] != partner) continue;
            // tr(a U b V) -> v * tr(U) tr(V); U runs over a's column size, V over a's row size
            IntegerPolynomial u = piece(w, 1, j, alphabet.colSize(a));
            if (u.isZero()) continue;
            IntegerPolynomial rest = piece(w, j + 1, w.length, alphabet.rowSize(a));
            if (rest.isZero()) continue;
            inner[k] = u;
            outer[k++] = rest;
        }
        return IntegerPolynomial.sumOfProducts(inner, outer, k, pairShift[Alphabet.matrixOf(a)]);
    }

    /** A planar pairing needs as many $M$ as $M^T$ letters for every matrix. */
    private boolean balanced(byte[] w, int from, int to) {
        int[] bal = new int[alphabet.matrixCount()];
        for (int i = from; i < to; i++) {
            byte c = w[i];
            bal[Alphabet.matrixOf(c)] += Alphabet.isTransposed(c) ? -1 : 1;
        }
        for (int b : bal) if (b != 0) return false;
        return true;
    }
}
