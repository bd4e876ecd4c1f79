package org.prism.autoencoder;

import java.util.List;
import java.util.Map;
import org.prism.algebra.Rational;

/**
 * The limiting expected loss curve of the weight-tied linear autoencoder on one face (regime) of
 * the prism: numerically at given times, and as exact Taylor coefficients in rational arithmetic.
 *
 * <p>Conventions (docs/contracts.md, Conventions): W is m x d with iid N(0, sigma^2) entries, X is d x n with iid
 * N(0, 1) entries, gradient flow on L_tr with time unit 1. Each regime states its own
 * normalisation of the loss and its time variable; the Taylor coefficients f_s are those of that
 * normalised curve in that time variable: f(t) = sum_s f_s t^s / s!.
 */
public interface RegimeLimit {
    /** The regime's name, e.g. {@code "large-data"}. */
    String regime();

    /** The parameters the limit depends on, in a fixed order, e.g. {@code [g, y]}. */
    List<String> parameterNames();

    /** How the losses are normalised, e.g. {@code "E L / d"}. */
    String normalisation();

    /** The time variable of {@link #curve} and {@link #taylor}, e.g. {@code "t"} or {@code "tau = (d/n) t"}. */
    String timeUnit();

    /**
     * The limiting curves at the given (non-negative) times; {@code pop} (or {@code train}) is
     * null where the regime does not define it.
     *
     * @throws IllegalArgumentException for missing, unknown or out-of-range parameters, or negative times
     */
    LimitCurve curve(Map<String, Double> params, double[] times);

    /**
     * Exact Taylor coefficients f_0..f_maxOrder of the normalised curves at rational parameters
     * (null where undefined).
     *
     * @throws IllegalArgumentException for missing, unknown or out-of-range parameters, or a negative order
     */
    LimitSeries taylor(Map<String, Rational> params, int maxOrder);
}
