package org.prism.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prism.algebra.Point;
import org.prism.diagram.LossCoefficients;
import org.prism.model.MatrixLowering;
import org.prism.model.MatrixModel;
import org.prism.model.Models;
import org.prism.model.lang.Examples;
import org.prism.model.lang.ModelFile;

class ModelSimulatorTest {
    private static MatrixModel example(String name) {
        return MatrixLowering.lower(ModelFile.parse(Examples.path(name))).orElseThrow();
    }

    private static ModelSimulationParams params(String at, double dt, int steps, int recordEvery, Integrator integrator, int seeds,
            boolean fixedData) {
        return new ModelSimulationParams(Point.parse(at), new TimeGrid(dt, steps, recordEvery, List.of()), integrator, seeds, 7, fixedData);
    }

    /**
     * Second route: the hand-written tied-autoencoder simulator (its own flow field S = (A-I)Sigma +
     * Sigma(A-I), its own routes) from the same draws. The generic one integrates the velocity the
     * model file's gradient gives. Same W(0), X, steps: the curves agree to rounding.
     */
    @ParameterizedTest
    @CsvSource({"RK4, false", "EULER, false", "RK4, true"})
    void tiedAutoencoderMatchesTheHandWrittenSimulator(Integrator integrator, boolean fixedData) throws InterruptedException {
        int d = 7;
        int m = 3;
        int n = 5;
        double sigma2 = 0.125;
        ModelSimulationResult generic = new ModelSimulator(2).run(Models.tiedAutoencoder(),
                params("d=7,m=3,n=5,sigma2=1/8", 0.02, 60, 20, integrator, 3, fixedData), ProgressListener.NONE);
        SimulationResult own = new GradientDescentSimulator(1).run(
                new SimulationParams(d, m, n, sigma2, 0.02, 60, 20, integrator, 3, 7, fixedData), ProgressListener.NONE);
        assertEquals(List.of("train", "pop"), generic.losses());
        assertArrayEquals(own.times(), generic.times(), 1e-15);
        for (int s = 0; s < 3; s++) {
            for (int j = 0; j < own.times().length; j++) {
                assertEquals(own.trainPerSeed()[s][j], generic.perSeed()[0][s][j], 1e-11 * Math.abs(own.trainPerSeed()[s][j]));
                assertEquals(own.popPerSeed()[s][j], generic.perSeed()[1][s][j], 1e-11 * Math.abs(own.popPerSeed()[s][j]));
            }
        }
        // the curves move: the comparison is not between two constants
        assertTrue(own.trainMean()[0] - own.trainMean()[own.times().length - 1] > 0.05 * own.trainMean()[0]);
    }

    /** OpenBLAS's dgemm and EJML's kernels: the same curves to rounding (transposed leaves included: D^T, E^T in the velocities). */
    @Test
    void backendsAgree() throws InterruptedException {
        assumeTrue(Backend.current() == Backend.OPENBLAS, "native BLAS not loaded here: " + Backend.status());
        MatrixModel model = example("untied-autoencoder");
        ModelSimulationParams p = params("d=9,m=4,n=7,sigma_e2=1/4,sigma_d2=1/2", 0.02, 30, 10, Integrator.RK4, 3, false);
        ModelSimulationResult blas = new ModelSimulator(2, Backend.OPENBLAS).run(model, p, ProgressListener.NONE);
        ModelSimulationResult java = new ModelSimulator(2, Backend.EJML).run(model, p, ProgressListener.NONE);
        assertEquals("matrix products, OpenBLAS dgemm", blas.backend());
        assertEquals("matrix products, EJML", java.backend());
        SimulationChecks.assertSameRuns(blas, java, 1e-12);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws InterruptedException {
        MatrixModel model = example("untied-autoencoder");
        ModelSimulationParams p = params("d=4,m=2,n=3,sigma_e2=1/4,sigma_d2=1/2", 0.05, 20, 10, Integrator.RK4, 5, false);
        ModelSimulationResult one = new ModelSimulator(1).run(model, p, ProgressListener.NONE);
        ModelSimulationResult two = new ModelSimulator(2).run(model, p, ProgressListener.NONE);
        for (int k = 0; k < one.losses().size(); k++) assertArrayEquals(one.mean()[k], two.mean()[k], 0.0);
    }

    /**
     * Monte Carlo against the exact expansion, for models with no hand-written simulator: the mean over
     * runs of L(t) - L(0) (paired, so the spread of L(0) cancels) against sum_{s=1..S} c_s t^s/s! with
     * the exact c_s evaluated at the same sizes. Tolerance: 4 standard errors plus the size of the
     * last term kept (a bound on the truncation when the terms shrink geometrically, as they do here).
     */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "untied-autoencoder; d=3,m=2,n=4,sigma_e2=1/3,sigma_d2=1/2; train; 0.005; 5",
        "untied-autoencoder; d=3,m=2,n=4,sigma_e2=1/3,sigma_d2=1/2; pop; 0.005; 5",
        "teacher-student; k=2,d=3,n=4,sigma2=1/2; train; 0.005; 4",
        "teacher-student; k=2,d=3,n=4,sigma2=1/2; pop; 0.005; 4",
        "deep-linear; d=2,h1=2,h2=3,n=3,sigma_12=1/2,sigma_22=1/2,sigma_32=1/3; train; 0.002; 4",
        "tied-autoencoder-free; d=3,m=2,n=4,sigma2=1/4; train; 0.005; 6",
        "tied-autoencoder-free; d=3,m=2,n=4,sigma2=1/4; pop; 0.005; 6",
        "tied-autoencoder-population; d=3,m=2,sigma2=1/4; pop; 0.005; 8"})
    void monteCarloAgreesWithTheExactSeries(String name, String at, String loss, double t, int order) throws InterruptedException {
        MatrixModel model = example(name);
        int seeds = 20_000;
        ModelSimulationResult r = new ModelSimulator().run(model,
                new ModelSimulationParams(Point.parse(at), new TimeGrid(t / 10, 10, 10, List.of()), Integrator.RK4, seeds, 11, false),
                ProgressListener.NONE);
        SimulationChecks.assertIncrementMatchesSeries(r.perSeed()[r.losses().indexOf(loss)], new LossCoefficients(model, loss), Point.parse(at), t, order,
                name + " " + loss);
    }

    @Test
    void badValuesAreOneLineErrors() {
        MatrixModel model = Models.tiedAutoencoder();
        ModelSimulator sim = new ModelSimulator(1);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> sim.run(model, params("d=3,m=2,sigma2=1", 0.1, 1, 1, Integrator.RK4, 1, false), ProgressListener.NONE));
        assertTrue(missing.getMessage().contains("no value for n"), missing.getMessage());
        IllegalArgumentException fractional = assertThrows(IllegalArgumentException.class,
                () -> sim.run(model, params("d=3/2,m=2,n=2,sigma2=1", 0.1, 1, 1, Integrator.RK4, 1, false), ProgressListener.NONE));
        assertTrue(fractional.getMessage().contains("size d must be a positive integer"), fractional.getMessage());
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> sim.run(model, params("d=100000,m=100000,n=2,sigma2=1", 0.1, 1, 1, Integrator.RK4, 1, false), ProgressListener.NONE));
        assertTrue(huge.getMessage().contains("heap") || huge.getMessage().contains("2^31"), huge.getMessage());
        IllegalArgumentException absurd = assertThrows(IllegalArgumentException.class,
                () -> sim.run(model, params("d=8,m=8,n=8,sigma2=1", 5, 50, 1, Integrator.EULER, 1, false), ProgressListener.NONE));
        assertTrue(absurd.getMessage().contains("far beyond the stability limit of euler"), absurd.getMessage());
    }

    /**
     * The stability estimate against the tied autoencoder's own (power iteration on ||Sigma|| and
     * ||W^T W||, a different formula): both see the same scale. Above the limit a warning, then a
     * divergence that names the step; below it, neither.
     */
    @Test
    void stabilityLimitIsEstimatedAndEnforced() throws InterruptedException {
        MatrixModel model = Models.tiedAutoencoder();
        ModelSimulator sim = new ModelSimulator(1);
        List<String> warnings = new java.util.ArrayList<>();
        ProgressListener listen = new ProgressListener() {
            @Override
            public void stepsDone(long steps) {}

            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
        // tied autoencoder, d = m = n = 8, sigma^2 = 1: lambda ~ ||Sigma|| 2 (||A|| - 1) ~ 4 * 2 * 31 ~ 250, Euler limit ~ 2/250
        DivergenceException blowUp = assertThrows(DivergenceException.class,
                () -> sim.run(model, params("d=8,m=8,n=8,sigma2=1", 0.03, 400, 1, Integrator.EULER, 1, false), listen));
        assertTrue(blowUp.getMessage().contains("reduce --dt"), blowUp.getMessage());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("exceeds the estimated stability limit"), warnings.get(0));
        double limit = Double.parseDouble(warnings.get(0).replaceAll(".*dt < ~([0-9.eE+-]+) .*", "$1"));
        assertTrue(limit > 0.002 && limit < 0.03, "estimated limit " + limit);
        warnings.clear();
        sim.run(model, params("d=8,m=8,n=8,sigma2=1", limit / 4, 20, 5, Integrator.EULER, 1, false), listen);
        assertTrue(warnings.isEmpty(), warnings.toString());
    }
}
