package org.prism.algebra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.complex.Complex;

/**
 * A curve $\ell(\tau) = \sum_s f_s \tau^s/s!$ known through its exact coefficients $f_0..f_S$, turned
 * into values: exactly when the coefficients prove a {@link ClosedForm}; otherwise by the better of two
 * resummations, each a pair of approximants whose difference is the spread:
 * <ul>
 * <li><b>Padé in $\tau$</b>: the diagonal and near-diagonal $[L/M]$ of the Taylor coefficients
 * $a_s = f_s/s!$ with $L + M = S$ or $S - 1$ and no pole on the times asked (highest order first);
 * <li><b>Padé–Borel</b> (exponential sums): the $[M-1/M]$ approximants of the Borel transform
 * $B(z) = \sum_s f_s z^s$, split into partial fractions $\sum_i w_i/(1 - \lambda_i z)$, give
 * $\ell(\tau) \approx \sum_i w_i e^{\lambda_i \tau}$. When $\ell$ averages exponentials over a spectrum,
 * $\ell(\tau) = \int e^{\lambda\tau} d\mu(\lambda)$ (a linear flow: the loss of linear regression averaged over
 * the Marchenko-Pastur law), the $f_s$ are the moments of $\mu$ and this is Gauss quadrature of $\mu$,
 * which converges where Padé in $\tau$ of an entire function does not; the two highest $M$ are compared.
 * </ul>
 * The curve is declared valid up to the last time before the spread exceeds {@link #TOLERANCE} of the
 * largest value so far; of the two methods the one valid longer is kept. A spread is agreement between
 * approximants, not a bound: it can understate the error.
 */
public final class Resummation {
    /** Relative spread beyond which a resummed curve is not claimed. */
    public static final double TOLERANCE = 1e-3;

    /**
     * @param value the curve at each time
     * @param spread the difference to the second best approximant (0 for a closed form; NaN when only one approximant is pole-free)
     * @param method e.g. {@code [3/3] vs [2/3]} or {@code closed form}
     * @param validUpTo the last time asked at which the curve is claimed (every earlier one too); the last time for a closed form
     * @param closedForm the elementary function, or null
     * @param bounds per time {lower, upper} over every positive mixture of decaying exponentials with these
     *     coefficients ({@link ExponentialMixtureBounds}); null for a closed form or when the coefficients are no
     *     such mixture's
     */
    public record Curve(double[] taus, double[] value, double[] spread, String method, double validUpTo, ClosedForm closedForm,
            double[][] bounds) {
        Curve withBounds(double[][] b) {
            return new Curve(taus, value, spread, method, validUpTo, closedForm, b);
        }
    }

    private Resummation() {}

    /**
     * The curve at {@code taus} (finite, >= 0, increasing not required).
     *
     * @throws IllegalArgumentException when no approximant is free of poles up to the last time (ask for smaller times)
     */
    public static Curve of(List<Rational> f, double[] taus) {
        Optional<ClosedForm> form = ClosedForm.of(f);
        double tauMax = 0;
        for (double t : taus) tauMax = Math.max(tauMax, t);
        if (form.isPresent()) {
            // a rational form may blow up: values from its first pole on are NaN, and not claimed
            double pole = form.get().firstPole(tauMax);
            double[] v = new double[taus.length];
            double valid = 0;
            for (int i = 0; i < taus.length; i++) {
                v[i] = taus[i] < pole ? form.get().value(taus[i]) : Double.NaN;
                if (taus[i] < pole) valid = Math.max(valid, taus[i]);
            }
            return new Curve(taus.clone(), v, new double[taus.length], "closed form", valid, form.get(), null);
        }
        Curve tau = padeInTau(f, taus, tauMax);
        Curve borel = borel(f, taus);
        if (tau == null && borel == null) {
            throw new IllegalArgumentException("no Pade approximant of the series to order " + (f.size() - 1) + " is free of poles up to tau = "
                    + tauMax + ": ask for smaller times or more orders");
        }
        Curve best = tau == null ? borel : borel == null ? tau : borel.validUpTo() > tau.validUpTo() ? borel : tau;
        Optional<ExponentialMixtureBounds> mixture = ExponentialMixtureBounds.of(f);
        if (mixture.isEmpty()) return best;
        double[][] b = new double[taus.length][];
        for (int i = 0; i < taus.length; i++) b[i] = mixture.get().at(taus[i]);
        return best.withBounds(b);
    }

    private static Curve padeInTau(List<Rational> f, double[] taus, double tauMax) {
        List<Rational> a = ClosedForm.taylor(f);
        List<PadeApproximant> good = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int total = a.size() - 1; total >= Math.max(1, a.size() - 2) && good.size() < 2; total--) {
            for (int m = (total + 1) / 2; m >= 0 && m >= total / 2 - 1 && good.size() < 2; m--) {
                try {
                    PadeApproximant p = PadeApproximant.of(a.subList(0, total + 1), total - m, m);
                    if (!p.hasPoleOn(Math.max(tauMax, 1e-9), 4000)) {
                        good.add(p);
                        names.add("[" + (total - m) + "/" + m + "]");
                    }
                } catch (ArithmeticException singular) {
                    // the next degrees
                }
            }
        }
        if (good.isEmpty()) return null;
        double[] v = new double[taus.length];
        double[] spread = new double[taus.length];
        for (int i = 0; i < taus.length; i++) {
            v[i] = good.get(0).value(taus[i]);
            spread[i] = good.size() > 1 ? Math.abs(v[i] - good.get(1).value(taus[i])) : Double.NaN;
        }
        return new Curve(taus.clone(), v, spread, "Pade " + String.join(" vs ", names), validUpTo(taus, v, spread), null, null);
    }

    /** Padé–Borel: the two highest [M-1/M] of B(z) = sum f_s z^s as exponential sums; null when neither exists. */
    private static Curve borel(List<Rational> f, double[] taus) {
        List<double[][]> sums = new ArrayList<>(); // each: {re lambda, im lambda, re w, im w} rows
        List<String> names = new ArrayList<>();
        for (int m = f.size() / 2; m >= 1 && sums.size() < 2; m--) {
            try {
                PadeApproximant p = PadeApproximant.of(f.subList(0, 2 * m), m - 1, m);
                double[][] modes = modes(p);
                if (modes != null) {
                    sums.add(modes);
                    names.add("[" + (m - 1) + "/" + m + "]");
                }
            } catch (ArithmeticException singular) {
                // the next M
            }
        }
        if (sums.isEmpty()) return null;
        double[] v = new double[taus.length];
        double[] spread = new double[taus.length];
        for (int i = 0; i < taus.length; i++) {
            v[i] = sum(sums.get(0), taus[i]);
            spread[i] = sums.size() > 1 ? Math.abs(v[i] - sum(sums.get(1), taus[i])) : Double.NaN;
            if (!Double.isFinite(v[i])) return null;
        }
        return new Curve(taus.clone(), v, spread, "Pade-Borel " + String.join(" vs ", names), validUpTo(taus, v, spread), null, null);
    }

    /** Rates and weights of B = P/Q as sum_i w_i/(1 - lambda_i z): lambda_i = 1/z_i over the roots z_i of Q; null if Q has a zero root. */
    private static double[][] modes(PadeApproximant p) {
        List<Rational> q = p.denominator();
        int m = q.size() - 1;
        while (m > 0 && q.get(m).isZero()) m--;
        if (m == 0) return null;
        // the roots of Q(z) = sum q_j z^j, made monic
        double[] b = new double[m];
        double lead = q.get(m).doubleValue();
        for (int j = 0; j < m; j++) b[j] = q.get(j).doubleValue() / lead;
        Complex[] roots = PolynomialRoots.ofMonic(b);
        double[][] out = new double[m][];
        for (int i = 0; i < m; i++) {
            Complex z = roots[i];
            if (z.abs() == 0) return null;
            Complex lambda = z.reciprocal();
            Complex pz = horner(p.numerator(), z);
            Complex dq = derivative(q, z);
            // w = lim (1 - lambda z) P/Q = -lambda P(z_i)/Q'(z_i)
            Complex w = lambda.negate().multiply(pz).divide(dq);
            out[i] = new double[] {lambda.getReal(), lambda.getImaginary(), w.getReal(), w.getImaginary()};
        }
        return out;
    }

    private static double sum(double[][] modes, double tau) {
        double v = 0;
        for (double[] md : modes) {
            double e = Math.exp(md[0] * tau);
            v += e * (md[2] * Math.cos(md[1] * tau) - md[3] * Math.sin(md[1] * tau));
        }
        return v;
    }

    private static Complex horner(List<Rational> c, Complex z) {
        Complex v = Complex.ZERO;
        for (int i = c.size() - 1; i >= 0; i--) v = v.multiply(z).add(c.get(i).doubleValue());
        return v;
    }

    private static Complex derivative(List<Rational> c, Complex z) {
        Complex v = Complex.ZERO;
        for (int i = c.size() - 1; i >= 1; i--) v = v.multiply(z).add(c.get(i).doubleValue() * i);
        return v;
    }

    /**
     * The last time up to which (and at every earlier time asked) {@code spread} stays within {@link #TOLERANCE} of
     * the largest |value| so far; time 0 always counts; 0 when the first later time already fails.
     */
    public static double validUpTo(double[] taus, double[] v, double[] spread) {
        Integer[] order = new Integer[taus.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> Double.compare(taus[x], taus[y]));
        double scale = 0;
        double valid = 0;
        for (int i : order) {
            scale = Math.max(scale, Math.abs(v[i]));
            if (taus[i] == 0) continue; // every approximant is f_0 there, exactly: rounding is no disagreement
            if (!(spread[i] <= TOLERANCE * Math.max(scale, Double.MIN_NORMAL))) break;
            valid = taus[i];
        }
        return valid;
    }
}
