package org.prism.regime.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The verdict of simulated curves against a limit at growing sizes, per loss from its error (max over the times of
 * |mean - limit| / max |limit|), its Monte Carlo noise (2 SE on the same scale) and the fitted rate r of error ~ N^-r:
 * <ul>
 *   <li><em>pass</em>: the largest size's error is at most {@link #PASS_ERROR} and either smaller than the smallest
 *       size's or within the noise;</li>
 *   <li><em>fail</em>: three sizes or more, the largest size's error above {@link #PASS_ERROR} and no convergence
 *       (r below {@link #MIN_RATE} times the rate at which the path approaches its limit);</li>
 *   <li><em>inconclusive</em> otherwise, with why (above 5% but falling: larger sizes needed; one size: no trend).</li>
 * </ul>
 * A quick run (a smoke test at the smallest sizes) never passes or fails: it is inconclusive by design. The losses'
 * verdicts combine as fail over inconclusive over pass. Constant time per loss.
 */
public final class ConvergenceVerdict {
    /** The largest relative error at the largest size that passes. */
    public static final double PASS_ERROR = 0.05;
    /** A rate below this fraction of the path's approach rate counts as no convergence. */
    public static final double MIN_RATE = 0.5;

    private ConvergenceVerdict() {}

    /**
     * One loss's errors along the sizes, smallest first.
     *
     * @param sizeName the name of the size in messages ({@code N}, {@code d})
     * @param rate the fitted rate, or null
     */
    public record Loss(String loss, String sizeName, double[] sizes, double[] errors, double[] noise, Double rate) {}

    /** A verdict and why, in one sentence. */
    public record Result(FaceComparison.Verdict verdict, String reason) {}

    /**
     * @param expectedRate the rate at which the path approaches its limit (errors should fall at least about as fast)
     * @param quick whether the sizes are a quick run's, too small to judge convergence
     */
    public static Result of(List<Loss> losses, double expectedRate, boolean quick) {
        FaceComparison.Verdict v = FaceComparison.Verdict.PASS;
        List<String> why = new ArrayList<>();
        for (Loss l : losses) {
            int k = l.errors().length;
            double e = l.errors()[k - 1];
            double noise = l.noise()[k - 1];
            Double r = l.rate();
            boolean converging = k > 1 && e < l.errors()[0];
            String text = l.loss() + String.format(Locale.ROOT, " %.2f%% at %s = %s", 100 * e, l.sizeName(), num(l.sizes()[k - 1]))
                    + (r == null ? "" : String.format(Locale.ROOT, ", rate %.2f", r));
            if (e <= PASS_ERROR && (converging || e <= noise)) {
                why.add(text + " (within " + (int) (PASS_ERROR * 100) + "%" + (converging ? ", falling" : ", within the noise") + ")");
            } else if (k >= 3 && e > PASS_ERROR && (r == null || r < MIN_RATE * expectedRate)) {
                v = FaceComparison.Verdict.FAIL;
                why.add(text + String.format(Locale.ROOT, " (above %d%% and not converging: the path approaches its limit at rate %.2f)",
                        (int) (PASS_ERROR * 100), expectedRate));
            } else {
                if (v == FaceComparison.Verdict.PASS) v = FaceComparison.Verdict.INCONCLUSIVE;
                why.add(text + (e > PASS_ERROR ? String.format(Locale.ROOT, " (above %d%% but falling, the path approaching its limit at rate"
                        + " %.2f: larger sizes needed)", (int) (PASS_ERROR * 100), expectedRate)
                        : k < 2 ? " (one size: no trend)" : " (not falling, not above the noise)"));
            }
        }
        Result r = new Result(v, String.join("; ", why));
        return quick ? quick(r) : r;
    }

    /** A quick run's verdict: inconclusive by design, what the sizes showed kept as the reason. */
    public static Result quick(Result r) {
        String shown = r.verdict() == FaceComparison.Verdict.INCONCLUSIVE ? "" : r.verdict().name().toLowerCase(Locale.ROOT) + " at these sizes; ";
        return new Result(FaceComparison.Verdict.INCONCLUSIVE, "a quick run, too small to judge convergence: " + shown + r.reason());
    }

    private static String num(double n) {
        return n == Math.rint(n) ? Long.toString((long) n) : Double.toString(n);
    }
}
