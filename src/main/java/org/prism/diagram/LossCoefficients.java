package org.prism.diagram;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.stream.IntStream;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.prism.algebra.ExponentPacking;
import org.prism.algebra.IntegerPolynomial;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.expansion.Alphabet;
import org.prism.expansion.CyclicWord;
import org.prism.expansion.LossExpansion;
import org.prism.expansion.TraceSum;
import org.prism.model.MatrixModel;

/**
 * The Taylor coefficients $c_s = E[D^s L]$ of one loss: the expansion $D^s L =
 * \sum_w c_w \operatorname{tr}(w)$ ({@link LossExpansion}) contracted word by word by a
 * {@link TraceExpectation}, in parallel over words (the memo is shared): exactly with the
 * {@link WickRecursion}, or only the leading (planar) terms with {@link PlanarWick}.
 *
 * <p>To keep rationals out of the inner sum, word coefficients $c_w = \sum_\mu r_{w\mu}\mu$ are
 * scaled by the lcm $D$ of their denominators and summed as integer polynomials per coefficient
 * monomial $\mu$: $c_s = \sum_\mu \frac{\mu}{D} \sum_w (D r_{w\mu}) E[\operatorname{tr} w]$.
 */
public final class LossCoefficients implements ExpectedLoss {
    private final LossExpansion expansion;
    private final TraceExpectation wick;

    public LossCoefficients(MatrixModel model, String loss, TraceExpectation wick) {
        this.expansion = new LossExpansion(model, loss);
        this.wick = wick;
    }

    public LossCoefficients(MatrixModel model, String loss) {
        this(model, loss, new WickRecursion(new Alphabet(model)));
    }

    public LossExpansion expansion() {
        return expansion;
    }

    /**
     * The leading-order coefficients of a model: only the planar Wick pairings ({@link PlanarWick}),
     * the terms of top order when sizes grow together and variances shrink as their inverse.
     */
    public static LossCoefficients leading(MatrixModel model, String loss) {
        return new LossCoefficients(model, loss, new PlanarWick(new Alphabet(model)));
    }

    public TraceExpectation wick() {
        return wick;
    }

    /**
     * The number of Wick pairings behind each monomial of order {@code s}: $\sum_w \mu_w
     * E[\operatorname{tr} w]$ with every word counted once per monomial $\mu_w$ of its coefficient
     * and its rational coefficient dropped. Its support is the support of $c_s$ before any
     * cancellation between words.
     */
    @Override
    public int terms(int s) {
        return expansion.derivative(s).size();
    }

    @Override
    public int states() {
        return wick.states();
    }

    @Override
    public Polynomial pairingCounts(int s) {
        return contract(expansion.derivative(s), r -> BigInteger.ONE, BigInteger.ONE, null);
    }

    /**
     * $c_s$, reporting each word done to {@code wordDone} (may be null); honours the thread's
     * interrupt flag ({@link WickRecursion.CancellationException}).
     */
    @Override
    public Polynomial coefficient(int s, Runnable wordDone) {
        TraceSum terms = expansion.derivative(s);
        BigInteger lcm = terms.commonDenominator();
        return contract(terms, r -> r.numerator().multiply(lcm.divide(r.denominator())), lcm, wordDone);
    }

    /**
     * $\frac1D \sum_w \sum_\mu \text{weight}(r_{w\mu})\, \mu\, E[\operatorname{tr} w]$ for word
     * coefficients $\sum_\mu r_{w\mu}\mu$, with integer weights so the sums stay integer until the end.
     */
    private Polynomial contract(TraceSum terms, Function<Rational, BigInteger> weight, BigInteger denominator, Runnable wordDone) {
        ExponentPacking packing = wick.packing();
        return contract(terms, wick::expectation, IntegerPolynomial::isZero,
                (ps, factors) -> IntegerPolynomial.linearCombination(ps.toArray(new IntegerPolynomial[0]), factors).toPolynomial(packing, Rational.ONE),
                weight, denominator, wordDone);
    }

    /**
     * The same sum for expectations of any kind {@code V} (packed integer polynomials here, polynomials with moments in
     * {@link MomentCoefficients}): words are contracted in parallel (the memo behind {@code expectation} is shared and
     * thread-safe), then per coefficient monomial {@code combine} takes the integer combination of the words' values.
     */
    static <V> Polynomial contract(TraceSum terms, Function<CyclicWord, V> expectation, Predicate<V> isZero,
            BiFunction<List<V>, BigInteger[], Polynomial> combine, Function<Rational, BigInteger> weight, BigInteger denominator, Runnable wordDone) {
        List<Map.Entry<CyclicWord, Polynomial>> words = new ArrayList<>(terms.terms().entrySet());
        List<V> values = new ArrayList<>(Collections.nCopies(words.size(), null));
        IntStream.range(0, words.size()).parallel().forEach(i -> {
            values.set(i, expectation.apply(words.get(i).getKey()));
            if (wordDone != null) wordDone.run();
        });
        Map<Monomial, List<Integer>> byMonomial = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            if (isZero.test(values.get(i))) continue;
            for (Monomial m : words.get(i).getValue().terms().keySet()) byMonomial.computeIfAbsent(m, k -> new ArrayList<>()).add(i);
        }
        Rational scale = Rational.of(BigInteger.ONE, denominator);
        Polynomial sum = Polynomial.ZERO;
        for (Map.Entry<Monomial, List<Integer>> e : byMonomial.entrySet()) {
            List<Integer> idx = e.getValue();
            List<V> ps = new ArrayList<>(idx.size());
            BigInteger[] factors = new BigInteger[idx.size()];
            for (int j = 0; j < factors.length; j++) {
                ps.add(values.get(idx.get(j)));
                factors[j] = weight.apply(words.get(idx.get(j)).getValue().terms().get(e.getKey()));
            }
            sum = sum.add(combine.apply(ps, factors).multiply(scale, e.getKey()));
        }
        return sum;
    }
}
