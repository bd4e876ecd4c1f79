package org.prism.autoencoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.prism.algebra.Rational;

/**
 * Free regime (sigma^2 d ~ sigma^2 m >> 1, n = infinity): no closed form is known; only its two
 * end laws, each on times t ~ 1/(sigma^2 d):
 * <ul>
 * <li>{@code free-narrow} (m << d, parameter g = sigma^2 d): E L(t)/E L(0) -> (1 + 4 g t)^{-2};
 * the g >> 1 end of the narrow-latent limit at gamma = 0, whose g(t) is the logistic
 * g/(g + (1 - g) e^{-4t}) ~ g/(1 + 4 g t) and (E L - d/2)/m = g(t)(g(t) - 2)/2 ~ g(t)^2/2;
 * <li>{@code free-wide} (m >> d, parameter a0 = sigma^2 m): E L(t)/E L(0) -> (1 + 4 a0 t)^{-2};
 * the a0 >> 1 end of the mean-field limit at gamma = 0, a(t) ~ a0/(1 + 4 a0 t).
 * </ul>
 * Both also follow from the large-data series: as g -> infinity the leading g^{s+2} part of f_s is
 * a polynomial in y whose lowest (y^1) and highest (y^{s+2}) terms are y/2 (-4)^s (s+1)! and
 * y^{s+2}/2 (-4)^s (s+1)! (checked to s = 8). Train = pop (n = infinity).
 */
public final class FreeLimit implements RegimeLimit {
    private final boolean narrow;

    private FreeLimit(boolean narrow) {
        this.narrow = narrow;
    }

    /** The m << d end law (1 + 4 g t)^{-2}. */
    public static FreeLimit narrow() {
        return new FreeLimit(true);
    }

    /** The m >> d end law (1 + 4 a0 t)^{-2}. */
    public static FreeLimit wide() {
        return new FreeLimit(false);
    }

    private String parameter() {
        return narrow ? "g" : "a0";
    }

    @Override
    public String regime() {
        return narrow ? "free-narrow" : "free-wide";
    }

    @Override
    public List<String> parameterNames() {
        return List.of(parameter());
    }

    @Override
    public String normalisation() {
        return narrow ? "E L(t) / E L(0), end law for m << d, g = sigma^2 d >> 1 (train = pop, n = infinity)"
                : "E L(t) / E L(0), end law for m >> d, a0 = sigma^2 m >> 1 (train = pop, n = infinity)";
    }

    @Override
    public String timeUnit() {
        return narrow ? "t (the law lives on t ~ 1/g)" : "t (the law lives on t ~ 1/a0)";
    }

    @Override
    public LimitCurve curve(Map<String, Double> params, double[] times) {
        Params.requireExactly(regime(), parameterNames(), params);
        double p = Params.nonNegative(regime(), params, parameter(), false);
        Params.requireTimes(times);
        double[] loss = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            double x = 1 + 4 * p * times[i];
            loss[i] = 1 / (x * x);
        }
        return new LimitCurve(times.clone(), loss, loss.clone());
    }

    @Override
    public LimitSeries taylor(Map<String, Rational> params, int maxOrder) {
        Params.requireExactly(regime(), parameterNames(), params);
        Rational p = Params.nonNegativeExact(regime(), params, parameter(), false);
        Params.requireOrder(maxOrder);
        // (1 + x)^{-2} = sum_s (-1)^s (s + 1) x^s, x = 4 p t: f_s = (-4p)^s (s + 1)!
        List<Rational> f = new ArrayList<>();
        Rational factorial = Rational.ONE;
        for (int s = 0; s <= maxOrder; s++) {
            factorial = factorial.multiply(s + 1);
            f.add(p.multiply(-4).pow(s).multiply(factorial));
        }
        return new LimitSeries(f, f);
    }
}
