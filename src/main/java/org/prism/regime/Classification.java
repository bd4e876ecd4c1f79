package org.prism.regime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.geometry.Face;
import org.prism.geometry.IntVector;

/**
 * What a scaling $u$ selects, all read off one computation, the coefficients $c_0..c_S$ the
 * polytope was derived from:
 * <ul>
 * <li>the face of $P$ maximising $u$ (the regime) and the asymptotic growth of one order,
 * $h = h_P(u)/k$ ($k$ the period), so $T = N^{-h}$;
 * <li>the growth of every computed order, $g_s = \max_{x \in c_s} u \cdot x$ (over all terms), and
 * of the last step, $(g_S - g_{S-k})/k$, which equals $h$ once the families that lead along $u$
 * lead in the coefficients ({@code reached}; otherwise {@code reachedBy} estimates the order);
 * <li>the loss scale $N^{g_0}$ with the terms of $c_0$ that carry it, and the leading terms of the
 * order asked for.
 * </ul>
 * The bound of {@link FamilyPolytope} makes $g_{s+k} - g_s \le k h$ for every computed $s$.
 */
public record Classification(Scaling scaling, Regime regime, Rational perOrderGrowth, List<Rational> orderGrowth, Rational stepGrowth,
        boolean reached, int reachedBy, Polynomial lossTerms, int order, Polynomial leadingTerms) {

    public Classification {
        orderGrowth = List.copyOf(orderGrowth);
    }

    public static Classification of(Scaling scaling, DerivedPrism prism, int order) {
        ExponentSpace space = prism.space();
        if (order < 0 || order > prism.maxOrder()) throw new IllegalArgumentException("order " + order + " is not among c_0..c_" + prism.maxOrder());
        IntVector c = scaling.functional(space);
        Face face = prism.perOrder().faceMaximising(c);
        Regime regime = prism.regimes().stream().filter(r -> r.face().vertices().equals(face.vertices())).findFirst().orElse(null);
        Rational k = Rational.of(prism.period());
        Rational h = null;
        for (IntVector v : prism.perOrder().vertices()) {
            Rational g = scaling.growth(v, space);
            if (h == null || g.compareTo(h) > 0) h = g;
        }
        h = h.divide(k);
        List<Rational> growth = new ArrayList<>();
        for (Polynomial cs : prism.coefficients()) growth.add(max(cs, scaling, prism));
        int top = prism.maxOrder();
        Rational step = growth.get(top).subtract(growth.get(top - prism.period())).divide(k);
        boolean reached = step.equals(h);
        int reachedBy = reached ? top : FamilyPolytope.reachedBy(prism.newton(), prism.families(), c);
        return new Classification(scaling, regime, h, growth, step, reached, reachedBy,
                leading(prism.coefficients().get(0), growth.get(0), scaling, prism), order,
                leading(prism.coefficients().get(order), growth.get(order), scaling, prism));
    }

    private static Rational max(Polynomial p, Scaling scaling, DerivedPrism prism) {
        Rational best = null;
        for (Monomial m : p.terms().keySet()) {
            Rational g = scaling.growth(prism.vector(m), prism.space());
            if (best == null || g.compareTo(best) > 0) best = g;
        }
        return best;
    }

    private static Polynomial leading(Polynomial p, Rational growth, Scaling scaling, DerivedPrism prism) {
        Map<Monomial, Rational> t = new LinkedHashMap<>();
        p.terms().forEach((m, v) -> {
            if (scaling.growth(prism.vector(m), prism.space()).equals(growth)) t.put(m, v);
        });
        return Polynomial.of(t);
    }

    /** $g_0$: the loss grows like $N^{g_0}$. */
    public Rational lossGrowth() {
        return orderGrowth.get(0);
    }

    /** $g_s$ of the order asked for. */
    public Rational leadingGrowth() {
        return orderGrowth.get(order);
    }

    /** The face selected is P itself when the functional is constant on P (e.g. every ratio fixed). */
    public boolean interior() {
        return regime == null;
    }
}
