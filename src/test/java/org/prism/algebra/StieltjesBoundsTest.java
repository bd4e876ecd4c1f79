package org.prism.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StieltjesBoundsTest {
    private static final double[] TAUS = {0, 0.05, 0.25, 0.5, 1, 2, 5, 20};

    /** a_k = (-1)^k (k+1) c^k m_k from the moments m_k of rho. */
    private static List<Rational> taylor(List<Rational> moments, Rational c) {
        List<Rational> a = new ArrayList<>();
        for (int k = 0; k < moments.size(); k++) {
            Rational ak = moments.get(k).multiply(Rational.of(k + 1)).multiply(c.pow(k));
            a.add(k % 2 == 0 ? ak : ak.negate());
        }
        return a;
    }

    @Test
    void randomPositiveMixturesLieWithinTheirBounds() {
        // brute force: rho = sum_j w_j delta_{x_j}, f(tau) = sum_j w_j (1 + c x_j tau)^-2 evaluated directly
        Random rnd = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int atoms = 8;
            Rational[] x = new Rational[atoms];
            Rational[] w = new Rational[atoms];
            for (int j = 0; j < atoms; j++) {
                x[j] = Rational.of(1 + rnd.nextInt(800), 100);
                w[j] = Rational.of(1 + rnd.nextInt(99), 100);
            }
            Rational c = Rational.of(1 + rnd.nextInt(4));
            int n = 2 + rnd.nextInt(11); // N = 2..12: Hankel forms of size <= 7 < 8 atoms stay positive definite
            List<Rational> m = new ArrayList<>();
            for (int k = 0; k <= n; k++) {
                Rational mk = Rational.ZERO;
                for (int j = 0; j < atoms; j++) mk = mk.add(w[j].multiply(x[j].pow(k)));
                m.add(mk);
            }
            Optional<StieltjesBounds> b = StieltjesBounds.of(taylor(m, c), c);
            assertTrue(b.isPresent(), "a positive mixture passes the Hankel test, trial " + trial);
            for (double tau : TAUS) {
                double f = 0;
                for (int j = 0; j < atoms; j++) {
                    double g = 1 / (1 + c.doubleValue() * x[j].doubleValue() * tau);
                    f += w[j].doubleValue() * g * g;
                }
                double[] lu = b.get().at(tau);
                double tol = 1e-9 * Math.max(1, f);
                assertTrue(lu[0] <= lu[1], "ordered");
                assertTrue(lu[0] - tol <= f && f <= lu[1] + tol,
                        "trial " + trial + " N=" + n + " tau=" + tau + ": " + f + " not in [" + lu[0] + ", " + lu[1] + "]");
            }
            // at tau = 0 both rules give m_0 exactly: no room
            double[] zero = b.get().at(0);
            assertEquals(m.get(0).doubleValue(), zero[0], 1e-12 * m.get(0).doubleValue());
            assertEquals(zero[0], zero[1], 1e-12 * m.get(0).doubleValue());
        }
    }

    /** Catalan numbers: the moments of the Marchenko-Pastur law at y = 1. */
    private static Rational catalan(int k) {
        BigInteger c = BigInteger.ONE;
        for (int i = 0; i < k; i++) c = c.multiply(BigInteger.valueOf(2L * (2 * i + 1))).divide(BigInteger.valueOf(i + 2));
        return Rational.of(c);
    }

    @Test
    void theFreeFaceWithoutDataIsInsideAndTheBoundsTightenWithTheOrder() {
        // gamma = 0, y = 1 (the free regime at n = infinity, the paper's end law): f(tau) = int x^2 (1 + 4 x tau)^-2 dmu_1 / int x^2 dmu_1,
        // mu_1 the MP law on [0, 4] with density sqrt(x (4 - x)) / (2 pi x); rho = x^2 mu_1 / Cat(2), m_k = Cat(k+2) / Cat(2).
        double[] widths = new double[13];
        for (int n = 2; n <= 12; n++) {
            List<Rational> m = new ArrayList<>();
            for (int k = 0; k <= n; k++) m.add(catalan(k + 2).divide(catalan(2)));
            StieltjesBounds b = StieltjesBounds.of(taylor(m, Rational.of(4)), Rational.of(4)).orElseThrow();
            for (double tau : TAUS) {
                double f = freeWithoutData(tau);
                double[] lu = b.at(tau);
                assertTrue(lu[0] - 1e-12 <= f && f <= lu[1] + 1e-12, "N=" + n + " tau=" + tau + ": " + f + " not in [" + lu[0] + ", " + lu[1] + "]");
            }
            double[] lu = b.at(1);
            widths[n] = lu[1] - lu[0];
            if (n > 2) assertTrue(widths[n] < widths[n - 1], "width at tau = 1 shrinks: N=" + n + " " + widths[n] + " vs " + widths[n - 1]);
        }
        assertTrue(widths[12] < 2e-2 * freeWithoutData(1), "order 12 pins the curve at tau = 1 to 2%: width " + widths[12]);
    }

    /** The closed form by quadrature in theta (x = 2 + 2 cos theta): smooth and periodic, so the trapezoid rule converges geometrically. */
    private static double freeWithoutData(double tau) {
        int n = 4000;
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            double th = Math.PI * (i + 0.5) / n;
            double x = 2 + 2 * Math.cos(th);
            // dmu = sqrt(x (4 - x)) / (2 pi x) dx, dx = 2 sin(theta) dtheta, sqrt(x (4 - x)) = 2 sin(theta)
            double dmu = 4 * Math.sin(th) * Math.sin(th) / (2 * Math.PI * x) * (Math.PI / n);
            double g = 1 / (1 + 4 * x * tau);
            num += x * x * g * g * dmu;
            den += x * x * dmu;
        }
        return num / den;
    }

    @Test
    void seriesThatAreNoMixtureAreRejected() {
        // f = 1 - tau (+ 0 tau^2): m_0 m_2 - m_1^2 = -1/(4 c^2) < 0
        assertTrue(StieltjesBounds.of(List.of(Rational.ONE, Rational.MINUS_ONE, Rational.ZERO), Rational.ONE).isEmpty());
        // f = exp(-tau): m_k = 1/((k+1)! c^k) decays faster than any a^k, impossible for a measure with mass away from 0
        List<Rational> exp = new ArrayList<>();
        Rational fact = Rational.ONE;
        for (int k = 0; k <= 12; k++) {
            if (k > 0) fact = fact.multiply(Rational.of(k));
            exp.add((k % 2 == 0 ? Rational.ONE : Rational.MINUS_ONE).divide(fact));
        }
        assertTrue(StieltjesBounds.of(exp, Rational.ONE).isEmpty());
        // a signed measure, rho = delta_1 - delta_2 / 2 + delta_3: its 3 x 3 Hankel determinant is the product of the weights
        // times a squared Vandermonde determinant, negative
        List<Rational> m = new ArrayList<>();
        for (int k = 0; k <= 6; k++) m.add(Rational.ONE.subtract(Rational.of(2).pow(k).divide(Rational.of(2))).add(Rational.of(3).pow(k)));
        assertTrue(StieltjesBounds.of(taylor(m, Rational.ONE), Rational.ONE).isEmpty());
    }
}
