package org.prism.diagram;

import java.math.BigInteger;
import java.util.List;
import org.prism.algebra.NestedPolynomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.expansion.Alphabet;
import org.prism.expansion.CyclicWord;
import org.prism.model.MatrixModel;

/**
 * The exact coefficients $c_s = E[D^s L]$ of one loss of a model whose data have a covariance, each word's
 * expectation taken by {@link MomentWick} (or its planar part by {@link PlanarMomentWick}), so that $c_s$ is a polynomial in the variances, the sizes and the moments
 * $C_k = \operatorname{tr}(C^k)/d$. The sum over words is {@link WordCoefficients}'.
 */
public final class MomentCoefficients extends WordCoefficients<NestedPolynomial> {
    private final MomentExpectation wick;

    /** The coefficients of {@code loss}, sharing {@code wick}'s memo with the model's other losses. */
    public MomentCoefficients(MatrixModel model, String loss, MomentExpectation wick) {
        super(model, loss);
        this.wick = wick;
    }

    public MomentCoefficients(MatrixModel model, String loss) {
        this(model, loss, new MomentWick(new Alphabet(model)));
    }

    @Override
    public int states() {
        return wick.states();
    }

    @Override
    NestedPolynomial expectation(CyclicWord w) {
        return wick.expectation(w);
    }

    @Override
    boolean isZero(NestedPolynomial value) {
        return value.isZero();
    }

    @Override
    Polynomial combine(List<NestedPolynomial> values, BigInteger[] factors) {
        return NestedPolynomial.linearCombination(values.toArray(new NestedPolynomial[0]), factors).toPolynomial(wick.packing(), wick.moments()::monomial, Rational.ONE);
    }
}
