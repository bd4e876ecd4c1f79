package org.prism.diagram;

import java.math.BigInteger;
import java.util.List;
import org.prism.algebra.IntegerPolynomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.expansion.Alphabet;
import org.prism.expansion.CyclicWord;
import org.prism.model.MatrixModel;

/**
 * The Taylor coefficients $c_s = E[D^s L]$ of one loss, each word's expectation taken by a
 * {@link TraceExpectation}: exactly with the {@link WickRecursion}, or only the leading (planar) terms with
 * {@link PlanarWick}. The sum over words is {@link WordCoefficients}'.
 */
public final class LossCoefficients extends WordCoefficients<IntegerPolynomial> {
    private final TraceExpectation wick;

    public LossCoefficients(MatrixModel model, String loss, TraceExpectation wick) {
        super(model, loss);
        this.wick = wick;
    }

    public LossCoefficients(MatrixModel model, String loss) {
        this(model, loss, new WickRecursion(new Alphabet(model)));
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

    @Override
    public int states() {
        return wick.states();
    }

    @Override
    IntegerPolynomial expectation(CyclicWord w) {
        return wick.expectation(w);
    }

    @Override
    boolean isZero(IntegerPolynomial value) {
        return value.isZero();
    }

    @Override
    Polynomial combine(List<IntegerPolynomial> values, BigInteger[] factors) {
        return IntegerPolynomial.linearCombination(values.toArray(new IntegerPolynomial[0]), factors).toPolynomial(wick.packing(), Rational.ONE);
    }
}
