package org.prism.autoencoder;

import org.prism.algebra.FreeMoments;
import org.prism.algebra.Narayana;

import org.prism.algebra.MarchenkoPastur;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.prism.algebra.Rational;

/**
 * Narrow-latent regime (m/d -> 0, m may stay finite; g = sigma^2 d and gamma = d/n fixed).
 *
 * <p>Derivation (checked): W W^T -> g I_m for m << d, and for any fixed function F of Sigma,
 * W(0) F W(0)^T -> sigma^2 tr(F) I_m. With the flow dW/dt = 2 W Sigma - (W W^T) W Sigma
 * - (W Sigma W^T) W, the ansatz W(t) = W(0) exp(-alpha Sigma - beta) closes with
 * alpha' = g(t) - 2, beta' = m1(t), alpha(0) = beta(0) = 0, where
 * g(t) = g e^{-2 beta} int e^{-2 alpha l} dmu_gamma (so W W^T -> g(t) I_m) and
 * m1(t) = g e^{-2 beta} int l e^{-2 alpha l} dmu_gamma (W Sigma W^T -> m1(t) I_m). Then
 * tr(A Sigma) = m m1, tr(A Sigma A) = m m1 g(t), tr A = m g(t), tr A^2 = m g(t)^2:
 * (L_tr - tr(Sigma)/2)/m -> m1 (g(t) - 2)/2 and (L_pop - d/2)/m -> g(t) (g(t) - 2)/2.
 *
 * <p>Numerics: at late times alpha -> -infinity and beta -> +infinity (linearly) while the rows of
 * W align with the top of the spectrum, so the ODE is integrated for (alpha, zeta = alpha l+ +
 * beta), zeta' = (g - 2) l+ + m1, and the integrands are e^{2 alpha (l+ - l) - 2 zeta} (...),
 * with l+ - l supplied by the quadrature without cancellation: no overflow, underflow or
 * cancellation. Integrals by the adaptive MP quadrature; the ODE by Commons Math's
 * DormandPrince853 with absolute and relative tolerance {@code tol} (default 1e-12). Note
 * g' = -4 m1 (g - 1): g(t) -> 1 monotonically (W W^T -> I_m), and g = 1 is a fixed point.
 * For gamma = 0 (n = infinity) g(t) is the logistic g/(g + (1 - g) e^{-4t}).
 */
public final class NarrowLatentLimit implements RegimeLimit {
    public static final double DEFAULT_TOLERANCE = 1e-12;
    private final double tolerance;

    public NarrowLatentLimit() {
        this(DEFAULT_TOLERANCE);
    }

    /** With absolute and relative ODE tolerance {@code tolerance}. */
    public NarrowLatentLimit(double tolerance) {
        if (!(tolerance > 0)) throw new IllegalArgumentException("tolerance must be > 0");
        this.tolerance = tolerance;
    }

    @Override
    public String regime() {
        return "narrow-latent";
    }

    @Override
    public List<String> parameterNames() {
        return List.of("g", "gamma");
    }

    @Override
    public String normalisation() {
        return "(E L_tr - d/2)/m and (E L_pop - d/2)/m (g = sigma^2 d, gamma = d/n; m/d -> 0; E tr(Sigma) = d)";
    }

    @Override
    public String timeUnit() {
        return "t";
    }

    /**
     * [g(t), m1(t)] at state (alpha, zeta), zeta = alpha l+ + beta: the exponent
     * -2(alpha l + beta) = 2 alpha (l+ - l) - 2 zeta is formed without cancellation.
     */
    static double[] moments(MarchenkoPastur mp, double g0, double alpha, double zeta, double quadTol) {
        double[] gm = mp.integrate(2, (l, u, out) -> {
            double e = Math.exp(2 * alpha * u - 2 * zeta);
            out[0] = e;
            out[1] = l * e;
        }, quadTol);
        return new double[] {g0 * gm[0], g0 * gm[1]};
    }

    @Override
    public LimitCurve curve(Map<String, Double> params, double[] times) {
        Params.requireExactly(regime(), parameterNames(), params);
        double g0 = Params.nonNegative(regime(), params, "g", false);
        double gamma = Params.nonNegative(regime(), params, "gamma", false);
        Params.requireTimes(times);
        MarchenkoPastur mp = new MarchenkoPastur(gamma);
        double top = mp.upperEdge();
        double quadTol = Math.max(1e-14, Math.min(1e-13, tolerance * 1e-2));
        // state (alpha, zeta = alpha l+ + beta): alpha' = g - 2, zeta' = (g - 2) l+ + m1
        FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return 2;
            }

            @Override
            public void computeDerivatives(double t, double[] state, double[] dot) {
                double[] gm = moments(mp, g0, state[0], state[1], quadTol);
                dot[0] = gm[0] - 2;
                dot[1] = (gm[0] - 2) * top + gm[1];
            }
        };
        FirstOrderIntegrator integrator = new DormandPrince853Integrator(1e-14, Double.POSITIVE_INFINITY, tolerance, tolerance);
        double[] train = new double[times.length];
        double[] pop = new double[times.length];
        Params.march(ode, integrator, new double[] {0, 0}, times, (state, i) -> {
            double[] gm = moments(mp, g0, state[0], state[1], quadTol);
            train[i] = gm[1] * (gm[0] - 2) / 2;
            pop[i] = gm[0] * (gm[0] - 2) / 2;
        });
        return new LimitCurve(times.clone(), train, pop);
    }

    @Override
    public LimitSeries taylor(Map<String, Rational> params, int maxOrder) {
        Params.requireExactly(regime(), parameterNames(), params);
        Rational g0 = Params.nonNegativeExact(regime(), params, "g", false);
        Rational gamma = Params.nonNegativeExact(regime(), params, "gamma", false);
        Params.requireOrder(maxOrder);
        RationalSeries[] gm = seriesOfMoments(g0, gamma, maxOrder);
        RationalSeries gMinus2 = gm[0].addConstant(Rational.of(-2));
        Rational half = Rational.of(1, 2);
        return new LimitSeries(gm[1].multiply(gMinus2).scale(half).derivatives(), gm[0].multiply(gMinus2).scale(half).derivatives());
    }

    /**
     * The exact series on data with a covariance C (moments {@code moments.get(k-1)} = C_k = tr(C^k)/d). The flow sees
     * the data only through Sigma, so the ansatz closes as before with Sigma's law the free multiplicative convolution
     * of Marchenko-Pastur(gamma) with C's law; the population loss under C needs one more function,
     * gC(t) = g e^{-2 beta} phi(e^{-2 alpha Sigma} C) (tr(A C) -> m gC, tr(A C A) -> m g(t) gC), so
     * (L_pop - tr(C)/2)/m -> gC(t) (g(t) - 2)/2. Moments phi(Sigma^k) and phi(Sigma^k C) by {@link FreeMoments}.
     * With every C_k = 1 this is {@link #taylor}.
     */
    public static LimitSeries taylorWithCovariance(Rational g0, Rational gamma, List<Rational> moments, int maxOrder) {
        if (moments.size() < maxOrder + 2) throw new IllegalArgumentException("order " + maxOrder + " needs C_1..C_" + (maxOrder + 2));
        IntFunction<Rational> wishart = j -> gamma.pow(j - 1);
        List<Rational> sigma = new ArrayList<>(); // phi(Sigma^k), k = 0..order+1
        List<Rational> weighted = new ArrayList<>(); // phi(Sigma^k C)
        for (int k = 0; k <= maxOrder + 1; k++) {
            sigma.add(k == 0 ? Rational.ONE : FreeMoments.alternating(k, wishart, w -> moments.get(w.length - 1)));
            int last = k - 1;
            weighted.add(k == 0 ? moments.get(0) : FreeMoments.alternating(k, wishart, w -> moments.get(w.length - 1 + (contains(w, last) ? 1 : 0))));
        }
        RationalSeries[] gm = seriesOfMoments(g0, sigma, maxOrder);
        List<Rational> phiC = transformed(weighted, maxOrder);
        RationalSeries[] gc = seriesOfMoments(g0, sigma, maxOrder, phiC);
        RationalSeries gMinus2 = gm[0].addConstant(Rational.of(-2));
        Rational half = Rational.of(1, 2);
        return new LimitSeries(gm[1].multiply(gMinus2).scale(half).derivatives(), gc[2].multiply(gMinus2).scale(half).derivatives());
    }

    private static boolean contains(int[] block, int i) {
        for (int x : block) if (x == i) return true;
        return false;
    }

    /** (-2)^k/k! times the k-th of {@code values}, k = 0..order: the series of the integrals against e^{-2 alpha l}. */
    private static List<Rational> transformed(List<Rational> values, int order) {
        List<Rational> out = new ArrayList<>();
        Rational c = Rational.ONE;
        for (int k = 0; k <= order; k++) {
            if (k > 0) c = c.multiply(Rational.of(-2)).divide(Rational.of(k));
            out.add(c.multiply(values.get(k)));
        }
        return out;
    }

    /** As {@link #seriesOfMoments(Rational, Rational, int)} for Sigma's moments {@code sigma} (k = 0..order+1). */
    static RationalSeries[] seriesOfMoments(Rational g0, List<Rational> sigma, int order) {
        return seriesOfMoments(g0, sigma, order, null);
    }

    /** The same, and (third) the series of g e^{-2 beta} times the integral with the weights {@code extra} (transformed). */
    private static RationalSeries[] seriesOfMoments(Rational g0, List<Rational> sigma, int order, List<Rational> extra) {
        List<Rational> phi0 = transformed(sigma, order);
        List<Rational> phi1 = transformed(sigma.subList(1, sigma.size()), order);
        List<Rational> alpha = new ArrayList<>(List.of(Rational.ZERO));
        List<Rational> beta = new ArrayList<>(List.of(Rational.ZERO));
        for (int s = 0; s < order; s++) {
            RationalSeries[] gm = moments(g0, phi0, phi1, alpha, beta, s);
            alpha.add(gm[0].coefficient(s).subtract(s == 0 ? Rational.of(2) : Rational.ZERO).divide(Rational.of(s + 1)));
            beta.add(gm[1].coefficient(s).divide(Rational.of(s + 1)));
        }
        RationalSeries[] gm = moments(g0, phi0, phi1, alpha, beta, order);
        if (extra == null) return gm;
        RationalSeries a = RationalSeries.of(alpha, order);
        RationalSeries decay = RationalSeries.of(beta, order).scale(Rational.of(-2)).exp().scale(g0);
        return new RationalSeries[] {gm[0], gm[1], decay.multiply(a.composeInto(extra))};
    }

    /**
     * Exact series of [g(t), m1(t)] to order S: alpha and beta are built order by order
     * (alpha_{s+1} = (g_s - 2 [s = 0])/(s + 1), beta_{s+1} = m1_s/(s + 1)), with
     * int l^j e^{-2 alpha l} dmu = sum_k M_{k+j}(gamma) (-2 alpha)^k / k! and e^{-2 beta} as series.
     */
    static RationalSeries[] seriesOfMoments(Rational g0, Rational gamma, int order) {
        List<Rational> sigma = new ArrayList<>();
        for (int k = 0; k <= order + 1; k++) sigma.add(Narayana.mpMoment(k, gamma));
        return seriesOfMoments(g0, sigma, order);
    }

    private static RationalSeries[] moments(Rational g0, List<Rational> phi0, List<Rational> phi1, List<Rational> alpha,
            List<Rational> beta, int order) {
        RationalSeries a = RationalSeries.of(alpha, order);
        RationalSeries decay = RationalSeries.of(beta, order).scale(Rational.of(-2)).exp().scale(g0);
        return new RationalSeries[] {decay.multiply(a.composeInto(phi0)), decay.multiply(a.composeInto(phi1))};
    }
}
