package org.prism.regime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prism.algebra.MarchenkoPastur;
import org.prism.algebra.Narayana;
import org.prism.algebra.Rational;
import org.prism.algebra.Resummation;
import org.prism.autoencoder.FreeResummation;
import org.prism.autoencoder.LimitCheck;
import org.prism.autoencoder.LimitSeries;
import org.prism.autoencoder.RegimeLimits;
import org.prism.autoencoder.RegimeNames;
import org.prism.diagram.MatrixEngine;
import org.prism.diagram.ModelEngine;
import org.prism.geometry.Face;
import org.prism.model.Models;
import org.prism.model.lang.Examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


/**
 * Face limits of any model against routes that do not use the diagrams: linear regression's limit derived
 * by hand, and the tied autoencoder's closed forms (cross-check A run through the general machinery).
 */
class FaceLimitTest {
    static final int S = 7;
    static ModelEngine regression;
    static DerivedPrism regressionPrism;

    @BeforeAll
    static void derive() {
        regression = ExampleRegimesTest.engine(Examples.read("teacher-student").model());
        regressionPrism = new PrismDerivation(regression, Map.of()).derive("train", S, null);
    }

    private static FaceLimit regressionLimit(String face, Map<String, Rational> params) {
        Face f = face.equals("P") ? regressionPrism.perOrder().faceLattice().top() : regressionPrism.regime(face).orElseThrow().face();
        return FaceLimit.of(regression, regressionPrism, face, regressionPrism.centre(f).orElseThrow(), List.of("train", "pop"), params, Map.of(),
                S, false, null);
    }

    private static Map<String, Rational> params(String... kv) {
        Map<String, Rational> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], Rational.parse(kv[i + 1]));
        return m;
    }

    /**
     * Linear regression, W - T = (W_0 - T) e^{-Sigma t} (the flow dW/dt = -(W - T) Sigma), so with v = sigma^2 and the
     * teacher's unit variance E L_tr = 1/2 k (v + 1) E tr(Sigma e^{-2 Sigma t}) and E L_pop = 1/2 k (v + 1) E tr(e^{-2 Sigma t}).
     * As k, d, n grow with gamma = d/n fixed (the whole segment P: every family counts), E tr(Sigma^j)/d tends to the
     * Marchenko-Pastur moment m_j(gamma) = sum_i Narayana(j, i) gamma^(i-1), so per k d
     * f_s(train) = 1/2 (v + 1) (-2)^s m_{s+1}(gamma) and f_s(pop) = 1/2 (v + 1) (-2)^s m_s(gamma), exactly, at every order.
     */
    @Test
    void linearRegressionIsTheMarchenkoPasturAverageOfAnExponential() {
        for (String[] point : new String[][] {{"1/2", "1/3"}, {"2", "3/5"}, {"1/7", "4"}}) {
            Rational gamma = Rational.parse(point[0]);
            Rational v = Rational.parse(point[1]);
            FaceLimit limit = regressionLimit("P", params("d/n", point[0], "sigma^2", point[1]));
            Rational half = v.add(Rational.ONE).divide(Rational.of(2));
            List<Rational> train = new ArrayList<>();
            List<Rational> pop = new ArrayList<>();
            for (int s = 0; s <= S; s++) {
                Rational scale = half.multiply(Rational.of(-2).pow(s));
                train.add(scale.multiply(mp(s + 1, gamma)));
                pop.add(scale.multiply(mp(s, gamma)));
            }
            assertEquals(train, limit.values().get("train"), "gamma = " + gamma);
            assertEquals(pop, limit.values().get("pop"), "gamma = " + gamma);
            assertEquals("E L_train / (k*d)", limit.series().get("train").normalisation(regressionPrism.space()));
            assertEquals("tau = t", limit.timeUnit());
        }
    }

    /**
     * The curve, not only its coefficients: from f_0..f_12 the Pade-Borel resummation (Gauss quadrature of the spectral
     * measure) must reproduce 1/2 (v + 1) int l^j e^{-2 l tau} d mu_gamma(l) (j = 1 train, 0 pop), integrated numerically
     * against the Marchenko-Pastur law, within its claim (the tolerance of the largest value so far) wherever it claims
     * the curve, and claim it to tau = 3 at least; here the spread between the two highest approximants covers the error.
     */
    @Test
    void theResummedRegressionCurveIsTheMarchenkoPasturIntegral() {
        DerivedPrism d12 = new PrismDerivation(regression, Map.of()).derive("train", 12, null);
        FaceLimit limit = FaceLimit.of(regression, d12, "P", d12.centre(d12.perOrder().faceLattice().top()).orElseThrow(), List.of("train", "pop"),
                params("d/n", "1/2", "sigma^2", "1/3"), Map.of(), 12, false, null);
        double[] taus = {0, 0.5, 1, 2, 3};
        var curves = limit.curves(taus);
        var mp = new MarchenkoPastur(0.5);
        double half = (1 + 1.0 / 3) / 2;
        for (String loss : List.of("train", "pop")) {
            Resummation.Curve c = curves.get(loss);
            assertTrue(c.validUpTo() >= 3, loss + ": " + c.method() + " valid to " + c.validUpTo());
            assertTrue(c.method().startsWith("Pade-Borel"), c.method());
            int j = loss.equals("train") ? 1 : 0;
            for (int i = 0; i < taus.length; i++) {
                double tau = taus[i];
                double exact = half * mp.integrate(l -> Math.pow(l, j) * Math.exp(-2 * l * tau), 4096);
                // the claim: within the tolerance of the largest value so far (here the value at 0)
                assertEquals(exact, c.value()[i], Resummation.TOLERANCE * Math.abs(c.value()[0]), loss + " at tau = " + tau);
                assertTrue(Math.abs(exact - c.value()[i]) <= 2 * c.spread()[i] + 1e-12, loss + ": the spread covers the error at tau = " + tau);
            }
            // the loss of a linear model is a positive mixture of decaying exponentials, so its Markov-Krein bounds
            // must hold the Marchenko-Pastur integral at every time, also far beyond the resummation's claim
            double[] far = {0.5, 1, 2, 3, 6, 12};
            Resummation.Curve wide = limit.curves(far).get(loss);
            assertTrue(wide.bounds() != null, loss + ": the face series pass the Hankel test");
            for (int i = 0; i < far.length; i++) {
                double tau = far[i];
                double exact = half * mp.integrate(l -> Math.pow(l, j) * Math.exp(-2 * l * tau), 4096);
                double[] b = wide.bounds()[i];
                assertTrue(b[0] - 1e-9 <= exact && exact <= b[1] + 1e-9, loss + " at tau = " + tau + ": " + exact + " in " + Arrays.toString(b));
            }
            assertTrue(wide.bounds()[1][1] - wide.bounds()[1][0] < 1e-6, loss + ": tight at tau = 1");
        }
    }

    /** m_j(gamma) = sum_{i=1..j} N(j, i) gamma^(i-1), m_0 = 1: the moments of the Marchenko-Pastur law of ratio gamma. */
    private static Rational mp(int j, Rational gamma) {
        if (j == 0) return Rational.ONE;
        Rational m = Rational.ZERO;
        for (int i = 1; i <= j; i++) m = m.add(Rational.of(Narayana.number(j, i)).multiply(gamma.pow(i - 1)));
        return m;
    }

    /**
     * The vertices of the segment are exponentials, proved by the coefficients. d/n -> 0: Sigma -> I, both losses
     * 1/2 (v + 1) k d e^{-2t}. d/n -> infinity: Sigma has n eigenvalues d/n and d - n zeros, so in tau = (d/n) t
     * E L_tr = 1/2 (v + 1) k d e^{-2 tau}, and the population loss changes by 1/2 (v + 1) k n (e^{-2 tau} - 1), of the
     * order of k n only, far below its value k d (v + 1)/2: the curve is that change per k n.
     */
    @Test
    void theVerticesOfLinearRegressionAreExponentials() {
        Rational v = Rational.of(1, 3);
        double[] taus = {0, 0.5, 1, 3};
        FaceLimit large = regressionLimit("F1", params("sigma^2", "1/3"));
        FaceLimit small = regressionLimit("F2", params("sigma^2", "1/3"));
        double a = v.add(Rational.ONE).doubleValue() / 2;
        for (FaceLimit l : List.of(large, small)) {
            Resummation.Curve train = l.curves(taus).get("train");
            assertEquals("2/3*exp(-2*tau)", train.closedForm().text());
            for (int i = 0; i < taus.length; i++) assertEquals(a * Math.exp(-2 * taus[i]), train.value()[i], 1e-15);
        }
        assertEquals("2/3*exp(-2*tau)", large.curves(taus).get("pop").closedForm().text());
        assertEquals("-2/3 + 2/3*exp(-2*tau)", small.curves(taus).get("pop").closedForm().text());
        assertEquals("(E L_pop - E L_pop(0)) / (k*n)", small.series().get("pop").normalisation(regressionPrism.space()));
        assertEquals("tau = (d/n) t", small.timeUnit());
    }

    @Test
    void aRatioThatIsNotFixedOrMissingIsRefusedInOneLine() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> regressionLimit("P", params("d/n", "1/2")));
        assertTrue(missing.getMessage().contains("such as d/n, sigma^2") || missing.getMessage().contains("such as sigma^2, d/n"), missing.getMessage());
        IllegalArgumentException moving = assertThrows(IllegalArgumentException.class, () -> regressionLimit("F1", params("sigma^2", "1", "d/n", "1")));
        assertTrue(moving.getMessage().contains("'d/n' is not fixed"), moving.getMessage());
    }

    /**
     * Cross-check A through the general machinery: on each of the tied autoencoder's faces with a closed form, the
     * general face series (levels along the face's centre, scale chosen by the code) equals the Taylor coefficients
     * of the closed form at rational parameter points, exactly, for both losses and every order to 6. The narrow-latent
     * face (and the small-data population loss) measure the change only, so their f_0 is 0 where the closed form
     * keeps the constant offset; every other coefficient must agree.
     */
    @Test
    void theTiedAutoencodersClosedFormsAreInstancesOfTheGeneralFaceSeries() {
        var engine = new MatrixEngine(Models.tiedAutoencoder());
        DerivedPrism d = new PrismDerivation(engine, RegimeNames.TIED_AUTOENCODER).derive("train", 6, null);
        int checked = 0;
        for (var e : LimitCheck.defaultPoints().entrySet()) {
            Regime r = d.regime(e.getKey()).orElseThrow();
            for (Map<String, Rational> point : e.getValue()) {
                FaceLimit general = FaceLimit.of(engine, d, e.getKey(), d.centre(r.face()).orElseThrow(), List.of("train", "pop"), point,
                        Models.tiedAutoencoderRatios(), 6, false, null);
                LimitSeries closed = RegimeLimits.byName(e.getKey()).taylor(point, 6);
                for (String loss : List.of("train", "pop")) {
                    List<Rational> g = general.values().get(loss);
                    List<Rational> c = loss.equals("train") ? closed.train() : closed.pop();
                    boolean change = !general.series().get(loss).relative();
                    for (int s = change ? 1 : 0; s <= 6; s++) {
                        assertEquals(c.get(s), g.get(s), e.getKey() + " " + loss + " at " + point + ", order " + s);
                        checked++;
                    }
                    if (change) assertEquals(Rational.ZERO, g.get(0));
                }
            }
        }
        assertEquals(4 * 3 * 2 * 7 - 3 * 2 - 3, checked, "narrow-latent (both losses) and small-data pop start at order 1");
    }

    @Test
    void theFreeFaceSeriesIsTheOneTheFreeResummationUses() {
        var engine = new MatrixEngine(Models.tiedAutoencoder());
        DerivedPrism d = new PrismDerivation(engine, RegimeNames.TIED_AUTOENCODER).derive("train", 5, null);
        Map<String, Rational> point = params("y", "1", "gamma", "1/2");
        FaceLimit general = FaceLimit.of(engine, d, "free", d.centre(d.regime("free").orElseThrow().face()).orElseThrow(), List.of("train"), point,
                Models.tiedAutoencoderRatios(), 5, false, null);
        List<Rational> ratio = FreeResummation.of(d, d.coefficients(), Models.tiedAutoencoderRatios()).taylor(Rational.ONE, Rational.of(1, 2));
        List<Rational> g = general.values().get("train");
        Rational fact = Rational.ONE;
        for (int s = 0; s <= 5; s++) {
            if (s > 0) fact = fact.multiply(Rational.of(s));
            // the resummation's Taylor coefficients are f_s / (s! f_0)
            assertEquals(ratio.get(s), g.get(s).divide(g.get(0)).divide(fact), "order " + s);
        }
        assertFalse(general.curves(new double[] {0, 0.1}).get("train").closedForm() != null, "the free face has no closed form");
    }

    /**
     * The small-data limit's curve (a generating function integrated on a contour) against a route that shares none
     * of its code: the small-data face series from the planar diagrams to order 10, resummed. Wherever the resummation
     * claims the curve (its two best approximants within 0.1%), the two must agree within that claim.
     */
    @Test
    void theSmallDataCurveIsTheResummedFaceSeries() {
        var engine = new MatrixEngine(Models.tiedAutoencoder());
        DerivedPrism d = new PrismDerivation(engine, RegimeNames.TIED_AUTOENCODER).derive("train", 4, null);
        Regime small = d.regime("small-data").orElseThrow();
        Map<String, Rational> point = params("g", "1/2", "y", "1/2");
        FaceLimit general = FaceLimit.of(engine, d, "small-data", d.centre(small.face()).orElseThrow(), List.of("train", "pop"), point,
                Models.tiedAutoencoderRatios(), 10, true, null);
        double[] taus = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.75, 1};
        var curves = general.curves(taus);
        var closed = RegimeLimits.byName("small-data").curve(Map.of("g", 0.5, "y", 0.5), taus);
        int compared = 0;
        for (String loss : List.of("train", "pop")) {
            Resummation.Curve c = curves.get(loss);
            double[] exact = loss.equals("train") ? closed.train() : closed.pop();
            double scale = 0;
            for (int i = 0; i < taus.length; i++) {
                scale = Math.max(scale, Math.abs(c.value()[i]));
                if (taus[i] > c.validUpTo()) break;
                assertEquals(exact[i], c.value()[i], Resummation.TOLERANCE * scale + 1e-12, loss + " at tau = " + taus[i] + " (" + c.method() + ")");
                compared++;
            }
        }
        assertTrue(compared >= 6, "the resummation claims a few times beyond 0: " + compared);
    }
}
