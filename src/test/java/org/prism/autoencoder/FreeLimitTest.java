package org.prism.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prism.autoencoder.LimitTestSupport.exact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prism.algebra.Rational;

/**
 * The free-regime end laws: value 1 at t = 0, decay as t^{-2}, exact series, and both laws as
 * the g -> infinity ends of the large-data series (lowest and highest power of y) and of the
 * mean-field series at gamma = 0 (a0 -> infinity).
 */
class FreeLimitTest {
    @Test
    void endLawsStartAtOneAndDecayAsInverseSquare() {
        for (FreeLimit law : new FreeLimit[] {FreeLimit.narrow(), FreeLimit.wide()}) {
            String p = law.parameterNames().get(0);
            LimitCurve c = law.curve(Map.of(p, 3.0), new double[] {0, 1e3, 1e6});
            assertEquals(1, c.train()[0], 0);
            assertEquals(1, c.pop()[0], 0);
            // t^2 L(t) -> 1/(16 p^2)
            assertEquals(1 / (16 * 9.0), c.train()[2] * 1e12, 1e-7);
            assertTrue(c.train()[1] > c.train()[2]);
            LimitSeries s = law.taylor(exact(p, "3"), 12);
            double t = 0.001;
            assertEquals(law.curve(Map.of(p, 3.0), new double[] {t}).train()[0], LimitSeries.sum(s.train(), t), 1e-14);
        }
    }

    /** Coefficients c_0..c_D of a polynomial of degree <= D from its values at x = 0..D (exact). */
    static List<Rational> interpolate(List<Rational> values) {
        int n = values.size();
        List<Rational> dd = new ArrayList<>(values); // Newton divided differences at nodes 0..n-1
        for (int j = 1; j < n; j++) {
            for (int i = n - 1; i >= j; i--) dd.set(i, dd.get(i).subtract(dd.get(i - 1)).divide(Rational.of(j)));
        }
        List<Rational> c = new ArrayList<>();
        for (int i = 0; i < n; i++) c.add(Rational.ZERO);
        // Horner on the Newton form: p = dd0 + (x - 0)(dd1 + (x - 1)(dd2 + ...))
        for (int k = n - 1; k >= 0; k--) {
            // c <- c * (x - k) + dd_k
            List<Rational> next = new ArrayList<>();
            for (int i = 0; i < n; i++) next.add(Rational.ZERO);
            for (int i = 0; i < n; i++) {
                if (c.get(i).isZero()) continue;
                if (i + 1 < n) next.set(i + 1, next.get(i + 1).add(c.get(i)));
                next.set(i, next.get(i).subtract(c.get(i).multiply(k)));
            }
            next.set(0, next.get(0).add(dd.get(k)));
            c = next;
        }
        return c;
    }

    @Test
    void bothLawsAreTheEndsOfTheLargeDataSeries() {
        LargeDataLimit large = new LargeDataLimit();
        int smax = 4;
        for (int s = 0; s <= smax; s++) {
            int degree = s + 2; // f_s is a polynomial of degree s + 2 in g (and in y)
            // leading coefficient in g, as a function of y, sampled at y = 0..degree
            List<Rational> leadByY = new ArrayList<>();
            for (int yv = 0; yv <= degree; yv++) {
                List<Rational> byG = new ArrayList<>();
                for (int gv = 0; gv <= degree; gv++) {
                    byG.add(large.taylor(Map.of("g", Rational.of(gv), "y", Rational.of(yv)), s).train().get(s));
                }
                leadByY.add(interpolate(byG).get(degree));
            }
            List<Rational> poly = interpolate(leadByY);
            Rational law = FreeLimit.narrow().taylor(Map.of("g", Rational.ONE), s).train().get(s); // (-4)^s (s+1)!
            // E L/d ~ (g^2 y/2) (1 + 4 g t)^{-2} for y -> 0 and (g y)^2/2 (1 + 4 g y t)^{-2} for y -> infinity
            assertEquals(Rational.ZERO, poly.get(0));
            assertEquals(law.multiply(Rational.of(1, 2)), poly.get(1), "y^1, s=" + s);
            assertEquals(law.multiply(Rational.of(1, 2)), poly.get(degree), "y^(s+2), s=" + s);
        }
    }

    @Test
    void wideLawIsTheLargeA0EndOfMeanFieldAtGammaZero() {
        MeanFieldLimit mf = new MeanFieldLimit();
        for (int s = 0; s <= 5; s++) {
            List<Rational> byA0 = new ArrayList<>();
            for (int a = 0; a <= s + 2; a++) byA0.add(mf.taylor(Map.of("a0", Rational.of(a), "gamma", Rational.ZERO), s).pop().get(s));
            Rational lead = interpolate(byA0).get(s + 2);
            assertEquals(FreeLimit.wide().taylor(Map.of("a0", Rational.ONE), s).pop().get(s).multiply(Rational.of(1, 2)), lead);
        }
    }
}
