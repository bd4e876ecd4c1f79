package org.prism.algebra;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A curve $\ell(\tau) = \sum_s f_s \tau^s/s!$ known through its exact coefficients $f_0..f_S$, turned
 * into values: exactly when the coefficients prove a {@link ClosedForm}; otherwise by Padé approximants
 * of the Taylor coefficients $a_s = f_s/s!$, the diagonal and near-diagonal $[L/M]$ with $L + M = S$ or
 * $S - 1$ that have no pole on the times asked (highest order first). The best is the curve; the
 * difference to the second best is its spread, an error estimate that can understate the error (a
 * spread is agreement between approximants, not a bound); the curve is declared valid up to the last
 * time before the spread exceeds {@link #TOLERANCE} of the largest value so far.
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
     */
    public record Curve(double[] taus, double[] value, double[] spread, String method, double validUpTo, ClosedForm closedForm) {}

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
            return new Curve(taus.clone(), v, new double[taus.length], "closed form", valid, form.get());
        }
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
        if (good.isEmpty()) {
            throw new IllegalArgumentException("no Pade approximant of the series to order " + (a.size() - 1) + " is free of poles up to tau = "
                    + tauMax + ": ask for smaller times or more orders");
        }
        double[] v = new double[taus.length];
        double[] spread = new double[taus.length];
        for (int i = 0; i < taus.length; i++) {
            v[i] = good.get(0).value(taus[i]);
            spread[i] = good.size() > 1 ? Math.abs(v[i] - good.get(1).value(taus[i])) : Double.NaN;
        }
        return new Curve(taus.clone(), v, spread, String.join(" vs ", names), validUpTo(taus, v, spread), null);
    }

    /** The last time (in increasing order) before the spread exceeds the tolerance of the largest |value| so far. */
    static double validUpTo(double[] taus, double[] v, double[] spread) {
        Integer[] order = new Integer[taus.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(taus[x], taus[y]));
        double scale = 0;
        double valid = 0;
        for (int i : order) {
            scale = Math.max(scale, Math.abs(v[i]));
            if (!(spread[i] <= TOLERANCE * Math.max(scale, Double.MIN_NORMAL))) break;
            valid = taus[i];
        }
        return valid;
    }
}
