package org.prism.autoencoder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prism.algebra.Monomial;
import org.prism.algebra.Narayana;
import org.prism.algebra.Point;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.autoencoder.LimitSeries;
import org.prism.autoencoder.RegimeLimit;
import org.prism.autoencoder.RegimeLimits;
import org.prism.diagram.ExpectedLoss;
import org.prism.diagram.MatrixEngine;
import org.prism.model.MatrixModel;
import org.prism.regime.DerivedPrism;
import org.prism.regime.PrismDerivation;
import org.prism.regime.Regime;



/**
 * Cross-check A: the diagrams predict the limits. For each named 2-face with a limit formula, the
 * face series $f_s$ of the exact coefficients (leading part on the face, divided by the loss scale
 * and $T^{-s}$, in the ratios fixed on the face; {@link FaceSeries}) must equal the Taylor
 * coefficients of the limit curve at $t = 0$, exactly, at every parameter point and order.
 * For the free face, whose limit has no closed form, its two ends are checked: at $n = \infty$
 * ($\gamma = 0$) the ratio $f_s/f_0$ at $y \to 0$ and $y \to \infty$ must give the Taylor
 * coefficients of the end laws $(1 + 4\tau)^{-2}$ (in $T = 1/\sigma^2 d$, resp. $1/\sigma^2 m$).
 * Beyond the end laws, at $n = \infty$ and any $y$ the free face series is checked against
 * $E L(\tau)/E L(0) = \int x^2 (1 + 4x\tau)^{-2} d\mu_y / \int x^2 d\mu_y$, $\mu_y$ the law with
 * moments $N_k(y)$ (spectrum of $W^TW/\sigma^2 d$): for $\sigma^2 d \gg 1$ the target is negligible,
 * $\dot A \approx -4A^2$, $A(t) = A_0(1 + 4A_0t)^{-1}$. Its Taylor coefficients are
 * $f_s/f_0 = s!\,(s+1)(-4)^s N_{s+2}(y)/N_2(y)$.
 */
public final class LimitCheck {
    private LimitCheck() {}

    /** One comparison: regime, loss, parameter point, order, the two exact values. */
    public record Row(String regime, String loss, String point, int order, Rational diagrams, Rational limit) {
        public boolean agrees() {
            return diagrams.equals(limit);
        }
    }

    /** Default parameter points per regime (rational, inside each formula's domain). */
    public static Map<String, List<Map<String, Rational>>> defaultPoints() {
        Map<String, List<Map<String, Rational>>> p = new LinkedHashMap<>();
        p.put("large-data", List.of(pt("g", "1/2", "y", "1/3"), pt("g", "3/7", "y", "2/5"), pt("g", "2", "y", "3")));
        p.put("mean-field", List.of(pt("a0", "1/2", "gamma", "1/3"), pt("a0", "3/2", "gamma", "2"), pt("a0", "1/5", "gamma", "7/3")));
        p.put("narrow-latent", List.of(pt("g", "1/2", "gamma", "1/3"), pt("g", "3/2", "gamma", "2"), pt("g", "5/4", "gamma", "1/7")));
        p.put("small-data", List.of(pt("g", "1/2", "y", "1/3"), pt("g", "3/7", "y", "2/5"), pt("g", "2", "y", "3")));
        return p;
    }

    private static Map<String, Rational> pt(String a, String va, String b, String vb) {
        Map<String, Rational> m = new LinkedHashMap<>();
        m.put(a, Rational.parse(va));
        m.put(b, Rational.parse(vb));
        return m;
    }

    /** Computes $c_0..c_S$ of each loss exactly, derives the regimes and compares (default points). */
    public static List<Row> run(MatrixModel model, Map<String, Monomial> namedRatios, List<String> losses, int maxOrder) {
        return run(model, namedRatios, losses, maxOrder, false);
    }

    /**
     * The same; with {@code leading}, from the planar terms only: every face of the Newton polytopes
     * is made of Pareto-maximal terms, which are planar, so the face series are the same.
     */
    public static List<Row> run(MatrixModel model, Map<String, Monomial> namedRatios, List<String> losses, int maxOrder, boolean leading) {
        PrismDerivation derivation = new PrismDerivation(model, RegimeNames.TIED_AUTOENCODER);
        List<Row> rows = new ArrayList<>();
        MatrixEngine engines = new MatrixEngine(model);
        // every loss's view first, so the exact engine computes the losses of an order in the same passes
        Map<String, ExpectedLoss> byLoss = new LinkedHashMap<>();
        for (String loss : losses) byLoss.put(loss, leading ? engines.leading(loss) : engines.exact(loss));
        for (String loss : losses) {
            DerivedPrism prism = derivation.derive(loss, byLoss.get(loss), maxOrder, null);
            rows.addAll(check(prism, prism.coefficients(), namedRatios, defaultPoints()));
        }
        return rows;
    }

    /** Compares every named face with a limit formula, for this loss's derivation and coefficients. */
    public static List<Row> check(DerivedPrism prism, List<Polynomial> cs, Map<String, Monomial> namedRatios,
            Map<String, List<Map<String, Rational>>> points) {
        List<Row> rows = new ArrayList<>();
        int maxOrder = cs.size() - 1;
        for (Regime r : prism.regimes(prism.perOrder().dimension() - 1)) {
            if (r.name() == null) continue;
            if (r.name().equals("free")) {
                rows.addAll(freeEnds(prism, r, cs, namedRatios));
                continue;
            }
            if (!points.containsKey(r.name())) continue;
            RegimeLimit limit = RegimeLimits.byName(r.name());
            FaceSeries fs = FaceSeries.of(prism, r, cs, namedRatios, limit.parameterNames());
            for (Map<String, Rational> p : points.get(r.name())) {
                LimitSeries ls = limit.taylor(p, maxOrder);
                List<Rational> expected = prism.loss().equals("pop") ? ls.pop() : ls.train();
                if (expected == null) continue;
                Point point = new Point(p);
                for (int s = 0; s <= maxOrder; s++) {
                    rows.add(new Row(r.name(), prism.loss(), pointText(p), s, point.evaluate(fs.coefficients().get(s)), expected.get(s)));
                }
            }
        }
        return rows;
    }

    private static List<Row> freeEnds(DerivedPrism prism, Regime r, List<Polynomial> cs, Map<String, Monomial> namedRatios) {
        List<Row> rows = new ArrayList<>();
        FaceSeries fs = FaceSeries.of(prism, r, cs, namedRatios, List.of("y", "gamma"));
        int maxOrder = cs.size() - 1;
        for (boolean narrow : new boolean[] {true, false}) {
            RegimeLimit law = RegimeLimits.byName(narrow ? "free-narrow" : "free-wide");
            List<Rational> expected = law.taylor(Map.of(law.parameterNames().get(0), Rational.ONE), maxOrder).train();
            int basePower = endPower(fs.coefficients().get(0), narrow);
            Rational base = endCoefficient(fs.coefficients().get(0), basePower);
            for (int s = 0; s <= maxOrder; s++) {
                // at y -> 0 every order keeps the power of y of f_0; at y -> inf each order adds one
                // power of y (the time unit 1/(sigma^2 m) is 1/(y sigma^2 d))
                Rational a = endCoefficient(fs.coefficients().get(s), narrow ? basePower : basePower + s);
                rows.add(new Row(narrow ? "free (m << d end)" : "free (m >> d end)", prism.loss(), "gamma=0", s, a.divide(base), expected.get(s)));
            }
        }
        // any y at n = infinity: the closed form from A' = -4 A^2
        for (String yText : List.of("1/3", "1", "5/2")) {
            Rational y = Rational.parse(yText);
            Point point = new Point(Map.of("y", y, "gamma", Rational.ZERO));
            Rational f0 = point.evaluate(fs.coefficients().get(0));
            Rational n2 = Narayana.polynomial(2, y);
            Rational fact = Rational.ONE;
            for (int s = 0; s <= maxOrder; s++) {
                if (s > 0) fact = fact.multiply(Rational.of(s));
                Rational expected = fact.multiply(Rational.of(s + 1)).multiply(Rational.of(-4).pow(s))
                        .multiply(Narayana.polynomial(s + 2, y)).divide(n2);
                rows.add(new Row("free (n = inf, any y)", prism.loss(), "y=" + y + ",gamma=0", s, point.evaluate(fs.coefficients().get(s)).divide(f0), expected));
            }
        }
        return rows;
    }

    /** The coefficient of y^power in f(y, gamma = 0). */
    private static Rational endCoefficient(Polynomial f, int power) {
        Rational c = Rational.ZERO;
        for (Map.Entry<Monomial, Rational> t : f.terms().entrySet()) {
            if (t.getKey().exponent("gamma") == 0 && t.getKey().exponent("y") == power) c = c.add(t.getValue());
        }
        return c;
    }

    private static int endPower(Polynomial f, boolean narrow) {
        int best = narrow ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        for (Monomial m : f.terms().keySet()) {
            if (m.exponent("gamma") != 0) continue;
            best = narrow ? Math.min(best, m.exponent("y")) : Math.max(best, m.exponent("y"));
        }
        return best;
    }

    private static String pointText(Map<String, Rational> p) {
        StringBuilder sb = new StringBuilder();
        p.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }
}
