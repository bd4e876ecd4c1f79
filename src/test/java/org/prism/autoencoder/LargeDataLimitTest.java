package org.prism.autoencoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prism.algebra.MarchenkoPastur;
import org.prism.algebra.Monomial;
import org.prism.algebra.Narayana;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prism.autoencoder.LimitTestSupport.exact;
import static org.prism.autoencoder.LimitTestSupport.r;


/**
 * Large-data limit: closed form (rationalised, v = e^{-4t}) against the power series of h in their
 * overlap, against an independent route (logistic flow of each eigenvalue of A(0), integrated
 * against its limiting spectral law by the MP quadrature), against its own exact Taylor series,
 * the exact Taylor series against the same independent route in exact arithmetic, t = 0 from
 * E L(0) = 1/2 sigma^4 m d (m + d + 1) - sigma^2 m d + d/2, and t -> infinity.
 */
class LargeDataLimitTest {
    private final LargeDataLimit limit = new LargeDataLimit();

    private static double radius(double y) {
        return 1 / ((1 + Math.sqrt(y)) * (1 + Math.sqrt(y)));
    }

    @ParameterizedTest(name = "g={0} y={1}")
    @CsvSource({"0.5,2", "1,1", "0.3,0.3333333333", "2,0.5", "5,4", "0.1,10"})
    void seriesAndClosedFormAgreeWhereBothApply(double g, double y) {
        // times with |w| = g (e^{4t} - 1) between 1% and 20% of the radius of convergence
        for (double frac : new double[] {0.01, 0.05, 0.1, 0.2}) {
            double t = Math.log1p(frac * radius(y) / g) / 4;
            double series = LargeDataLimit.valueBySeries(g, y, t);
            double closed = LargeDataLimit.valueByClosedForm(g, y, t);
            assertEquals(series, closed, 1e-13 * Math.max(1, Math.abs(series)), "frac " + frac);
        }
        // continuity across the switch
        double tSwitch = Math.log1p(LargeDataLimit.SERIES_RADIUS * radius(y) / g) / 4;
        double below = LargeDataLimit.value(g, y, tSwitch * (1 - 1e-13));
        assertEquals(below, LargeDataLimit.value(g, y, tSwitch * (1 + 1e-13)), 1e-13 * Math.max(1, Math.abs(below)));
    }

    /** 1/2 int (a_lambda(t) - 1)^2 dnu, nu = law of g y l with l ~ MP(1/y) (moments g^k N_k(y)). */
    static double byQuadrature(double g, double y, double t) {
        MarchenkoPastur mp = new MarchenkoPastur(1 / y);
        return 0.5 * mp.integrate(l -> {
            double dev = MeanFieldLimit.deviation(g * y * l, 1, t);
            return dev * dev;
        }, 1e-12);
    }

    @ParameterizedTest(name = "g={0} y={1}")
    @CsvSource({"0.5,2", "1,1", "0.3,0.3333333333", "2,0.5", "5,4", "0.1,10"})
    void closedFormAgreesWithLogisticFlowOfTheSpectrum(double g, double y) {
        for (double t : new double[] {0, 0.01, 0.1, 0.3, 1, 3, 10}) {
            // at y = 1 the law has a 1/sqrt(lambda) edge at 0 and the unfitted directions lambda < e^{-4t}/g
            // form a feature of width e^{-4t}: too thin for the quadrature beyond t ~ 3
            if (y == 1 && t > 3) continue;
            assertEquals(byQuadrature(g, y, t), LargeDataLimit.value(g, y, t), 1e-11, "t=" + t);
        }
    }

    @ParameterizedTest(name = "g={0} y={1}")
    @CsvSource({"1/2,2", "1,1", "3/10,1/3", "2,1/2", "7/3,5/4"})
    void curveAgreesWithExactSeriesAtSmallTime(String g, String y) {
        Map<String, Rational> p = exact("g", g, "y", y);
        LimitSeries series = limit.taylor(p, 24);
        double scale = r(g).doubleValue() / radius(r(y).doubleValue()); // |w| ~ 4 t scale
        double[] times = {0, 0.002 / scale, 0.01 / scale, 0.02 / scale};
        LimitCurve curve = limit.curve(LimitTestSupport.doubles(p), times);
        double[] summed = LimitTestSupport.summed(series.train(), times);
        assertTrue(LimitTestSupport.maxAbsDiff(curve.train(), summed) < 1e-12, () -> Arrays.toString(curve.train()) + " vs "
                + Arrays.toString(summed));
        assertEquals(series.train(), series.pop());
    }

    /** The logistic route in exact arithmetic: (F(t) - 1)^2 with F(0) = lambda symbolic, then lambda^k -> g^k N_k(y). */
    static List<Rational> logisticRoute(Rational g, Rational y, int order) {
        Polynomial lambda = Polynomial.symbol("lam");
        List<Polynomial> f = new ArrayList<>(List.of(lambda));
        for (int k = 0; k < order; k++) {
            Polynomial sq = Polynomial.ZERO;
            for (int i = 0; i <= k; i++) sq = sq.add(f.get(i).multiply(f.get(k - i)));
            f.add(f.get(k).subtract(sq).multiply(Rational.of(4, k + 1)));
        }
        List<Rational> out = new ArrayList<>();
        Rational factorial = Rational.ONE;
        for (int s = 0; s <= order; s++) {
            if (s > 0) factorial = factorial.multiply(s);
            // coefficient s of (F - 1)^2
            Polynomial q = Polynomial.ZERO;
            for (int i = 0; i <= s; i++) {
                Polynomial a = i == 0 ? f.get(0).subtract(Polynomial.ONE) : f.get(i);
                Polynomial b = s - i == 0 ? f.get(0).subtract(Polynomial.ONE) : f.get(s - i);
                q = q.add(a.multiply(b));
            }
            Rational value = Rational.ZERO;
            for (Map.Entry<Monomial, Rational> t : q.terms().entrySet()) {
                int k = t.getKey().exponent("lam");
                value = value.add(t.getValue().multiply(g.pow(k)).multiply(Narayana.polynomial(k, y)));
            }
            out.add(value.multiply(factorial).multiply(Rational.of(1, 2)));
        }
        return out;
    }

    @ParameterizedTest(name = "g={0} y={1}")
    @CsvSource({"1/2,2", "1,1", "3/10,1/3", "7/3,5/4"})
    void seriesOfPsiEqualsLogisticRouteExactly(String g, String y) {
        assertEquals(logisticRoute(r(g), r(y), 10), limit.taylor(exact("g", g, "y", y), 10).train());
    }

    @ParameterizedTest(name = "g={0} y={1}")
    @CsvSource({"1/2,2", "1,1", "3/10,1/3", "7/3,5/4"})
    void initialValueMatchesExactFiniteSizeLoss(String gs, String ys) {
        Rational g = r(gs);
        Rational y = r(ys);
        // E L(0)/d = 1/2 sigma^4 m (m + d + 1) - sigma^2 m + 1/2 with sigma^2 = g/d, m = y d:
        // = 1/2 g^2 y (y + 1) + g^2 y/(2d) - g y + 1/2 -> 1/2 - g y + g^2 y (1 + y)/2
        Rational expected = Rational.of(1, 2).subtract(g.multiply(y)).add(g.pow(2).multiply(y).multiply(y.add(Rational.ONE)).multiply(Rational.of(1, 2)));
        List<Rational> f = limit.taylor(exact("g", gs, "y", ys), 1).train();
        assertEquals(expected, f.get(0));
        // c_1 = E dL/dt = -E |grad L|^2 = -4 d (g^3 N_3 - 2 g^2 N_2 + g N_1) at leading order
        Rational c1 = g.pow(3).multiply(Narayana.polynomial(3, y)).subtract(g.pow(2).multiply(Narayana.polynomial(2, y)).multiply(2))
                .add(g.multiply(Narayana.polynomial(1, y))).multiply(-4);
        assertEquals(c1, f.get(1));
        assertEquals(0.5 - g.doubleValue() * y.doubleValue() + g.doubleValue() * g.doubleValue() * y.doubleValue() * (1 + y.doubleValue()) / 2,
                limit.curve(LimitTestSupport.doubles(exact("g", gs, "y", ys)), new double[] {0}).train()[0], 1e-14);
    }

    @ParameterizedTest(name = "g={0} y={1}")
    @CsvSource({"0.5,2", "1,1", "0.3,0.3333333333", "2,0.5", "1,0.999", "4,1"})
    void infiniteTimeLimitIsHalfTheUnfittedDirections(double g, double y) {
        double[] late = limit.curve(Map.of("g", g, "y", y), new double[] {60, 150, 1e4}).train();
        for (double v : late) assertEquals(LargeDataLimit.infiniteTime(y), v, 1e-12);
        assertEquals(Math.max(1 - y, 0) / 2, LargeDataLimit.infiniteTime(y));
    }
}
