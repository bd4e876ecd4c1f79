package org.prism.autoencoder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.prism.algebra.LinearSystem;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.geometry.AffineEquation;
import org.prism.geometry.IntVector;
import org.prism.regime.DerivedPrism;
import org.prism.regime.ExponentSpace;
import org.prism.regime.Regime;


/**
 * The face series of a regime: the part of each $c_s$ that survives the regime's limit, divided by
 * the loss scale and $T^{-s}$, written in the ratios that stay fixed on the face:
 * $$ f_s = \lim \frac{c_s\, T^s}{\text{scale}} = \sum_{x \in \text{leading}(c_s)} c_x
 * \prod_i p_i^{a_i}, \qquad x - \text{scale} - s\,\text{clock} = \sum_i a_i\, r_i, $$
 * where the leading terms are those on the face's level along a path $\alpha + K\lambda$ ($\alpha$ in
 * the relative interior of the normal cone, $\lambda$ the Euler functional, $K$ large: tree diagrams
 * first), and $r_i$ the exponent vectors of the chosen parameters $p_i$ (e.g. $g = \sigma^2 d$,
 * $y = m/d$). The limit curve's Taylor coefficients must equal $f_s$ exactly. Terms of $c_s$ above
 * the level (a constant such as $d/2$ at order 0 in the narrow-latent regime) are kept apart.
 */
public record FaceSeries(Regime regime, List<String> parameters, List<Polynomial> coefficients, List<Polynomial> aboveScale) {

    public static FaceSeries of(DerivedPrism prism, Regime regime, List<Polynomial> cs, Map<String, Monomial> namedRatios, List<String> parameters) {
        ExponentSpace space = prism.space();
        if (regime.scale() == null) throw new IllegalArgumentException("regime " + regime.name() + " has no loss scale");
        List<IntVector> basis = new ArrayList<>();
        for (String p : parameters) {
            Monomial m = namedRatios.get(p);
            if (m == null) throw new IllegalArgumentException("unknown parameter '" + p + "' (known: " + String.join(", ", namedRatios.keySet()) + ")");
            basis.add(space.vector(m));
        }
        AffineEquation euler = prism.paretoRelations().get(0);
        IntVector lambda = euler.constant() < 0 ? euler.normal().negate() : euler.normal();
        long treeLevel = Math.abs(euler.constant());
        IntVector c = regime.face().normal();
        List<Polynomial> series = new ArrayList<>();
        List<Polynomial> above = new ArrayList<>();
        for (int s = 0; s < cs.size(); s++) {
            IntVector target = regime.scale().plus(regime.clock().times(s));
            long level = c.dot(target);
            Map<Monomial, Rational> f = new HashMap<>();
            Map<Monomial, Rational> hi = new HashMap<>();
            for (Map.Entry<Monomial, Rational> t : cs.get(s).terms().entrySet()) {
                IntVector x = space.vector(t.getKey());
                long lam = lambda.dot(x);
                long v = c.dot(x);
                if (lam > treeLevel || (lam == treeLevel && v > level)) {
                    hi.put(t.getKey(), t.getValue());
                } else if (lam == treeLevel && v == level) {
                    Rational[] a = solve(basis, x.minus(target));
                    if (a == null) {
                        throw new IllegalStateException("term " + t.getKey() + " of c_" + s + " is on the face of " + regime.name()
                                + " but not a monomial in " + parameters);
                    }
                    Map<String, Integer> e = new HashMap<>();
                    for (int i = 0; i < a.length; i++) {
                        if (!a[i].isInteger()) throw new IllegalStateException("fractional power of " + parameters.get(i) + " in c_" + s);
                        e.put(parameters.get(i), a[i].numerator().intValueExact());
                    }
                    f.merge(Monomial.of(e), t.getValue(), Rational::add);
                }
            }
            series.add(Polynomial.of(f));
            above.add(Polynomial.of(hi));
        }
        return new FaceSeries(regime, List.copyOf(parameters), List.copyOf(series), List.copyOf(above));
    }

    /** The unique $a$ with $\sum_i a_i b_i = e$, or null. */
    static Rational[] solve(List<IntVector> basis, IntVector e) {
        Rational[][] m = new Rational[e.dimension()][basis.size() + 1];
        for (int r = 0; r < e.dimension(); r++) {
            for (int j = 0; j < basis.size(); j++) m[r][j] = Rational.of(basis.get(j).get(r));
            m[r][basis.size()] = Rational.of(e.get(r));
        }
        return LinearSystem.solveUnique(m);
    }
}
