package org.prism.algebra;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.complex.Complex;

/**
 * A curve $\ell(\tau) = \sum_s f_s \tau^s/s!$ recognised as an elementary function from its exact
 * coefficients $f_0..f_S$, when they prove it to the order given:
 * <ul>
 * <li><b>a sum of exponentials</b> $\sum_i A_i e^{\lambda_i \tau}$ with rational $A_i, \lambda_i$: the $f_s$
 * satisfy a linear recurrence $f_{s+r} = \sum_{j<r} c_j f_{s+j}$ of the least order $r$, found from
 * $f_0..f_{2r-1}$ (a Hankel system) and checked on every coefficient after; its characteristic roots are
 * found numerically, each rounded to a fraction and kept only if it is exactly a root; the amplitudes solve
 * a Vandermonde system exactly (linear models, vertices of a polytope: one family, one rate);
 * <li><b>a rational function</b> $P(\tau)/Q(\tau)$: a Padé approximant $[L/M]$ of the Taylor coefficients
 * $a_s = f_s/s!$, from $a_0..a_{L+M}$, that reproduces every coefficient after.
 * </ul>
 * At least {@link #CHECKS} coefficients beyond those used must agree, so a form is a claim the data test.
 * Cost: a few rational solves of size $\le S/2$.
 */
public final class ClosedForm {
    /** Coefficients beyond those that determine a form that must agree with it. */
    public static final int CHECKS = 2;

    private final List<Rational> amplitudes;
    private final List<Rational> rates;
    private final PadeApproximant rational;

    private ClosedForm(List<Rational> amplitudes, List<Rational> rates, PadeApproximant rational) {
        this.amplitudes = amplitudes;
        this.rates = rates;
        this.rational = rational;
    }

    /** The elementary function the coefficients $f_0..f_S$ prove, if any (exponential sums first). */
    public static Optional<ClosedForm> of(List<Rational> f) {
        Optional<ClosedForm> e = exponentials(f);
        return e.isPresent() ? e : rationalFunction(f);
    }

    static Optional<ClosedForm> exponentials(List<Rational> f) {
        int n = f.size();
        if (f.stream().allMatch(Rational::isZero)) return Optional.of(new ClosedForm(List.of(), List.of(), null));
        for (int r = 1; 2 * r + CHECKS <= n; r++) {
            // f_{s+r} = sum_j c_j f_{s+j}, s = 0..r-1
            Rational[][] m = new Rational[r][r + 1];
            for (int s = 0; s < r; s++) {
                for (int j = 0; j < r; j++) m[s][j] = f.get(s + j);
                m[s][r] = f.get(s + r);
            }
            Rational[] c = LinearSystem.solveUnique(m);
            if (c == null) continue;
            boolean holds = true;
            for (int s = r; s + r < n && holds; s++) {
                Rational v = Rational.ZERO;
                for (int j = 0; j < r; j++) v = v.add(c[j].multiply(f.get(s + j)));
                holds = v.equals(f.get(s + r));
            }
            if (!holds) continue;
            List<Rational> roots = rationalRoots(c);
            if (roots.size() != r) return Optional.empty(); // a recurrence, but irrational or repeated rates
            Rational[][] v = new Rational[r][r + 1];
            for (int s = 0; s < r; s++) {
                for (int i = 0; i < r; i++) v[s][i] = roots.get(i).pow(s);
                v[s][r] = f.get(s);
            }
            Rational[] a = LinearSystem.solveUnique(v);
            if (a == null) return Optional.empty();
            return Optional.of(new ClosedForm(List.of(a), roots, null));
        }
        return Optional.empty();
    }

    /** Distinct rational roots of $x^r - \sum_j c_j x^j$ (all of them, or fewer when some are not rational). */
    private static List<Rational> rationalRoots(Rational[] c) {
        int r = c.length;
        double[] b = new double[r];
        for (int j = 0; j < r; j++) b[j] = -c[j].doubleValue();
        List<Rational> roots = new ArrayList<>();
        for (Complex z : PolynomialRoots.ofMonic(b)) {
            if (Math.abs(z.getImaginary()) > 1e-9 * Math.max(1, Math.abs(z.getReal()))) continue;
            Rational x = nearFraction(z.getReal());
            if (x == null || roots.contains(x)) continue;
            Rational p = x.pow(r);
            for (int j = 0; j < r; j++) p = p.subtract(c[j].multiply(x.pow(j)));
            if (p.isZero()) roots.add(x);
        }
        return roots;
    }

    /** The fraction with denominator at most 10^4 nearest to x (continued fractions), or null for non-finite x. */
    private static Rational nearFraction(double x) {
        if (!Double.isFinite(x) || Math.abs(x) > 1e12) return null;
        long h0 = 0, h1 = 1, k0 = 1, k1 = 0;
        double y = x;
        for (int i = 0; i < 40; i++) {
            long a = (long) Math.floor(y);
            long h2 = a * h1 + h0;
            long k2 = a * k1 + k0;
            if (k2 > 10_000) break;
            h0 = h1;
            h1 = h2;
            k0 = k1;
            k1 = k2;
            double frac = y - a;
            if (Math.abs(frac) < 1e-12) break;
            y = 1 / frac;
        }
        return k1 == 0 ? null : Rational.of(h1, k1);
    }

    static Optional<ClosedForm> rationalFunction(List<Rational> f) {
        List<Rational> a = taylor(f);
        int n = a.size();
        for (int total = 0; total + 1 + CHECKS <= n; total++) {
            for (int m = 0; m <= total; m++) {
                PadeApproximant p;
                try {
                    p = PadeApproximant.of(a.subList(0, total + 1), total - m, m);
                } catch (ArithmeticException singular) {
                    continue;
                }
                if (expansion(p, n).equals(a)) return Optional.of(new ClosedForm(null, null, p));
            }
        }
        return Optional.empty();
    }

    /** $a_s = f_s/s!$. */
    static List<Rational> taylor(List<Rational> f) {
        List<Rational> a = new ArrayList<>();
        BigInteger fact = BigInteger.ONE;
        for (int s = 0; s < f.size(); s++) {
            if (s > 0) fact = fact.multiply(BigInteger.valueOf(s));
            a.add(f.get(s).divide(Rational.of(fact)));
        }
        return a;
    }

    /** The first n Taylor coefficients of P/Q. */
    private static List<Rational> expansion(PadeApproximant p, int n) {
        List<Rational> q = p.denominator();
        List<Rational> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            Rational v = s < p.numerator().size() ? p.numerator().get(s) : Rational.ZERO;
            for (int j = 1; j <= Math.min(s, q.size() - 1); j++) v = v.subtract(q.get(j).multiply(out.get(s - j)));
            out.add(v);
        }
        return out;
    }

    public boolean isExponentialSum() {
        return rational == null;
    }

    /** The first $\tau$ in $[0, \tau_{max}]$ where a rational form's denominator vanishes (sampled), or +infinity. */
    public double firstPole(double tauMax) {
        if (rational == null || !rational.hasPoleOn(Math.max(tauMax, 1e-12), 4000)) return Double.POSITIVE_INFINITY;
        double lo = 0;
        double hi = tauMax;
        double q0 = Math.signum(rational.denominatorValue(0));
        for (int i = 1; i <= 4000; i++) {
            double t = tauMax * i / 4000;
            if (Math.signum(rational.denominatorValue(t)) != q0) {
                hi = t;
                lo = tauMax * (i - 1) / 4000;
                break;
            }
        }
        for (int k = 0; k < 60; k++) {
            double mid = (lo + hi) / 2;
            if (Math.signum(rational.denominatorValue(mid)) == q0) lo = mid;
            else hi = mid;
        }
        return hi;
    }

    /** $\ell(\tau)$ in double precision. */
    public double value(double tau) {
        if (rational != null) return rational.value(tau);
        double v = 0;
        for (int i = 0; i < rates.size(); i++) v += amplitudes.get(i).doubleValue() * Math.exp(rates.get(i).doubleValue() * tau);
        return v;
    }

    /** E.g. {@code 1/2*exp(-2*tau) + 1/2} or {@code (1 - 2*tau)/(1 + 4*tau + 4*tau^2)}. */
    public String text() {
        if (rational != null) return "(" + poly(rational.numerator()) + ")/(" + poly(rational.denominator()) + ")";
        if (rates.isEmpty()) return "0";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rates.size(); i++) {
            Rational a = amplitudes.get(i);
            if (a.isZero()) continue;
            String term = rates.get(i).isZero() ? a.toString() : (a.equals(Rational.ONE) ? "" : a + "*") + "exp(" + rates.get(i) + "*tau)";
            b.append(b.length() == 0 ? "" : " + ").append(term);
        }
        return b.length() == 0 ? "0" : b.toString().replace("+ -", "- ");
    }

    private static String poly(List<Rational> c) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < c.size(); i++) {
            if (c.get(i).isZero()) continue;
            String x = i == 0 ? "" : i == 1 ? "tau" : "tau^" + i;
            String coef = c.get(i).toString();
            String term = i == 0 ? coef : (c.get(i).equals(Rational.ONE) ? "" : coef + "*") + x;
            b.append(b.length() == 0 ? "" : " + ").append(term);
        }
        return b.length() == 0 ? "0" : b.toString().replace("+ -", "- ");
    }
}
