package org.prism.algebra;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Two-sided bounds for a function known only by its first Taylor coefficients, under the hypothesis that it is a
 * positive mixture of double poles:
 * $$f(\tau) = \int_0^\infty \frac{d\rho(x)}{(1 + c x \tau)^2}, \quad \rho \ge 0, \qquad
 *   f(\tau) = \sum_k a_k \tau^k,\ a_k = (-1)^k (k+1) c^k m_k,\ m_k = \int x^k d\rho.$$
 * (At $\gamma = 0$ the free face of the tied autoencoder is exactly of this form, with $c = 4$ and
 * $\rho \propto x^2 \mu_y$.)
 *
 * <p>Given $a_0..a_N$, the moments $m_0..m_N$ are known exactly. They are moments of some positive measure on
 * $[0, \infty)$ with infinite support only if both Hankel forms $[m_{i+j}]$ and $[m_{i+j+1}]$ are positive definite;
 * {@link #of} checks this exactly (the norms of the monic orthogonal polynomials of both functionals, in rational
 * arithmetic) and returns empty when it fails: then $f$ is not such a mixture. When it holds, the hypothesis is
 * consistent with the data (the test is necessary, not sufficient).
 *
 * <p>For $\tau \ge 0$ the kernel $g(x) = (1 + c x \tau)^{-2}$ is completely monotone in $x$, so $\{1, x, \ldots, x^N, g\}$
 * is an extended Chebyshev system on $[0, \infty)$ and, by the Markov–Krein theorem, $\int g\, d\rho$ over every
 * positive $\rho$ with these moments ranges exactly between its values at the two principal representations:
 * the Gauss–Radau rule with a node at 0 ($n$ interior nodes, matching $m_0..m_{2n}$, $n = \lfloor N/2 \rfloor$) and the
 * rule that loses its last moment to infinity (for $N = 2n$ the $n$-point Gauss rule, matching $m_0..m_{2n-1}$; for
 * $N = 2n+1$ the roles swap: the $(n+1)$-point Gauss rule matches everything and the Radau rule loses $m_{2n+1}$).
 * The recurrence coefficients are exact; nodes and weights come from the symmetric tridiagonal Jacobi matrices in
 * double precision. Cost: $O(N^3)$ rational operations once, $O(N)$ per time.
 *
 * <p>The same theorem holds for every kernel completely monotone in $x$ ({@link #ofMoments}): the exponential
 * mixtures of {@link Resummation#bounds} use $g(x, \tau) = (1 - e^{-x\tau})/x$.
 */
public final class StieltjesBounds {
    private final double[][] gauss;
    private final double[][] radau;
    private final DoubleBinaryOperator kernel;

    private StieltjesBounds(double[][] gauss, double[][] radau, DoubleBinaryOperator kernel) {
        this.gauss = gauss;
        this.radau = radau;
        this.kernel = kernel;
    }

    /**
     * The bounds from $a_0..a_N$ ({@code taylor}, $N \ge 2$, $a_0 > 0$) with rate $c > 0$, or empty when no positive
     * mixture of $(1 + c x \tau)^{-2}$ has these coefficients.
     */
    public static Optional<StieltjesBounds> of(List<Rational> taylor, Rational rate) {
        int n = taylor.size() - 1;
        if (n < 2) throw new IllegalArgumentException("Stieltjes bounds need a_0..a_N with N >= 2, got N = " + n);
        if (rate.signum() <= 0) throw new IllegalArgumentException("the rate c must be > 0, got " + rate);
        List<Rational> m = new ArrayList<>();
        for (int k = 0; k <= n; k++) {
            Rational mk = taylor.get(k).divide(rate.pow(k).multiply(Rational.of(k + 1)));
            m.add(k % 2 == 0 ? mk : mk.negate());
        }
        double c = rate.doubleValue();
        return ofMoments(m, (x, tau) -> {
            double g = 1 / (1 + c * x * tau);
            return g * g;
        });
    }

    /**
     * The range of $\int g(x, \tau)\, d\rho(x)$ over every positive measure $\rho$ on $[0, \infty)$ with the moments
     * $m_0..m_N$ ({@code moments}, $N \ge 2$), for a kernel $g(\cdot, \tau)$ completely monotone in $x$ at every
     * $\tau \ge 0$; empty when no such measure with infinite support has these moments (the Hankel test).
     */
    public static Optional<StieltjesBounds> ofMoments(List<Rational> moments, DoubleBinaryOperator kernel) {
        int n = moments.size() - 1;
        if (n < 2) throw new IllegalArgumentException("Stieltjes bounds need m_0..m_N with N >= 2, got N = " + n);
        Recurrence l0 = Recurrence.of(moments);
        Recurrence l1 = Recurrence.of(moments.subList(1, moments.size()));
        if (l0 == null || l1 == null) return Optional.empty();
        int half = n / 2;
        // n = 2h: Gauss with h nodes (m_0..m_{2h-1}); n = 2h+1: Gauss with h+1 nodes (m_0..m_{2h+1})
        double[][] gauss = l0.rule(n % 2 == 0 ? half : half + 1);
        double[][] shifted = l1.rule(half); // Gauss for x d rho, moments m_1..m_{2h}
        double[][] radau = new double[2][half + 1];
        double interior = 0;
        for (int i = 0; i < half; i++) {
            radau[0][i + 1] = shifted[0][i];
            radau[1][i + 1] = shifted[1][i] / shifted[0][i];
            interior += radau[1][i + 1];
        }
        radau[1][0] = moments.get(0).doubleValue() - interior; // the node at 0 (non-negative by the Hankel test, up to rounding)
        return Optional.of(new StieltjesBounds(gauss, radau, kernel));
    }

    /** {lower, upper}: the range of $f(\tau)$ over every positive mixture with the given coefficients ({@code tau >= 0}). */
    public double[] at(double tau) {
        if (!(tau >= 0) || Double.isInfinite(tau)) throw new IllegalArgumentException("tau must be finite and >= 0, got " + tau);
        double a = value(gauss, tau);
        double b = value(radau, tau);
        return new double[] {Math.min(a, b), Math.max(a, b)};
    }

    private double value(double[][] rule, double tau) {
        double s = 0;
        for (int i = 0; i < rule[0].length; i++) s += rule[1][i] * kernel.applyAsDouble(rule[0][i], tau);
        return s;
    }

    /**
     * The three-term recurrence $p_{k+1} = (x - \alpha_k) p_k - \beta_k p_{k-1}$ of the monic orthogonal polynomials of
     * the functional $L[x^k] = \mu_k$, $k = 0..K$, exactly, as far as the moments go.
     */
    private record Recurrence(Rational mu0, List<Rational> alpha, List<Rational> beta) {
        /** Null unless every norm $L[p_k^2]$, $2k \le K$, is positive (the Hankel form is positive definite). */
        static Recurrence of(List<Rational> mu) {
            int top = mu.size() - 1;
            List<Rational> alpha = new ArrayList<>();
            List<Rational> beta = new ArrayList<>();
            Rational[] prev = null;
            Rational[] p = {Rational.ONE};
            Rational prevNorm = null;
            for (int k = 0; 2 * k <= top; k++) {
                Rational norm = apply(mu, p, p, 0);
                if (norm.signum() <= 0) return null;
                if (k > 0) beta.add(norm.divide(prevNorm));
                if (2 * k + 1 > top) break;
                Rational a = apply(mu, p, p, 1).divide(norm);
                alpha.add(a);
                Rational[] next = new Rational[p.length + 1];
                java.util.Arrays.fill(next, Rational.ZERO);
                for (int i = 0; i < p.length; i++) {
                    next[i + 1] = next[i + 1].add(p[i]);
                    next[i] = next[i].subtract(a.multiply(p[i]));
                }
                if (prev != null) {
                    Rational b = beta.get(beta.size() - 1);
                    for (int i = 0; i < prev.length; i++) next[i] = next[i].subtract(b.multiply(prev[i]));
                }
                prev = p;
                p = next;
                prevNorm = norm;
            }
            return new Recurrence(mu.get(0), alpha, beta);
        }

        /** $L[x^{shift} p q]$. */
        private static Rational apply(List<Rational> mu, Rational[] p, Rational[] q, int shift) {
            Rational s = Rational.ZERO;
            for (int i = 0; i < p.length; i++) {
                for (int j = 0; j < q.length; j++) s = s.add(p[i].multiply(q[j]).multiply(mu.get(i + j + shift)));
            }
            return s;
        }

        /** The Gauss rule with {@code nodes} nodes: {nodes, weights} (needs $\mu_0..\mu_{2 nodes - 1}$). */
        double[][] rule(int nodes) {
            if (nodes == 0) return new double[2][0];
            double[] main = new double[nodes];
            double[] off = new double[nodes - 1];
            for (int i = 0; i < nodes; i++) main[i] = alpha.get(i).doubleValue();
            for (int i = 0; i < nodes - 1; i++) off[i] = Math.sqrt(beta.get(i).doubleValue());
            EigenDecomposition e = new EigenDecomposition(main, off);
            double[][] rule = new double[2][nodes];
            double m0 = mu0.doubleValue();
            for (int i = 0; i < nodes; i++) {
                rule[0][i] = e.getRealEigenvalue(i);
                double v = e.getEigenvector(i).getEntry(0);
                rule[1][i] = m0 * v * v;
            }
            return rule;
        }
    }
}
