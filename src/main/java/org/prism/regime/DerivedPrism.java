package org.prism.regime;

import java.util.List;
import org.prism.algebra.Polynomial;
import org.prism.geometry.AffineEquation;
import org.prism.geometry.IntVector;
import org.prism.geometry.Polytope;

/**
 * Everything the regime derivation computes, from the coefficients up: Pareto terms and Newton
 * polytopes per order, the per-order polytope $P$ with its evidence and verdict ({@code families}),
 * the linear relations all Pareto exponents satisfy, and the regimes (faces of $P$, facets first);
 * {@code coefficients} are the $c_0..c_S$ it was derived from (their face series come from them).
 */
public record DerivedPrism(
        String loss,
        ExponentSpace space,
        List<ParetoTerms> pareto,
        List<Polytope> newton,
        FamilyPolytope.Derivation families,
        List<AffineEquation> paretoRelations,
        List<Regime> regimes,
        List<String> sizes,
        List<Polynomial> coefficients) {

    public DerivedPrism {
        coefficients = List.copyOf(coefficients);
    }

    /** $P$: what {@link #period()} more orders multiply a leading term by. */
    public Polytope perOrder() {
        return families.perOrder();
    }

    /** 1, or 2 when only two orders at a time grow by one polytope (odd tensor order, two variances). */
    public int period() {
        return families.period();
    }

    /** The highest order computed. */
    public int maxOrder() {
        return pareto.size() - 1;
    }

    /**
     * Whether orders $0..S$ settle $P$: every step stays inside $N_s + P$ and the last step reaches
     * $P$ at the centre of every face ({@link FamilyPolytope}).
     */
    public boolean settled() {
        return families.settled();
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
        return perOrder().vertices().stream().map(this::familyName).toList();
    }

    public List<Regime> regimes(int dimension) {
        return regimes.stream().filter(r -> r.dimension() == dimension).toList();
    }
}
