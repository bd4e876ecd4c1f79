package org.prism.autoencoder.compare;

import java.util.ArrayList;
import java.util.List;
import org.prism.regime.compare.ConvergenceVerdict;

/**
 * The result of comparing simulations along a {@link ScalingPath} with its prediction.
 *
 * <p>Errors: at each grid time, {@code rel = |sim - predicted| / max(|predicted|, FLOOR * max_t
 * |predicted|)} with {@link #FLOOR} = 1% (the floor only matters for curves through 0, e.g. the
 * small-data population curve, which starts at 0); {@code maxRel} is its maximum over the grid and
 * {@code maxZ} the maximum of {@code |sim - predicted| / se} (se the standard error of the mean
 * over runs; times with se = 0 are skipped). The rate is fitted by least squares of
 * {@code log maxRel} against {@code log size} over all sizes: {@code maxRel ~ size^-rate}.
 *
 * @param path what was compared
 * @param sizes one result per size, in the path's order
 * @param trainRate fitted rate of the train error (null if the train loss is not predicted, or fewer than 2 sizes)
 * @param popRate fitted rate of the population error (null likewise)
 * @param seconds wall time of the whole comparison
 */
public record Comparison(ScalingPath path, List<SizeResult> sizes, Double trainRate, Double popRate, double seconds) {
    /** Relative floor of the denominator of the relative error, as a fraction of max |predicted|. */
    public static final double FLOOR = 0.01;
    /** A prediction with an uncertainty is called reliable where it is below this fraction of its value. */
    public static final double RELIABLE = 0.01;

    public Comparison {
        sizes = List.copyOf(sizes);
    }

    /** The result at the largest size. */
    public SizeResult largest() {
        return sizes.get(sizes.size() - 1);
    }

    /**
     * The verdict ({@link ConvergenceVerdict}) on each predicted loss: its max relative error per size over the times where
     * the prediction is reliable (all times for a closed form), its noise (2 SE on the same scale) and rate. The paths
     * approach their limits like 1/size (gamma = 1/d, 1/y, 1/g, n/d), so errors should fall at rate about 1.
     *
     * @param quick whether the sizes are a quick run's (then inconclusive by design)
     */
    public ConvergenceVerdict.Result verdict(boolean quick) {
        double upTo = largest().reliableUpTo(RELIABLE);
        double[] ns = sizes.stream().mapToDouble(r -> r.step().size()).toArray();
        List<ConvergenceVerdict.Loss> losses = new ArrayList<>();
        for (boolean train : new boolean[] {true, false}) {
            if ((train ? largest().predictedTrain() : largest().predictedPop()) == null) continue;
            double[] errors = new double[sizes.size()];
            double[] noise = new double[sizes.size()];
            Double[] boxed = new Double[sizes.size()];
            for (int i = 0; i < errors.length; i++) {
                errors[i] = sizes.get(i).maxRelUpTo(train, upTo);
                noise[i] = sizes.get(i).noiseUpTo(train, upTo);
                boxed[i] = errors[i];
            }
            losses.add(new ConvergenceVerdict.Loss(train ? "train" : "pop", path.sizeName(), ns, errors, noise, fitRate(ns, boxed)));
        }
        return ConvergenceVerdict.of(losses, 1.0, quick);
    }

    /**
     * One size: the normalised simulated curves (mean and standard error over runs) and the
     * prediction at the path's grid. Arrays for a loss without a prediction ({@code predicted*})
     * and the errors derived from them are null.
     */
    public record SizeResult(ScalingPath.Step step, double[] grid, double[] predictedTrain, double[] predictedPop,
            double[] trainMean, double[] trainSe, double[] popMean, double[] popSe, double[] uncertainty, double[][] bounds,
            List<Prediction.Extra> extras, String route, double seconds) {

        /**
         * At how many grid times the mean plus or minus {@code k} SE of the predicted loss (pop where predicted, else
         * train) meets the prediction's bounds; null without bounds.
         */
        public Integer timesMeetingBounds(double k) {
            if (bounds == null) return null;
            boolean train = predictedPop == null;
            double[] mean = train ? trainMean : popMean;
            double[] se = train ? trainSe : popSe;
            int met = 0;
            for (int i = 0; i < mean.length; i++) {
                if (mean[i] + k * se[i] >= bounds[0][i] && mean[i] - k * se[i] <= bounds[1][i]) met++;
            }
            return met;
        }

        public double[] trainRel() {
            return relative(trainMean, predictedTrain);
        }

        public double[] popRel() {
            return relative(popMean, predictedPop);
        }

        /** Max relative error of the mean train curve over the grid (null if not predicted). */
        public Double trainMaxRel() {
            return max(trainRel());
        }

        public Double popMaxRel() {
            return max(popRel());
        }

        /** Max over the grid of |mean - predicted| / se (null if not predicted; 0-se times skipped). */
        public Double trainMaxZ() {
            return maxZ(trainMean, trainSe, predictedTrain);
        }

        public Double popMaxZ() {
            return maxZ(popMean, popSe, predictedPop);
        }

        /** Max of |mean - predicted| / max(k se, tol |predicted|): <= 1 means within k standard errors or a relative tol at every time. */
        public Double withinSeOrRelative(boolean train, double k, double tol) {
            double[] mean = train ? trainMean : popMean;
            double[] se = train ? trainSe : popSe;
            double[] pred = train ? predictedTrain : predictedPop;
            if (pred == null) return null;
            double scale = FLOOR * maxAbs(pred);
            double worst = 0;
            for (int i = 0; i < pred.length; i++) {
                double allowed = Math.max(k * se[i], tol * Math.max(Math.abs(pred[i]), scale));
                double diff = Math.abs(mean[i] - pred[i]);
                worst = Math.max(worst, allowed > 0 ? diff / allowed : (diff == 0 ? 0 : Double.POSITIVE_INFINITY));
            }
            return worst;
        }

        /**
         * The largest grid time up to which the prediction's own uncertainty stays within
         * {@code tol} of its value (relative, with the same floor as the errors); the last grid time
         * if the prediction is exact, 0 if it is unreliable from the first step on.
         */
        public double reliableUpTo(double tol) {
            double[] pred = predictedPop != null ? predictedPop : predictedTrain;
            if (uncertainty == null || pred == null) return grid[grid.length - 1];
            double scale = FLOOR * maxAbs(pred);
            double last = 0;
            for (int i = 0; i < grid.length; i++) {
                double u = Double.isNaN(uncertainty[i]) ? 0 : uncertainty[i];
                if (u > tol * Math.max(Math.abs(pred[i]), scale)) break;
                last = grid[i];
            }
            return last;
        }

        /** Max over the grid times up to {@code upTo} of 2 SE relative to the prediction (as the errors); null if not predicted. */
        public Double noiseUpTo(boolean train, double upTo) {
            double[] pred = train ? predictedTrain : predictedPop;
            if (pred == null) return null;
            double[] se = train ? trainSe : popSe;
            double scale = FLOOR * maxAbs(pred);
            double m = 0;
            for (int i = 0; i < grid.length && grid[i] <= upTo + 1e-12; i++) m = Math.max(m, 2 * se[i] / Math.max(Math.max(Math.abs(pred[i]), scale), Double.MIN_NORMAL));
            return m;
        }

        /** Max relative error of the mean curve over the grid times up to {@code upTo} (null if not predicted). */
        public Double maxRelUpTo(boolean train, double upTo) {
            double[] rel = train ? trainRel() : popRel();
            if (rel == null) return null;
            double m = 0;
            for (int i = 0; i < grid.length && grid[i] <= upTo + 1e-12; i++) m = Math.max(m, rel[i]);
            return m;
        }

        public static double[] relative(double[] sim, double[] pred) {
            if (pred == null) return null;
            double scale = FLOOR * maxAbs(pred);
            double[] out = new double[pred.length];
            for (int i = 0; i < pred.length; i++) {
                double den = Math.max(Math.abs(pred[i]), scale);
                out[i] = den > 0 ? Math.abs(sim[i] - pred[i]) / den : Math.abs(sim[i] - pred[i]);
            }
            return out;
        }

        static double maxAbs(double[] v) {
            double m = 0;
            for (double x : v) m = Math.max(m, Math.abs(x));
            return m;
        }

        public static Double max(double[] v) {
            if (v == null) return null;
            double m = 0;
            for (double x : v) m = Math.max(m, x);
            return m;
        }

        static Double maxZ(double[] mean, double[] se, double[] pred) {
            if (pred == null) return null;
            double m = 0;
            for (int i = 0; i < pred.length; i++) if (se[i] > 0) m = Math.max(m, Math.abs(mean[i] - pred[i]) / se[i]);
            return m;
        }
    }

    /**
     * Least-squares slope of log(error) against log(size), negated: errors ~ size^-rate. Null if
     * fewer than 2 sizes or an error is null, zero or not finite.
     */
    public static Double fitRate(double[] sizes, Double[] errors) {
        int k = sizes.length;
        if (k < 2) return null;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < k; i++) {
            if (errors[i] == null || !(errors[i] > 0) || Double.isInfinite(errors[i])) return null;
            double x = Math.log(sizes[i]);
            double y = Math.log(errors[i]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double den = k * sxx - sx * sx;
        if (den == 0) return null;
        return -(k * sxy - sx * sy) / den;
    }
}
