package org.prism.regime;

import java.math.BigInteger;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.geometry.IntVector;

/**
 * A Pareto-maximal term of $c_s$: its exponent vector, the part of $c_s$ with that vector (one monomial with its
 * exact coefficient, summed over all diagrams; for a model with a covariance, every monomial that differs from it
 * only in the moments $C_k$, see {@link MomentGrowth}) and the number of Wick pairings behind it.
 */
public record LeadingTerm(IntVector exponent, Polynomial terms, BigInteger pairings) {
    /** The coefficient of the one monomial; only when {@link #terms} is one monomial. */
    public Rational coefficient() {
        if (terms.terms().size() != 1) throw new IllegalStateException("the leading term " + terms + " has several monomials (moments)");
        return terms.terms().values().iterator().next();
    }
}
