package org.prism.autoencoder.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.prism.algebra.Rational;
import org.prism.diagram.ModelEngine;
import org.prism.autoencoder.FreeResummation;
import org.prism.autoencoder.ResummedFreeLimit;
import org.prism.autoencoder.RegimeLimits;

/**
 * The default scaling paths, one per regime (five for the free regime). Sizes double from step to
 * step; {@code sizes} steps from the smallest size given below (the default count is the one stated
 * per path). {@code seeds} is the number of runs at the largest size; a size {@code j} halvings
 * below the largest gets {@code seeds * 2^j} runs, at most {@code 8 seeds} (small sizes are cheap
 * and noisier). {@code quick}: the smallest 3 sizes, 2 runs at the largest (for tests).
 *
 * <p>Choices (measured on the 2-core machine with {@code prism compare --regime R}, default options;
 * each regime runs in 10-60 s):
 * <ul>
 * <li><b>large-data</b>: g = sigma^2 d = 1/2, y = m/d = 1/2, d = 32, 64, 128, 256, m = d/2,
 * n = d^2 (gamma = 1/d -> 0); t in [0, 3]; L/d; 4 runs at d = 256. n = d^2 rather than d^2/4:
 * the train loss lies below the limit by about gamma times a constant over this time range (the
 * training set's own top-m directions are being fitted; at t -> infinity the gap becomes
 * ~0.85 sqrt(gamma)), which at n = d^2/4 leaves 5% at d = 256; the population loss is within 0.1%.
 * <li><b>mean-field</b>: a0 = sigma^2 m = 1/2, gamma = d/n = 1/2, d = 32, 64, 128, 256 with
 * m = 4 d^2 (y = m/d = 4d), n = 2d; t in [0, 3]; L/d; 16 runs at d = 256; simulated by the exact
 * Gram reduction ({@link ScalingPath.Step#gramReduced}), which makes such m affordable. y must be
 * large: the corrections grow to ~ 2 d/m at late times (the full m x d simulation along
 * m = 4d, 8d, 16d for d = 16, 32, 64 left 14% (train) and 23% (pop) at d = 64, a0 = 1/4; 6% and 6% at
 * d = 128, m = 32 d), and the population loss at late times is carried by the lower
 * edge of the Marchenko-Pastur law, where the finite-d correction decays slowly (measured at
 * t = 3: 4.1% +- 0.8% at d = 128, 2.8% +- 0.8% at d = 256).
 * <li><b>narrow-latent</b>: g = 1/2, gamma = 1/2, m = 4, d = 64, 128, 256, 512, n = 2d; t in [0, 3];
 * (L_tr - tr(Sigma)/2)/m per run and (L_pop - d/2)/m; 16 runs at d = 512. g = 1/2 (not 2): at
 * g = 2 the population curve g(t)(g(t) - 2)/2 starts at 0, where a relative error means
 * nothing; at g = 1/2 it moves from -0.375 to -0.5 (and the train curve from -0.375 to -1.33).
 * <li><b>small-data</b>: g = 1/2, y = 1/2, n = 8, d = 64, 128, 256, 512, m = d/2;
 * tau = (d/n) t in [0, 2] (the train loss falls to 2% of its start by tau = 2); L_tr/d and
 * (L_pop(t) - L_pop(0))/n; 4 runs at d = 512 (a run costs ~5e10 multiply-adds there).
 * <li><b>free-narrow</b>: m = 4, d = 64 .. 512, sigma^2 = 1 (g = sigma^2 d = d), n = infinity;
 * tau = g t in [0, 1]; L/E L(0) against (1 + 4 tau)^-2; 32 runs at d = 512. (With g = d/4 the
 * d/2 floor of L, relative size d/(m g(t)^2), leaves 15% at d = 512.)
 * <li><b>free-wide</b>: d = 4, m = 64 .. 512, sigma^2 = 1 (a0 = m), n = infinity; tau = a0 t in
 * [0, 1]; against (1 + 4 tau)^-2; 32 runs at m = 512.
 * <li><b>free-y1-gamma0</b>: y = 1, d = m = 16 .. 128, sigma^2 = 1 (g = d), n = infinity;
 * tau = sigma^2 d t in [0, 1]; L_pop/E L(0) against the closed form at gamma = 0 (and the Padé
 * resummation of the face series, drawn dashed); 4 runs at d = 128.
 * <li><b>free-y1-gamma-half</b>: the same with n = 2d (gamma = 1/2), against the Padé resummation
 * of the exact face series of the population loss (orders 0..12; 0..6 when quick).
 * <li><b>free-dynamics-y1-gamma-half</b>: the free regime's own flow (the top-degree part of the loss
 * drives it, {@code examples/tied-autoencoder-free.prism}) at d = m = 32 .. 256, n = 2d, sigma^2 = 1,
 * tau = sigma^2 d t in [0, 1], against the same resummation. The full model's path above approaches
 * the face through g = sigma^2 d -> infinity as well, so its error mixes 1/g with the finite-size
 * corrections; here only the finite-size (non-planar) corrections remain, so this checks the
 * resummed face series itself. 4 runs at d = 256, on the generic simulator.
 * </ul>
 * All runs: RK4, the gradient-flow reference; halving its step changes the mean curves by at most
 * 5e-5 relatively (mean-field), 1e-6 or less elsewhere (checked by a test at the smallest sizes).
 */
public final class ScalingPaths {
    /** The regimes {@code prism compare} knows. */
    public static final List<String> REGIMES = List.of("large-data", "mean-field", "narrow-latent", "small-data", "free");
    /** The paths of the free regime. */
    public static final List<String> FREE_PATHS = List.of("free-narrow", "free-wide", "free-y1-gamma0", "free-y1-gamma-half",
            "free-dynamics-y1-gamma-half");

    /**
     * Order of the pop face series the free paths are compared with (leading-order engine, about 70 s and
     * 2 GiB for the pop loss alone): order 12, since order 10's approximants are 1.3% off at tau = 1 when
     * gamma = 1/2 (see {@link ResummedFreeLimit#MAX_ORDER}).
     */
    static final int PREDICTION_ORDER = 12;

    private ScalingPaths() {}

    /**
     * Options of a comparison.
     *
     * @param sizes number of doubling steps (null: the path's default), at least 1
     * @param seeds runs at the largest size (null: the path's default), at least 1
     * @param quick smallest 3 sizes and 2 runs at the largest (unless sizes/seeds are given)
     */
    public record Options(Integer sizes, Integer seeds, boolean quick, Map<String, Double> params, ModelEngine engine) {
        public Options(Integer sizes, Integer seeds, boolean quick) {
            this(sizes, seeds, quick, Map.of());
        }

        public Options(Integer sizes, Integer seeds, boolean quick, Map<String, Double> params) {
            this(sizes, seeds, quick, params, null);
        }

        /** These options, with the tied autoencoder's coefficients read from {@code engine} (e.g. through the run store). */
        public Options withEngine(ModelEngine engine) {
            return new Options(sizes, seeds, quick, params, engine);
        }

        public Options {
            params = params == null ? Map.of() : Map.copyOf(params);
            for (Map.Entry<String, Double> e : params.entrySet()) {
                if (!(e.getValue() > 0) || Double.isInfinite(e.getValue())) {
                    throw new IllegalArgumentException("-p " + e.getKey() + " must be a finite number > 0, got " + e.getValue());
                }
            }
            if (sizes != null && sizes < 1) throw new IllegalArgumentException("--sizes must be >= 1, got " + sizes);
            if (sizes != null && sizes > 8) throw new IllegalArgumentException("--sizes " + sizes + " is out of reach (at most 8; each step costs 8x or more)");
            // runs double per halving below the largest size (at most 8x): a cap keeps that product in range
            if (seeds != null && (seeds < 1 || seeds > 100_000)) throw new IllegalArgumentException("--seeds must be between 1 and 100000, got " + seeds);
        }

        public static Options defaults() {
            return new Options(null, null, false);
        }

        /**
         * The path's parameters: the defaults, replaced by -p where given.
         *
         * @throws IllegalArgumentException for a -p the path does not take
         */
        Map<String, Double> params(String path, Map<String, Double> defaults) {
            for (String name : params.keySet()) {
                if (!defaults.containsKey(name)) {
                    throw new IllegalArgumentException(path + " takes -p " + String.join(", ", defaults.keySet()) + ", not " + name);
                }
            }
            Map<String, Double> out = new LinkedHashMap<>(defaults);
            out.putAll(params);
            return out;
        }

        /** Refuses -p on a path whose parameters are fixed. */
        void noParams(String path) {
            if (!params.isEmpty()) throw new IllegalArgumentException(path + " take no -p: their parameters are fixed by the paths (y = 1,"
                    + " gamma = 0 or 1/2, the end laws); -p is for large-data, mean-field, narrow-latent and small-data");
        }

        int sizesOr(int defaultSizes) {
            return sizes != null ? sizes : quick ? 3 : defaultSizes;
        }

        int seedsOr(int defaultSeeds) {
            return seeds != null ? seeds : quick ? 2 : defaultSeeds;
        }
    }

    /** The names accepted by {@link #forName}: the regimes and the free paths. */
    public static List<String> names() {
        List<String> n = new ArrayList<>(REGIMES);
        n.addAll(FREE_PATHS);
        return n;
    }

    /**
     * The paths of a regime ({@code free}: its five paths) or one path by name.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static List<ScalingPath> forName(String name, Options o) {
        String n = name == null ? "" : name.strip();
        return switch (n) {
            case "large-data" -> List.of(largeData(o));
            case "mean-field" -> List.of(meanField(o));
            case "narrow-latent" -> List.of(narrowLatent(o));
            case "small-data" -> List.of(smallData(o));
            case "free" -> List.of(freeNarrow(o), freeWide(o), freeY1(o, false), freeY1(o, true), freeDynamics(o));
            case "free-narrow" -> List.of(freeNarrow(o));
            case "free-wide" -> List.of(freeWide(o));
            case "free-y1-gamma0" -> List.of(freeY1(o, false));
            case "free-y1-gamma-half" -> List.of(freeY1(o, true));
            case "free-dynamics-y1-gamma-half" -> List.of(freeDynamics(o));
            default -> throw new IllegalArgumentException("unknown regime '" + name + "' (known: " + String.join(", ", names()) + ")");
        };
    }

    /** Steps k = 0..K-1 from {@code at}, with runs doubling per halving of the size below the largest (at most 8x). */
    static List<ScalingPath.Step> steps(int count, int seedsAtLargest, IntFunction<ScalingPath.Step> at) {
        List<ScalingPath.Step> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int factor = 1 << Math.min(3, count - 1 - k);
            out.add(at.apply(k).withSeeds(seedsAtLargest * factor));
        }
        return out;
    }

    private static Map<String, Double> params(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        return m;
    }

    public static ScalingPath largeData(Options o) {
        Map<String, Double> p = o.params("large-data", params("g", 0.5, "y", 0.5));
        double g = p.get("g");
        double y = p.get("y");
        List<ScalingPath.Step> steps = steps(o.sizesOr(4), o.seedsOr(4), k -> {
            int d = 32 << k;
            return new ScalingPath.Step(d, d, Math.max(1, (int) Math.round(y * d)), d * d, g / d, 1, 1);
        });
        return new ScalingPath("large-data", "large-data", p, "d", steps, ScalingPath.uniformGrid(3, 31), "t (units of T = 1)",
                "L / d", Normalisation.PER_D, 2, Predictions.limit(RegimeLimits.byName("large-data"), p),
                "d doubles, m = y d, n = d^2 (gamma = 1/d -> 0), sigma^2 = g/d");
    }

    public static ScalingPath meanField(Options o) {
        Map<String, Double> p = o.params("mean-field", params("a0", 0.5, "gamma", 0.5));
        double a0 = p.get("a0");
        double gamma = p.get("gamma");
        List<ScalingPath.Step> steps = steps(o.sizesOr(4), o.seedsOr(16), k -> {
            int d = 32 << k;
            int m = 4 * d * d;
            return new ScalingPath.Step(d, d, m, Math.max(1, (int) Math.round(d / gamma)), a0 / m, 1, 1, true);
        });
        return new ScalingPath("mean-field", "mean-field", p, "d", steps, ScalingPath.uniformGrid(3, 31), "t (units of T = 1)",
                "L / d", Normalisation.PER_D, 2, Predictions.limit(RegimeLimits.byName("mean-field"), p),
                "d doubles, m = 4 d^2 (y = m/d = 4d -> infinity), n = d/gamma, sigma^2 = a0/m; Gram-reduced d x d flow");
    }

    public static ScalingPath narrowLatent(Options o) {
        Map<String, Double> p = o.params("narrow-latent", params("g", 0.5, "gamma", 0.5));
        double g = p.get("g");
        double gamma = p.get("gamma");
        int m = 4;
        List<ScalingPath.Step> steps = steps(o.sizesOr(4), o.seedsOr(16), k -> {
            int d = 64 << k;
            return new ScalingPath.Step(d, d, m, Math.max(1, (int) Math.round(d / gamma)), g / d, 1, 1);
        });
        return new ScalingPath("narrow-latent", "narrow-latent", p, "d", steps, ScalingPath.uniformGrid(3, 31), "t (units of T = 1)",
                "(L - tr(Sigma)/2) / m,  (L_pop - d/2) / m", Normalisation.NARROW_LATENT, 4,
                Predictions.limit(RegimeLimits.byName("narrow-latent"), p), "d doubles, m = 4 (y = m/d -> 0), n = d/gamma, sigma^2 = g/d");
    }

    public static ScalingPath smallData(Options o) {
        Map<String, Double> p = o.params("small-data", params("g", 0.5, "y", 0.5));
        double g = p.get("g");
        double y = p.get("y");
        int n = 8;
        List<ScalingPath.Step> steps = steps(o.sizesOr(4), o.seedsOr(4), k -> {
            int d = 64 << k;
            return new ScalingPath.Step(d, d, Math.max(1, (int) Math.round(y * d)), n, g / d, (double) n / d, 1);
        });
        return new ScalingPath("small-data", "small-data", p, "d", steps, ScalingPath.uniformGrid(2, 21), "tau = (d/n) t",
                Normalisation.SMALL_DATA.axisLabel(), Normalisation.SMALL_DATA, 2, Predictions.limit(RegimeLimits.byName("small-data"), p),
                "d doubles, n = 8 (gamma = d/n -> infinity), m = y d, sigma^2 = g/d");
    }

    public static ScalingPath freeNarrow(Options o) {
        o.noParams("the free paths");
        int m = 4;
        List<ScalingPath.Step> steps = steps(o.sizesOr(4), o.seedsOr(32), k -> {
            int d = 64 << k;
            double g = d;
            return new ScalingPath.Step(d, d, m, ScalingPath.Step.INFINITE_N, g / d, 1 / g, 1);
        });
        return new ScalingPath("free-narrow", "free-narrow", params("m", m), "d", steps, ScalingPath.uniformGrid(1, 21),
                "tau = sigma^2 d t", "L / E L(0)", Normalisation.INITIAL, 5, Predictions.endLaw(RegimeLimits.byName("free-narrow")),
                "d doubles, m = 4 (y -> 0), g = sigma^2 d = d -> infinity (sigma^2 = 1), n = infinity");
    }

    public static ScalingPath freeWide(Options o) {
        o.noParams("the free paths");
        int d = 4;
        List<ScalingPath.Step> steps = steps(o.sizesOr(4), o.seedsOr(32), k -> {
            int m = 64 << k;
            double a0 = m;
            return new ScalingPath.Step(m, d, m, ScalingPath.Step.INFINITE_N, a0 / m, 1 / a0, 1);
        });
        return new ScalingPath("free-wide", "free-wide", params("d", d), "m", steps, ScalingPath.uniformGrid(1, 21),
                "tau = sigma^2 m t", "L / E L(0)", Normalisation.INITIAL, 5, Predictions.endLaw(RegimeLimits.byName("free-wide")),
                "m doubles, d = 4 (y -> infinity), a0 = sigma^2 m = m -> infinity (sigma^2 = 1), n = infinity");
    }

    public static ScalingPath freeY1(Options o, boolean halfGamma) {
        o.noParams("the free paths");
        int order = o.quick() ? 6 : PREDICTION_ORDER;
        FreeResummation pade = resummation(o, order);
        Prediction prediction = halfGamma ? Predictions.resummed(pade, Rational.ONE, Rational.of(1, 2))
                : Predictions.freeClosedForm(Rational.ONE, pade);
        List<ScalingPath.Step> steps = steps(o.sizesOr(4), o.seedsOr(4), k -> {
            int d = 16 << k;
            double g = d;
            return new ScalingPath.Step(d, d, d, halfGamma ? 2 * d : ScalingPath.Step.INFINITE_N, g / d, 1 / g, 1);
        });
        return new ScalingPath(halfGamma ? "free-y1-gamma-half" : "free-y1-gamma0", "free", params("y", 1, "gamma", halfGamma ? 0.5 : 0),
                "d", steps, ScalingPath.uniformGrid(1, 21), "tau = sigma^2 d t", "L_pop / E L(0)", Normalisation.INITIAL, 5, prediction,
                "d = m doubles (y = 1), g = sigma^2 d = d -> infinity (sigma^2 = 1), " + (halfGamma ? "n = 2d (gamma = 1/2)" : "n = infinity (gamma = 0)"));
    }

    public static ScalingPath freeDynamics(Options o) {
        o.noParams("the free paths");
        int order = o.quick() ? 6 : PREDICTION_ORDER;
        Prediction prediction = Predictions.resummed(resummation(o, order), Rational.ONE, Rational.of(1, 2));
        List<ScalingPath.Step> steps = steps(o.sizesOr(4), o.seedsOr(4), k -> {
            int d = 32 << k;
            return new ScalingPath.Step(d, d, d, 2 * d, 1, 1.0 / d, 1, false, true);
        });
        return new ScalingPath("free-dynamics-y1-gamma-half", "free", params("y", 1, "gamma", 0.5), "d", steps, ScalingPath.uniformGrid(1, 21),
                "tau = sigma^2 d t", "L_pop / E L(0)", Normalisation.INITIAL, 5, prediction,
                "the free regime's own flow (top-degree loss), d = m doubles (y = 1), n = 2d (gamma = 1/2), sigma^2 = 1");
    }

    /** The free face series of the population loss from c_0..c_order of the leading-order engine, resummed (cached). */
    public static FreeResummation resummation(int order) {
        return ResummedFreeLimit.resummation("pop", order);
    }

    /** The same, with the coefficients from the options' engine when they name one. */
    static FreeResummation resummation(Options o, int order) {
        return o.engine() == null ? resummation(order) : ResummedFreeLimit.resummation("pop", order, o.engine().leading("pop"));
    }
}
