package org.prism.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.prism.algebra.Monomial;
import org.prism.algebra.Point;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.autoencoder.LargeDataLimit;
import org.prism.autoencoder.RegimeNames;
import org.prism.model.MatrixLowering;
import org.prism.model.MatrixModel;
import org.prism.model.Models;
import org.prism.model.lang.Examples;
import org.prism.regime.PrismDerivation;

/**
 * The leading-order (planar) engine against the exact engine, a second algorithm: the planar
 * coefficients are exactly the terms of $c_s$ with $d + m + n - \sigma/2$ maximal (= 1), and exactly
 * its Pareto-maximal terms.
 */
class LeadingCoefficientsTest {
    private static int grade(Monomial m) {
        return m.exponent("d") + m.exponent("m") + m.exponent("n") - m.exponent("sigma") / 2;
    }

    private static Polynomial topGrade(Polynomial p) {
        int top = p.terms().keySet().stream().mapToInt(LeadingCoefficientsTest::grade).max().orElseThrow();
        Map<Monomial, Rational> t = new TreeMap<>();
        p.terms().forEach((m, c) -> {
            if (grade(m) == top) t.put(m, c);
        });
        return Polynomial.of(t);
    }

    private static void agree(int maxOrder) {
        PrismDerivation derivation = new PrismDerivation(Models.tiedAutoencoder(), RegimeNames.TIED_AUTOENCODER);
        for (String loss : new String[] {"train", "pop"}) {
            LossCoefficients exact = new LossCoefficients(Models.tiedAutoencoder(), loss);
            LossCoefficients planar = LossCoefficients.leading(Models.tiedAutoencoder(), loss);
            for (int s = 0; s <= maxOrder; s++) {
                Polynomial e = exact.coefficient(s);
                Polynomial p = planar.coefficient(s);
                assertEquals(topGrade(e), p, loss + " c_" + s + ": planar = top grade of the exact coefficient");
                p.terms().keySet().forEach(m -> assertEquals(1, grade(m)));
                assertEquals(derivation.leadingTerms(s, e, exact.pairingCounts(s)).asPolynomial(),
                        derivation.leadingTerms(s, p, planar.pairingCounts(s)).asPolynomial(),
                        loss + " c_" + s + ": same Pareto terms");
                assertEquals(p, derivation.leadingTerms(s, p, planar.pairingCounts(s)).asPolynomial(),
                        loss + " c_" + s + ": every planar term is Pareto-maximal");
            }
        }
    }

    @Test
    void planarTermsAreTheTopGradeAndParetoTermsOfTheExactCoefficients() {
        agree(5);
    }

    @Test
    @Tag("slow")
    void upToOrderEight() {
        agree(8);
    }

    @Test
    void populationOrderZeroByHand() {
        // 1/2 tr(W^T W W^T W) - tr(W^T W) + d/2, planar pairings only:
        // tr(W^T W W^T W): pairs (1,2)(3,4) -> sigma^4 m^2 d, (1,4)(2,3) -> sigma^4 m d^2; tr(W^T W) -> sigma^2 m d
        Polynomial expected = Polynomial.parse("1/2*sigma^4*m^2*d + 1/2*sigma^4*m*d^2 - sigma^2*m*d + 1/2*d");
        assertEquals(expected, LossCoefficients.leading(Models.tiedAutoencoder(), "pop").coefficient(0));
    }

    private static MatrixModel populationFlow() {
        return MatrixLowering.lower(Examples.read("tied-autoencoder-population").model()).orElseThrow();
    }

    /** Without data every word of D^s L is a power of W^T W: the planar engine is the top grade of the exact one there too. */
    @Test
    void populationFlowPlanarIsTheTopGradeOfTheExactCoefficients() {
        LossCoefficients exact = new LossCoefficients(populationFlow(), "pop");
        LossCoefficients planar = LossCoefficients.leading(populationFlow(), "pop");
        for (int s = 0; s <= 5; s++) assertEquals(topGrade(exact.coefficient(s)), planar.coefficient(s), "c_" + s);
    }

    /**
     * Order 30 of the data-free flow against the large-data closed form (the paper's large-data formula), a route
     * without diagrams: every planar term sigma^2a d^b m^c has b + c = a + 1, so c_s = d f_s(g, y) with
     * g = sigma^2 d, y = m/d, and f_s are the Taylor coefficients of 1/2 + g Psi(-t, y, g). At d = 1 the
     * planar c_s evaluated at sigma = sqrt(g), m = y must be f_s exactly.
     */
    @Test
    void populationFlowToOrderThirtyEqualsTheLargeDataClosedForm() {
        int order = 30;
        LossCoefficients planar = LossCoefficients.leading(populationFlow(), "pop");
        for (Rational[] sy : new Rational[][] {{Rational.of(1, 2), Rational.of(1, 3)}, {Rational.of(3, 2), Rational.of(2)}, {Rational.ONE, Rational.ONE}}) {
            Rational sigma = sy[0];
            Rational y = sy[1];
            List<Rational> f = new LargeDataLimit().taylor(Map.of("g", sigma.multiply(sigma), "y", y), order).pop();
            Point at = new Point(Map.of("sigma", sigma, "d", Rational.ONE, "m", y));
            for (int s = 0; s <= order; s++) assertEquals(f.get(s), at.evaluate(planar.coefficient(s)), "c_" + s + " at sigma = " + sigma + ", y = " + y);
        }
    }
}
