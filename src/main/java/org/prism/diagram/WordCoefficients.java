package org.prism.diagram;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.expansion.CyclicWord;
import org.prism.expansion.LossExpansion;
import org.prism.expansion.TraceSum;
import org.prism.model.MatrixModel;

/**
 * The Taylor coefficients $c_s = E[D^s L]$ of one loss, word by word: the expansion
 * $D^s L = \sum_w c_w \operatorname{tr}(w)$ ({@link LossExpansion}) with each word's expectation of kind {@code V}
 * (a packed integer polynomial, {@link LossCoefficients}; with a covariance's moments, {@link MomentCoefficients}),
 * words contracted in parallel (the memo behind the expectations is shared and thread-safe).
 *
 * <p>To keep rationals out of the inner sum, word coefficients $c_w = \sum_\mu r_{w\mu}\mu$ are scaled by the lcm
 * $D$ of their denominators and summed as integer combinations per coefficient monomial $\mu$:
 * $c_s = \sum_\mu \frac{\mu}{D} \sum_w (D r_{w\mu}) E[\operatorname{tr} w]$.
 */
abstract class WordCoefficients<V> implements ExpectedLoss {
    private static final int COMBINE_CHUNK = 1 << 15;

    private final LossExpansion expansion;

    WordCoefficients(MatrixModel model, String loss) {
        this.expansion = new LossExpansion(model, loss);
    }

    /** $E[\operatorname{tr} w]$. */
    abstract V expectation(CyclicWord w);

    abstract boolean isZero(V value);

    /** $\sum_j f_j v_j$ as a polynomial over named symbols. */
    abstract Polynomial combine(List<V> values, BigInteger[] factors);

    public LossExpansion expansion() {
        return expansion;
    }

    @Override
    public int terms(int s) {
        return expansion.derivative(s).size();
    }

    /**
     * The number of Wick pairings behind each monomial of order {@code s}: $\sum_w \mu_w E[\operatorname{tr} w]$ with
     * every word counted once per monomial $\mu_w$ of its coefficient and its rational coefficient dropped. Its support
     * is the support of $c_s$ before any cancellation between words.
     */
    @Override
    public Polynomial pairingCounts(int s) {
        return contract(expansion.derivative(s), r -> BigInteger.ONE, BigInteger.ONE, null);
    }

    /** $c_s$, reporting each word done to {@code wordDone} (may be null); honours the thread's interrupt flag. */
    @Override
    public Polynomial coefficient(int s, Runnable wordDone) {
        TraceSum terms = expansion.derivative(s);
        BigInteger lcm = terms.commonDenominator();
        return contract(terms, r -> r.numerator().multiply(lcm.divide(r.denominator())), lcm, wordDone);
    }

    /** $\frac1D \sum_w \sum_\mu \text{weight}(r_{w\mu})\, \mu\, E[\operatorname{tr} w]$, integer until the end. */
    private Polynomial contract(TraceSum terms, Function<Rational, BigInteger> weight, BigInteger denominator, Runnable wordDone) {
        List<Map.Entry<CyclicWord, Polynomial>> words = new ArrayList<>(terms.terms().entrySet());
        Object[] found = new Object[words.size()]; // one slot per word, each written by one task
        IntStream.range(0, words.size()).parallel().forEach(i -> {
            found[i] = expectation(words.get(i).getKey());
            if (wordDone != null) wordDone.run();
        });
        @SuppressWarnings("unchecked")
        List<V> values = (List<V>) (List<?>) Arrays.asList(found);
        // per coefficient monomial: the words with a nonzero expectation and their integer weights
        Map<Monomial, List<Integer>> byMonomial = new HashMap<>();
        Map<Monomial, List<BigInteger>> weights = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            if (isZero(values.get(i))) continue;
            for (Map.Entry<Monomial, Rational> t : words.get(i).getValue().terms().entrySet()) {
                byMonomial.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(i);
                weights.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(weight.apply(t.getValue()));
            }
        }
        Rational scale = Rational.of(BigInteger.ONE, denominator);
        Polynomial sum = Polynomial.ZERO;
        for (Map.Entry<Monomial, List<Integer>> e : byMonomial.entrySet()) {
            List<Integer> idx = e.getValue();
            List<BigInteger> w = weights.get(e.getKey());
            // chunks combined in parallel, then summed: one monomial often carries every word of the order
            int chunks = (idx.size() + COMBINE_CHUNK - 1) / COMBINE_CHUNK;
            Polynomial combined = IntStream.range(0, chunks).parallel().mapToObj(c -> {
                int from = c * COMBINE_CHUNK;
                int to = Math.min(idx.size(), from + COMBINE_CHUNK);
                List<V> ps = new ArrayList<>(to - from);
                for (int j = from; j < to; j++) ps.add(values.get(idx.get(j)));
                return combine(ps, w.subList(from, to).toArray(new BigInteger[0]));
            }).reduce(Polynomial.ZERO, Polynomial::add);
            sum = sum.add(combined.multiply(scale, e.getKey()));
        }
        return sum;
    }
}
