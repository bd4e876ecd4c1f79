package org.prism.regime;

import java.util.List;
import org.prism.algebra.Polynomial;
import org.prism.geometry.AffineEquation;
import org.prism.geometry.IntVector;
import org.prism.geometry.Polytope;

/**
 * Everything the regime derivation computes, from the coefficients up: Pareto terms and Newton
 * polytopes per order, the order steps, the per-order polytope $P$ with its family names, the
 * linear relations all Pareto exponents satisfy, and the regimes (faces of $P$, facets first);
 * {@code coefficients} are the $c_0..c_S$ it was derived from (their face series come from them).
 */
public record DerivedPrism(
        String loss,
        ExponentSpace space,
        List<ParetoTerms> pareto,
        List<Polytope> newton,
        List<FamilyPolytope.Step> steps,
        Polytope perOrder,
        List<AffineEquation> paretoRelations,
        List<Regime> regimes,
        List<String> sizes,
        int period,
        List<Polynomial> coefficients) {

    public DerivedPrism {
        coefficients = List.copyOf(coefficients);
    }

    /** The symbols that are not sizes (variances, weights): dominance keeps their powers equal. */
    public List<String> varianceSymbols() {
        return space.symbols().stream().filter(x -> !sizes.contains(x)).toList();
    }

    /** The monomial a vertex of $P$ multiplies a leading term by, e.g. "sigma^2*m" or "d/n". */
    public String familyName(IntVector vertex) {
        return space.ratio(vertex);
    }

    public List<String> familyNames() {
        return perOrder.vertices().stream().map(this::familyName).toList();
    }

    public List<Regime> regimes(int dimension) {
        return regimes.stream().filter(r -> r.dimension() == dimension).toList();
    }

    /**
     * Whether every step from order 1 on gives the same $P$ and is an exact Minkowski step. With
     * {@code period} 2 (orders of two parities, e.g. odd tensor order), steps go from $s$ to $s+2$ and
     * $P$ is what two more orders multiply a leading term by.
     */
    public boolean consistent() {
        return steps.stream().filter(s -> s.from() >= 1).allMatch(s -> s.exact() && perOrder.equals(s.increment()));
    }
}
