package org.prism.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prism.algebra.FreeMoments;
import org.prism.algebra.Narayana;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.diagram.MatrixEngine;
import org.prism.geometry.Face;
import org.prism.geometry.IntVector;
import org.prism.model.MatrixLowering;
import org.prism.model.lang.Examples;
import org.prism.regime.DerivedPrism;
import org.prism.regime.FaceLimitSeries;
import org.prism.regime.FaceNames;
import org.prism.regime.PrismDerivation;

/**
 * The mean-field and narrow-latent limits on data with a covariance, a closed form by free probability (each eigendirection of Sigma
 * learns alone; Sigma's law is Marchenko-Pastur freely multiplied by C's law), against the face series of the
 * diagrams, exactly, at the moments of genuine spectra.
 */
class CovarianceMeanFieldTest {
    static final int S = 5;
    static MatrixEngine engine;
    static DerivedPrism prism;

    @BeforeAll
    static void derive() {
        engine = new MatrixEngine(MatrixLowering.lower(Examples.read("tied-autoencoder-covariance").model()).orElseThrow());
        prism = new PrismDerivation(engine, FaceNames.NONE).derive("train", S, null);
    }

    @Test
    void nonCrossingPartitionsAndTheirComplements() {
        int[] catalan = {1, 2, 5, 14, 42, 132, 429, 1430};
        for (int k = 1; k <= 8; k++) {
            List<int[][]> nc = FreeMoments.nonCrossing(k);
            assertEquals(catalan[k - 1], nc.size(), "NC(" + k + ")");
            // |pi| + |K(pi)| = k + 1, and K is a bijection of NC(k)
            java.util.Set<String> images = new java.util.HashSet<>();
            for (int[][] pi : nc) {
                int[][] kp = FreeMoments.kreweras(pi, k);
                assertEquals(k + 1, pi.length + kp.length);
                images.add(java.util.Arrays.deepToString(sorted(kp)));
            }
            assertEquals(nc.size(), images.size());
        }
        // with C = I the moments of the sample covariance are Marchenko-Pastur's (Narayana polynomials)
        Rational gamma = Rational.of(2, 3);
        for (int k = 1; k <= 7; k++) {
            assertEquals(Narayana.mpMoment(k, gamma), FreeMoments.alternating(k, j -> gamma.pow(j - 1), w -> Rational.ONE), "m_" + k);
        }
    }

    private static int[][] sorted(int[][] blocks) {
        int[][] c = blocks.clone();
        java.util.Arrays.sort(c, (x, y) -> Integer.compare(x[0], y[0]));
        return c;
    }

    @Test
    void atTheIdentityItIsTheIsotropicMeanFieldSeries() {
        List<Rational> ones = new ArrayList<>();
        for (int k = 0; k <= S + 1; k++) ones.add(Rational.ONE);
        Map<String, Rational> p = Map.of("a0", Rational.of(1, 3), "gamma", Rational.of(3, 2));
        assertEquals(new MeanFieldLimit().taylor(p, S), MeanFieldLimit.taylorWithCovariance(Rational.of(1, 3), Rational.of(3, 2), ones, S));
    }

    /** The moments C_1..C_K of the law with these eigenvalues, equally weighted. */
    static List<Rational> moments(int count, Rational... eigenvalues) {
        List<Rational> out = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            Rational sum = Rational.ZERO;
            for (Rational l : eigenvalues) sum = sum.add(l.pow(k));
            out.add(sum.multiply(Rational.of(1, eigenvalues.length)));
        }
        return out;
    }

    @Test
    void theDiagramsFaceSeriesIsTheFreeProbabilityClosedForm() {
        // the mean-field facet: its families are 1, d/n, sigma^2 m, sigma^2 d m/n (no sigma^2 d)
        Face meanField = null;
        for (Face f : prism.perOrder().facets()) {
            List<String> names = f.vertices().stream().map(prism.space()::ratio).toList();
            if (names.contains("sigma^2*m") && names.contains("d/n") && !names.contains("sigma^2*d")) meanField = f;
        }
        IntVector u = prism.simplestScaling(meanField).orElseThrow();
        Rational[][] laws = {{Rational.of(1, 2), Rational.of(3, 2)}, {Rational.of(1, 5), Rational.ONE, Rational.of(9, 5)}, {Rational.ZERO, Rational.of(2)}};
        Rational[][] points = {{Rational.of(1, 2), Rational.of(1, 3)}, {Rational.of(3, 2), Rational.of(2)}, {Rational.of(1, 5), Rational.of(7, 3)}};
        for (String loss : List.of("train", "pop")) {
            List<Polynomial> cs = new ArrayList<>();
            for (int s = 0; s <= S; s++) cs.add(engine.exact(loss).coefficient(s));
            Map<String, IntVector> ratios = new LinkedHashMap<>();
            ratios.put("sigma^2*m", prism.space().parseRatio("sigma^2*m"));
            ratios.put("d/n", prism.space().parseRatio("d/n"));
            FaceLimitSeries f = FaceLimitSeries.of(prism, u, loss, cs, ratios);
            int checked = 0;
            for (Rational[] law : laws) {
                List<Rational> c = moments(S + 1, law);
                for (Rational[] pt : points) {
                    Map<String, Rational> values = new LinkedHashMap<>();
                    values.put("sigma^2*m", pt[0]);
                    values.put("d/n", pt[1]);
                    for (int k = 0; k < c.size(); k++) values.put("C_" + (k + 1), c.get(k));
                    LimitSeries closed = MeanFieldLimit.taylorWithCovariance(pt[0], pt[1], c, S);
                    assertEquals(loss.equals("train") ? closed.train() : closed.pop(), f.at(values), loss + " at a0 = " + pt[0] + ", gamma = " + pt[1]
                            + ", C = " + java.util.Arrays.toString(law));
                    checked++;
                }
            }
            assertTrue(checked == 9);
            assertTrue(f.moments().contains("C_" + (S + 1)), f.moments().toString());
        }
    }

    @Test
    void theNarrowLatentFaceSeriesIsTheClosedFormDrivenByTheConvolvedLaw() {
        // narrow-latent: families 1, d/n, sigma^2 d, sigma^2 d^2/n (no sigma^2 m)
        Face narrow = null;
        for (Face f : prism.perOrder().facets()) {
            List<String> names = f.vertices().stream().map(prism.space()::ratio).toList();
            if (names.contains("sigma^2*d") && names.contains("d/n") && !names.contains("sigma^2*m")) narrow = f;
        }
        IntVector u = prism.simplestScaling(narrow).orElseThrow();
        Rational[][] laws = {{Rational.of(1, 2), Rational.of(3, 2)}, {Rational.of(1, 5), Rational.ONE, Rational.of(9, 5)}};
        Rational[][] points = {{Rational.of(1, 2), Rational.of(1, 3)}, {Rational.of(3, 2), Rational.of(2)}};
        for (String loss : List.of("train", "pop")) {
            List<Polynomial> cs = new ArrayList<>();
            for (int s = 0; s <= S; s++) cs.add(engine.exact(loss).coefficient(s));
            Map<String, IntVector> ratios = new LinkedHashMap<>();
            ratios.put("sigma^2*d", prism.space().parseRatio("sigma^2*d"));
            ratios.put("d/n", prism.space().parseRatio("d/n"));
            FaceLimitSeries f = FaceLimitSeries.of(prism, u, loss, cs, ratios);
            for (Rational[] law : laws) {
                List<Rational> c = moments(S + 2, law);
                for (Rational[] pt : points) {
                    Map<String, Rational> values = new LinkedHashMap<>();
                    values.put("sigma^2*d", pt[0]);
                    values.put("d/n", pt[1]);
                    for (int k = 0; k < c.size(); k++) values.put("C_" + (k + 1), c.get(k));
                    LimitSeries closed = NarrowLatentLimit.taylorWithCovariance(pt[0], pt[1], c, S);
                    List<Rational> expected = loss.equals("train") ? closed.train() : closed.pop();
                    List<Rational> got = f.at(values);
                    // the face series starts at order 1 (the loss at t = 0 is of another scale than its change)
                    for (int s = 1; s <= S; s++) {
                        assertEquals(expected.get(s), got.get(s), loss + " f_" + s + " at g = " + pt[0] + ", gamma = " + pt[1] + ", C = "
                                + java.util.Arrays.toString(law));
                    }
                }
            }
        }
        // at C = I the isotropic series
        List<Rational> ones = new ArrayList<>();
        for (int k = 0; k < S + 2; k++) ones.add(Rational.ONE);
        assertEquals(new NarrowLatentLimit().taylor(Map.of("g", Rational.of(1, 2), "gamma", Rational.of(2)), S),
                NarrowLatentLimit.taylorWithCovariance(Rational.of(1, 2), Rational.of(2), ones, S));
    }
}
