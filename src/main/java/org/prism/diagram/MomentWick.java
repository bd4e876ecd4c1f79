package org.prism.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.prism.algebra.ExponentPacking;
import org.prism.algebra.GuardedPacking;
import org.prism.algebra.IntegerPolynomial;
import org.prism.algebra.NestedPolynomial;
import org.prism.expansion.Alphabet;
import org.prism.expansion.CyclicWord;
import org.prism.model.MatrixModel;
import org.prism.model.RandomMatrix;

/**
 * The Wick recursion of {@link WickRecursion} for a model whose data have a covariance $C$: the
 * same memoised states and steps ({@link WickStates}), where a pairing of data letters inserts a
 * letter $C$ and a closed loop $\operatorname{tr} C^k = s\, C_k$ contributes its size $s$ and the
 * normalised moment $C_k = \operatorname{tr}(C^k)/s$. Values are {@link NestedPolynomial}s: the
 * moments are the outer symbols {@code C_1 .. C_K} ({@link #MAX_MOMENT} of them, named after the
 * covariance), the variances and sizes the inner ones, as in {@link WickRecursion}.
 *
 * <p>With every $C_k = 1$ ($C = I$) the value is {@link WickRecursion}'s. Cost as there, times the
 * number of moment monomials a state carries; the states are more, since a state now remembers
 * where its $C$ letters sit.
 */
public final class MomentWick implements MomentExpectation {
    /** The highest moment the packing holds: a loop $\operatorname{tr} C^k$ with larger $k$ is refused. */
    public static final int MAX_MOMENT = 16;
    /** The largest total degree in the moments a key holds ($\sum_k k e_k$, the number of data pairs and letters C). */
    static final int MAX_DEGREE = MAX_MOMENT + 1;

    private final Alphabet alphabet;
    private final ExponentPacking packing;
    private final GuardedPacking moments;
    private final long[] pairShift;
    private final long[] loopShift;
    private final Map<WickStates.Key, NestedPolynomial> memo = new ConcurrentHashMap<>();

    public MomentWick(Alphabet alphabet) {
        if (!alphabet.hasConstants()) throw new IllegalArgumentException("model " + alphabet.model().name() + " has no covariance");
        this.alphabet = alphabet;
        MatrixModel model = alphabet.model();
        this.packing = WickRecursion.packingOf(model);
        List<String> names = momentSymbols(model);
        int[] bound = new int[names.size()];
        for (int k = 1; k <= bound.length; k++) bound[k - 1] = MAX_DEGREE / k; // C_k at most K/k times
        this.moments = new GuardedPacking(names, bound);
        pairShift = new long[model.matrices().size()];
        for (int i = 0; i < pairShift.length; i++) pairShift[i] = packing.key(model.matrices().get(i).variance());
        loopShift = new long[model.sizes().size()];
        for (int i = 0; i < loopShift.length; i++) loopShift[i] = packing.key(model.sizes().get(i), 1);
    }

    /** The moment symbols of a model with a covariance named {@code C}: {@code C_1 .. C_K}, K = {@link #MAX_MOMENT}. */
    public static List<String> momentSymbols(MatrixModel model) {
        RandomMatrix c = model.covariance().orElseThrow(() -> new IllegalArgumentException("model " + model.name() + " has no covariance"));
        List<String> names = new ArrayList<>();
        for (int k = 1; k <= MAX_MOMENT; k++) names.add(c.name() + "_" + k);
        return names;
    }

    @Override
    public ExponentPacking packing() {
        return packing;
    }

    @Override
    public GuardedPacking moments() {
        return moments;
    }

    @Override
    public int states() {
        return memo.size();
    }

    /** $E[\operatorname{tr}(w)]$ (the empty word: 1). */
    @Override
    public NestedPolynomial expectation(CyclicWord w) {
        if (w.length() == 0) return NestedPolynomial.ONE;
        if (WickStates.vanishes(alphabet, w)) return NestedPolynomial.ZERO;
        if (WickStates.onlyConstants(alphabet, w.letters())) {
            int loop = alphabet.rowSize(w.letter(0)) | w.length() << 8;
            return NestedPolynomial.of(momentShift(loop, 0L), IntegerPolynomial.monomial(loopShift[loop & 0xFF]));
        }
        return expect(WickStates.of(w));
    }

    private NestedPolynomial expect(WickStates.Key key) {
        NestedPolynomial v = memo.get(key);
        if (v != null) return v;
        if (Thread.currentThread().isInterrupted()) throw new WickRecursion.CancellationException();
        v = compute(WickStates.decode(key.bytes));
        NestedPolynomial prev = memo.putIfAbsent(key, v);
        return prev != null ? prev : v;
    }

    private NestedPolynomial compute(List<byte[]> cycles) {
        if (cycles.isEmpty()) return NestedPolynomial.ONE;
        WickStates.Step step = WickStates.step(alphabet, cycles);
        int k = step.children().size();
        NestedPolynomial[] subs = new NestedPolynomial[k];
        long[] factors = new long[k];
        long[] shifts = new long[k];
        long[] outerShifts = new long[k];
        for (int j = 0; j < k; j++) {
            WickStates.Child c = step.children().get(j);
            subs[j] = expect(c.state());
            factors[j] = c.multiplicity();
            long shift = pairShift[step.matrix()];
            long outer = 0L;
            for (int loop : new int[] {c.loop1(), c.loop2()}) {
                if (loop < 0) continue;
                shift = ExponentPacking.add(shift, loopShift[loop & 0xFF]);
                outer = momentShift(loop, outer);
            }
            shifts[j] = shift;
            outerShifts[j] = outer;
        }
        return NestedPolynomial.linearCombination(subs, factors, shifts, outerShifts, moments::add);
    }

    /** {@code outer} times the moment of a loop $\operatorname{tr} C^k$ ({@code loop >> 8 = k}; 1 for k = 0). */
    long momentShift(int loop, long outer) {
        int power = loop >> 8;
        if (power == 0) return outer;
        if (power > MAX_MOMENT) {
            throw new ArithmeticException("a loop tr(C^" + power + ") needs the moment " + alphabet.model().covariance().orElseThrow().name() + "_" + power
                    + ", beyond the " + MAX_MOMENT + " this engine carries: ask for a lower order");
        }
        return moments.add(outer, moments.key(power - 1, 1));
    }
}
