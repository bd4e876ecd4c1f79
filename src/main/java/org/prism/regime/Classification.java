package org.prism.regime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.geometry.Face;
import org.prism.geometry.IntVector;

/**
 * Which face of the per-order polytope a scaling selects (the face maximising its functional),
 * the growth exponent $h$ of one order of the flow (so $T = N^{-h}$), and the leading terms of
 * $c_s$ along the scaling (those maximising the growth, over all terms of $c_s$).
 */
public record Classification(Scaling scaling, Regime regime, Rational perOrderGrowth, int order, Rational leadingGrowth,
        Polynomial leadingTerms) {

    public static Classification of(Scaling scaling, DerivedPrism prism, Polynomial cs, int order) {
        ExponentSpace space = prism.space();
        IntVector c = scaling.functional(space);
        Face face = prism.perOrder().faceMaximising(c);
        Regime regime = prism.regimes().stream().filter(r -> r.face().vertices().equals(face.vertices())).findFirst()
                .orElse(null);
        Rational h = null;
        for (IntVector v : prism.perOrder().vertices()) {
            Rational g = scaling.growth(v, space);
            if (h == null || g.compareTo(h) > 0) h = g;
        }
        Rational best = null;
        for (Monomial m : cs.terms().keySet()) {
            Rational g = scaling.growth(space.vector(m), space);
            if (best == null || g.compareTo(best) > 0) best = g;
        }
        List<Map.Entry<Monomial, Rational>> lead = new ArrayList<>();
        for (Map.Entry<Monomial, Rational> e : cs.terms().entrySet()) {
            if (scaling.growth(space.vector(e.getKey()), space).equals(best)) lead.add(e);
        }
        Map<Monomial, Rational> t = new java.util.LinkedHashMap<>();
        lead.forEach(e -> t.put(e.getKey(), e.getValue()));
        // P spans `period` orders: the growth of one order is its share
        if (prism.period() != 1) h = h.divide(org.prism.algebra.Rational.of(prism.period()));
        return new Classification(scaling, regime, h, order, best, Polynomial.of(t));
    }

    /** The face selected is P itself when the functional is constant on P (e.g. every ratio fixed). */
    public boolean interior() {
        return regime == null;
    }
}
