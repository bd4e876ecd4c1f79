package org.prism.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.prism.algebra.Point;
import org.prism.algebra.Rational;

/**
 * The expected loss curve at one point of the hyperparameters, as its Taylor polynomial
 * $\sum_{s \le S} c_s t^s / s!$ with the exact $c_s$ evaluated exactly there.
 *
 * <p>Over Gaussian initialisations the $c_s$ grow factorially (high moments of the weights), so the
 * full series is asymptotic, not convergent: the truncation is a good approximation for small $t$ and
 * the order that is best depends on $t$. Comparing a few orders shows where it holds.
 *
 * @param coefficients $c_0, \dots, c_S$ at the point
 */
public record TruncatedSeries(List<Rational> coefficients) {
    public TruncatedSeries {
        coefficients = List.copyOf(coefficients);
        if (coefficients.isEmpty()) throw new IllegalArgumentException("a series needs c_0 at least");
    }

    /**
     * $c_0..c_S$ of {@code loss} at {@code point} (which must give every symbol), reporting each
     * order done to {@code orderDone} (may be null).
     */
    public static TruncatedSeries of(ExpectedLoss loss, Point point, int order, IntConsumer orderDone) {
        List<Rational> c = new ArrayList<>(order + 1);
        for (int s = 0; s <= order; s++) {
            c.add(point.evaluate(loss.coefficient(s)));
            if (orderDone != null) orderDone.accept(s);
        }
        return new TruncatedSeries(c);
    }

    public int order() {
        return coefficients.size() - 1;
    }

    /** $\sum_{s \le S} c_s t^s / s!$ in double precision (Horner). */
    public double value(double t) {
        // c_0 + t (c_1 + t/2 (c_2 + ... + t/S c_S))
        double v = coefficients.get(order()).doubleValue();
        for (int s = order() - 1; s >= 0; s--) v = coefficients.get(s).doubleValue() + v * t / (s + 1);
        return v;
    }

    /** {@link #value} at each time. */
    public double[] values(double[] times) {
        double[] out = new double[times.length];
        for (int j = 0; j < times.length; j++) out[j] = value(times[j]);
        return out;
    }
}
