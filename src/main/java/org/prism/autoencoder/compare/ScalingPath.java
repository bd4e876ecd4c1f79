package org.prism.autoencoder.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A path of sizes along which one regime's limit is approached, and how a simulation along it is
 * compared with the limit: the sizes of each step (d, m, n, sigma^2, doubling from step to step),
 * the time grid in the regime's own time unit, the normalisation of the simulated losses and the
 * prediction they are compared with.
 *
 * <p>Time: the grid is uniform, {@code grid[i] = i * h}, in the regime's time variable (e.g. t,
 * tau = (d/n) t, tau = sigma^2 d t); step k is simulated in real time {@code t = grid[i] *
 * steps.get(k).timeScale()} by RK4 (the gradient-flow reference) with {@link #substeps} steps per
 * grid interval.
 *
 * @param name file stem of the outputs (e.g. {@code large-data}, {@code free-narrow})
 * @param regime the regime compared with (the limit's name, or {@code free} for the resummation)
 * @param parameters the regime's fixed parameters along the path (e.g. {@code g = 1/2, y = 1/2})
 * @param sizeName what the size column means (e.g. {@code d})
 * @param steps the sizes, at least 1 (3 or more for a rate), each doubling the size
 * @param grid uniform time grid from 0 in the regime's time unit, at least 2 points
 * @param timeLabel axis label of the grid, with its unit (e.g. {@code t (units of T = 1)})
 * @param lossLabel axis label of the normalised loss (e.g. {@code L / d})
 * @param normalisation how simulated losses are normalised to be comparable with the prediction
 * @param substeps RK4 steps per grid interval, at least 1
 * @param prediction the limit curve (in the same normalisation and time unit)
 * @param description one line: the scaling (what grows, what is fixed)
 */
public record ScalingPath(String name, String regime, Map<String, Double> parameters, String sizeName, List<Step> steps,
        double[] grid, String timeLabel, String lossLabel, Normalisation normalisation, int substeps, Prediction prediction,
        String description) {

    public ScalingPath {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a scaling path needs a name");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        steps = List.copyOf(steps);
        if (steps.isEmpty()) throw new IllegalArgumentException("a scaling path needs at least one size");
        if (grid == null || grid.length < 2 || grid[0] != 0) throw new IllegalArgumentException("the time grid must start at 0 and have >= 2 points");
        double h = grid[1];
        for (int i = 1; i < grid.length; i++) {
            if (!(Math.abs(grid[i] - i * h) <= 1e-12 * Math.max(1, grid[i]))) throw new IllegalArgumentException("the time grid must be uniform");
        }
        if (substeps < 1) throw new IllegalArgumentException("substeps must be >= 1, got " + substeps);
        if (normalisation == null || prediction == null) throw new IllegalArgumentException("normalisation and prediction are required");
    }

    /** A uniform grid of {@code points} times from 0 to {@code max}. */
    public static double[] uniformGrid(double max, int points) {
        if (points < 2 || !(max > 0)) throw new IllegalArgumentException("a grid needs >= 2 points and max > 0");
        double[] g = new double[points];
        for (int i = 0; i < points; i++) g[i] = max * i / (points - 1);
        return g;
    }

    /** The same path with {@code k} RK4 steps per grid interval (e.g. to check the time-step error). */
    public ScalingPath withSubsteps(int k) {
        return new ScalingPath(name, regime, parameters, sizeName, steps, grid, timeLabel, lossLabel, normalisation, k, prediction, description);
    }

    /** The same path with other steps (sizes). */
    public ScalingPath withSteps(List<Step> other) {
        return new ScalingPath(name, regime, parameters, sizeName, other, grid, timeLabel, lossLabel, normalisation, substeps, prediction,
                description);
    }

    /** The grid's spacing. */
    public double gridStep() {
        return grid[1] - grid[0];
    }

    /** Total RK4 steps over all sizes and seeds (for a progress bar). */
    public long totalSteps() {
        long steps = 0;
        for (Step s : this.steps) steps += (long) s.seeds() * (grid.length - 1) * substeps;
        return steps;
    }

    /** The parameters as {@code g = 0.5, y = 0.5}. */
    public String parametersText() {
        StringBuilder b = new StringBuilder();
        parameters.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(" = ").append(number(v)));
        return b.toString();
    }

    /** A double as short text: integers without a point, otherwise up to 6 significant digits. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+(e|$)", "$1");
    }

    /**
     * One size on the path.
     *
     * @param size the value of the path's size variable (what doubles), used for the rate fit
     * @param d input dimension
     * @param m latent dimension
     * @param n number of data points; {@link #INFINITE_N} for n = infinity (Sigma = I exactly)
     * @param sigma2 variance of the entries of W(0)
     * @param timeScale real time per unit of the grid's time variable
     * @param seeds independent runs (data and W(0) resampled per run)
     * @param gramReduced simulate the exactly equivalent d x d flow of {@code W' = sigma L^T}, where
     *        {@code L L^T} is the Bartlett factor of a Wishart(m) matrix (needs m >= d; see
     *        {@link StepSimulator}): same law of every loss curve at cost O(d^3) per step instead of
     *        O(m d^2)
     * @param freeDynamics simulate the free regime's own flow ({@link org.prism.model.Models#tiedAutoencoderFree}:
     *        the top-degree part of the loss drives it) instead of the tied autoencoder's, on the generic
     *        simulator; its losses are the top-degree parts too
     */
    public record Step(int size, int d, int m, int n, double sigma2, double timeScale, int seeds, boolean gramReduced,
            boolean freeDynamics) {
        /** n = infinity: gradient flow with Sigma = I exactly (train = population loss). */
        public static final int INFINITE_N = Integer.MAX_VALUE;

        public Step {
            if (size < 1 || d < 1 || m < 1 || n < 1) throw new IllegalArgumentException("sizes must be >= 1");
            if (!(sigma2 >= 0) || Double.isInfinite(sigma2)) throw new IllegalArgumentException("sigma2 must be finite and >= 0");
            if (!(timeScale > 0) || Double.isInfinite(timeScale)) throw new IllegalArgumentException("the time scale must be finite and > 0");
            if (seeds < 1) throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
            if (gramReduced && m < d) throw new IllegalArgumentException("the Gram reduction needs m >= d, got m=" + m + ", d=" + d);
            if (freeDynamics && (gramReduced || n == INFINITE_N)) throw new IllegalArgumentException("the free dynamics runs with finite n, unreduced");
        }

        /** A step of the tied autoencoder, simulated directly (no Gram reduction). */
        public Step(int size, int d, int m, int n, double sigma2, double timeScale, int seeds) {
            this(size, d, m, n, sigma2, timeScale, seeds, false, false);
        }

        /** A step of the tied autoencoder. */
        public Step(int size, int d, int m, int n, double sigma2, double timeScale, int seeds, boolean gramReduced) {
            this(size, d, m, n, sigma2, timeScale, seeds, gramReduced, false);
        }

        public boolean infiniteData() {
            return n == INFINITE_N;
        }

        /** n as text ({@code inf} for n = infinity). */
        public String nText() {
            return infiniteData() ? "inf" : Integer.toString(n);
        }

        /**
         * Exact E L(0) (train and population: W(0) is independent of X and E Sigma = I); for the free
         * dynamics its top-degree part {@code sigma^4 (m d^2 + m^2 d + m d)/2 = E ||W^T W||^2 / 2}.
         */
        public double expectedInitialLoss() {
            double dd = d;
            double mm = m;
            double top = 0.5 * sigma2 * sigma2 * (mm * dd * dd + mm * mm * dd + mm * dd);
            return freeDynamics ? top : top - sigma2 * mm * dd + dd / 2;
        }

        public Step withSeeds(int k) {
            return new Step(size, d, m, n, sigma2, timeScale, k, gramReduced, freeDynamics);
        }

        /** {@code d=256 m=128 n=65536 sigma2=0.00195312}. */
        public String sizesText() {
            return "d=" + d + " m=" + m + " n=" + nText() + " sigma2=" + number(sigma2);
        }
    }
}
