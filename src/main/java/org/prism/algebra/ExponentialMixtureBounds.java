package org.prism.algebra;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Two-sided bounds for a curve known by its first derivatives at 0, $f(\tau) = \sum_s f_s \tau^s / s!$ (the
 * convention of every series here), under the hypothesis that it
 * relaxes as a positive mixture of decaying exponentials:
 * $$f(\tau) = f(\infty) + \int_0^\infty e^{-x\tau}\, d\rho(x), \quad \rho \ge 0,$$
 * which holds exactly for linear models (the loss of gradient flow on a quadratic is such a mixture over the
 * spectrum of its Hessian) and is a hypothesis elsewhere.
 *
 * <p>Then $-f'(\tau) = \int e^{-x\tau}\, d\nu$ with $\nu = x \rho \ge 0$, whose moments are known exactly:
 * $\nu_k = (-1)^{k+1} f_{k+1}$, $k = 0..S-1$; and $f(0) - f(\tau) = \int h_\tau\, d\nu$ with
 * $h_\tau(x) = (1 - e^{-x\tau})/x$ ($= \tau$ at $x = 0$), completely monotone in $x$. By the Markov–Krein theorem
 * ({@link StieltjesBounds#ofMoments}) the change ranges exactly between its values at the two principal
 * representations of $\nu_0..\nu_{S-1}$, so $f(\tau)$ ranges between $f_0$ minus those. When the Hankel test on the
 * $\nu_k$ fails, no such mixture has these coefficients and there are no bounds. Needs $S \ge 3$; cost as
 * {@link StieltjesBounds}.
 */
public final class ExponentialMixtureBounds {
    private final double f0;
    private final StieltjesBounds change;

    private ExponentialMixtureBounds(double f0, StieltjesBounds change) {
        this.f0 = f0;
        this.change = change;
    }

    /** The bounds from the derivatives $f_0..f_S$, or empty when $S < 3$ or no positive mixture of decaying exponentials has them. */
    public static Optional<ExponentialMixtureBounds> of(List<Rational> f) {
        int s = f.size() - 1;
        if (s < 3) return Optional.empty();
        List<Rational> nu = new ArrayList<>();
        for (int k = 0; k < s; k++) nu.add(k % 2 == 0 ? f.get(k + 1).negate() : f.get(k + 1));
        return StieltjesBounds.ofMoments(nu, ExponentialMixtureBounds::relaxed)
                .map(b -> new ExponentialMixtureBounds(f.get(0).doubleValue(), b));
    }

    /** {lower, upper} of $f(\tau)$ over every mixture with these coefficients ({@code tau >= 0}). */
    public double[] at(double tau) {
        double[] c = change.at(tau);
        return new double[] {f0 - c[1], f0 - c[0]};
    }

    /** $(1 - e^{-x\tau})/x$, by {@code expm1} so that small $x\tau$ keep their digits; $\tau$ at $x = 0$. */
    private static double relaxed(double x, double tau) {
        return x * tau == 0 ? tau : -Math.expm1(-x * tau) / x;
    }
}
