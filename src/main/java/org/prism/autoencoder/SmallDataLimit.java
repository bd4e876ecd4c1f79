package org.prism.autoencoder;

import org.prism.algebra.Narayana;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.prism.algebra.Rational;

/**
 * Small-data regime (n/d -> 0 with g = sigma^2 d and y = m/d fixed).
 *
 * <p>With K_k = X^T A^k X / n, exactly dK_k/dt = -sum_{i<k} [2 K_{i+1} K_{k-i} + K_i K_{k+1-i}
 * + K_{i+2} K_{k-1-i} - 2 K_i K_{k-i} - 2 K_{i+1} K_{k-1-i}], L_tr = tr(K_2 - 2K_1 + K_0)/2 and
 * dL_pop/dt = -4 tr(K_3 - 2K_2 + K_1). For n << d, K_k -> kappa_k I_n with
 * kappa_k(0) = (d/n) g^k N_k(y). The hierarchy is quadratic, so k_k = (n/d) kappa_k obeys the same
 * equations in tau = (d/n) t with k_k(0) = g^k N_k(y), k_0 = 1: the rates are of order d/n, the
 * natural time scale is t ~ n/d (short), and
 * <ul>
 * <li>E L_tr / d -> (k_2 - 2 k_1 + 1)/2 (an O(1) change on tau ~ 1);
 * <li>E L_pop changes only by O(n) << d on that scale (E L_pop/d stays at its t = 0 value
 * 1/2 - g y + g^2 y (1 + y)/2): the curve reported is (E L_pop(t) - E L_pop(0))/n
 * = -4 int_0^tau (k_3 - 2k_2 + k_1).
 * </ul>
 * (All of this checked against the exact diagram coefficients to order 6.)
 *
 * <p>Numerics. The plainly truncated hierarchy (k_0..k_K with a closure for k_{K+1}) converges in K
 * only up to tau ~ 1 and then blows up, with either closure tried (k_{K+1} = k_K^2/k_{K-1}, or
 * k_{K+1} = k_K; see {@link #truncatedHierarchy}).
 * The curve is therefore computed from the generating function F(z) = sum_k k_k z^k, in which the
 * hierarchy closes exactly: with w = 1/z (F = w G(w), G the Stieltjes transform of the spectral
 * measure rho_tau of A seen from the data subspace, supported in [0, infinity)),
 * dF/dtau = -2w (F - 1)(2F - 1) + 2F (k_1 + 2F - 2) for every w off the support: one Riccati ODE
 * per w, coupled only through k_1 = (1/2 pi i) oint F dw (and k_2, k_3 = oint w F, oint w^2 F).
 * F(w, 0) = 1 + 2 g y / (w - g(y+1) + sqrt(w - l-) sqrt(w - l+)), l+- = g(1 +- sqrt y)^2.
 * The contour is an ellipse around [0, X], X = 1.25 max(1, l+) (the support stays below
 * max(1, l+): checked by varying X), whose leftmost point is -1/2: perturbations at a node w grow
 * like e^{-2(w + 1) tau} near the end state, so nodes with Re w < -1 must be avoided. The
 * N-node trapezoidal rule on the ellipse converges geometrically in N. N plays the role of the
 * truncation order K: the N node values carry N degrees of freedom, and the closure is the one
 * implied by the contour quadrature (higher moments are not cut off but carried implicitly by F at
 * the nodes, with an error decaying geometrically in N). N is doubled
 * from 32 until the curves at the requested times change by less than {@code tolerance} (absolute,
 * default 1e-10, relative above magnitude 1). ODE: DormandPrince853, abs 1e-13, rel 1e-12. The
 * explicit steps are limited by the decay rates ~ 2 Re w of the nodes, so the cost grows linearly
 * in tau and with max(1, l+) (about 0.01-0.03 s per unit of tau for g = y = 10, far less for O(1)
 * parameters); by tau ~ 10-50 the train loss is at rounding level.
 */
public final class SmallDataLimit implements RegimeLimit {
    public static final double DEFAULT_TOLERANCE = 1e-10;
    static final int MIN_NODES = 32;
    static final int MAX_NODES = 4096;
    private final double tolerance;
    private final double supportFactor;
    private final double leftMargin;

    public SmallDataLimit() {
        this(DEFAULT_TOLERANCE, 1.25, 0.5);
    }

    /** Tolerance of the automatic choice of N, contour around [0, supportFactor max(1, l+)], leftmost point -leftMargin. */
    SmallDataLimit(double tolerance, double supportFactor, double leftMargin) {
        this.tolerance = tolerance;
        this.supportFactor = supportFactor;
        this.leftMargin = leftMargin;
    }

    @Override
    public String regime() {
        return "small-data";
    }

    @Override
    public List<String> parameterNames() {
        return List.of("g", "y");
    }

    @Override
    public String normalisation() {
        return "train: E L_tr / d; pop: (E L_pop(t) - E L_pop(0)) / n (E L_pop / d itself stays at 1/2 - g y + g^2 y(1+y)/2);"
                + " g = sigma^2 d, y = m/d, n/d -> 0";
    }

    @Override
    public String timeUnit() {
        return "tau = (d/n) t";
    }

    @Override
    public LimitCurve curve(Map<String, Double> params, double[] times) {
        Params.requireExactly(regime(), parameterNames(), params);
        double g = Params.nonNegative(regime(), params, "g", false);
        double y = Params.nonNegative(regime(), params, "y", false);
        Params.requireTimes(times);
        double[][] previous = null;
        for (int nodes = MIN_NODES; nodes <= MAX_NODES; nodes *= 2) {
            double[][] current = generatingFunction(g, y, nodes, times);
            if (previous != null && maxChange(previous, current) <= tolerance) return new LimitCurve(times.clone(), current[0], current[1]);
            previous = current;
        }
        throw new ArithmeticException("small-data curve did not converge with " + MAX_NODES + " contour nodes (g = " + g + ", y = " + y + ")");
    }

    private static double maxChange(double[][] a, double[][] b) {
        double worst = 0;
        for (int c = 0; c < a.length; c++) {
            for (int i = 0; i < a[c].length; i++) {
                double scale = Math.max(1, Math.abs(b[c][i]));
                worst = Math.max(worst, Math.abs(a[c][i] - b[c][i]) / scale);
            }
        }
        return worst;
    }

    /** [train, pop] by the N-node generating-function system. */
    double[][] generatingFunction(double g, double y, int nodes, double[] times) {
        double lm = g * (1 - Math.sqrt(y)) * (1 - Math.sqrt(y));
        double lp = g * (1 + Math.sqrt(y)) * (1 + Math.sqrt(y));
        double x = supportFactor * Math.max(1, lp);
        double c = x / 2;
        double eta = acosh(1 + 2 * leftMargin / x);
        double ch = Math.cosh(eta);
        double sh = Math.sinh(eta);
        int n = nodes;
        double[] wr = new double[n];
        double[] wi = new double[n];
        // p[j] = w^(j-1) dw/(2 pi i) for j = 0..3 (k_j = Re sum F p_j)
        double[][] pr = new double[4][n];
        double[][] pi = new double[4][n];
        double[] state = new double[2 * n + 1];
        for (int i = 0; i < n; i++) {
            double th = 2 * Math.PI * (i + 0.5) / n;
            wr[i] = c + c * ch * Math.cos(th);
            wi[i] = c * sh * Math.sin(th);
            // dw/(2 pi i) with dtheta = 2 pi/n: w'(theta)/(i n)
            double dr = -c * ch * Math.sin(th);
            double di = c * sh * Math.cos(th);
            double qr = di / n;
            double qi = -dr / n;
            // j = 1: q; j = 0: q/w; j = 2: q w; j = 3: q w^2
            pr[1][i] = qr;
            pi[1][i] = qi;
            double m2 = wr[i] * wr[i] + wi[i] * wi[i];
            pr[0][i] = (qr * wr[i] + qi * wi[i]) / m2;
            pi[0][i] = (qi * wr[i] - qr * wi[i]) / m2;
            pr[2][i] = qr * wr[i] - qi * wi[i];
            pi[2][i] = qr * wi[i] + qi * wr[i];
            pr[3][i] = pr[2][i] * wr[i] - pi[2][i] * wi[i];
            pi[3][i] = pr[2][i] * wi[i] + pi[2][i] * wr[i];
            // F(w, 0) = 1 + 2gy / (w - g(y+1) + sqrt(w - lm) sqrt(w - lp))
            double[] s1 = csqrt(wr[i] - lm, wi[i]);
            double[] s2 = csqrt(wr[i] - lp, wi[i]);
            double denR = wr[i] - g * (y + 1) + s1[0] * s2[0] - s1[1] * s2[1];
            double denI = wi[i] + s1[0] * s2[1] + s1[1] * s2[0];
            double dd = denR * denR + denI * denI;
            double num = 2 * g * y;
            state[i] = 1 + (dd == 0 ? 0 : num * denR / dd);
            state[n + i] = dd == 0 ? 0 : -num * denI / dd;
        }
        FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return 2 * n + 1;
            }

            @Override
            public void computeDerivatives(double t, double[] v, double[] dot) {
                double k1 = 0, k2 = 0, k3 = 0;
                for (int i = 0; i < n; i++) {
                    double fr = v[i], fi = v[n + i];
                    k1 += fr * pr[1][i] - fi * pi[1][i];
                    k2 += fr * pr[2][i] - fi * pi[2][i];
                    k3 += fr * pr[3][i] - fi * pi[3][i];
                }
                for (int i = 0; i < n; i++) {
                    double fr = v[i], fi = v[n + i];
                    // a = (F - 1)(2F - 1)
                    double ar = (fr - 1) * (2 * fr - 1) - fi * 2 * fi;
                    double ai = (fr - 1) * 2 * fi + fi * (2 * fr - 1);
                    // -2 w a
                    double tr = -2 * (wr[i] * ar - wi[i] * ai);
                    double ti = -2 * (wr[i] * ai + wi[i] * ar);
                    // 2 F (k1 + 2F - 2)
                    double br = k1 + 2 * fr - 2, bi = 2 * fi;
                    tr += 2 * (fr * br - fi * bi);
                    ti += 2 * (fr * bi + fi * br);
                    dot[i] = tr;
                    dot[n + i] = ti;
                }
                dot[2 * n] = -4 * (k3 - 2 * k2 + k1);
            }
        };
        FirstOrderIntegrator integrator = new DormandPrince853Integrator(1e-14, Double.POSITIVE_INFINITY, 1e-13, 1e-12);
        double[] train = new double[times.length];
        double[] pop = new double[times.length];
        Params.march(ode, integrator, state, times, (st, idx) -> {
            double k1 = 0, k2 = 0;
            for (int i = 0; i < n; i++) {
                k1 += st[i] * pr[1][i] - st[n + i] * pi[1][i];
                k2 += st[i] * pr[2][i] - st[n + i] * pi[2][i];
            }
            train[idx] = (k2 - 2 * k1 + 1) / 2;
            pop[idx] = st[2 * n];
        });
        return new double[][] {train, pop};
    }

    /** The moments k_0..k_3 at tau = 0 recovered from the initial contour values (a self-check of the quadrature). */
    double[] initialMoments(double g, double y, int nodes) {
        // reuse the machinery with a single time 0: k_j from the state at tau = 0
        double lm = g * (1 - Math.sqrt(y)) * (1 - Math.sqrt(y));
        double lp = g * (1 + Math.sqrt(y)) * (1 + Math.sqrt(y));
        double x = supportFactor * Math.max(1, lp);
        double c = x / 2;
        double eta = acosh(1 + 2 * leftMargin / x);
        double[] k = new double[4];
        for (int i = 0; i < nodes; i++) {
            double th = 2 * Math.PI * (i + 0.5) / nodes;
            double wr = c + c * Math.cosh(eta) * Math.cos(th);
            double wi = c * Math.sinh(eta) * Math.sin(th);
            double qr = c * Math.sinh(eta) * Math.cos(th) / nodes;
            double qi = c * Math.cosh(eta) * Math.sin(th) / nodes;
            double[] s1 = csqrt(wr - lm, wi);
            double[] s2 = csqrt(wr - lp, wi);
            double denR = wr - g * (y + 1) + s1[0] * s2[0] - s1[1] * s2[1];
            double denI = wi + s1[0] * s2[1] + s1[1] * s2[0];
            double dd = denR * denR + denI * denI;
            double fr = 1 + 2 * g * y * denR / dd;
            double fi = -2 * g * y * denI / dd;
            // w^(j-1) for j = 0..3
            double m2 = wr * wr + wi * wi;
            double[][] pw = {{wr / m2, -wi / m2}, {1, 0}, {wr, wi}, {wr * wr - wi * wi, 2 * wr * wi}};
            for (int j = 0; j < 4; j++) {
                double er = pw[j][0] * qr - pw[j][1] * qi;
                double ei = pw[j][0] * qi + pw[j][1] * qr;
                k[j] += fr * er - fi * ei;
            }
        }
        return k;
    }

    private static double acosh(double x) {
        return Math.log(x + Math.sqrt(x * x - 1));
    }

    /** Principal square root of re + i im. */
    private static double[] csqrt(double re, double im) {
        double m = Math.hypot(re, im);
        double a = Math.sqrt((m + Math.abs(re)) / 2);
        if (a == 0) return new double[] {0, 0};
        if (re >= 0) return new double[] {a, im / (2 * a)};
        return new double[] {Math.abs(im) / (2 * a), Math.copySign(a, im)};
    }

    /**
     * E L_tr/d at the given tau from the hierarchy truncated at order K >= 2 (k_0..k_K), closed by
     * the log-convex extrapolation k_{K+1} = k_K^2 / k_{K-1} (exact when rho_tau is a point mass, a
     * lower bound by Cauchy-Schwarz otherwise). Converges in K only for tau up to about 1; beyond,
     * the truncated system blows up (a Commons Math step-size exception or non-finite values).
     */
    public static double[] truncatedHierarchy(double g, double y, int order, double[] taus) {
        if (order < 2) throw new IllegalArgumentException("truncation order must be >= 2");
        int kmax = order;
        double[] k0 = new double[kmax + 1];
        for (int k = 0; k <= kmax; k++) k0[k] = Math.pow(g, k) * Narayana.polynomial(k, y);
        FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return kmax + 1;
            }

            @Override
            public void computeDerivatives(double t, double[] v, double[] dot) {
                double[] kk = Arrays.copyOf(v, kmax + 2);
                kk[kmax + 1] = v[kmax - 1] > 0 ? v[kmax] * v[kmax] / v[kmax - 1] : 0;
                dot[0] = 0;
                for (int k = 1; k <= kmax; k++) dot[k] = -hierarchyTerm(kk, k);
            }
        };
        FirstOrderIntegrator integrator = new DormandPrince853Integrator(1e-14, Double.POSITIVE_INFINITY, 1e-13, 1e-12);
        double[] out = new double[taus.length];
        Params.march(ode, integrator, k0, taus, (state, idx) -> out[idx] = (state[2] - 2 * state[1] + state[0]) / 2);
        return out;
    }

    /**
     * The truncated hierarchy with K = 4, 8, 12, 16, 24, 32, 48, 64 until E L_tr/d changes by less
     * than {@code tol} at every tau.
     *
     * @throws ArithmeticException if it does not converge (typically for tau beyond about 1)
     */
    public static double[] truncatedHierarchyAuto(double g, double y, double[] taus, double tol) {
        double[] previous = null;
        for (int order : new int[] {4, 8, 12, 16, 24, 32, 48, 64}) {
            double[] current;
            try {
                current = truncatedHierarchy(g, y, order, taus);
            } catch (MathIllegalStateException | MathIllegalArgumentException blowUp) {
                current = null; // step size underflow or too many steps: the truncated system blew up
            }
            if (current != null && !Arrays.stream(current).allMatch(Double::isFinite)) current = null;
            if (current != null && previous != null) {
                double worst = 0;
                for (int i = 0; i < taus.length; i++) worst = Math.max(worst, Math.abs(current[i] - previous[i]));
                if (worst <= tol) return current;
            }
            previous = current;
        }
        throw new ArithmeticException("truncated small-data hierarchy did not converge by K = 64");
    }

    /** sum_{i<k} [2 k_{i+1} k_{k-i} + k_i k_{k+1-i} + k_{i+2} k_{k-1-i} - 2 k_i k_{k-i} - 2 k_{i+1} k_{k-1-i}]. */
    static double hierarchyTerm(double[] kk, int k) {
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += 2 * kk[i + 1] * kk[k - i] + kk[i] * kk[k + 1 - i] + kk[i + 2] * kk[k - 1 - i] - 2 * kk[i] * kk[k - i]
                    - 2 * kk[i + 1] * kk[k - 1 - i];
        }
        return s;
    }

    @Override
    public LimitSeries taylor(Map<String, Rational> params, int maxOrder) {
        Params.requireExactly(regime(), parameterNames(), params);
        Rational g = Params.nonNegativeExact(regime(), params, "g", false);
        Rational y = Params.nonNegativeExact(regime(), params, "y", false);
        Params.requireOrder(maxOrder);
        List<List<Rational>> c = hierarchySeries(g, y, maxOrder);
        Rational half = Rational.of(1, 2);
        List<Rational> trainOrdinary = new ArrayList<>();
        List<Rational> popOrdinary = new ArrayList<>();
        for (int s = 0; s <= maxOrder; s++) {
            trainOrdinary.add(c.get(2).get(s).subtract(c.get(1).get(s).multiply(2)).add(c.get(0).get(s)).multiply(half));
            popOrdinary.add(s == 0 ? Rational.ZERO
                    : c.get(3).get(s - 1).subtract(c.get(2).get(s - 1).multiply(2)).add(c.get(1).get(s - 1))
                            .multiply(Rational.of(-4)).divide(Rational.of(s)));
        }
        return new LimitSeries(RationalSeries.of(trainOrdinary, maxOrder).derivatives(), RationalSeries.of(popOrdinary, maxOrder).derivatives());
    }

    /**
     * Exact ordinary Taylor coefficients c.get(k).get(s) of k_k(tau) for k <= 3 and s <= S (more
     * for lower k are not needed): the s-th coefficient of k_k needs k_j(0) only for j <= k + s,
     * so the initial values g^j N_j(y), j <= S + 3, make the recursion exact (no closure).
     */
    static List<List<Rational>> hierarchySeries(Rational g, Rational y, int order) {
        int kmax = order + 3;
        List<List<Rational>> c = new ArrayList<>();
        for (int k = 0; k <= kmax; k++) {
            List<Rational> row = new ArrayList<>();
            row.add(g.pow(k).multiply(Narayana.polynomial(k, y)));
            c.add(row);
        }
        for (int s = 0; s < order; s++) {
            // coefficient s+1 for k <= kmax - s - 1 (it needs c[k+1][0..s], known for k + 1 <= kmax - s)
            for (int k = 0; k <= kmax - s - 1; k++) {
                if (k == 0) {
                    c.get(0).add(Rational.ZERO);
                    continue;
                }
                Rational sum = Rational.ZERO;
                for (int i = 0; i < k; i++) {
                    sum = sum.add(product(c, i + 1, k - i, s).multiply(2))
                            .add(product(c, i, k + 1 - i, s))
                            .add(product(c, i + 2, k - 1 - i, s))
                            .subtract(product(c, i, k - i, s).multiply(2))
                            .subtract(product(c, i + 1, k - 1 - i, s).multiply(2));
                }
                c.get(k).add(sum.negate().divide(Rational.of(s + 1)));
            }
        }
        return c;
    }

    /** Coefficient s of the product of the series of k_a and k_b. */
    private static Rational product(List<List<Rational>> c, int a, int b, int s) {
        Rational sum = Rational.ZERO;
        for (int i = 0; i <= s; i++) sum = sum.add(c.get(a).get(i).multiply(c.get(b).get(s - i)));
        return sum;
    }
}
