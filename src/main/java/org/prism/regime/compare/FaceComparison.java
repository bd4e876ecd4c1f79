package org.prism.regime.compare;

import java.util.List;
import java.util.Map;
import org.prism.algebra.Point;
import org.prism.geometry.IntVector;

/**
 * The limit curve of one face of a model against its simulated training at growing sizes along a scaling
 * ({@link FaceComparer}).
 *
 * @param model the model's name
 * @param face the face's label
 * @param direction the scaling $u$: every symbol is $N^{u_i} x_{0,i}$
 * @param timeUnit e.g. {@code tau = lambda t}
 * @param params the ratio values asked for
 * @param taus the normalised times compared (up to the limit curve's validity)
 * @param sizes one entry per size, smallest first
 * @param rates per loss, $r$ in error $\sim N^{-r}$ fitted over the sizes (null with fewer than 2 sizes or a zero error)
 * @param verdict pass, fail or inconclusive
 * @param reason why, in one sentence
 */
public record FaceComparison(String model, String face, IntVector direction, String timeUnit, Map<String, String> params, double[] taus,
        List<Size> sizes, Map<String, Double> rates, Verdict verdict, String reason) {

    public enum Verdict { PASS, FAIL, INCONCLUSIVE }

    /**
     * One size along the path.
     *
     * @param n the path's $N$
     * @param at the symbol values simulated (sizes rounded to integers)
     * @param runs the number of seeds averaged
     * @param normalisation per loss, the value of the scale $\Lambda$ at this point
     * @param timeScale $T$ at this point ($t = \tau T$)
     * @param predicted per loss, the limit curve at this point's ratios
     * @param bounds per loss whose face series pass the Hankel test, {lower, upper} per time: the range of the
     *     limit over every positive mixture of decaying exponentials with those series (absent otherwise)
     * @param mean per loss, the mean normalised simulated curve
     * @param se per loss, its standard error
     * @param error per loss, $\max_\tau |\text{mean} - \text{predicted}| / \max_\tau |\text{predicted}|$
     * @param noise per loss, $\max_\tau 2\,\text{SE} / \max_\tau |\text{predicted}|$
     * @param seconds what its runs took, each as long as where it was computed, over the workers (the wall time when none came from the run store)
     * @param refinement how many times the first step count the runs needed to stay stable (1, 4, 16 or 64)
     */
    public record Size(double n, Point at, int runs, Map<String, Double> normalisation, double timeScale, Map<String, double[]> predicted,
            Map<String, double[][]> bounds, Map<String, double[]> mean, Map<String, double[]> se, Map<String, Double> error,
            Map<String, Double> noise, double seconds, int refinement) {
        /** At how many times {@code mean +- k SE} of {@code loss} meets its bounds; null without bounds. */
        public Integer timesMeetingBounds(String loss, double k) {
            double[][] b = bounds.get(loss);
            if (b == null) return null;
            int count = 0;
            for (int t = 0; t < b.length; t++) {
                double m = mean.get(loss)[t];
                double e = k * se.get(loss)[t];
                if (m + e >= b[t][0] && m - e <= b[t][1]) count++;
            }
            return count;
        }
    }

    /** The same comparison as a quick run's: inconclusive by design, too small to judge convergence (a pass or fail becomes a reason). */
    public FaceComparison quick() {
        ConvergenceVerdict.Result q = ConvergenceVerdict.quick(new ConvergenceVerdict.Result(verdict, reason));
        return new FaceComparison(model, face, direction, timeUnit, params, taus, sizes, rates, q.verdict(), q.reason());
    }

    /** The largest size's worst error over the losses. */
    public double lastError() {
        return sizes.get(sizes.size() - 1).error().values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
