package org.prism.autoencoder;

import org.prism.regime.Regime;

import org.prism.regime.DerivedPrism;
import org.prism.regime.PrismDerivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prism.algebra.Point;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.diagram.LossCoefficients;
import org.prism.model.MatrixLowering;
import org.prism.model.Models;
import org.prism.model.lang.Examples;
import org.prism.autoencoder.LargeDataLimit;

/**
 * Cross-check A: the face series of the derived regimes (diagrams) against the limit formulas
 * (quadrature-free exact Taylor coefficients written from the theory notes): two independent routes.
 */
class LimitCheckTest {
    static final int S = 5;

    /** The tied autoencoder's polytope derived from its exact c_0..c_S. */
    private static DerivedPrism exactDerivation(String loss) {
        var model = Models.tiedAutoencoder();
        return new PrismDerivation(model, RegimeNames.TIED_AUTOENCODER).derive(loss, new LossCoefficients(model, loss), S, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "pop"})
    void everyRegimeWithAFormulaAgreesExactly(String loss) {
        DerivedPrism prism = exactDerivation(loss);
        List<Polynomial> cs = prism.coefficients();
        List<LimitCheck.Row> rows = LimitCheck.check(prism, cs, Models.tiedAutoencoderRatios(), LimitCheck.defaultPoints());
        Set<String> regimes = rows.stream().map(LimitCheck.Row::regime).collect(Collectors.toSet());
        assertTrue(regimes.containsAll(Set.of("large-data", "mean-field", "narrow-latent", "small-data",
                "free (m << d end)", "free (m >> d end)", "free (n = inf, any y)")), regimes.toString());
        for (LimitCheck.Row r : rows) assertEquals(r.limit(), r.diagrams(), r.regime() + " " + r.loss() + " " + r.point() + " s=" + r.order());
        assertTrue(rows.stream().filter(r -> r.regime().equals("large-data")).count() >= 3 * (S + 1));

        // the check can fail: the large-data limit against the mean-field face differs from order 1 on
        Regime meanField = prism.regimes(2).stream().filter(r -> "mean-field".equals(r.name())).findFirst().orElseThrow();
        FaceSeries wrong = FaceSeries.of(prism, meanField, cs, Models.tiedAutoencoderRatios(), List.of("a0", "gamma"));
        var ld = new LargeDataLimit().taylor(Map.of("g", Rational.of(1, 2), "y", Rational.of(1, 3)), S);
        Rational f1 = new Point(Map.of("a0", Rational.of(1, 2), "gamma", Rational.of(1, 3))).evaluate(wrong.coefficients().get(1));
        assertFalse(f1.equals(loss.equals("pop") ? ld.pop().get(1) : ld.train().get(1)));
    }

    /**
     * The free face has no closed form with data, but it has a dynamics: for sigma^2 d ~ sigma^2 m >> 1
     * only the top-degree part of the loss drives the flow (examples/tied-autoencoder-free.prism).
     * Two routes to the same series: the face of the polytope derived from the exact c_s of the full
     * model, and the planar c_s of that smaller model (no polytope), at sigma = d = 1, m = y, n = 1/gamma
     * (loss scale d (sigma^2 d)^2 and T = 1/(sigma^2 d) are 1 there).
     */
    @ParameterizedTest
    @ValueSource(strings = {"train", "pop"})
    void freeFaceIsThePlanarFlowOfTheTopDegreeLoss(String loss) {
        LossCoefficients free = LossCoefficients.leading(MatrixLowering.lower(Examples.read("tied-autoencoder-free").model()).orElseThrow(), loss);
        DerivedPrism prism = exactDerivation(loss);
        List<Polynomial> cs = prism.coefficients();
        Regime freeFace = prism.regimes(2).stream().filter(r -> "free".equals(r.name())).findFirst().orElseThrow();
        List<Polynomial> series = FaceSeries.of(prism, freeFace, cs, Models.tiedAutoencoderRatios(), List.of("y", "gamma")).coefficients();
        for (Rational[] yg : new Rational[][] {{Rational.of(1, 2), Rational.of(1, 3)}, {Rational.of(2), Rational.of(3, 2)}, {Rational.ONE, Rational.of(1, 2)}}) {
            Point face = new Point(Map.of("y", yg[0], "gamma", yg[1]));
            Point flow = new Point(Map.of("sigma", Rational.ONE, "d", Rational.ONE, "m", yg[0], "n", yg[1].reciprocal()));
            for (int s = 0; s <= S; s++) {
                Rational f = face.evaluate(series.get(s));
                assertFalse(f.isZero(), "f_" + s);
                assertEquals(f, flow.evaluate(free.coefficient(s)), loss + " f_" + s + " at y = " + yg[0] + ", gamma = " + yg[1]);
            }
        }
    }
}
