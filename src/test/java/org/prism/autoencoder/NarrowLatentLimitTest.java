package org.prism.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prism.autoencoder.LimitTestSupport.exact;
import static org.prism.autoencoder.LimitTestSupport.r;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prism.algebra.Rational;

/**
 * Narrow-latent limit: ODE (DormandPrince853 + MP quadrature) against the exact Taylor recursion,
 * a tolerance sweep, the closed form at gamma = 0 (logistic g(t)), t = 0 and t -> infinity.
 */
class NarrowLatentLimitTest {
    private final NarrowLatentLimit limit = new NarrowLatentLimit();

    @ParameterizedTest(name = "g={0} gamma={1}")
    @CsvSource({"1/2,1/2", "3/2,2", "1,1", "5/2,1/5", "1/3,0"})
    void curveAgreesWithExactSeriesAtSmallTime(String g, String gamma) {
        Map<String, Rational> p = exact("g", g, "gamma", gamma);
        LimitSeries series = limit.taylor(p, 16);
        double rate = (1 + r(g).doubleValue()) * Math.pow(1 + Math.sqrt(r(gamma).doubleValue()), 2);
        double[] times = {0, 0.002 / rate, 0.01 / rate, 0.02 / rate};
        LimitCurve curve = limit.curve(LimitTestSupport.doubles(p), times);
        assertTrue(LimitTestSupport.maxAbsDiff(curve.train(), LimitTestSupport.summed(series.train(), times)) < 1e-11);
        assertTrue(LimitTestSupport.maxAbsDiff(curve.pop(), LimitTestSupport.summed(series.pop(), times)) < 1e-11);
    }

    @Test
    void toleranceSweep() {
        double[] times = {0.1, 0.5, 1, 2, 5};
        for (double gamma : new double[] {0.5, 2}) {
            Map<String, Double> p = Map.of("g", 1.5, "gamma", gamma);
            LimitCurve reference = new NarrowLatentLimit(1e-13).curve(p, times);
            double previous = Double.POSITIVE_INFINITY;
            for (double tol : new double[] {1e-5, 1e-7, 1e-9, 1e-11}) {
                LimitCurve c = new NarrowLatentLimit(tol).curve(p, times);
                double err = Math.max(LimitTestSupport.maxAbsDiff(c.train(), reference.train()), LimitTestSupport.maxAbsDiff(c.pop(), reference.pop()));
                assertTrue(err < 10 * tol, "gamma " + gamma + " tol " + tol + " err " + err);
                assertTrue(err < previous, "error must decrease with the tolerance");
                previous = err;
            }
        }
    }

    @Test
    void gammaZeroHasTheLogisticSolution() {
        // mu_0 = delta_1: g' = -4 g (g - 1), g(t) = g0 / (g0 + (1 - g0) e^{-4t}); m1 = g
        double g0 = 2.5;
        double[] times = {0, 0.05, 0.3, 1, 3};
        LimitCurve c = limit.curve(Map.of("g", g0, "gamma", 0.0), times);
        for (int i = 0; i < times.length; i++) {
            double g = g0 / (g0 + (1 - g0) * Math.exp(-4 * times[i]));
            assertEquals(g * (g - 2) / 2, c.pop()[i], 1e-10);
            assertEquals(g * (g - 2) / 2, c.train()[i], 1e-10);
        }
    }

    @ParameterizedTest(name = "g={0} gamma={1}")
    @CsvSource({"1/2,1/2", "3/2,2", "5/2,1/5"})
    void initialValuesAndFirstDerivativeExact(String gs, String gammas) {
        Rational g = r(gs);
        Rational gamma = r(gammas);
        LimitSeries s = limit.taylor(exact("g", gs, "gamma", gammas), 1);
        // (E L(0) - d/2)/m = 1/2 sigma^4 d (m + d + 1) - sigma^2 d with sigma^2 = g/d -> g(g - 2)/2 as m/d -> 0
        Rational f0 = g.multiply(g.subtract(Rational.of(2))).multiply(Rational.of(1, 2));
        assertEquals(f0, s.train().get(0));
        assertEquals(f0, s.pop().get(0));
        // by hand from the ODE: g'(0) = -4 g (g - 1), m1'(0) = -2 g ((g - 2)(1 + gamma) + g)
        Rational two = Rational.of(2);
        Rational gp = g.multiply(g.subtract(Rational.ONE)).multiply(-4);
        Rational m1p = g.multiply(g.subtract(two).multiply(gamma.add(Rational.ONE)).add(g)).multiply(-2);
        assertEquals(gp.multiply(g.subtract(Rational.ONE)), s.pop().get(1)); // d/dt g(g-2)/2 = g'(g-1)
        assertEquals(m1p.multiply(g.subtract(two)).add(g.multiply(gp)).multiply(Rational.of(1, 2)), s.train().get(1));
    }

    @Test
    void gEqualToOneIsAFixedPoint() {
        // g' = -4 m1 (g - 1): W W^T = I_m stays; gamma near 1 also exercises the near-singular MP edge
        for (double gamma : new double[] {0.5, 0.99, 3}) {
            LimitCurve c = limit.curve(Map.of("g", 1.0, "gamma", gamma), new double[] {0.5, 2, 10});
            for (double v : c.pop()) assertEquals(-0.5, v, 1e-12);
        }
    }

    @Test
    void lateTimesOrthonormaliseTheLatentRows() {
        // W W^T -> I_m: (E L_pop - d/2)/m -> -1/2
        LimitCurve c = limit.curve(Map.of("g", 0.5, "gamma", 0.5), new double[] {30});
        assertEquals(-0.5, c.pop()[0], 1e-9);
        // train approaches -(1 + sqrt gamma)^2 / 2 from above (rows align with the top of the spectrum)
        double top = -Math.pow(1 + Math.sqrt(0.5), 2) / 2;
        assertTrue(c.train()[0] > top && c.train()[0] < top + 0.05, "train " + c.train()[0]);
    }
}
