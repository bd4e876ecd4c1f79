package org.prism.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prism.autoencoder.LimitTestSupport.exact;
import static org.prism.autoencoder.LimitTestSupport.r;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prism.algebra.Narayana;
import org.prism.algebra.Rational;
import org.prism.simulation.GradientDescentSimulator;
import org.prism.simulation.Integrator;
import org.prism.simulation.SimulationParams;
import org.prism.simulation.SimulationResult;

/**
 * Small-data limit: the generating-function (contour) solution against the exact Taylor
 * recursion of the hierarchy, against the plainly truncated hierarchy (convergence in K at short
 * tau), convergence in the number of contour nodes, independence of the contour, and exact values
 * shared with the large-data limit (t = 0, and the initial slope of L_pop, which does not depend on n).
 */
class SmallDataLimitTest {
    private final SmallDataLimit limit = new SmallDataLimit();

    private static double edge(double g, double y) {
        return Math.max(1, g * Math.pow(1 + Math.sqrt(y), 2));
    }

    @ParameterizedTest(name = "g={0} y={1}")
    @CsvSource({"1/2,2", "1,1", "3,3/10", "1/5,1/2", "2,4"})
    void curveAgreesWithExactSeriesAtSmallTime(String g, String y) {
        Map<String, Rational> p = exact("g", g, "y", y);
        LimitSeries series = limit.taylor(p, 14);
        double e = edge(r(g).doubleValue(), r(y).doubleValue());
        double[] times = {0, 0.001 / e / e, 0.005 / e / e, 0.01 / e / e};
        LimitCurve curve = limit.curve(LimitTestSupport.doubles(p), times);
        assertTrue(LimitTestSupport.maxAbsDiff(curve.train(), LimitTestSupport.summed(series.train(), times)) < 1e-10);
        assertTrue(LimitTestSupport.maxAbsDiff(curve.pop(), LimitTestSupport.summed(series.pop(), times)) < 1e-10);
    }

    @ParameterizedTest(name = "g={0} y={1}")
    @CsvSource({"0.5,2", "1,1", "3,0.3"})
    void truncatedHierarchyConvergesInKAtShortTimes(double g, double y) {
        double[] taus = {0.02, 0.05, 0.1};
        double[] reference = limit.curve(Map.of("g", g, "y", y), taus).train();
        double previous = Double.POSITIVE_INFINITY;
        for (int k : new int[] {3, 4, 6, 8, 12, 16, 24}) {
            double err = LimitTestSupport.maxAbsDiff(SmallDataLimit.truncatedHierarchy(g, y, k, taus), reference);
            if (previous > 1e-10) assertTrue(err < previous, "K=" + k + " err " + err + " previous " + previous);
            previous = err;
        }
        assertTrue(previous < 1e-9, "err " + previous);
        assertTrue(LimitTestSupport.maxAbsDiff(SmallDataLimit.truncatedHierarchyAuto(g, y, taus, 1e-11), reference) < 1e-9);
    }

    @Test
    void truncatedHierarchyDoesNotConvergeAtLongTimes() {
        // the reason the curve uses the generating function: K-truncation blows up beyond tau ~ 1
        assertThrows(ArithmeticException.class, () -> SmallDataLimit.truncatedHierarchyAuto(0.5, 2, new double[] {5}, 1e-8));
    }

    @ParameterizedTest(name = "g={0} y={1}")
    @CsvSource({"0.5,2", "1,1", "3,0.3"})
    void contourConvergesAndDoesNotDependOnTheContour(double g, double y) {
        double[] taus = {0.1, 0.5, 2, 5, 20};
        SmallDataLimit reference = new SmallDataLimit(1e-12, 1.25, 0.5);
        double[][] ref = reference.generatingFunction(g, y, 256, taus);
        double previous = Double.POSITIVE_INFINITY;
        for (int n : new int[] {8, 16, 32}) {
            double[][] c = reference.generatingFunction(g, y, n, taus);
            double err = Math.max(LimitTestSupport.maxAbsDiff(c[0], ref[0]), LimitTestSupport.maxAbsDiff(c[1], ref[1]));
            assertTrue(err < previous || err < 1e-11, "N=" + n + " err " + err);
            previous = err;
        }
        // a wider contour (support bound 2.5 max(1, l+)) and another leftmost point give the same curves
        LimitCurve wide = new SmallDataLimit(1e-11, 2.5, 0.9).curve(Map.of("g", g, "y", y), taus);
        assertTrue(LimitTestSupport.maxAbsDiff(wide.train(), ref[0]) < 1e-9);
        assertTrue(LimitTestSupport.maxAbsDiff(wide.pop(), ref[1]) < 1e-9);
    }

    @ParameterizedTest(name = "g={0} y={1}")
    @CsvSource({"0.5,2", "1,1", "3,0.3", "2,0.999"})
    void contourRecoversInitialMoments(double g, double y) {
        double[] k = limit.initialMoments(g, y, 128);
        for (int j = 0; j <= 3; j++) assertEquals(Math.pow(g, j) * Narayana.polynomial(j, y), k[j], 1e-12 * Math.max(1, Math.abs(k[j])), "k_" + j);
    }

    @ParameterizedTest(name = "g={0} y={1}")
    @CsvSource({"1/2,2", "1,1", "3,3/10", "7/5,2/3"})
    void exactValuesSharedWithTheLargeDataLimit(String g, String y) {
        LimitSeries small = limit.taylor(exact("g", g, "y", y), 2);
        LimitSeries large = new LargeDataLimit().taylor(exact("g", g, "y", y), 2);
        // E L(0) does not depend on n
        assertEquals(large.train().get(0), small.train().get(0));
        // E dL_pop/dt(0) = -|grad L_pop|^2 does not depend on n: -4 n (k3 - 2k2 + k1) per unit tau = -4 d (...) per unit t
        assertEquals(large.pop().get(1), small.pop().get(1));
        assertEquals(Rational.ZERO, small.pop().get(0));
    }

    /**
     * The plateau's value against the real training (Monte Carlo, an independent route): d = 256, m = 64
     * (y = 1/4), n = 2, sigma^2 = 1/256 (g = 1), RK4 to tau = (d/n) t = 12, where the limit is flat to
     * 1e-4. The normalised change of the population loss, (L_pop(t) - L_pop(0)) / n per run, averaged over
     * 32 runs, must lie within 3 SE plus 5% (the O(n/d) and O(1/d) finite-size terms) of the limit,
     * and the train loss per d must have fallen below 2% of its start. Measured: limit -0.2330, simulation
     * -0.2283 +- 0.0043 (1.1 SE apart); train loss per d from 0.40 to 7e-10.
     */
    @Test
    void plateauIsTheSimulatedOne() throws InterruptedException {
        int d = 256;
        int n = 2;
        double tau = 12;
        double dt = 1.0 / 256;
        int steps = (int) Math.round(tau * n / d / dt);
        SimulationParams p = new SimulationParams(d, 64, n, 1.0 / d, dt, steps, steps, Integrator.RK4, 32, 3L, false);
        SimulationResult r = new GradientDescentSimulator(2).run(p, null);
        double[][] pop = r.popPerSeed();
        double mean = 0;
        double sq = 0;
        for (double[] run : pop) {
            double change = (run[run.length - 1] - run[0]) / n;
            mean += change;
            sq += change * change;
        }
        mean /= pop.length;
        double se = Math.sqrt((sq / pop.length - mean * mean) / (pop.length - 1));
        LimitCurve c = limit.curve(Map.of("g", 1.0, "y", 0.25), new double[] {tau, 2 * tau});
        double plateau = c.pop()[0];
        assertEquals(plateau, c.pop()[1], 1e-4, "flat by tau = 12");
        assertEquals(plateau, mean, 3 * se + 0.05 * Math.abs(plateau), "simulated plateau " + mean + " +- " + se);
        assertTrue(r.trainMean()[1] < 0.02 * r.trainMean()[0], "the data are interpolated");
    }

    @Test
    void lateTimesInterpolateTheData() {
        LimitCurve c = limit.curve(Map.of("g", 1.0, "y", 1.0), new double[] {40, 80});
        assertEquals(0, c.train()[0], 1e-11);
        assertEquals(c.pop()[0], c.pop()[1], 1e-10);
    }
}
