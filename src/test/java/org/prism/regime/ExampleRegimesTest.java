package org.prism.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.diagram.MatrixEngine;
import org.prism.diagram.ModelEngine;
import org.prism.diagram.NetworkEngine;
import org.prism.geometry.IntVector;
import org.prism.model.MatrixLowering;
import org.prism.model.TensorModel;
import org.prism.model.lang.Examples;
import org.prism.model.lang.ModelFile;

/**
 * The regime polytopes of the example models a theorist would write beyond the paper, each against a
 * derivation by hand (in the comments).
 */
class ExampleRegimesTest {

    static ModelEngine engine(TensorModel m) {
        return MatrixLowering.lower(m).<ModelEngine>map(MatrixEngine::new).orElseGet(() -> new NetworkEngine(m));
    }

    static DerivedPrism derive(String example, String loss, int order) {
        return new PrismDerivation(engine(Examples.read(example).model()), Map.of()).derive(loss, order, null);
    }

    /** The vertices of P as monomials, e.g. {"1", "sigma^2*m"}. */
    static Set<String> families(DerivedPrism d) {
        return new HashSet<>(d.familyNames());
    }

    /** The families without data (no power of n): the face of P where n grows fastest. */
    static Set<String> dataFree(DerivedPrism d) {
        int n = d.space().index("n");
        return d.perOrder().vertices().stream().filter(v -> v.get(n) == 0).map(d::familyName).collect(Collectors.toSet());
    }

    private static Monomial monomial(Object... symbolPower) {
        Map<String, Integer> e = new TreeMap<>();
        for (int i = 0; i < symbolPower.length; i += 2) e.put((String) symbolPower[i], (Integer) symbolPower[i + 1]);
        return Monomial.of(e);
    }

    /**
     * Weight decay: the flow on L_tr + lambda/2 ||W||^2 has velocity -W S - lambda W. One more order either
     * applies a term of -W S (a family of the tied autoencoder: 1, d/n, sigma^2 m, sigma^2 d, sigma^2 d m/n,
     * sigma^2 d^2/n) or -lambda W, which multiplies the term by lambda and changes no index structure. So
     * P = conv(prism, lambda): a pyramid with apex lambda over the prism (f-vector (6, 9, 5)), so 6 + 1
     * vertices, 9 + 6 edges (the prism's and one to each vertex), 5 + 9 2-faces (the prism's and one over each
     * edge) and 1 + 5 3-faces (the base and one over each 2-face). At the apex T = 1/lambda.
     */
    @Test
    void weightDecayTurnsThePrismIntoAPyramid() {
        DerivedPrism d = derive("tied-autoencoder-weight-decay", "train", 6);
        assertEquals(List.of("sigma", "d", "m", "n", "lambda"), d.space().symbols());
        assertTrue(d.settled(), () -> d.families().unsettled().toString());
        assertEquals(1, d.period());
        assertEquals(Set.of("1", "lambda", "d/n", "sigma^2*m", "sigma^2*d", "sigma^2*d*m/n", "sigma^2*d^2/n"), families(d));
        assertEquals(List.of(7, 15, 14, 6), Arrays.stream(d.perOrder().fVector()).boxed().toList());
        IntVector apex = IntVector.of(0, 0, 0, 0, 1);
        List<Regime> facets = d.regimes(3);
        assertEquals(6, facets.size());
        // the base (no lambda) is the tied autoencoder's prism; the other five contain the apex
        assertEquals(1, facets.stream().filter(r -> !r.face().vertices().contains(apex)).count());
        Regime atApex = d.regimes(0).stream().filter(r -> r.face().vertices().equals(List.of(apex))).findFirst().orElseThrow();
        assertEquals("1/lambda", atApex.timescale());
        // weight decay alone: the loss relaxes as e^{-4 lambda t} of its W-dependent part, so the change is of the
        // size of that part, c_0 - d/2, whose leading terms vary with the ratios the apex leaves free
        assertFalse(atApex.change().uniform());
        assertTrue(d.families().lagging().isEmpty());
    }

    /**
     * The same flow tracked on the population loss: the same pyramid, but the data family d/n multiplies
     * sigma^2 d m only from order 1 (c_s has sigma^2 d m (d/n)^(s-1)), while lambda does from order 0
     * (c_s has sigma^2 d m lambda^s: weight decay alone gives E L_pop = ... + sigma^2 d m e^{-2 lambda t} terms).
     * Along the centre u of the vertex d/n the two chains are worth u.(2,1,1,0,0) + s u_lambda and
     * u.(2,1,1,0,0) + (s - 1) u.(d/n); they tie at s = u.(d/n) / (u.(d/n) - u_lambda), and the step after the
     * tie is the first to grow by h_P(u). Both chains are checked to be terms of c_1..c_6.
     */
    @Test
    void onThePopulationLossTheDataFamilyTrailsWeightDecay() {
        DerivedPrism d = derive("tied-autoencoder-weight-decay", "pop", 6);
        assertTrue(d.settled());
        assertEquals(derive("tied-autoencoder-weight-decay", "train", 6).perOrder(), d.perOrder());
        for (int s = 1; s <= 6; s++) {
            Map<Monomial, Rational> t = d.coefficients().get(s).terms();
            assertNotEquals(null, t.get(monomial("sigma", 2, "d", 1, "m", 1, "lambda", s)), "sigma^2 d m lambda^" + s + " in c_" + s);
            assertNotEquals(null, t.get(monomial("sigma", 2, "d", s, "m", 1, "n", 1 - s)), "sigma^2 d m (d/n)^" + (s - 1) + " in c_" + s);
        }
        IntVector dn = IntVector.of(0, 1, 0, -1, 0);
        var lag = d.families().lagging().stream().filter(u -> u.face().vertices().equals(List.of(dn))).findFirst().orElseThrow();
        IntVector u = lag.direction();
        long base = u.dot(IntVector.of(2, 1, 1, 0, 0));
        long lambda = u.get(4);
        long data = u.dot(dn);
        assertTrue(data > lambda, "d/n leads P along its own centre");
        long tie = 1;
        while (base + tie * lambda > base + (tie - 1) * data) tie++;
        assertEquals(tie + 1, lag.settleBy());
        assertEquals(7, d.families().lagging().size());
        for (var l : d.families().lagging()) assertFalse(l.face().vertices().contains(IntVector.of(0, 0, 0, 0, 1)), "lambda never trails");
    }

    /**
     * Label noise: W - T obeys d(W - T)/dt = -(W - T) Sigma + E X^T / n, a linear flow; every order applies
     * Sigma once more, and E tr(Sigma^j)/d is a polynomial in d/n of degree j - 1, so one order multiplies a
     * leading term by 1 or d/n; the noise only enters as a forcing with its own offset (eps^2). So P is the
     * teacher-student segment [1, d/n]. At t = 0: E L_tr = 1/(2n) E||(W - T) X - E||^2 = 1/2 (sigma^2 + 1) k d +
     * 1/2 k eps^2, three terms none of which dominates the others on either face (sigma and eps are free).
     */
    @Test
    void labelNoiseKeepsTheSegmentAndAddsANoiseFloorToTheLossScale() {
        DerivedPrism d = derive("label-noise-regression", "train", 6);
        assertTrue(d.settled());
        assertEquals(Set.of("1", "d/n"), families(d));
        Polynomial c0 = d.coefficients().get(0);
        assertEquals(Map.of(monomial("sigma", 2, "k", 1, "d", 1), Rational.of(1, 2), monomial("eps", 2, "k", 1), Rational.of(1, 2),
                monomial("k", 1, "d", 1), Rational.of(1, 2)), c0.terms());
        for (Regime r : d.regimes()) {
            assertEquals(Set.of("k*d", "sigma^2*k*d", "eps^2*k"), r.loss().pieces().stream().map(LeadingScale.Piece::text).collect(Collectors.toSet()));
        }
    }

    /**
     * Two-layer linear student of a teacher, at n = infinity: W1' = -W2^T (W2 W1 - T), W2' = -(W2 W1 - T) W1^T.
     * The teacher term brings one student letter and one T, so T letters pair over two orders: T^T T adds an
     * input vertex (d), T T^T an output vertex (k). The cubic term brings a pair W2^T W2 (sigma_2^2 and a hidden
     * or output vertex) or W1 W1^T (sigma_1^2 and a hidden or input vertex), so two orders multiply by
     * sigma_2^4 h^2, sigma_2^4 k^2, sigma_1^4 h^2 or sigma_1^4 d^2 (mixed products are midpoints). The data-free
     * families of the model with data must be these six, and P of the same student trained on its population
     * loss (a second computation, no data at all) must be their hull.
     */
    @Test
    void twoLayerStudentGrowsEveryTwoOrdersByTeacherAndWeightFamilies() {
        DerivedPrism d = derive("two-layer-student", "train", 6);
        assertTrue(d.settled());
        assertEquals(2, d.period());
        Set<String> hand = Set.of("d", "k", "sigma_2^4*h^2", "sigma_2^4*k^2", "sigma_1^4*h^2", "sigma_1^4*d^2");
        assertEquals(hand, dataFree(d));
        TensorModel population = ModelFile.parse("""
                size k, h, d
                param W1[h, d] ~ normal(0, sigma_1^2)
                param W2[k, h] ~ normal(0, sigma_2^2)
                data  T[k, d]  ~ normal(0, 1)
                loss pop = 1/2 * ||W2 W1 - T||^2
                flow gradient(pop)
                """, "two-layer-population.prism");
        DerivedPrism p = new PrismDerivation(engine(population), Map.of()).derive("pop", 6, null);
        assertTrue(p.settled());
        assertEquals(2, p.period());
        assertEquals(hand, families(p));
    }

    /**
     * Denoising: at n = infinity the flow on 1/(2n)||A (X + Z) - X||^2 has linear part W (X + Z) X^T / n -> W
     * (family 1) and cubic part W A (X + Z)(X + Z)^T / n -> (1 + eps^2) W A (families sigma^2 m, sigma^2 d and
     * their eps^2 multiples): the data-free families are {1, sigma^2 m, sigma^2 d, sigma^2 eps^2 m, sigma^2 eps^2 d}.
     * At finite n, Z X^T / n is odd in Z: its families come in pairs over two orders, which c_0..c_4 (all the
     * exact engine reaches: D^5 has 5.5e5 words, x11.7 per order) cannot settle; the derivation must say so.
     */
    @Test
    void denoisingAutoencoderIsHonestlyUnsettledAtTheOrdersWithinReach() {
        DerivedPrism d = derive("denoising-autoencoder", "train", 4);
        assertEquals(Set.of("1", "sigma^2*m", "sigma^2*d", "sigma^2*eps^2*m", "sigma^2*eps^2*d"), dataFree(d));
        assertFalse(d.settled());
        int eps = d.space().index("eps");
        assertTrue(d.families().unsettled().stream().anyMatch(u -> u.kind() == FamilyPolytope.Kind.OUTGROWN && u.direction().get(eps) > 0),
                () -> d.families().unsettled().toString());
    }
}
