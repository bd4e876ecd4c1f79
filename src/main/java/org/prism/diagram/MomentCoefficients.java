package org.prism.diagram;

import java.math.BigInteger;
import java.util.function.Function;
import org.prism.algebra.NestedPolynomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.expansion.Alphabet;
import org.prism.expansion.LossExpansion;
import org.prism.expansion.TraceSum;
import org.prism.model.MatrixModel;

/**
 * The exact coefficients $c_s = E[D^s L]$ of one loss of a model whose data have a covariance:
 * as {@link LossCoefficients}, word by word in parallel, with {@link MomentWick} taking each
 * expectation, so that $c_s$ is a polynomial in the variances, the sizes and the moments
 * $C_k = \operatorname{tr}(C^k)/d$.
 */
public final class MomentCoefficients implements ExpectedLoss {
    private final LossExpansion expansion;
    private final MomentWick wick;

    /** The coefficients of {@code loss}, sharing {@code wick}'s memo with the model's other losses. */
    public MomentCoefficients(MatrixModel model, String loss, MomentWick wick) {
        this.expansion = new LossExpansion(model, loss);
        this.wick = wick;
    }

    public MomentCoefficients(MatrixModel model, String loss) {
        this(model, loss, new MomentWick(new Alphabet(model)));
    }

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

    @Override
    public Polynomial coefficient(int s, Runnable wordDone) {
        TraceSum terms = expansion.derivative(s);
        BigInteger lcm = terms.commonDenominator();
        return contract(terms, r -> r.numerator().multiply(lcm.divide(r.denominator())), lcm, wordDone);
    }

    /** As {@link LossCoefficients}: integer weights per word and coefficient monomial, one division at the end. */
    private Polynomial contract(TraceSum terms, Function<Rational, BigInteger> weight, BigInteger denominator, Runnable wordDone) {
        return LossCoefficients.contract(terms, wick::expectation, NestedPolynomial::isZero,
                (ps, factors) -> NestedPolynomial.linearCombination(ps.toArray(new NestedPolynomial[0]), factors)
                        .toPolynomial(wick.packing(), wick.moments(), Rational.ONE),
                weight, denominator, wordDone);
    }
}
