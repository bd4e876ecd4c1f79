package org.prism.autoencoder;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.prism.algebra.Rational;
import org.prism.autoencoder.LimitCurve;
import org.prism.autoencoder.LimitSeries;
import org.prism.autoencoder.Params;
import org.prism.autoencoder.RegimeLimit;
import org.prism.diagram.ExpectedLoss;
import org.prism.diagram.LossCoefficients;
import org.prism.model.MatrixModel;
import org.prism.model.Models;
import org.prism.regime.DerivedPrism;
import org.prism.regime.PrismDerivation;


/**
 * The free regime at $(y, \gamma)$, where no closed form is known (the fifth limit formula of the paper): the exact
 * face series of each loss from the leading-order engine, $c_0..c_S$, resummed by Padé approximants
 * ({@link FreeResummation}); curves are $E L(\tau)/E L(0)$ in $\tau = \sigma^2 d\, t$, with the spread
 * between the two best approximants as their error estimate.
 *
 * <p>This curve comes from the diagrams, so it is deliberately not one of
 * {@link org.prism.autoencoder.RegimeLimits}: cross-check A compares the diagrams with independent
 * formulas only. Cost: the leading-order engine to order $S$ for both losses, about 6 s at $S = 10$
 * (cached per loss and order).
 */
public final class ResummedFreeLimit implements RegimeLimit {
    public static final String NAME = "free";
    public static final int DEFAULT_ORDER = 10;
    /**
     * The leading-order engine's last order for the tied autoencoder (see docs/benchmarks.md): 12, about
     * 3 minutes and at most 4.4 GB of live heap for both series. At gamma > 0 order 12 is markedly better than 10: against the free
     * dynamics simulated at d = 256, 512 and extrapolated in 1/d, y = 1, gamma = 1/2, its pop curve is
     * within 0.2% at tau <= 1 and 1.5% at tau = 3, order 10's 1.3% and 8.5% off (with a spread of 0.03%
     * and 0.7%: order 10's spread understates its error there).
     */
    public static final int MAX_ORDER = 12;

    private static final Map<String, FreeResummation> CACHE = new ConcurrentHashMap<>();

    private final int order;

    /** Resums the face series $c_0..c_{order}$, {@code 2 <= order <= 12}. */
    public ResummedFreeLimit(int order) {
        if (order < 2 || order > MAX_ORDER) throw new IllegalArgumentException("the free face series order must be between 2 and " + MAX_ORDER + ", got " + order);
        this.order = order;
    }

    /** The last order of the resummed series. */
    public int order() {
        return order;
    }

    /**
     * Whether the spread printed with the curves is known to understate the error: below order 12 at
     * gamma > 0 (measured against the simulated free dynamics, see {@link #MAX_ORDER}).
     */
    public boolean spreadUnderstatesError(Map<String, Rational> params) {
        Rational gamma = params.get("gamma");
        return order < MAX_ORDER && gamma != null && gamma.signum() > 0;
    }

    /** The Padé resummation of one loss's free face series $c_0..c_{order}$ (cached; order 10 takes a few seconds). */
    public static FreeResummation resummation(String loss, int order) {
        return resummation(loss, order, () -> {});
    }

    /**
     * As {@link #resummation(String, int)}, with the leading-order coefficients read from {@code coefficients} (the
     * tied autoencoder's, e.g. through the run store).
     */
    public static FreeResummation resummation(String loss, int order, ExpectedLoss coefficients) {
        return resummation(loss, order, () -> {}, coefficients);
    }

    /** As {@link #resummation(String, int)}, calling {@code step} after each coefficient computed. */
    private static FreeResummation resummation(String loss, int order, Runnable step) {
        return resummation(loss, order, step, null);
    }

    private static FreeResummation resummation(String loss, int order, Runnable step, ExpectedLoss coefficients) {
        return CACHE.computeIfAbsent(loss + "/" + order, key -> {
            MatrixModel model = Models.tiedAutoencoder();
            ExpectedLoss cs = coefficients != null ? coefficients : LossCoefficients.leading(model, loss);
            DerivedPrism prism = new PrismDerivation(model, RegimeNames.TIED_AUTOENCODER).derive(loss, cs, order, s -> step.run());
            return FreeResummation.of(prism, prism.coefficients(), Models.tiedAutoencoderRatios());
        });
    }

    /** Exactly y and gamma, both >= 0 (one-line IllegalArgumentException otherwise). */
    public void requireParameters(Map<String, Rational> params) {
        Params.requireExactly(NAME, parameterNames(), params);
        Params.nonNegativeExact(NAME, params, "y", true); // y = 0 is the free-narrow end law, where E L(0) of this face vanishes
        Params.nonNegativeExact(NAME, params, "gamma", false);
    }

    /** Computes both losses' series now ($2(S+1)$ coefficients, each followed by {@code step}); later calls reuse them. */
    public void prepare(Runnable step) {
        for (String loss : List.of("train", "pop")) resummation(loss, order, step);
    }

    @Override
    public String regime() {
        return NAME;
    }

    @Override
    public List<String> parameterNames() {
        return List.of("y", "gamma");
    }

    @Override
    public String normalisation() {
        return "E L_tr(tau)/E L_tr(0) and E L_pop(tau)/E L_pop(0) (y = m/d, gamma = d/n; sigma^2 d ~ sigma^2 m -> infinity); "
                + "no closed form: the exact face series to order " + order + ", resummed by Pade approximants for curves";
    }

    @Override
    public String timeUnit() {
        return "tau = sigma^2 d t";
    }

    /** Both resummed curves at the given times, with their spreads and approximants. */
    public record Curves(FreeResummation.Curve train, FreeResummation.Curve pop) {}

    /**
     * The resummed curves at $(y, \gamma)$ (exact) and times {@code taus} (>= 0).
     *
     * @throws IllegalArgumentException for bad parameters or times beyond every pole-free approximant
     */
    public Curves curves(Map<String, Rational> params, double[] taus) {
        requireParameters(params);
        Rational y = params.get("y");
        Rational gamma = params.get("gamma");
        Params.requireTimes(taus);
        try {
            Curves c = new Curves(resummation("train", order).curve(y, gamma, taus), resummation("pop", order).curve(y, gamma, taus));
            Params.requireFinite(NAME, taus, c.train().ratio());
            Params.requireFinite(NAME, taus, c.pop().ratio());
            return c;
        } catch (IllegalStateException noApproximant) {
            throw new IllegalArgumentException("no Pade approximant of the free face series to order " + order
                    + " is pole-free up to the last time asked; ask for smaller times");
        }
    }

    @Override
    public LimitCurve curve(Map<String, Double> params, double[] times) {
        Map<String, Rational> exact = new HashMap<>();
        params.forEach((k, v) -> exact.put(k, v == null || !Double.isFinite(v) ? null : exact(v)));
        Curves c = curves(exact, times);
        return new LimitCurve(times.clone(), c.train().ratio(), c.pop().ratio());
    }

    /** $f_s/f_0$, $s = 0..maxOrder$ ({@code maxOrder <=} the order), exactly: the face series of $E L(\tau)/E L(0)$. */
    @Override
    public LimitSeries taylor(Map<String, Rational> params, int maxOrder) {
        requireParameters(params);
        Rational y = params.get("y");
        Rational gamma = params.get("gamma");
        if (maxOrder < 0 || maxOrder > order) throw new IllegalArgumentException("the free face series is computed to order " + order + ", got " + maxOrder);
        return new LimitSeries(derivatives(resummation("train", order).taylor(y, gamma), maxOrder),
                derivatives(resummation("pop", order).taylor(y, gamma), maxOrder));
    }

    /** $a_s s!$ for $s \le$ {@code maxOrder}: from the coefficients of $\tau^s$ to those of $\tau^s/s!$. */
    private static List<Rational> derivatives(List<Rational> a, int maxOrder) {
        List<Rational> f = new ArrayList<>();
        Rational fact = Rational.ONE;
        for (int s = 0; s <= maxOrder; s++) {
            if (s > 0) fact = fact.multiply(Rational.of(s));
            f.add(a.get(s).multiply(fact));
        }
        return f;
    }

    private static Rational exact(double v) {
        BigDecimal b = new BigDecimal(v);
        return b.scale() <= 0 ? Rational.of(b.toBigIntegerExact()) : Rational.of(b.unscaledValue(), BigInteger.TEN.pow(b.scale()));
    }
}
