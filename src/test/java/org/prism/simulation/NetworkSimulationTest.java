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
import org.junit.jupiter.params.provider.ValueSource;
import org.prism.algebra.Point;
import org.prism.diagram.NetworkEngine;
import org.prism.model.MatrixLowering;
import org.prism.model.Models;
import org.prism.model.TensorModel;
import org.prism.model.lang.Examples;
import org.prism.model.lang.ModelFile;

/** The simulator's tensor-network route ({@link NetworkFlow}): against the matrix routes, and against the exact series. */
class NetworkSimulationTest {
    private static TensorModel example(String name) {
        return ModelFile.parse(Examples.path(name));
    }

    private static ModelSimulationParams params(String at, double dt, int steps, int recordEvery, Integrator integrator, int seeds, boolean fixedData) {
        return new ModelSimulationParams(Point.parse(at), new TimeGrid(dt, steps, recordEvery, List.of()), integrator, seeds, 7, fixedData);
    }

    /**
     * Second route: the hand-written tied-autoencoder simulator (its own flow field, its own
     * products) from the same draws; the network route contracts the networks of the model file's
     * gradient. Same W(0), X and steps: equal to rounding.
     */
    @ParameterizedTest
    @CsvSource({"RK4, false", "EULER, true"})
    void tiedAutoencoderMatchesTheHandWrittenSimulator(Integrator integrator, boolean fixedData) throws InterruptedException {
        ModelSimulationResult network = new ModelSimulator(2).run(Models.tiedAutoencoderFile(),
                params("d=7,m=3,n=5,sigma2=1/8", 0.02, 60, 20, integrator, 3, fixedData), ProgressListener.NONE);
        SimulationResult own = new GradientDescentSimulator(1).run(new SimulationParams(7, 3, 5, 0.125, 0.02, 60, 20, integrator, 3, 7, fixedData),
                ProgressListener.NONE);
        assertEquals(List.of("train", "pop"), network.losses());
        for (int s = 0; s < 3; s++) {
            for (int j = 0; j < own.times().length; j++) {
                assertEquals(own.trainPerSeed()[s][j], network.perSeed()[0][s][j], 1e-11 * Math.abs(own.trainPerSeed()[s][j]));
                assertEquals(own.popPerSeed()[s][j], network.perSeed()[1][s][j], 1e-11 * Math.abs(own.popPerSeed()[s][j]));
            }
        }
        assertTrue(own.trainMean()[0] - own.trainMean()[own.times().length - 1] > 0.05 * own.trainMean()[0], "the curves move");
    }

    /** Every other matrix example: the network route equals the matrix-chain route, run for run. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "untied-autoencoder; d=6,m=3,n=5,sigma_e2=1/4,sigma_d2=1/2",
        "teacher-student; k=2,d=4,n=5,sigma2=1/2",
        "deep-linear; d=3,h1=2,h2=3,n=4,sigma_12=1/2,sigma_22=1/2,sigma_32=1/3"})
    void matrixModelsMatchTheMatrixRoute(String name, String at) throws InterruptedException {
        TensorModel model = example(name);
        ModelSimulationParams p = params(at, 0.01, 40, 20, Integrator.RK4, 3, false);
        ModelSimulationResult network = new ModelSimulator(2).run(model, p, ProgressListener.NONE);
        ModelSimulationResult matrix = new ModelSimulator(2).run(MatrixLowering.lower(model).orElseThrow(), p, ProgressListener.NONE);
        SimulationChecks.assertSameRuns(matrix, network, 1e-11);
    }

    /** OpenBLAS on the large products and Java loops: the same curves to rounding. */
    @Test
    void backendsAgree() throws InterruptedException {
        assumeTrue(Backend.current() == Backend.OPENBLAS, "native BLAS not loaded here: " + Backend.status());
        TensorModel model = example("cp3-asym");
        ModelSimulationParams p = params("p=24,H=20,sigma2=1/16", 0.01, 20, 10, Integrator.RK4, 2, false);
        ModelSimulationResult blas = new ModelSimulator(2, Backend.OPENBLAS).run(model, p, ProgressListener.NONE);
        ModelSimulationResult java = new ModelSimulator(2, Backend.EJML).run(model, p, ProgressListener.NONE);
        assertTrue(blas.backend().contains("OpenBLAS"), blas.backend());
        SimulationChecks.assertSameRuns(blas, java, 1e-12);
    }

    /**
     * Steps of equal structure are shared: cp3-asym's velocities -dL/dA = -A ((B^T B) o (C^T C)) + ...
     * need the three Gram matrices once each (3 p H^2) and three products with a factor (3 p H^2),
     * not two Grams per velocity (which would make 9 p H^2).
     */
    @Test
    void equalStepsAreComputedOnce() {
        int p = 64;
        int h = 48;
        NetworkFlow flow = new NetworkFlow(example("cp3-asym"), Point.parse("p=" + p + ",H=" + h + ",sigma2=1/64"));
        double cost = flow.multiplyAddsPerEvaluation();
        assertTrue(cost < 7.0 * p * h * h && cost > 6.0 * p * h * h, "cost " + cost / ((double) p * h * h) + " p H^2");
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws InterruptedException {
        TensorModel model = example("cp3-sym");
        ModelSimulationParams p = params("p=3,H=2,sigma2=1/4", 0.05, 20, 10, Integrator.RK4, 5, false);
        ModelSimulationResult one = new ModelSimulator(1).run(model, p, ProgressListener.NONE);
        ModelSimulationResult two = new ModelSimulator(2).run(model, p, ProgressListener.NONE);
        for (int k = 0; k < one.losses().size(); k++) assertArrayEquals(one.mean()[k], two.mean()[k], 0.0);
    }

    /**
     * Monte Carlo against the exact expansion of the tensor engine (a route that shares nothing with
     * the simulator but the model file): the mean over runs of L(t) - L(0) (paired, so the spread of
     * L(0) cancels) against sum_{s=1..S} c_s t^s/s!. Tolerance: 4 standard errors plus the last term kept.
     * The c_s of these polynomial flows grow faster than factorially over a Gaussian start (c_4/c_3 is
     * about 1500 for cp3-sym at these sizes), so t is chosen where the terms still fall by 5x or more.
     */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "cp3-sym; p=2,H=2,sigma2=1/16; 0.005; 4",
        "cp3-asym; p=2,H=2,sigma2=1/4; 0.01; 4",
        "cp4-sym; p=2,H=2,sigma2=1/16; 0.001; 4"})
    void monteCarloAgreesWithTheExactSeries(String name, String at, double t, int order) throws InterruptedException {
        TensorModel model = example(name);
        int seeds = 20_000;
        ModelSimulationResult r = new ModelSimulator().run(model,
                new ModelSimulationParams(Point.parse(at), new TimeGrid(t / 10, 10, 10, List.of()), Integrator.RK4, seeds, 11, false),
                ProgressListener.NONE);
        SimulationChecks.assertIncrementMatchesSeries(r.perSeed()[0], new NetworkEngine(model).exact("pop"), Point.parse(at), t, order, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"p=3,sigma2=1/4", "p=3,H=2.5,sigma2=1/4", "p=3,H=2,sigma2=1/4,q=1"})
    void badPointsAreOneLineErrors(String at) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModelSimulator(1).run(example("cp3-sym"), params(at, 0.01, 2, 1, Integrator.RK4, 1, false), ProgressListener.NONE));
        assertTrue(!e.getMessage().contains("\n") && !e.getMessage().isBlank(), e.getMessage());
    }
}
