package org.prism.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prism.algebra.Rational;
import org.prism.diagram.ModelEngine;
import org.prism.geometry.IntVector;
import org.prism.model.lang.Examples;

/**
 * The leading-order (planar) engine gives the face series wherever a model's Pareto terms satisfy a tree
 * relation: for every regime of every such settled matrix example, the face series of every tracked loss from
 * the planar coefficients equals the one from the exact coefficients, to order 4, at the ratios 1/2.
 */
class LeadingFaceSeriesTest {
    @ParameterizedTest
    @ValueSource(strings = {"tied-autoencoder", "tied-autoencoder-weight-decay", "untied-autoencoder", "teacher-student", "label-noise-regression",
        "tied-autoencoder-population", "tied-autoencoder-free", "deep-linear"})
    void planarAndExactCoefficientsGiveTheSameFaceSeries(String example) {
        var file = Examples.read(example);
        ModelEngine engine = ExampleRegimesTest.engine(file.model());
        String loss = file.tracked().contains(file.model().flowLoss()) ? file.model().flowLoss() : file.tracked().get(0);
        DerivedPrism d = new PrismDerivation(engine, Map.of()).derive(loss, 4, null);
        assertTrue(d.hasTreeRelation(), example);
        int compared = 0;
        for (Regime r : d.regimes(d.perOrder().dimension() - 1)) {
            IntVector u = d.simplestScaling(r.face()).or(() -> d.centre(r.face())).orElseThrow();
            Map<String, Rational> params = new LinkedHashMap<>();
            for (String ratio : FaceLimit.ratiosNeeded(engine, d, u, file.tracked(), 4, false)) params.put(ratio, Rational.of(1, 2));
            FaceLimit exact = FaceLimit.of(engine, d, d.label(r), u, file.tracked(), params, Map.of(), 4, false, null);
            FaceLimit planar = FaceLimit.of(engine, d, d.label(r), u, file.tracked(), params, Map.of(), 4, true, null);
            for (String l : file.tracked()) {
                assertEquals(exact.values().get(l), planar.values().get(l), example + " " + d.label(r) + " " + l);
                compared++;
            }
        }
        assertTrue(compared > 0);
    }
}
