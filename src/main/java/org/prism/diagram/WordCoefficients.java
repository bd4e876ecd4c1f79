package org.prism.diagram;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final int MAX_BLOCK = 4096;
    private static final int MIN_BLOCKS = 64;

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
     * is the support of $c_s$ before any cancellation between words. Made in the same pass as $c_s$.
     */
    @Override
    public Polynomial pairingCounts(int s) {
        return sums(s, null).pairingCounts();
    }

    /**
     * $c_s$, reporting each word done to {@code wordDone} (may be null; an order made before is returned at once,
     * reporting nothing); honours the thread's interrupt flag.
     */
    @Override
    public Polynomial coefficient(int s, Runnable wordDone) {
        return sums(s, wordDone).coefficient();
    }

    /** $c_s$ and its pairing counts, from one pass over the words of $D^s L$. */
    private record Sums(Polynomial coefficient, Polynomial pairingCounts) {}

    // per order: derivations ask for both sums, and a whole word's expectation may not be memoised to be asked again
    private final Map<Integer, Sums> done = new ConcurrentHashMap<>();

    private Sums sums(int s, Runnable wordDone) {
        Sums known = done.get(s);
        if (known != null) return known;
        Sums made = contract(expansion.derivative(s), wordDone);
        Sums had = done.putIfAbsent(s, made);
        return had != null ? had : made;
    }

    /**
     * $c_s = \frac1D \sum_w \sum_\mu D r_{w\mu}\, \mu\, E[\operatorname{tr} w]$ for the lcm $D$ of the denominators,
     * integer until the end, and the pairing counts (every $r_{w\mu}$ replaced by 1). The words go in blocks, in
     * parallel; a block's expectations are summed as soon as they are known, so an order's values are never all
     * held at once.
     */
    private Sums contract(TraceSum terms, Runnable wordDone) {
        List<Map.Entry<CyclicWord, Polynomial>> words = new ArrayList<>(terms.terms().entrySet());
        BigInteger lcm = terms.commonDenominator();
        Rational scale = Rational.of(BigInteger.ONE, lcm);
        // at least MIN_BLOCKS blocks, so that a few expensive words still spread over the cores
        int block = Math.max(1, Math.min(MAX_BLOCK, words.size() / MIN_BLOCKS));
        int blocks = (words.size() + block - 1) / block;
        return IntStream.range(0, blocks).parallel().mapToObj(b -> {
            int to = Math.min(words.size(), (b + 1) * block);
            // per coefficient monomial: the block's words with a nonzero expectation and their integer weights
            Map<Monomial, List<V>> values = new HashMap<>();
            Map<Monomial, List<BigInteger>> weights = new HashMap<>();
            for (int i = b * block; i < to; i++) {
                V value = expectation(words.get(i).getKey());
                if (wordDone != null) wordDone.run();
                if (isZero(value)) continue;
                for (Map.Entry<Monomial, Rational> t : words.get(i).getValue().terms().entrySet()) {
                    Rational r = t.getValue();
                    values.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(value);
                    weights.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(r.numerator().multiply(lcm.divide(r.denominator())));
                }
            }
            Polynomial coefficient = Polynomial.ZERO;
            Polynomial counts = Polynomial.ZERO;
            for (Map.Entry<Monomial, List<V>> e : values.entrySet()) {
                List<V> vs = e.getValue();
                BigInteger[] ones = new BigInteger[vs.size()];
                Arrays.fill(ones, BigInteger.ONE);
                coefficient = coefficient.add(combine(vs, weights.get(e.getKey()).toArray(new BigInteger[0])).multiply(scale, e.getKey()));
                counts = counts.add(combine(vs, ones).multiply(Rational.ONE, e.getKey()));
            }
            return new Sums(coefficient, counts);
        }).reduce(new Sums(Polynomial.ZERO, Polynomial.ZERO),
                (x, y) -> new Sums(x.coefficient().add(y.coefficient()), x.pairingCounts().add(y.pairingCounts())));
    }
}
