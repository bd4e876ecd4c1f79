package org.prism.autoencoder;

import org.prism.algebra.FreeMoments;
import org.prism.algebra.MarchenkoPastur;
import org.prism.algebra.Narayana;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.prism.algebra.Rational;

/**
 * Mean-field regime (m/d -> infinity with a0 = sigma^2 m and gamma = d/n fixed): A(0) -> a0 I, so
 * A(t) stays a function of Sigma; on an eigenvector of Sigma with eigenvalue l,
 * a_l(t) = a0 / (a0 + (1 - a0) e^{-4 l t}), and
 * L_tr/d -> 1/2 int l (a_l - 1)^2 dmu_gamma, L_pop/d -> 1/2 int (a_l - 1)^2 dmu_gamma
 * (mu_gamma the Marchenko-Pastur law; its atom at 0 for gamma > 1 does not move and contributes
 * (1 - 1/gamma)(a0 - 1)^2/2 to L_pop only).
 *
 * <p>Exact series: a_l(t) = F(l t) with F the logistic F' = 4F(1 - F), F(0) = a0, so the t^s
 * coefficient of (a_l - 1)^2 is q_s l^s with q_s rational in a0, and the integrals are MP moments
 * (Narayana polynomials in gamma).
 */
public final class MeanFieldLimit implements RegimeLimit {
    private final double tolerance;

    public MeanFieldLimit() {
        this(MarchenkoPastur.DEFAULT_TOLERANCE);
    }

    /** With the given relative tolerance of the adaptive MP quadrature. */
    public MeanFieldLimit(double tolerance) {
        this.tolerance = tolerance;
    }

    @Override
    public String regime() {
        return "mean-field";
    }

    @Override
    public List<String> parameterNames() {
        return List.of("a0", "gamma");
    }

    @Override
    public String normalisation() {
        return "E L_tr / d and E L_pop / d (a0 = sigma^2 m, gamma = d/n; m/d -> infinity)";
    }

    @Override
    public String timeUnit() {
        return "t";
    }

    /** a_l(t) - 1 = -(1 - a0) e^{-4lt} / (a0 + (1 - a0) e^{-4lt}), without cancellation. */
    static double deviation(double a0, double l, double t) {
        double e = Math.exp(-4 * l * t);
        return -(1 - a0) * e / (a0 + (1 - a0) * e);
    }

    @Override
    public LimitCurve curve(Map<String, Double> params, double[] times) {
        Params.requireExactly(regime(), parameterNames(), params);
        double a0 = Params.nonNegative(regime(), params, "a0", false);
        double gamma = Params.nonNegative(regime(), params, "gamma", false);
        Params.requireTimes(times);
        MarchenkoPastur mp = new MarchenkoPastur(gamma);
        double[] train = new double[times.length];
        double[] pop = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            train[i] = 0.5 * mp.integrate(l -> {
                double dev = deviation(a0, l, t);
                return l * dev * dev;
            }, tolerance);
            pop[i] = 0.5 * mp.integrate(l -> {
                double dev = deviation(a0, l, t);
                return dev * dev;
            }, tolerance);
        }
        return new LimitCurve(times.clone(), train, pop);
    }

    @Override
    public LimitSeries taylor(Map<String, Rational> params, int maxOrder) {
        Params.requireExactly(regime(), parameterNames(), params);
        Rational a0 = Params.nonNegativeExact(regime(), params, "a0", false);
        Rational gamma = Params.nonNegativeExact(regime(), params, "gamma", false);
        Params.requireOrder(maxOrder);
        List<Rational> q = squaredDeviationSeries(a0, maxOrder);
        List<Rational> train = new ArrayList<>();
        List<Rational> pop = new ArrayList<>();
        Rational factorial = Rational.ONE;
        Rational half = Rational.of(1, 2);
        for (int s = 0; s <= maxOrder; s++) {
            if (s > 0) factorial = factorial.multiply(s);
            Rational base = q.get(s).multiply(factorial).multiply(half);
            train.add(base.multiply(Narayana.mpMoment(s + 1, gamma)));
            pop.add(base.multiply(Narayana.mpMoment(s, gamma)));
        }
        return new LimitSeries(train, pop);
    }

    /**
     * The exact series on data with a covariance C (moments {@code moments.get(k-1)} = C_k = tr(C^k)/d): each
     * eigendirection of Sigma still learns alone, Sigma's law is now the free multiplicative convolution of
     * Marchenko-Pastur(gamma) with C's law, and the population loss weighs each direction by C. So
     * f_s(train) = s! q_s/2 phi((W C)^{s+1}) and f_s(pop) = s! q_s/2 phi((W C)^s C), W white Wishart of ratio gamma
     * (free cumulants gamma^{j-1}), by {@link FreeMoments}. With every C_k = 1 this is {@link #taylor}.
     */
    public static LimitSeries taylorWithCovariance(Rational a0, Rational gamma, List<Rational> moments, int maxOrder) {
        if (moments.size() < maxOrder + 1) throw new IllegalArgumentException("order " + maxOrder + " needs C_1..C_" + (maxOrder + 1));
        List<Rational> q = squaredDeviationSeries(a0, maxOrder);
        IntFunction<Rational> wishart = j -> gamma.pow(j - 1);
        List<Rational> train = new ArrayList<>();
        List<Rational> pop = new ArrayList<>();
        Rational factorial = Rational.ONE;
        for (int s = 0; s <= maxOrder; s++) {
            if (s > 0) factorial = factorial.multiply(s);
            Rational base = q.get(s).multiply(factorial).multiply(Rational.of(1, 2));
            train.add(base.multiply(FreeMoments.alternating(s + 1, wishart, w -> moments.get(w.length - 1))));
            int last = s - 1;
            // phi((W C)^s C): the block of positions holding the last C holds one C more
            Rational weighted = s == 0 ? moments.get(0) : FreeMoments.alternating(s, wishart,
                    w -> moments.get(w.length - 1 + (contains(w, last) ? 1 : 0)));
            pop.add(base.multiply(weighted));
        }
        return new LimitSeries(train, pop);
    }

    private static boolean contains(int[] block, int i) {
        for (int x : block) if (x == i) return true;
        return false;
    }

    /**
     * Ordinary Taylor coefficients q_0..q_order of (F(tau) - 1)^2, where F' = 4F(1 - F), F(0) = a0
     * (recursion F_{k+1} = 4 (F_k - sum_i F_i F_{k-i}) / (k + 1)).
     */
    static List<Rational> squaredDeviationSeries(Rational a0, int order) {
        List<Rational> f = new ArrayList<>();
        f.add(a0);
        for (int k = 0; k < order; k++) {
            Rational sq = Rational.ZERO;
            for (int i = 0; i <= k; i++) sq = sq.add(f.get(i).multiply(f.get(k - i)));
            f.add(f.get(k).subtract(sq).multiply(4).divide(Rational.of(k + 1)));
        }
        RationalSeries dev = RationalSeries.of(f, order).addConstant(Rational.MINUS_ONE);
        RationalSeries sq = dev.multiply(dev);
        List<Rational> q = new ArrayList<>();
        for (int s = 0; s <= order; s++) q.add(sq.coefficient(s));
        return q;
    }
}
