package org.prism.regime;

import java.math.BigInteger;
import org.prism.algebra.Rational;
import org.prism.geometry.IntVector;

/**
 * A Pareto-maximal term of $c_s$: its exponent vector, its exact coefficient (summed over all
 * diagrams with that monomial) and the number of Wick pairings behind it.
 */
public record LeadingTerm(IntVector exponent, Rational coefficient, BigInteger pairings) {}
