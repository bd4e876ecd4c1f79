package org.prism.algebra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Padé approximant $[L/M]$ of a power series $f(x) = \sum_k a_k x^k$: the rational function
 * $P(x)/Q(x)$ with $\deg P \le L$, $\deg Q \le M$, $Q(0) = 1$ and $f Q - P = O(x^{L+M+1})$, found
 * exactly in rational arithmetic (the $M \times M$ Toeplitz system for $Q$ by Gaussian elimination,
 * then $P$ by truncated convolution). Needs $a_0..a_{L+M}$. Cost $O(M^3 + L M)$ rational operations.
 *
 * <p>When the system is singular the approximant does not exist in this normalisation;
 * {@link #of} then throws ArithmeticException (callers try a neighbouring $[L/M]$).
 */
public record PadeApproximant(List<Rational> numerator, List<Rational> denominator) {

    public static PadeApproximant of(List<Rational> a, int l, int m) {
        if (l < 0 || m < 0) throw new IllegalArgumentException("negative Pade degree");
        if (a.size() < l + m + 1) throw new IllegalArgumentException("[" + l + "/" + m + "] needs " + (l + m + 1) + " coefficients, got " + a.size());
        // sum_{j=1..M} q_j a_{L+i-j} = -a_{L+i}, i = 1..M (a_k = 0 for k < 0)
        Rational[][] sys = new Rational[m][m + 1];
        for (int i = 1; i <= m; i++) {
            for (int j = 1; j <= m; j++) {
                int k = l + i - j;
                sys[i - 1][j - 1] = k >= 0 ? a.get(k) : Rational.ZERO;
            }
            sys[i - 1][m] = a.get(l + i).negate();
        }
        Rational[] q = m == 0 ? new Rational[0] : LinearSystem.solveUnique(sys);
        if (q == null) throw new ArithmeticException("singular Pade system");
        List<Rational> den = new ArrayList<>();
        den.add(Rational.ONE);
        den.addAll(Arrays.asList(q));
        List<Rational> num = new ArrayList<>();
        for (int i = 0; i <= l; i++) {
            Rational p = Rational.ZERO;
            for (int j = 0; j <= Math.min(i, m); j++) p = p.add(den.get(j).multiply(a.get(i - j)));
            num.add(p);
        }
        return new PadeApproximant(List.copyOf(num), List.copyOf(den));
    }

    /** $P(x)/Q(x)$ in double precision (NaN at a pole). */
    public double value(double x) {
        double p = horner(numerator, x);
        double q = horner(denominator, x);
        return q == 0 ? Double.NaN : p / q;
    }

    /** $Q(x)$ in double precision. */
    public double denominatorValue(double x) {
        return horner(denominator, x);
    }

    /** Whether $Q$ changes sign on $[0, x_{max}]$ (a pole on the physical time axis), sampled finely. */
    public boolean hasPoleOn(double xMax, int samples) {
        double prev = horner(denominator, 0);
        for (int i = 1; i <= samples; i++) {
            double q = horner(denominator, xMax * i / samples);
            if (q == 0 || Math.signum(q) != Math.signum(prev)) return true;
            prev = q;
        }
        return false;
    }

    private static double horner(List<Rational> c, double x) {
        double v = 0;
        for (int i = c.size() - 1; i >= 0; i--) v = v * x + c.get(i).doubleValue();
        return v;
    }
}
