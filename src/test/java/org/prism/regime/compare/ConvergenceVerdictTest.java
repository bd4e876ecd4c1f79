package org.prism.regime.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict rule on errors made up to sit on each side of its thresholds. */
class ConvergenceVerdictTest {
    private static final double[] N = {32, 64, 128};

    private static ConvergenceVerdict.Loss loss(double[] errors, double noise, Double rate) {
        return new ConvergenceVerdict.Loss("pop", "N", N, errors, new double[] {noise, noise, noise}, rate);
    }

    @Test
    void passFailAndInconclusive() {
        var pass = ConvergenceVerdict.of(List.of(loss(new double[] {0.08, 0.04, 0.02}, 0.001, 1.0)), 1, false);
        assertEquals(FaceComparison.Verdict.PASS, pass.verdict());
        assertEquals("pop 2.00% at N = 128, rate 1.00 (within 5%, falling)", pass.reason());
        // above 5% at three sizes and not converging (rate 0.1 < half the approach rate 1)
        var fail = ConvergenceVerdict.of(List.of(loss(new double[] {0.30, 0.29, 0.28}, 0.001, 0.1)), 1, false);
        assertEquals(FaceComparison.Verdict.FAIL, fail.verdict(), fail.reason());
        // above 5% but falling at the approach rate: larger sizes needed
        var slow = ConvergenceVerdict.of(List.of(loss(new double[] {0.32, 0.16, 0.08}, 0.001, 1.0)), 1, false);
        assertEquals(FaceComparison.Verdict.INCONCLUSIVE, slow.verdict());
        assertTrue(slow.reason().contains("larger sizes needed"), slow.reason());
        // a failing loss decides over a passing one
        var mixed = ConvergenceVerdict.of(List.of(loss(new double[] {0.08, 0.04, 0.02}, 0.001, 1.0),
                loss(new double[] {0.30, 0.29, 0.28}, 0.001, 0.1)), 1, false);
        assertEquals(FaceComparison.Verdict.FAIL, mixed.verdict());
    }

    @Test
    void aQuickRunIsInconclusiveAndSaysWhatItShowed() {
        var q = ConvergenceVerdict.of(List.of(loss(new double[] {0.30, 0.29, 0.28}, 0.001, 0.1)), 1, true);
        assertEquals(FaceComparison.Verdict.INCONCLUSIVE, q.verdict());
        assertTrue(q.reason().startsWith("a quick run, too small to judge convergence: fail at these sizes; pop 28.00%"), q.reason());
    }
}
