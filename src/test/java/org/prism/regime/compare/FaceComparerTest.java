package org.prism.regime.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prism.algebra.Rational;
import org.prism.diagram.MatrixEngine;
import org.prism.model.MatrixLowering;
import org.prism.model.MatrixModel;
import org.prism.model.TensorModel;
import org.prism.model.lang.Examples;
import org.prism.model.lang.ModelFile;
import org.prism.regime.DerivedPrism;
import org.prism.regime.FaceLimit;
import org.prism.regime.PrismDerivation;
import org.prism.simulation.ModelSimulator;

/** Cross-check B for any face: a right prediction passes, a wrong one fails. */
class FaceComparerTest {
    private static final Map<String, Rational> PARAMS = Map.of("d/n", Rational.of(1, 2), "sigma^2", Rational.of(1, 3));

    private static FaceLimit regressionLimit(DerivedPrism d, MatrixEngine engine) {
        return FaceLimit.of(engine, d, "P", d.centre(d.perOrder().faceLattice().top()).orElseThrow(), List.of("train", "pop"), PARAMS, Map.of(), 10,
                false, null);
    }

    /**
     * Linear regression at fixed d/n (its limit checked against the hand derivation in FaceLimitTest): at k = d = n/2 =
     * 8 .. 128 the mean simulated curves differ from it by no more than their Monte Carlo noise (2 SE) plus a finite-size
     * bias of order 1/N, and the comparison passes.
     */
    @Test
    void linearRegressionConvergesToItsLimit() throws Exception {
        TensorModel model = Examples.read("teacher-student").model();
        MatrixModel matrix = MatrixLowering.lower(model).orElseThrow();
        MatrixEngine engine = new MatrixEngine(matrix);
        DerivedPrism d = new PrismDerivation(engine, Map.of()).derive("train", 10, null);
        FaceLimit limit = regressionLimit(d, engine);
        FaceComparison c = new FaceComparer(new ModelSimulator(2)).run("teacher-student", model, matrix, d, limit,
                new FaceComparer.Options(5, 32, 2, 9, 60), 1, x -> {});
        assertEquals(FaceComparison.Verdict.PASS, c.verdict(), c.reason());
        assertEquals(5, c.sizes().size());
        assertTrue(c.taus()[c.taus().length - 1] >= 1.5, "the resummed curve is claimed well beyond tau = 1");
        for (FaceComparison.Size s : c.sizes()) {
            for (String loss : List.of("train", "pop")) {
                assertTrue(s.error().get(loss) <= s.noise().get(loss) + 0.5 / s.n(), loss + " at N = " + s.n() + ": error " + s.error().get(loss)
                        + ", noise " + s.noise().get(loss));
            }
        }
        // the limit of a linear model is a positive mixture of decaying exponentials: both losses carry Markov-Krein
        // bounds, which hold the resummed curve (a second route to the same limit) at every time, and the largest
        // size's mean within 3 SE at most times
        FaceComparison.Size last = c.sizes().get(4);
        for (String loss : List.of("train", "pop")) {
            double[][] b = last.bounds().get(loss);
            assertTrue(b != null, loss + " has bounds");
            for (int t = 0; t < b.length; t++) {
                double p = last.predicted().get(loss)[t];
                assertTrue(b[t][0] - 1e-9 <= p && p <= b[t][1] + 1e-9, loss + " at tau = " + c.taus()[t] + ": " + p + " in " + Arrays.toString(b[t]));
            }
            assertTrue(last.timesMeetingBounds(loss, 3) >= c.taus().length - 2, loss + ": " + last.timesMeetingBounds(loss, 3));
        }
        // the point keeps the ratios asked for, up to rounding the sizes
        var at = c.sizes().get(4).at().values();
        assertEquals(0.5, at.get("d").doubleValue() / at.get("n").doubleValue(), 0.02);
    }

    /**
     * The same prediction against the model with twice the loss (1/n instead of 1/(2n), ||W - T||^2 instead of half of
     * it): its curves are twice as high and run twice as fast, an error of the order of 100% at every size that does
     * not shrink, so the comparison must fail.
     */
    @Test
    void aWrongPredictionFails() throws Exception {
        TensorModel right = Examples.read("teacher-student").model();
        MatrixEngine engine = new MatrixEngine(MatrixLowering.lower(right).orElseThrow());
        DerivedPrism d = new PrismDerivation(engine, Map.of()).derive("train", 8, null);
        FaceLimit limit = regressionLimit(d, engine);
        TensorModel louder = ModelFile.parse("""
                model teacher-student
                size k, d, n
                param W[k, d] ~ normal(0, sigma^2)
                data  T[k, d] ~ normal(0, 1)
                data  X[d, n] ~ normal(0, 1)
                loss train = 1/n * ||W X - T X||^2
                loss pop   = ||W - T||^2
                flow gradient(train)
                """, "twice.prism");
        FaceComparison c = new FaceComparer(new ModelSimulator(2)).run("twice", louder, MatrixLowering.lower(louder).orElseThrow(), d, limit,
                new FaceComparer.Options(3, 4, 1, 5, 60), 1, x -> {});
        assertEquals(FaceComparison.Verdict.FAIL, c.verdict(), c.reason());
        assertTrue(c.lastError() > 0.5, "error " + c.lastError());
    }
}
