package org.prism.autoencoder;

import org.prism.regime.DerivedPrism;
import org.prism.regime.Regime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.prism.algebra.Monomial;
import org.prism.algebra.PadeApproximant;
import org.prism.algebra.Point;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.algebra.StieltjesBounds;

/**
 * The free regime, where no closed form is known: its face series $f_s(y, \gamma)$ (exact, to the
 * highest order computed) resummed by Padé approximants in $\tau = \sigma^2 d\, t$. The series of
 * $E L(\tau)/E L(0) = \sum_s (f_s/f_0) \tau^s/s!$ has a finite radius of convergence (the end laws
 * $(1+4\tau)^{-2}$ have a double pole at $\tau = -1/4$), so the truncated series is useless beyond
 * $\tau \approx 1/4$ while a Padé approximant continues it. Among the near-diagonal $[L/M]$ with
 * $L + M \le S$ we keep the highest-order ones without a pole on the requested time range; the
 * spread between the two best is reported as an error estimate.
 *
 * <p>Beside it, {@link StieltjesBounds}: at $\gamma = 0$ the curve is exactly a positive mixture of
 * $(1 + 4x\tau)^{-2}$; when the exact Hankel test says the series can be one at $(y, \gamma)$ too, the range of
 * every such mixture with the same coefficients is returned as two-sided bounds (a hypothesis with data, not a theorem).
 */
public final class FreeResummation {
    private final List<Polynomial> series;

    /** {@code series} = the free face series $f_0..f_S$ in the parameters y, gamma. */
    public FreeResummation(List<Polynomial> series) {
        this.series = List.copyOf(series);
    }

    public static FreeResummation of(DerivedPrism prism, List<Polynomial> cs, Map<String, Monomial> namedRatios) {
        Regime free = prism.regimes(prism.perOrder().dimension() - 1).stream().filter(r -> "free".equals(r.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no free face in the derived polytope"));
        return new FreeResummation(FaceSeries.of(prism, free, cs, namedRatios, List.of("y", "gamma")).coefficients());
    }

    public int maxOrder() {
        return series.size() - 1;
    }

    /** Taylor coefficients $a_s = f_s / (s!\, f_0)$ of $E L(\tau)/E L(0)$ in $\tau$ at $(y, \gamma)$, exactly. */
    public List<Rational> taylor(Rational y, Rational gamma) {
        Point p = new Point(Map.of("y", y, "gamma", gamma));
        Rational f0 = p.evaluate(series.get(0));
        List<Rational> a = new ArrayList<>();
        Rational fact = Rational.ONE;
        for (int s = 0; s < series.size(); s++) {
            if (s > 0) fact = fact.multiply(Rational.of(s));
            a.add(p.evaluate(series.get(s)).divide(f0).divide(fact));
        }
        return a;
    }

    /**
     * A resummed curve, the spread between the two best approximants (an error estimate), and the bounds of every
     * positive mixture of $(1 + 4x\tau)^{-2}$ with the same Taylor coefficients ({@code lower}, {@code upper}; both
     * null when the series fails the Hankel test: it is no such mixture); {@code consistentWithBounds}: whether the
     * curve plus or minus its spread meets the bounds at every time (true without bounds).
     */
    public record Curve(double[] taus, double[] ratio, double[] spread, String approximant, double[] lower, double[] upper,
            boolean consistentWithBounds) {
        public boolean hasBounds() {
            return lower != null;
        }
    }

    /** The rate of the double poles: the end laws are $(1 + 4\tau)^{-2}$ in $\tau = \sigma^2 d\, t$. */
    private static final Rational POLE_RATE = Rational.of(4);

    /**
     * $E L(\tau)/E L(0)$ at the given $\tau = \sigma^2 d\, t$ (times must be >= 0), with the mixture bounds where the
     * series admits them.
     */
    public Curve curve(Rational y, Rational gamma, double[] taus) {
        List<Rational> a = taylor(y, gamma);
        double tauMax = 0;
        for (double t : taus) tauMax = Math.max(tauMax, t);
        List<PadeApproximant> good = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int total = a.size() - 1; total >= 2 && good.size() < 2; total--) {
            for (int m = total / 2 + 1; m >= Math.max(1, total / 2 - 1) && good.size() < 2; m--) {
                int l = total - m;
                if (l < 0) continue;
                try {
                    PadeApproximant p = PadeApproximant.of(a.subList(0, total + 1), l, m);
                    if (!p.hasPoleOn(Math.max(tauMax, 1e-9), 4000)) {
                        good.add(p);
                        names.add("[" + l + "/" + m + "]");
                    }
                } catch (ArithmeticException singular) {
                    // try the next degrees
                }
            }
        }
        if (good.isEmpty()) throw new IllegalStateException("no pole-free Pade approximant of order <= " + (a.size() - 1));
        double[] v = new double[taus.length];
        double[] spread = new double[taus.length];
        for (int i = 0; i < taus.length; i++) {
            v[i] = good.get(0).value(taus[i]);
            spread[i] = good.size() > 1 ? Math.abs(v[i] - good.get(1).value(taus[i])) : Double.NaN;
        }
        Optional<StieltjesBounds> bounds = StieltjesBounds.of(a, POLE_RATE);
        if (bounds.isEmpty()) return new Curve(taus.clone(), v, spread, String.join(" vs ", names), null, null, true);
        double[] lower = new double[taus.length];
        double[] upper = new double[taus.length];
        boolean consistent = true;
        for (int i = 0; i < taus.length; i++) {
            double[] lu = bounds.get().at(taus[i]);
            lower[i] = lu[0];
            upper[i] = lu[1];
            double s = Double.isNaN(spread[i]) ? 0 : spread[i];
            double tol = 1e-12 * Math.max(1, Math.abs(v[i]));
            consistent &= v[i] + s >= lower[i] - tol && v[i] - s <= upper[i] + tol;
        }
        return new Curve(taus.clone(), v, spread, String.join(" vs ", names), lower, upper, consistent);
    }
}
