package org.prism.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prism.algebra.Monomial;
import org.prism.algebra.Point;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.model.Models;
import org.prism.oracle.BigRational;
import org.prism.oracle.EntrywiseTaylorOracle;
import org.prism.oracle.TaylorModeFlow;

/**
 * The exact coefficients against independent routes: values quoted in the issue, the entrywise
 * symbolic Taylor oracle (polynomials in the matrix entries, Gaussian moments; no words, no Wick
 * recursion), and a Monte Carlo estimate of the Taylor-mode flow with its error bars.
 */
class LossCoefficientsTest {
    static final int S = 3;
    static List<Polynomial> train;
    static List<Polynomial> pop;

    @BeforeAll
    static void compute() {
        LossCoefficients t = new LossCoefficients(Models.tiedAutoencoder(), "train");
        LossCoefficients p = new LossCoefficients(Models.tiedAutoencoder(), "pop");
        train = new java.util.ArrayList<>();
        pop = new java.util.ArrayList<>();
        for (int s = 0; s <= S; s++) {
            train.add(t.coefficient(s));
            pop.add(p.coefficient(s));
        }
    }

    private static Rational at(Polynomial p, String point) {
        return Point.parse(point).evaluate(p);
    }

    @Test
    void valuesQuotedInTheIssue() {
        String p1 = "d=2,m=1,n=1,sigma2=1/2";
        assertEquals(List.of(Rational.of(1), Rational.of(-38), Rational.of(10056)),
                List.of(at(train.get(0), p1), at(train.get(1), p1), at(train.get(2), p1)));
        assertEquals(List.of(Rational.of(1), Rational.of(-12), Rational.of(1936)),
                List.of(at(pop.get(0), p1), at(pop.get(1), p1), at(pop.get(2), p1)));
        String p2 = "d=2,m=2,n=1,sigma2=1/3";
        assertEquals(Rational.of(151808, 27), at(train.get(2), p2));
        assertEquals(Rational.of(87424, 81), at(pop.get(2), p2));
    }

    @ParameterizedTest(name = "d={0} m={1} n={2} sigma2={3}/{4} up to c_{5}")
    @CsvSource({"1,1,1,1,2,3", "2,1,1,1,2,3", "1,2,1,2,3,3", "2,2,1,1,3,3", "2,2,2,1,2,3", "1,1,3,3,7,3", "3,2,2,1,5,3", "2,3,1,2,7,2"})
    void agreesWithEntrywiseSymbolicTaylorOracle(int d, int m, int n, int sp, int sq, int maxOrder) {
        BigRational sigma2 = BigRational.of(sp, sq);
        String point = "d=" + d + ",m=" + m + ",n=" + n + ",sigma2=" + sp + "/" + sq;
        for (boolean isTrain : new boolean[] {true, false}) {
            BigRational[] oracle = EntrywiseTaylorOracle.coefficients(d, m, n, sigma2, maxOrder, isTrain);
            for (int s = 0; s <= maxOrder; s++) {
                Rational mine = at((isTrain ? train : pop).get(s), point);
                assertEquals(oracle[s].toString(), mine.toString(), (isTrain ? "train" : "pop") + " c_" + s + " at " + point);
            }
        }
    }

    @Test
    void monteCarloTaylorModeAgreesWithinErrorBars() {
        // moderate sizes; the flow's Taylor coefficients are computed on sampled W, X in doubles
        int d = 5, m = 3, n = 7;
        double sigma2 = 0.15;
        TaylorModeFlow.MonteCarloEstimate mc = TaylorModeFlow.estimate(d, m, n, sigma2, S, 40_000, 20261123L);
        Map<String, Rational> pt = Map.of("d", Rational.of(d), "m", Rational.of(m), "n", Rational.of(n));
        for (int s = 0; s <= S; s++) {
            double exactTrain = evalDouble(train.get(s), pt, sigma2);
            double exactPop = evalDouble(pop.get(s), pt, sigma2);
            assertWithin(exactTrain, mc.trainMean()[s], mc.trainStdErr()[s], "train c_" + s);
            assertWithin(exactPop, mc.popMean()[s], mc.popStdErr()[s], "pop c_" + s);
        }
    }

    private static void assertWithin(double exact, double mean, double se, String what) {
        assertTrue(Math.abs(mean - exact) <= 4 * se, what + ": exact " + exact + ", Monte Carlo " + mean + " +- " + se);
        // the check has power: the error bar is small against the value
        assertTrue(se < 0.1 * Math.abs(exact), what + ": error bar too wide to be a test (" + se + " vs " + exact + ")");
    }

    private static double evalDouble(Polynomial p, Map<String, Rational> pt, double sigma2) {
        double v = 0;
        for (Map.Entry<Monomial, Rational> t : p.terms().entrySet()) {
            Monomial mo = t.getKey();
            double x = t.getValue().doubleValue() * Math.pow(sigma2, mo.exponent("sigma") / 2.0);
            for (String s : List.of("d", "m", "n")) x *= Math.pow(pt.get(s).doubleValue(), mo.exponent(s));
            v += x;
        }
        return v;
    }

    @Test
    void exponentsHaveTheStructureOfTheTheory() {
        for (int s = 0; s <= S; s++) {
            for (List<Polynomial> loss : List.of(train, pop)) {
                for (Monomial mo : loss.get(s).terms().keySet()) {
                    assertEquals(0, mo.exponent("sigma") % 2, "sigma appears in pairs: " + mo);
                    assertTrue(mo.exponent("n") <= 0, "power of n is <= 0: " + mo);
                    assertTrue(mo.exponent("d") >= 0 && mo.exponent("m") >= 0, mo.toString());
                }
            }
        }
        // order 0 by hand: E tr(A) = sigma^2 m d; E tr(A^2) = sigma^4 (m d^2 + m^2 d + m d);
        // L_pop(0) = tr(A^2)/2 - tr(A) + d/2 (and train equals pop at order 0: E Sigma = I)
        Polynomial c0 = Polynomial.parse("1/2*sigma^4*m*d^2 + 1/2*sigma^4*m^2*d + 1/2*sigma^4*m*d - sigma^2*m*d + 1/2*d");
        assertEquals(c0, pop.get(0));
        assertEquals(c0, train.get(0));
    }
}
