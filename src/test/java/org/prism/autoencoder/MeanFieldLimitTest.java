package org.prism.autoencoder;

import org.prism.algebra.MarchenkoPastur;
import org.prism.algebra.Narayana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prism.autoencoder.LimitTestSupport.exact;
import static org.prism.autoencoder.LimitTestSupport.r;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.prism.algebra.Rational;

/**
 * The Marchenko-Pastur quadrature (moments = Narayana polynomials, mass 1 with the atom,
 * geometric convergence in the number of nodes) and the mean-field curves against their exact
 * Taylor series, their t = 0 value and their t -> infinity limits.
 */
class MeanFieldLimitTest {
    private final MeanFieldLimit limit = new MeanFieldLimit();

    @ParameterizedTest(name = "gamma={0}")
    @ValueSource(doubles = {0, 0.3, 0.5, 1, 1.7, 2.5, 4})
    void quadratureReproducesNarayanaMoments(double gamma) {
        MarchenkoPastur mp = new MarchenkoPastur(gamma);
        for (int k = 0; k <= 6; k++) {
            int kk = k;
            double expected = Narayana.mpMoment(k, gamma);
            assertEquals(expected, mp.integrate(l -> Math.pow(l, kk)), 1e-12 * expected, "k=" + k);
            assertEquals(expected, Narayana.mpMoment(k, Rational.of(Math.round(gamma * 10), 10)).doubleValue(), 1e-12 * expected);
        }
    }

    @ParameterizedTest(name = "gamma={0}")
    @ValueSource(doubles = {0.2, 1, 1.5, 3, 10})
    void totalMassIsOneIncludingTheAtom(double gamma) {
        MarchenkoPastur mp = new MarchenkoPastur(gamma);
        assertEquals(1, mp.integrate(l -> 1), 1e-13);
        assertEquals(Math.max(0, 1 - 1 / gamma), mp.atomMass(), 0);
        // the continuous part alone has mass min(1, 1/gamma)
        assertEquals(Math.min(1, 1 / gamma), mp.integrate(l -> l == 0 ? 0 : 1), 1e-13);
    }

    @ParameterizedTest(name = "gamma={0}")
    @ValueSource(doubles = {0.5, 2, 0.9})
    void fixedRuleConvergesAsNodesIncrease(double gamma) {
        MarchenkoPastur mp = new MarchenkoPastur(gamma);
        double exactValue = Narayana.mpMoment(3, gamma);
        double previous = Double.POSITIVE_INFINITY;
        for (int n = 2; n <= 256; n *= 2) {
            double err = Math.abs(mp.integrate(l -> l * l * l, n) - exactValue);
            if (previous > 1e-13) assertTrue(err < previous, "n=" + n + " err " + err + " previous " + previous);
            previous = err;
        }
        assertTrue(previous < 1e-12, "err " + previous);
        // a non-polynomial integrand: errors shrink geometrically towards the adaptive value
        double reference = mp.integrate(l -> Math.exp(-3 * l) / (1 + l));
        double e8 = Math.abs(mp.integrate(l -> Math.exp(-3 * l) / (1 + l), 8) - reference);
        double e16 = Math.abs(mp.integrate(l -> Math.exp(-3 * l) / (1 + l), 16) - reference);
        double e32 = Math.abs(mp.integrate(l -> Math.exp(-3 * l) / (1 + l), 32) - reference);
        assertTrue(e16 < e8 && (e32 < e16 || e32 < 1e-15), e8 + " " + e16 + " " + e32);
    }

    @ParameterizedTest(name = "a0={0} gamma={1}")
    @CsvSource({"3/10,1/2", "2,2", "1/2,1", "0,3/2", "5/4,0", "7/3,1/4"})
    void curveAgreesWithExactSeriesAtSmallTime(String a0, String gamma) {
        Map<String, Rational> p = exact("a0", a0, "gamma", gamma);
        LimitSeries series = limit.taylor(p, 24);
        double edge = Math.pow(1 + Math.sqrt(r(gamma).doubleValue()), 2) * Math.max(1, r(a0).doubleValue());
        double[] times = {0, 0.002 / edge, 0.01 / edge, 0.02 / edge};
        LimitCurve curve = limit.curve(LimitTestSupport.doubles(p), times);
        assertTrue(LimitTestSupport.maxAbsDiff(curve.train(), LimitTestSupport.summed(series.train(), times)) < 1e-12);
        assertTrue(LimitTestSupport.maxAbsDiff(curve.pop(), LimitTestSupport.summed(series.pop(), times)) < 1e-12);
    }

    @ParameterizedTest(name = "a0={0} gamma={1}")
    @CsvSource({"3/10,1/2", "2,2", "0,3/2", "7/3,1/4"})
    void initialValueMatchesExactFiniteSizeLoss(String a0s, String gammas) {
        // E L(0)/d = 1/2 sigma^4 m (m + d + 1) - sigma^2 m + 1/2 with sigma^2 = a0/m -> (a0 - 1)^2/2 as m/d -> infinity
        Rational a0 = r(a0s);
        Rational expected = a0.subtract(Rational.ONE).pow(2).multiply(Rational.of(1, 2));
        LimitSeries s = limit.taylor(exact("a0", a0s, "gamma", gammas), 0);
        assertEquals(expected, s.train().get(0));
        assertEquals(expected, s.pop().get(0));
    }

    @Test
    void lateTimesFitTheDataAndLeaveTheNullSpaceOfSigma() {
        double a0 = 0.3;
        for (double gamma : new double[] {0.5, 2, 4}) {
            LimitCurve c = limit.curve(Map.of("a0", a0, "gamma", gamma), new double[] {400});
            assertEquals(0, c.train()[0], 1e-12);
            assertEquals(0.5 * Math.max(0, 1 - 1 / gamma) * (a0 - 1) * (a0 - 1), c.pop()[0], 1e-12);
        }
    }

    @Test
    void gammaZeroIsTheLogistic() {
        double a0 = 0.2;
        double[] times = {0, 0.1, 0.7, 2};
        LimitCurve c = limit.curve(Map.of("a0", a0, "gamma", 0.0), times);
        for (int i = 0; i < times.length; i++) {
            double a = a0 / (a0 + (1 - a0) * Math.exp(-4 * times[i]));
            assertEquals(0.5 * (a - 1) * (a - 1), c.train()[i], 1e-14);
            assertEquals(0.5 * (a - 1) * (a - 1), c.pop()[i], 1e-14);
        }
    }
}
