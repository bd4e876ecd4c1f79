package org.prism.diagram;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.prism.algebra.ExponentPacking;
import org.prism.algebra.IntegerPolynomial;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.expansion.CyclicWord;
import org.prism.expansion.LossExpansion;
import org.prism.expansion.TraceSum;
import org.prism.model.MatrixModel;

/**
 * The exact Taylor coefficients $c_s = E[D^s L]$ of one loss: the expansion $D^s L =
 * \sum_w c_w \operatorname{tr}(w)$ ({@link LossExpansion}) contracted word by word by the
 * {@link WickRecursion}.
 *
 * <p>To keep rationals out of the inner sum, word coefficients $c_w = \sum_\mu r_{w\mu}\mu$ are
 * scaled by the lcm $D$ of their denominators and summed as integer polynomials per coefficient
 * monomial $\mu$: $c_s = \sum_\mu \frac{\mu}{D} \sum_w (D r_{w\mu}) E[\operatorname{tr} w]$.
 */
public final class LossCoefficients {
    private final LossExpansion expansion;
    private final WickRecursion wick;

    public LossCoefficients(MatrixModel model, String loss, WickRecursion wick) {
        this.expansion = new LossExpansion(model, loss);
        this.wick = wick;
    }

    public LossCoefficients(MatrixModel model, String loss) {
        this(model, loss, new WickRecursion(new org.prism.expansion.Alphabet(model)));
    }

    public LossExpansion expansion() {
        return expansion;
    }

    public WickRecursion wick() {
        return wick;
    }

    /** $c_s$ as a Laurent polynomial in the model's symbols. */
    public Polynomial coefficient(int s) {
        return coefficient(s, null);
    }

    /**
     * $c_s$, reporting each word done to {@code wordDone} (may be null); honours the thread's
     * interrupt flag ({@link WickRecursion.CancellationException}).
     */
    public Polynomial coefficient(int s, Runnable wordDone) {
        TraceSum terms = expansion.derivative(s);
        BigInteger lcm = BigInteger.ONE;
        for (Polynomial c : terms.terms().values()) {
            for (Rational r : c.terms().values()) {
                BigInteger q = r.denominator();
                lcm = lcm.divide(lcm.gcd(q)).multiply(q);
            }
        }
        Map<Monomial, IntegerPolynomial.Accumulator> byMonomial = new HashMap<>();
        for (Map.Entry<CyclicWord, Polynomial> e : terms.terms().entrySet()) {
            IntegerPolynomial value = wick.expectation(e.getKey());
            if (wordDone != null) wordDone.run();
            if (value.isZero()) continue;
            for (Map.Entry<Monomial, Rational> t : e.getValue().terms().entrySet()) {
                BigInteger factor = t.getValue().numerator().multiply(lcm.divide(t.getValue().denominator()));
                byMonomial.computeIfAbsent(t.getKey(), k -> new IntegerPolynomial.Accumulator()).add(value, factor, 0L);
            }
        }
        ExponentPacking packing = wick.packing();
        Rational scale = Rational.of(BigInteger.ONE, lcm);
        Polynomial sum = Polynomial.ZERO;
        for (Map.Entry<Monomial, IntegerPolynomial.Accumulator> e : byMonomial.entrySet()) {
            sum = sum.add(e.getValue().build().toPolynomial(packing, scale).multiply(Rational.ONE, e.getKey()));
        }
        return sum;
    }
}
