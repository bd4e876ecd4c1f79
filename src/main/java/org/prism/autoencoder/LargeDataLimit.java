package org.prism.autoencoder;

import org.prism.algebra.Narayana;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.prism.algebra.Rational;

/**
 * Large-data regime (n/d -> infinity with g = sigma^2 d and y = m/d fixed; train = pop):
 * E L(t)/d -> 1/2 + g Psi(-t, y, g), with
 * Psi(x, y, z) = [(z e^{-4x}/2) h'(w) - h(w)] e^{-4x}, w = z (1 - e^{-4x}) and
 * h(z) = sum_{k>=0} N_{k+1}(y) z^k = [1 - z(y+1) - sqrt(D)]/(2 z^2), D = 1 - 2z(y+1) + z^2(y-1)^2.
 *
 * <p>Equivalently (and used as an independent check) each eigenvalue lambda of A(0) evolves by the
 * logistic law, and E L/d = 1/2 int (a_lambda(t) - 1)^2 dnu(lambda), nu the limiting spectral law of
 * A(0), whose moments are g^k N_k(y).
 *
 * <p>Numerics: for t > 0, w < 0 lies away from the branch points 1/(1 +- sqrt y)^2 > 0, where the
 * principal square root is the right branch. The closed form is rationalised,
 * h = 2y / (1 - z(y+1) + sqrt D), which has no cancellation for z <= 0; the factors e^{4t} are
 * absorbed (v = e^{-4t}), so that h e^{4t} = 2y/V and h' e^{8t} = 2y[(y+1) + Q/R]/V^2 with
 * R = sqrt(v^2 + 2 v g(1-v)(y+1) + g^2(1-v)^2(y-1)^2), V = v + g(1-v)(y+1) + R,
 * Q = (y+1) v + g(1-v)(y-1)^2: stable and overflow-free for all t >= 0. Near w = 0 the power
 * series of h is used instead (|w| below {@link #SERIES_RADIUS} of the radius of convergence).
 * Limit t -> infinity: E L/d -> max(1 - y, 0)/2.
 */
public final class LargeDataLimit implements RegimeLimit {
    /** Fraction of the radius of convergence 1/(1 + sqrt y)^2 below which the series of h is used. */
    static final double SERIES_RADIUS = 0.05;
    private static final int SERIES_TERMS = 30;

    @Override
    public String regime() {
        return "large-data";
    }

    @Override
    public List<String> parameterNames() {
        return List.of("g", "y");
    }

    @Override
    public String normalisation() {
        return "E L / d (train = pop as n/d -> infinity; g = sigma^2 d, y = m/d)";
    }

    @Override
    public String timeUnit() {
        return "t";
    }

    @Override
    public LimitCurve curve(Map<String, Double> params, double[] times) {
        Params.requireExactly(regime(), parameterNames(), params);
        double g = Params.nonNegative(regime(), params, "g", false);
        double y = Params.nonNegative(regime(), params, "y", false);
        Params.requireTimes(times);
        double[] loss = new double[times.length];
        for (int i = 0; i < times.length; i++) loss[i] = value(g, y, times[i]);
        return new LimitCurve(times.clone(), loss, loss.clone());
    }

    /** E L(t)/d in the large-data limit, choosing the series or the closed form of h. */
    public static double value(double g, double y, double t) {
        double w = -g * Math.expm1(4 * t);
        double radius = 1 / ((1 + Math.sqrt(y)) * (1 + Math.sqrt(y)));
        return Math.abs(w) <= SERIES_RADIUS * radius ? valueBySeries(g, y, t) : valueByClosedForm(g, y, t);
    }

    /** Via the power series of h (accurate for |w| well inside the radius of convergence). */
    static double valueBySeries(double g, double y, double t) {
        double u = Math.exp(4 * t);
        double w = -g * Math.expm1(4 * t);
        double h = 0;
        double hp = 0;
        double wk = 1; // w^k
        for (int k = 0; k < SERIES_TERMS; k++) {
            double hk = Narayana.polynomial(k + 1, y);
            h += hk * wk;
            if (k + 1 < SERIES_TERMS) hp += (k + 1) * Narayana.polynomial(k + 2, y) * wk;
            wk *= w;
        }
        return 0.5 + g * (0.5 * g * hp * u * u - h * u);
    }

    /** Via the rationalised closed form in v = e^{-4t} (no cancellation, no overflow, t >= 0). */
    static double valueByClosedForm(double g, double y, double t) {
        double v = Math.exp(-4 * t);
        double oneMinusV = -Math.expm1(-4 * t);
        double gw = g * oneMinusV; // = |w| v
        double ym1 = y - 1;
        double r = Math.sqrt(v * v + 2 * v * gw * (y + 1) + gw * gw * ym1 * ym1);
        double big = v + gw * (y + 1) + r;
        double hU = 2 * y / big; // h(w) e^{4t}
        double q = (y + 1) * v + gw * ym1 * ym1;
        double ratio = r == 0 ? 0 : q / r; // r = 0 only at v = 0 with y = 1, where q/r -> 0
        double hpU2 = 2 * y * ((y + 1) + ratio) / (big * big); // h'(w) e^{8t}
        return 0.5 + g * (0.5 * g * hpU2 - hU);
    }

    /** lim_{t -> infinity} E L/d = max(1 - y, 0)/2. */
    public static double infiniteTime(double y) {
        return Math.max(1 - y, 0) / 2;
    }

    @Override
    public LimitSeries taylor(Map<String, Rational> params, int maxOrder) {
        Params.requireExactly(regime(), parameterNames(), params);
        Rational g = Params.nonNegativeExact(regime(), params, "g", false);
        Rational y = Params.nonNegativeExact(regime(), params, "y", false);
        Params.requireOrder(maxOrder);
        List<Rational> f = seriesOfPsi(g, y, maxOrder).derivatives();
        return new LimitSeries(f, f);
    }

    /** 1/2 + g Psi(-t, y, g) as an exact truncated series in t. */
    static RationalSeries seriesOfPsi(Rational g, Rational y, int order) {
        List<Rational> h = new ArrayList<>();
        List<Rational> hPrime = new ArrayList<>();
        for (int k = 0; k <= order; k++) {
            h.add(Narayana.polynomial(k + 1, y));
            hPrime.add(Narayana.polynomial(k + 2, y).multiply(k + 1));
        }
        RationalSeries u = RationalSeries.exponential(Rational.of(4), order);
        RationalSeries w = u.addConstant(Rational.MINUS_ONE).scale(g.negate()); // g (1 - u)
        RationalSeries hw = w.composeInto(h);
        RationalSeries hpw = w.composeInto(hPrime);
        RationalSeries psi = u.multiply(u).multiply(hpw).scale(g.divide(Rational.of(2))).subtract(u.multiply(hw));
        return psi.scale(g).addConstant(Rational.of(1, 2));
    }
}
