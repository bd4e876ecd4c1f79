package org.prism.regime;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.prism.algebra.Polynomial;
import org.prism.geometry.IntVector;
import org.prism.geometry.ParetoFront;

/**
 * The Pareto-maximal terms of one coefficient $c_s$. Sizes may only grow and the variance
 * symbols may go either way, so a term is dominated by another with the same powers of the
 * variance symbols and powers of every size at least as large. Also records whether the front
 * is the same before cancellation (support of the pairing counts) and after (support of $c_s$):
 * if not, some leading family cancels exactly.
 */
public record ParetoTerms(int order, List<LeadingTerm> terms, boolean sameBeforeCancellation) {

    /**
     * @param coefficient $c_s$
     * @param pairingCounts pairings per monomial, before cancellation between words
     * @param equalCoordinates coordinates that must agree for dominance (variance symbols)
     * @param sizeCoordinates coordinates that may only grow (sizes)
     */
    public static ParetoTerms of(int order, Polynomial coefficient, Polynomial pairingCounts, ExponentSpace space,
            int[] equalCoordinates, int[] sizeCoordinates) {
        return of(order, coefficient, pairingCounts, space, MomentGrowth.none(), equalCoordinates, sizeCoordinates);
    }

    /** As above, with a covariance's moments read as powers of its size ({@link MomentGrowth}). */
    public static ParetoTerms of(int order, Polynomial coefficient, Polynomial pairingCounts, ExponentSpace space, MomentGrowth growth,
            int[] equalCoordinates, int[] sizeCoordinates) {
        Map<IntVector, Polynomial> coef = new HashMap<>();
        coefficient.terms().forEach((m, c) -> coef.merge(growth.vector(m, space), Polynomial.term(c, m), Polynomial::add));
        Map<IntVector, BigInteger> count = new HashMap<>();
        pairingCounts.terms().forEach((m, c) -> count.merge(growth.vector(m, space), c.numerator(), BigInteger::add));
        List<IntVector> front = ParetoFront.maximal(coef.keySet(), equalCoordinates, sizeCoordinates);
        List<IntVector> frontBefore = ParetoFront.maximal(count.keySet(), equalCoordinates, sizeCoordinates);
        List<LeadingTerm> terms = new ArrayList<>();
        for (IntVector x : front) terms.add(new LeadingTerm(x, coef.get(x), count.getOrDefault(x, BigInteger.ZERO)));
        return new ParetoTerms(order, List.copyOf(terms), front.equals(frontBefore));
    }

    /** The Pareto-maximal terms as a polynomial. */
    public Polynomial asPolynomial() {
        Polynomial sum = Polynomial.ZERO;
        for (LeadingTerm t : terms) sum = sum.add(t.terms());
        return sum;
    }

    public List<IntVector> exponents() {
        return terms.stream().map(LeadingTerm::exponent).toList();
    }
}
