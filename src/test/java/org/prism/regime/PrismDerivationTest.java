package org.prism.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.autoencoder.RegimeNames;
import org.prism.diagram.DiagramClass;
import org.prism.diagram.DiagramExpansion;
import org.prism.diagram.LossCoefficients;
import org.prism.diagram.NetworkEngine;
import org.prism.geometry.Face;
import org.prism.geometry.IntVector;
import org.prism.geometry.Polytope;
import org.prism.model.MatrixModel;
import org.prism.model.Models;
import org.prism.model.lang.ModelFile;

class PrismDerivationTest {
    static final int S = 6;
    static final MatrixModel MODEL = Models.tiedAutoencoder();
    static PrismDerivation derivation;
    static List<Polynomial> train = new ArrayList<>();
    static List<Polynomial> trainCounts = new ArrayList<>();
    static DerivedPrism trainPrism;
    static DerivedPrism popPrism;

    @BeforeAll
    static void derive() {
        derivation = new PrismDerivation(MODEL, RegimeNames.TIED_AUTOENCODER);
        LossCoefficients t = new LossCoefficients(MODEL, "train");
        for (int s = 0; s <= S; s++) {
            train.add(t.coefficient(s));
            trainCounts.add(t.pairingCounts(s));
        }
        trainPrism = derivation.derive("train", train, trainCounts);
        popPrism = derivation.derive("pop", S, null);
    }

    private static IntVector v(long sigma, long d, long m, long n) {
        return IntVector.of(sigma, d, m, n);
    }

    /** Brute force, written independently of ParetoFront: x survives unless some y beats it. */
    private static Set<IntVector> bruteForcePareto(Polynomial p) {
        List<IntVector> all = new ArrayList<>();
        for (Monomial m : p.terms().keySet()) all.add(derivation.space().vector(m));
        Set<IntVector> out = new HashSet<>();
        for (IntVector x : all) {
            boolean dominated = false;
            for (IntVector y : all) {
                if (y.equals(x) || y.get(0) != x.get(0)) continue;
                if (y.get(1) >= x.get(1) && y.get(2) >= x.get(2) && y.get(3) >= x.get(3)) dominated = true;
            }
            if (!dominated) out.add(x);
        }
        return out;
    }

    @Test
    void paretoTermsMatchBruteForceDominance() {
        for (int s = 0; s <= S; s++) {
            ParetoTerms p = trainPrism.pareto().get(s);
            assertEquals(bruteForcePareto(train.get(s)), new HashSet<>(p.exponents()), "order " + s);
            for (LeadingTerm t : p.terms()) {
                assertEquals(Polynomial.term(train.get(s).terms().get(derivation.space().monomial(t.exponent())), derivation.space().monomial(t.exponent())), t.terms());
                assertTrue(t.pairings().signum() > 0);
            }
        }
    }

    @Test
    void paretoTermsSatisfyTheTreeEulerRelation() {
        // A leading diagram's graph of pairs (edges: W pairs m-d, X pairs d-n) is a tree: #vertices =
        // #W pairs + #X pairs + 1. With sigma power 2 #W pairs and n power #n vertices - #X pairs
        // (one 1/n per Sigma = X X^T / n): d + m + n - sigma/2 = 1.
        for (ParetoTerms p : trainPrism.pareto()) {
            for (IntVector x : p.exponents()) assertEquals(2, 2 * (x.get(1) + x.get(2) + x.get(3)) - x.get(0), x.toString());
        }
        assertEquals(1, trainPrism.paretoRelations().size());
        var e = trainPrism.paretoRelations().get(0);
        IntVector normal = e.normal();
        long k = normal.get(1);
        assertEquals(v(-k / 2, k, k, k), normal);
        assertEquals(k, e.constant());
    }

    @Test
    void noLeadingFamilyCancelsCheckedAgainstExplicitDiagrams() {
        // second route: the Pareto front of every diagram class (before any cancellation) equals the front of c_s
        LossCoefficients t = new LossCoefficients(MODEL, "train");
        for (int s = 0; s <= 3; s++) {
            List<DiagramClass> classes = DiagramExpansion.of(t.expansion(), "train", s, null).classes();
            Map<Monomial, Rational> all = new HashMap<>();
            for (DiagramClass c : classes) all.put(c.monomial(), Rational.ONE);
            assertEquals(bruteForcePareto(Polynomial.of(all)), bruteForcePareto(train.get(s)), "order " + s);
            assertTrue(trainPrism.pareto().get(s).sameBeforeCancellation());
        }
        for (ParetoTerms p : trainPrism.pareto()) assertTrue(p.sameBeforeCancellation(), "order " + p.order());
    }

    @Test
    void perOrderPolytopeIsTheTriangularPrism() {
        // what one more order of the flow can multiply a tree diagram by: nothing new (1), one more
        // W pair on an m or a d vertex (sigma^2 m, sigma^2 d), one data vertex per Sigma (d/n), or both
        Polytope p = trainPrism.perOrder();
        assertEquals(Set.of(v(0, 0, 0, 0), v(2, 1, 0, 0), v(2, 0, 1, 0), v(0, 1, 0, -1), v(2, 2, 0, -1), v(2, 1, 1, -1)),
                new HashSet<>(p.vertices()));
        assertEquals(List.of(6, 9, 5), List.of(p.fVector()[0], p.fVector()[1], p.fVector()[2]));
        List<Integer> sizes = p.faces(2).stream().map(Face::vertexCount).sorted().toList();
        assertEquals(List.of(3, 3, 4, 4, 4), sizes);
        assertTrue(trainPrism.settled());
    }

    @Test
    void minkowskiStepsHoldForSupportFunctionsOfThePointSets() {
        // independent of hulls: h_{N_{s+1}}(c) = h_{N_s}(c) + h_P(c) over the raw Pareto points
        Random r = new Random(3);
        List<IntVector> pv = trainPrism.perOrder().vertices();
        for (int s = 1; s < S; s++) {
            List<IntVector> lo = trainPrism.pareto().get(s).exponents();
            List<IntVector> hi = trainPrism.pareto().get(s + 1).exponents();
            for (int k = 0; k < 200; k++) {
                IntVector c = v(r.nextInt(21) - 10, r.nextInt(21) - 10, r.nextInt(21) - 10, r.nextInt(21) - 10);
                assertEquals(max(hi, c), max(lo, c) + max(pv, c), "orders " + s + "->" + (s + 1) + " along " + c);
            }
        }
    }

    private static long max(List<IntVector> pts, IntVector c) {
        return pts.stream().mapToLong(c::dot).max().orElseThrow();
    }

    @Test
    void trainAndPopulationLossGiveTheSamePolytope() {
        assertEquals(trainPrism.perOrder(), popPrism.perOrder());
        assertTrue(popPrism.settled());
    }

    @Test
    void infiniteDataLeavesExactlyTheLargeDataTriangle() {
        List<Polynomial> cs = new ArrayList<>();
        List<Polynomial> counts = new ArrayList<>();
        for (int s = 0; s <= S; s++) {
            cs.add(nZero(train.get(s)));
            counts.add(nZero(trainCounts.get(s)));
        }
        DerivedPrism inf = derivation.derive("train", cs, counts);
        Regime largeData = trainPrism.regimes(2).stream().filter(x -> "large-data".equals(x.name())).findFirst().orElseThrow();
        assertEquals(2, inf.perOrder().dimension());
        assertEquals(new HashSet<>(largeData.face().vertices()), new HashSet<>(inf.perOrder().vertices()));
        assertEquals(Set.of(v(0, 0, 0, 0), v(2, 1, 0, 0), v(2, 0, 1, 0)), new HashSet<>(inf.perOrder().vertices()));
    }

    private static Polynomial nZero(Polynomial p) {
        Map<Monomial, Rational> t = new HashMap<>();
        p.terms().forEach((m, c) -> {
            if (m.exponent("n") == 0) t.put(m, c);
        });
        return Polynomial.of(t);
    }

    @Test
    void theFiveTwoFacesAreNamedByTheirRelations() {
        Map<String, Face> byName = new HashMap<>();
        for (Regime r : trainPrism.regimes(2)) byName.put(r.name(), r.face());
        assertEquals(Set.of("large-data", "small-data", "mean-field", "narrow-latent", "free"), byName.keySet());
        // by hand: large-data keeps the n-free families, small-data the ones with one 1/n,
        // mean-field has no sigma^2 d, narrow-latent no sigma^2 m, free no family without sigma
        assertTrue(byName.get("large-data").vertices().stream().allMatch(x -> x.get(3) == 0));
        assertTrue(byName.get("small-data").vertices().stream().allMatch(x -> x.get(3) == -1));
        assertTrue(byName.get("mean-field").vertices().stream().noneMatch(x -> x.equals(v(2, 1, 0, 0))));
        assertTrue(byName.get("narrow-latent").vertices().stream().noneMatch(x -> x.equals(v(2, 0, 1, 0))));
        assertTrue(byName.get("free").vertices().stream().allMatch(x -> x.get(0) == 2));
        for (Regime r : trainPrism.regimes(2)) assertTrue(!r.statement().isEmpty());
        Regime free = trainPrism.regimes(2).stream().filter(x -> "free".equals(x.name())).findFirst().orElseThrow();
        assertEquals("1/(sigma^2*d)", free.timescale());
        assertEquals("d*(sigma^2*d)^2", free.normalisation());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "d=N, m=N, sigma2=N^-1, n=N^2 | large-data | 0",
        "d=N^2, m=N^2, sigma2=N^-2, n=N | small-data | 1",
        "d=N, m=N^2, sigma2=N^-2, n=N | mean-field | 0",
        "d=N^2, m=N, sigma2=N^-2, n=N^2 | narrow-latent | 0",
        "d=N, m=N, sigma2=1, n=N | free | 1",
        "d=N, m=N^2, sigma2=N^-2, n=N^1.5 | mean-field ∩ large-data | 0",
        "d=N, m=N, sigma2=N^-1, n=N | | 0"})
    void classifyScalings(String scaling, String regime, int growth) {
        Scaling sc = Scaling.parse(scaling, derivation.space(), MODEL.sizes());
        Classification c = Classification.of(sc, trainPrism, 3);
        if (regime == null) {
            assertNull(c.regime(), "constant on P: no face is selected");
        } else {
            assertEquals(regime, c.regime().name());
        }
        assertEquals(Rational.of(growth), c.perOrderGrowth());
    }

    /**
     * Odd tensor order: for the asymmetric CP decomposition with nu = 3 only even s_R = s + 1 - s_D occur
     * (Theorem 4.1 of arXiv 2602.04548), so N_{s+1} is no Minkowski step from N_s but N_{s+2} is. From the
     * theorem's terms p^Q H^k sigma^(3(s_D+1)+s), Q = 1 + 2(s_D + 1 - k), two orders either keep s_D
     * (sigma^2), or raise s_D by 2 at fixed k (sigma^8 p^4), or raise s_D and k by 2 (sigma^8 H^2):
     * P = conv{(2,0,0), (8,4,0), (8,0,2)} in (sigma, p, H).
     */
    @Test
    void oddTensorOrderGrowsByOnePolytopeEveryTwoOrders() {
        var model = ModelFile.parse(Path.of("examples/cp3-asym.prism"));
        DerivedPrism d = new PrismDerivation(new NetworkEngine(model), Map.of()).derive("pop", 4, null);
        assertEquals(2, d.period());
        assertTrue(d.settled());
        assertEquals(List.of("sigma", "p", "H"), d.space().symbols());
        assertEquals(Set.of(IntVector.of(2, 0, 0), IntVector.of(8, 4, 0), IntVector.of(8, 0, 2)), new HashSet<>(d.perOrder().vertices()));
    }
}
