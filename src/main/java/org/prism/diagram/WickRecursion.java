package org.prism.diagram;

import java.util.ArrayList;
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
 * <p>A state is a multiset of cyclic words; one step of the recursion ({@link WickStates#step})
 * contracts the first letter of the lowest-numbered matrix present with each partner, and the
 * state's expectation is the variance of that matrix times the sum of its children's, each times
 * the sizes of the index loops it closed. Children are grouped by canonical state before recursing,
 * so each distinct child costs one memo lookup.
 * The result is a polynomial in the packed symbols (variance symbols and sizes) with integer
 * coefficients: exactly $\sum_{\text{pairings}} \prod v \prod \text{loops}$.
 *
 * <p>Cost: the number of distinct reachable states times the branching (number of partners,
 * at most the number of letters) times the polynomial size. The memo is shared by every word
 * asked of this instance (all orders, all losses of the model) and is thread-safe.
 */
public final class WickRecursion implements TraceExpectation {
    private final Alphabet alphabet;
    private final ExponentPacking packing;
    private final long[] pairShift; // per matrix: packed variance monomial
    private final long[] loopShift; // per size: packed size symbol
    private final Map<WickStates.Key, IntegerPolynomial> memo = new ConcurrentHashMap<>();

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
        if (WickStates.vanishes(alphabet, w)) return IntegerPolynomial.ZERO;
        return expect(WickStates.of(w));
    }

    private IntegerPolynomial expect(WickStates.Key key) {
        IntegerPolynomial v = memo.get(key);
        if (v != null) return v;
        if (Thread.currentThread().isInterrupted()) throw new CancellationException();
        v = compute(WickStates.decode(key.bytes));
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
        WickStates.Step step = WickStates.step(alphabet, cycles);
        int k = step.children().size();
        IntegerPolynomial[] subs = new IntegerPolynomial[k];
        long[] factors = new long[k];
        long[] shifts = new long[k];
        for (int j = 0; j < k; j++) {
            WickStates.Child c = step.children().get(j);
            subs[j] = expect(c.state());
            factors[j] = c.multiplicity();
            long shift = pairShift[step.matrix()];
            if (c.loop1() >= 0) shift = ExponentPacking.add(shift, loopShift[c.loop1()]);
            if (c.loop2() >= 0) shift = ExponentPacking.add(shift, loopShift[c.loop2()]);
            shifts[j] = shift;
        }
        return IntegerPolynomial.linearCombination(subs, factors, shifts);
    }
}
