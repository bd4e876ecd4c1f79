package org.prism.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.diagram.MatrixEngine;
import org.prism.geometry.IntVector;
import org.prism.model.MatrixLowering;
import org.prism.model.Models;
import org.prism.model.lang.Examples;

/**
 * Regimes of the tied autoencoder on data with a covariance: bounded moments give the isotropic polytope; a power
 * law gives the polytope its growth predicts (derived by hand below); the alpha scan finds where P changes.
 */
class CovarianceRegimesTest {
    static final int S = 4;
    static MatrixEngine engine;
    static List<Polynomial> cs = new ArrayList<>();
    static List<Polynomial> counts = new ArrayList<>();

    @BeforeAll
    static void coefficients() {
        engine = new MatrixEngine(MatrixLowering.lower(Examples.read("tied-autoencoder-covariance").model()).orElseThrow());
        for (int s = 0; s <= S; s++) {
            cs.add(engine.exact("train").coefficient(s));
            counts.add(engine.exact("train").pairingCounts(s));
        }
    }

    static DerivedPrism derive(MomentGrowth growth) {
        return new PrismDerivation(engine, FaceNames.NONE, growth).derive("train", cs, counts);
    }

    static Set<String> families(DerivedPrism d) {
        Set<String> out = new HashSet<>();
        for (IntVector v : d.perOrder().vertices()) out.add(d.space().ratio(v));
        return out;
    }

    @Test
    void boundedMomentsGiveTheIsotropicPolytope() {
        // with C_k = O(1) every term keeps its powers of the sizes: the Newton polytopes are the isotropic model's
        DerivedPrism cov = derive(MomentGrowth.bounded("d", engine.moments()));
        DerivedPrism iso = new PrismDerivation(new MatrixEngine(Models.tiedAutoencoder()), FaceNames.NONE).derive("train", S, null);
        assertEquals(iso.perOrder().vertices(), cov.perOrder().vertices());
        assertEquals(iso.regimes().size(), cov.regimes().size());
        assertTrue(cov.settled());
    }

    @Test
    void growthExponentsOfTheNormalisedPowerLaw() {
        List<String> m = List.of("C_1", "C_2", "C_3", "C_4", "C_5");
        // alpha = 1/2: C_k ~ d^(k/2 - min(1, k/2)): 0, 0, 1/2, 1, 3/2
        assertEquals(List.of(Rational.ZERO, Rational.ZERO, Rational.of(1, 2), Rational.ONE, Rational.of(3, 2)),
                List.copyOf(MomentGrowth.powerLaw("d", m, Rational.of(1, 2)).growth().values()));
        // alpha >= 1: the top eigenvalue is ~ d, C_k ~ d^(k-1)
        assertEquals(List.of(Rational.ZERO, Rational.ONE, Rational.of(2), Rational.of(3), Rational.of(4)),
                List.copyOf(MomentGrowth.powerLaw("d", m, Rational.of(2)).growth().values()));
        assertEquals(2, MomentGrowth.powerLaw("d", m, Rational.of(1, 2)).scale());
        assertThrows(IllegalArgumentException.class, () -> MomentGrowth.powerLaw("d", m, Rational.ZERO));
    }

    @Test
    void theGrowthExponentsMatchSpectraComputedInDoublePrecision() {
        // independent route: the moments of lambda_i = i^-alpha / mean at d = 2^12 and 2^16, slope of log C_k in log d
        for (double alpha : new double[] {0.4, 0.7, 1.5}) {
            MomentGrowth g = MomentGrowth.powerLaw("d", List.of("C_1", "C_2", "C_3", "C_4"), Rational.exactDecimal(alpha));
            double[] small = moments(1 << 12, alpha);
            double[] large = moments(1 << 16, alpha);
            for (int k = 1; k <= 4; k++) {
                double slope = Math.log(large[k - 1] / small[k - 1]) / Math.log(16);
                double expected = g.growth().get("C_" + k).doubleValue();
                // away from alpha k = 1 the corrections are powers of d; 0.06 allows the slowest of them at these sizes
                if (Math.abs(alpha * k - 1) > 0.15) assertEquals(expected, slope, 0.06, "alpha " + alpha + ", C_" + k);
            }
        }
    }

    private static double[] moments(int d, double alpha) {
        double mean = 0;
        for (int i = 1; i <= d; i++) mean += Math.pow(i, -alpha) / d;
        double[] c = new double[4];
        for (int i = 1; i <= d; i++) {
            double l = Math.pow(i, -alpha) / mean;
            for (int k = 0; k < 4; k++) c[k] += Math.pow(l, k + 1) / d;
        }
        return c;
    }

    @Test
    void aSteepPowerLawLeavesThreeFamilies() {
        // alpha >= 1: lambda_1 ~ d carries the data. A loss term with moments C_{k_1}..C_{k_r} from r = s+1 pairings of the
        // data gains d^(sum k_j - r); the top ones take every pairing into one loop, C_{s+1} ~ d^s, so one more order
        // multiplies by d (no sigma: the eigenvalue's own rate), by sigma^2 d m or by sigma^2 d^2 (the W-paths), and the
        // sample count leaves the leading terms (n's fluctuations are O(1) against a d-sized eigenvalue)
        DerivedPrism d = derive(MomentGrowth.powerLaw("d", engine.moments(), Rational.of(2)));
        assertEquals(Set.of("d", "sigma^2*d*m", "sigma^2*d^2"), families(d));
        assertTrue(d.settled());
    }

    @Test
    void aShallowPowerLawMovesTheFamiliesByTheTopEigenvalue() {
        // 1/3 <= alpha < 1 at these orders: the families of bounded moments 1, sigma^2 m, sigma^2 d are multiplied by the top
        // eigenvalue d^alpha; those with 1/n (the sample fluctuations, d/n, sigma^2 d m/n, sigma^2 d^2/n) keep their powers
        DerivedPrism d = derive(MomentGrowth.powerLaw("d", engine.moments(), Rational.of(1, 2)));
        assertEquals(Set.of("d^(1/2)", "d/n", "sigma^2*d^(1/2)*m", "sigma^2*d*m/n", "sigma^2*d^(3/2)", "sigma^2*d^2/n"), families(d));
        assertTrue(d.settled());
    }

    @Test
    void theAlphaScanFindsThePiecesAndSaysWhereTheOrdersDoNotSettle() {
        AlphaScan.Outcome o = AlphaScan.run(engine, FaceNames.NONE, "train", S, Rational.of(1, 64), null);
        AlphaScan.Result r = o.result();
        assertEquals(MomentGrowth.breakpoints(S + 1), r.breaks());
        AlphaScan.Piece first = r.pieces().get(0);
        AlphaScan.Piece last = r.pieces().get(r.pieces().size() - 1);
        assertEquals(Rational.ZERO, first.from());
        assertEquals(families(derive(MomentGrowth.bounded("d", engine.moments()))), families(first.prism()));
        assertNull(last.to());
        assertEquals(Set.of("d", "sigma^2*d*m", "sigma^2*d^2"), families(last.prism()));
        // the piece holding alpha = 1/2 is the shallow power law's
        AlphaScan.Piece half = r.pieces().stream().filter(p -> p.from().compareTo(Rational.of(1, 2)) <= 0 && p.to() != null
                && p.to().compareTo(Rational.of(1, 2)) >= 0).findFirst().orElseThrow();
        assertTrue(half.prism().settled());
        assertEquals(6, half.prism().perOrder().vertices().size());
        // every change is bracketed within the resolution, or its bracket holds only samples of types seen nowhere else
        for (int i = 0; i < r.changes().size(); i++) {
            AlphaScan.Change c = r.changes().get(i);
            assertTrue(c.above().subtract(c.below()).compareTo(Rational.of(1, 64)) <= 0 || !c.between().isEmpty(), c.toString());
            assertTrue(r.pieces().get(i).to().compareTo(c.below()) <= 0 && r.pieces().get(i + 1).from().compareTo(c.above()) >= 0, c.toString());
        }
        assertEquals(r.pieces().size(), r.changes().size() + 1);
        // a piece the orders do not settle exists and is said to be so
        assertTrue(r.pieces().stream().anyMatch(p -> !p.prism().settled()));
        assertFalse(r.samples().isEmpty());
    }

    @Test
    void exponentSpaceWithARootWritesFractionalPowers() {
        ExponentSpace space = new ExponentSpace(List.of("sigma", "d", "n"), 2);
        IntVector x = space.vector(Monomial.parse("sigma^2*d"));
        assertEquals(IntVector.of(4, 2, 0), x);
        assertEquals("sigma^2*d^(3/2)/n", space.ratio(IntVector.of(4, 3, -2)));
        assertEquals("(0, 1/2, 0)", space.exponents(IntVector.of(0, 1, 0)));
        assertEquals(IntVector.of(0, 2, -4), space.parseRatio("d/n^2"));
        assertThrows(IllegalArgumentException.class, () -> space.monomial(IntVector.of(0, 1, 0)));
        assertNotNull(space.monomial(IntVector.of(0, 2, 0)));
    }
}
