package org.prism.diagram;

import org.prism.algebra.Monomial;
import org.prism.algebra.Rational;
import org.prism.graph.CanonicalCode;

/**
 * An isomorphism class of diagrams at one order: {@code multiplicity} pairings (over all words of
 * the expansion) whose contracted graphs are isomorphic and whose word coefficients carry the same
 * monomial; their contribution to $c_s$ is {@code coefficient * monomial}. {@code monomial} is the
 * full scaling (graph value times coefficient monomial, e.g. $\sigma^4 d^2 m n^{-1}$).
 */
public record DiagramClass(String id, Monomial monomial, Rational coefficient, long multiplicity, CanonicalCode code,
        Diagram representative) {}
