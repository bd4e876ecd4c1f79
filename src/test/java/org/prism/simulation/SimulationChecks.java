package org.prism.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.prism.algebra.Point;
import org.prism.diagram.ExpectedLoss;
import org.prism.diagram.TruncatedSeries;

/** Checks shared by the tests of both simulator routes (matrix products and tensor contractions). */
final class SimulationChecks {
    private SimulationChecks() {}

    /**
     * Monte Carlo against the exact expansion: the mean over runs of {@code L(t) - L(0)} (each run's loss at its
     * second and first recording; paired, so the spread of {@code L(0)} over initialisations cancels) against
     * {@code sum_{s=1..S} c_s t^s/s!} with the exact c_s at {@code point}. Tolerance: 4 standard errors plus the
     * last term kept (a bound on the truncation when the terms shrink geometrically); and the check has teeth:
     * the increment must be resolved beyond 4 times that tolerance.
     */
    static void assertIncrementMatchesSeries(double[][] runs, ExpectedLoss exact, Point point, double t, int order, String what) {
        double sum = 0;
        double sumSq = 0;
        for (double[] run : runs) {
            double inc = run[1] - run[0];
            sum += inc;
            sumSq += inc * inc;
        }
        int n = runs.length;
        double mean = sum / n;
        double se = Math.sqrt((sumSq / n - mean * mean) / (n - 1));
        TruncatedSeries series = TruncatedSeries.of(exact, point, order, null);
        double increment = series.value(t) - series.coefficients().get(0).doubleValue();
        double factorial = 1;
        for (int s = 2; s <= order; s++) factorial *= s;
        double last = series.coefficients().get(order).doubleValue() * Math.pow(t, order) / factorial;
        double tolerance = 4 * se + Math.abs(last);
        String text = String.format("%s: Monte Carlo %.6g +- %.2g, series %.6g (last term %.2g)", what, mean, se, increment, last);
        assertTrue(Math.abs(mean - increment) <= tolerance, text);
        assertTrue(Math.abs(increment) > 4 * tolerance, "increment not resolved: " + text);
    }

    /** Every loss of every seed at every time equal to a relative {@code tolerance}. */
    static void assertSameRuns(ModelSimulationResult a, ModelSimulationResult b, double tolerance) {
        assertEquals(a.losses(), b.losses());
        for (int k = 0; k < a.losses().size(); k++) {
            for (int s = 0; s < a.perSeed()[k].length; s++) {
                for (int j = 0; j < a.times().length; j++) {
                    double x = a.perSeed()[k][s][j];
                    assertEquals(x, b.perSeed()[k][s][j], tolerance * Math.abs(x), a.losses().get(k) + " seed " + s + " time " + j);
                }
            }
        }
    }
}
