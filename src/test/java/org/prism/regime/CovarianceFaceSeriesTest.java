package org.prism.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.diagram.MatrixEngine;
import org.prism.geometry.Face;
import org.prism.geometry.IntVector;
import org.prism.model.MatrixLowering;
import org.prism.model.Models;
import org.prism.model.lang.Examples;

/** Face series of the tied autoencoder on data with a covariance: its moments are parameters, and at C = I they are the isotropic model's. */
class CovarianceFaceSeriesTest {
    static final int S = 5;
    static MatrixEngine cov;
    static MatrixEngine iso;
    static DerivedPrism covPrism;
    static DerivedPrism isoPrism;

    @BeforeAll
    static void derive() {
        cov = new MatrixEngine(MatrixLowering.lower(Examples.read("tied-autoencoder-covariance").model()).orElseThrow());
        iso = new MatrixEngine(Models.tiedAutoencoder());
        covPrism = new PrismDerivation(cov, FaceNames.NONE).derive("train", S, null);
        isoPrism = new PrismDerivation(iso, FaceNames.NONE).derive("train", S, null);
    }

    static Polynomial atIdentity(Polynomial p) {
        Map<Monomial, Rational> out = new TreeMap<>();
        for (Map.Entry<Monomial, Rational> t : p.terms().entrySet()) {
            TreeMap<String, Integer> e = new TreeMap<>(t.getKey().exponents());
            e.keySet().removeIf(x -> x.startsWith("C_"));
            out.merge(Monomial.of(e), t.getValue(), Rational::add);
        }
        return Polynomial.of(out);
    }

    @Test
    void onEveryFacetTheSeriesAtTheIdentityAreTheIsotropicOnes() {
        assertEquals(isoPrism.perOrder().vertices(), covPrism.perOrder().vertices());
        int facets = 0;
        for (Face f : covPrism.perOrder().facets()) {
            IntVector u = covPrism.simplestScaling(f).orElse(null);
            if (u == null) continue;
            for (String loss : List.of("train", "pop")) {
                List<Polynomial> cs = new ArrayList<>();
                List<Polynomial> is = new ArrayList<>();
                for (int s = 0; s <= S; s++) {
                    cs.add(cov.exact(loss).coefficient(s));
                    is.add(iso.exact(loss).coefficient(s));
                }
                Map<String, IntVector> ratios = ratiosOf(covPrism, u, loss, cs);
                FaceLimitSeries withMoments = FaceLimitSeries.of(covPrism, u, loss, cs, ratios);
                FaceLimitSeries isotropic = FaceLimitSeries.of(isoPrism, u, loss, is, ratios);
                List<Polynomial> reduced = withMoments.series().stream().map(CovarianceFaceSeriesTest::atIdentity).toList();
                assertEquals(isotropic.series(), reduced, "facet " + f.vertices() + ", " + loss);
            }
            facets++;
        }
        assertEquals(5, facets);
    }

    /** The ratios a face series needs, found as the limit command finds them. */
    static Map<String, IntVector> ratiosOf(DerivedPrism prism, IntVector u, String loss, List<Polynomial> cs) {
        Map<String, IntVector> ratios = new LinkedHashMap<>();
        for (int round = 0; round < 4; round++) {
            try {
                FaceLimitSeries.of(prism, u, loss, cs, ratios);
                return ratios;
            } catch (FaceLimitSeries.MissingRatios m) {
                ratios.clear();
                for (int i = 0; i < m.names().size(); i++) ratios.put(m.names().get(i), m.ratios().get(i));
            }
        }
        return ratios;
    }

    @Test
    void theMomentsArePartsOfTheSeriesAndNeedValues() {
        Face large = null;
        for (Face f : covPrism.perOrder().facets()) if (f.vertices().stream().allMatch(v -> v.get(3) == 0)) large = f; // no 1/n family
        IntVector u = covPrism.simplestScaling(large).orElseThrow();
        List<Polynomial> cs = new ArrayList<>();
        for (int s = 0; s <= S; s++) cs.add(cov.exact("train").coefficient(s));
        Map<String, IntVector> ratios = ratiosOf(covPrism, u, "train", cs);
        FaceLimitSeries f = FaceLimitSeries.of(covPrism, u, "train", cs, ratios);
        // n -> infinity: Sigma -> C, so order s carries moments up to C_{s+1}
        assertTrue(f.moments().contains("C_1") && f.moments().contains("C_" + (S + 1)), f.moments().toString());
        Map<String, Rational> values = new LinkedHashMap<>();
        for (String r : ratios.keySet()) values.put(r, Rational.of(1, 2));
        assertThrows(IllegalArgumentException.class, () -> f.at(values));
        for (String m : f.moments()) values.put(m, Rational.ONE);
        FaceLimitSeries isotropic = FaceLimitSeries.of(isoPrism, u, "train", isoCoefficients("train"), ratios);
        assertEquals(isotropic.at(values), f.at(values));
        assertFalse(f.series().get(1).equals(atIdentity(f.series().get(1))));
    }

    static List<Polynomial> isoCoefficients(String loss) {
        List<Polynomial> out = new ArrayList<>();
        for (int s = 0; s <= S; s++) out.add(iso.exact(loss).coefficient(s));
        return out;
    }
}
