package org.prism.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prism.oracle.TaylorModeFlow;

class GradientDescentSimulatorTest {

    private static double[][] gaussian(SplittableRandom r, int rows, int cols, double sd) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) row[j] = sd * r.nextGaussian();
        }
        return a;
    }

    private static double[][] finalLosses(double[][] w, double[][] x, double t, int steps, Integrator integrator, Route route)
            throws InterruptedException {
        double[][] tr = GradientDescentSimulator.trajectory(new DMatrixRMaj(w), new DMatrixRMaj(x), t / steps,
                new int[] {0, steps}, integrator, route);
        return new double[][] {{tr[1][1]}, {tr[2][1]}};
    }

    private static void assertAllFinite(double[]... arrays) {
        for (double[] a : arrays) {
            for (double v : a) assertTrue(Double.isFinite(v), "non-finite value " + v);
        }
    }

    // (a) the simulated gradient-flow curve matches the Taylor polynomial of the same W(0), X to O(t^(S+1))

    @ParameterizedTest(name = "S = {0}, loss {1}")
    @CsvSource({"1,0", "2,0", "3,0", "4,0", "1,1", "2,1", "3,1", "4,1"})
    void rk4CurveAgreesWithTaylorPolynomialOfTheSameSample(int order, int loss) throws InterruptedException {
        SplittableRandom r = new SplittableRandom(20240 + order);
        int d = 3;
        int m = 2;
        int n = 4;
        double[][] w = gaussian(r, m, d, Math.sqrt(0.3));
        double[][] x = gaussian(r, d, n, 1.0);
        double[] derivs = TaylorModeFlow.derivatives(w, x, order + 1)[loss];
        double[] c = new double[order + 2];
        double fact = 1;
        for (int s = 0; s <= order + 1; s++) {
            if (s > 0) fact *= s;
            c[s] = derivs[s] / fact;
        }
        double next = Math.abs(c[order + 1]);
        assertTrue(next > 1e-6, "test sample needs a non-zero next coefficient");
        int levels = 6;
        double[] ratio = new double[levels];
        double[] coarser = new double[levels];
        for (int j = 0; j < levels; j++) {
            double t = 0.04 / (1 << j);
            double sim = finalLosses(w, x, t, 40, Integrator.RK4, Route.FEATURE_SIGMA)[loss][0];
            double poly = 0;
            for (int s = order; s >= 0; s--) poly = poly * t + c[s];
            ratio[j] = Math.abs(sim - poly) / Math.pow(t, order + 1);
            coarser[j] = Math.abs(sim - (poly - c[order] * Math.pow(t, order))) / Math.pow(t, order + 1);
        }
        for (int j = 0; j < levels; j++) {
            assertTrue(ratio[j] <= 1.5 * next, "remainder / t^(S+1) bounded as t halves: " + java.util.Arrays.toString(ratio)
                    + " vs |c_(S+1)| = " + next);
        }
        // it tends to |c_(S+1)|, with an error that halves with t
        assertEquals(next, ratio[levels - 1], 0.03 * next, java.util.Arrays.toString(ratio));
        assertTrue(Math.abs(ratio[levels - 1] - next) <= 0.7 * Math.abs(ratio[levels - 3] - next) + 1e-9 * next,
                "convergence of the ratio: " + java.util.Arrays.toString(ratio));
        // control: one order fewer in the polynomial and the same ratio grows like 1/t
        assertTrue(coarser[levels - 1] > 10 * coarser[0], "control ratio should blow up: " + java.util.Arrays.toString(coarser));
    }

    // (b) Euler converges to the gradient flow (RK4) at rate O(dt)

    @Test
    void eulerConvergesToRk4AtFirstOrder() throws InterruptedException {
        SplittableRandom r = new SplittableRandom(7);
        double[][] w = gaussian(r, 4, 5, Math.sqrt(0.3));
        double[][] x = gaussian(r, 5, 9, 1.0);
        double t = 0.3;
        double[][] ref = finalLosses(w, x, t, 600, Integrator.RK4, Route.FEATURE_SIGMA);
        double[][] ref2 = finalLosses(w, x, t, 300, Integrator.RK4, Route.FEATURE_SIGMA);
        assertEquals(ref[0][0], ref2[0][0], 1e-11, "RK4 reference converged");
        double[] errTrain = new double[4];
        double[] errPop = new double[4];
        for (int k = 0; k < 4; k++) {
            double[][] e = finalLosses(w, x, t, 30 << k, Integrator.EULER, Route.LATENT_SIGMA);
            errTrain[k] = Math.abs(e[0][0] - ref[0][0]);
            errPop[k] = Math.abs(e[1][0] - ref[1][0]);
        }
        for (int k = 0; k < 3; k++) {
            assertEquals(2.0, errTrain[k] / errTrain[k + 1], 0.15, "train error ratio at halving dt: " + java.util.Arrays.toString(errTrain));
            assertEquals(2.0, errPop[k] / errPop[k + 1], 0.15, "pop error ratio at halving dt: " + java.util.Arrays.toString(errPop));
        }
    }

    // (c) along small-step gradient descent the train loss decreases monotonically

    @Test
    void trainLossDecreasesMonotonicallyAlongSmallStepDescent() throws InterruptedException {
        SimulationParams p = new SimulationParams(6, 4, 10, 0.3, 2e-3, 1500, 1, Integrator.EULER, 4, 3L, false);
        SimulationResult res = new GradientDescentSimulator(2).run(p, ProgressListener.NONE);
        for (double[] curve : res.trainPerSeed()) {
            assertAllFinite(curve);
            for (int k = 1; k < curve.length; k++) {
                assertTrue(curve[k] <= curve[k - 1] + 1e-13 * Math.abs(curve[k - 1]), "L_tr increased at step " + k);
            }
            assertTrue(curve[curve.length - 1] < 0.5 * curve[0], "and it actually decreased");
        }
        assertAllFinite(res.times(), res.trainMean(), res.trainSe(), res.popMean(), res.popSe());
    }

    // (d) the mean of L(0) over many seeds agrees with the exact E L(0)

    @ParameterizedTest(name = "d={0} m={1} n={2} sigma2={3}")
    @CsvSource({"5,3,7,0.2", "3,6,2,0.5", "8,8,8,0.05"})
    void meanInitialLossAgreesWithExactExpectation(int d, int m, int n, double sigma2) throws InterruptedException {
        SimulationParams p = new SimulationParams(d, m, n, sigma2, 1e-4, 1, 1, Integrator.EULER, 4000, 99L, false);
        SimulationResult res = new GradientDescentSimulator().run(p, ProgressListener.NONE);
        double exact = p.expectedInitialLoss();
        assertEquals(0.0, res.times()[0]);
        assertEquals(exact, res.trainMean()[0], 4 * res.trainSe()[0], "E L_tr(0)");
        assertEquals(exact, res.popMean()[0], 4 * res.popSe()[0], "E L_pop(0)");
        assertTrue(res.trainSe()[0] > 0 && res.popSe()[0] > 0);
    }

    // (e) bad inputs and divergence give clear errors, never NaN

    @Test
    void badInputsAreRejectedWithClearMessages() {
        record Case(String expected, Runnable build) {}
        List<Case> cases = List.of(
                new Case("--d must be >= 1, got 0", () -> new SimulationParams(0, 2, 2, 0.1, 0.01, 10, 1, Integrator.EULER, 1, 0, false)),
                new Case("--m must be >= 1, got -3", () -> new SimulationParams(2, -3, 2, 0.1, 0.01, 10, 1, Integrator.EULER, 1, 0, false)),
                new Case("--n must be >= 1, got 0", () -> new SimulationParams(2, 2, 0, 0.1, 0.01, 10, 1, Integrator.EULER, 1, 0, false)),
                new Case("--dt must be a finite number > 0, got 0.0",
                        () -> new SimulationParams(2, 2, 2, 0.1, 0, 10, 1, Integrator.EULER, 1, 0, false)),
                new Case("--dt must be a finite number > 0, got -0.1",
                        () -> new SimulationParams(2, 2, 2, 0.1, -0.1, 10, 1, Integrator.EULER, 1, 0, false)),
                new Case("--dt must be a finite number > 0, got NaN",
                        () -> new SimulationParams(2, 2, 2, 0.1, Double.NaN, 10, 1, Integrator.EULER, 1, 0, false)),
                new Case("--steps must be >= 1, got 0", () -> new SimulationParams(2, 2, 2, 0.1, 0.01, 0, 1, Integrator.EULER, 1, 0, false)),
                new Case("--sigma2 must be a finite number >= 0, got -1.0",
                        () -> new SimulationParams(2, 2, 2, -1, 0.01, 10, 1, Integrator.EULER, 1, 0, false)),
                new Case("--seeds must be >= 1, got 0", () -> new SimulationParams(2, 2, 2, 0.1, 0.01, 10, 1, Integrator.EULER, 0, 0, false)),
                new Case("--record-every must be >= 1", () -> new SimulationParams(2, 2, 2, 0.1, 0.01, 10, -1, Integrator.EULER, 1, 0, false)),
                new Case("outside [0, 0.1]", () -> new SimulationParams(2, 2, 2, 0.1, 0.01, 10, 1, Integrator.EULER, 1, 0, false,
                        List.of(0.0, 0.5))),
                new Case("give exactly one of --steps and --t-max",
                        () -> SimulationParams.builder().d(2).m(2).n(2).sigma2(0.1).dt(0.01).steps(10).tMax(1.0).build()),
                new Case("give exactly one of --steps and --t-max",
                        () -> SimulationParams.builder().d(2).m(2).n(2).sigma2(0.1).dt(0.01).build()),
                new Case("--t-max must be a finite number > 0",
                        () -> SimulationParams.builder().d(2).m(2).n(2).sigma2(0.1).dt(0.01).tMax(-1.0).build()),
                new Case("steps is too many",
                        () -> SimulationParams.builder().d(2).m(2).n(2).sigma2(0.1).dt(1e-12).tMax(1.0).build()));
        for (Case c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c.build::run, c.expected);
            assertTrue(e.getMessage().contains(c.expected), "message '" + e.getMessage() + "' should contain '" + c.expected + "'");
            assertTrue(!e.getMessage().contains("\n"));
        }
    }

    @Test
    void tMaxGivesAGridEndingExactlyThere() {
        SimulationParams p = SimulationParams.builder().d(2).m(2).n(2).sigma2(0.1).dt(0.03).tMax(1.0).build();
        assertEquals(34, p.steps());
        assertEquals(1.0, p.horizon(), 1e-15);
        assertTrue(p.dt() <= 0.03);
        SimulationParams q = SimulationParams.builder().d(2).m(2).n(2).sigma2(0.1).dt(0.01).tMax(0.3).build();
        assertEquals(30, q.steps());
        assertArrayEquals(new int[] {0, 7, 10}, new SimulationParams(2, 2, 2, 0.1, 0.1, 10, 7, Integrator.EULER, 1, 0, false).recordSteps());
        assertArrayEquals(new int[] {0, 3, 10}, new SimulationParams(2, 2, 2, 0.1, 0.1, 10, 1, Integrator.EULER, 1, 0, false,
                List.of(1.0, 0.0, 0.31, 0.29)).recordSteps());
        SimulationParams auto = new SimulationParams(2, 2, 2, 0.1, 0.1, 1000, 0, Integrator.EULER, 1, 0, false);
        assertEquals(10, auto.effectiveRecordEvery());
        assertEquals(101, auto.recordSteps().length);
        assertEquals(auto.recordCount(), auto.recordSteps().length);
    }

    @Test
    void sizesThatCannotFitAreRefusedBeforeAllocating() {
        GradientDescentSimulator sim = new GradientDescentSimulator(2);
        IllegalArgumentException heap = assertThrows(IllegalArgumentException.class,
                () -> sim.run(new SimulationParams(40000, 40000, 40000, 1e-4, 1e-3, 10, 1, Integrator.EULER, 1, 0, false), null));
        assertTrue(heap.getMessage().contains("heap") && heap.getMessage().contains("GiB"), heap.getMessage());
        IllegalArgumentException array = assertThrows(IllegalArgumentException.class,
                () -> sim.plan(new SimulationParams(100000, 100000, 10, 1e-4, 1e-3, 10, 1, Integrator.EULER, 1, 0, false)));
        assertTrue(array.getMessage().contains("Java array"), array.getMessage());
        // many seeds times a long fine grid: the curves alone do not fit
        IllegalArgumentException curves = assertThrows(IllegalArgumentException.class,
                () -> sim.plan(new SimulationParams(2, 2, 2, 0.1, 1e-6, 2_000_000_000, 1, Integrator.EULER, 100, 0, false)));
        assertTrue(curves.getMessage().contains("heap"), curves.getMessage());
        // a large n that would not fit as X is fine through Sigma
        SimulationPlan big = sim.plan(new SimulationParams(50, 5, 200_000_000, 0.1, 1e-3, 10, 1, Integrator.EULER, 1, 0, false));
        assertTrue(big.route().denseSigma());
    }

    @Test
    void divergenceIsReportedInOneLineAndNeverAsNaN() throws InterruptedException {
        SplittableRandom r = new SplittableRandom(5);
        double[][] w = gaussian(r, 8, 8, 1.0);
        double[][] x = gaussian(r, 8, 16, 1.0);
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> GradientDescentSimulator.trajectory(new DMatrixRMaj(w), new DMatrixRMaj(x), 0.12, 1000, 10, Integrator.EULER));
        String msg = e.getMessage();
        assertTrue(msg.matches("diverged at t=\\S+ \\(step \\d+\\): (train|population) loss \\S+ \\(initial \\S+\\); reduce --dt"
                + " \\(stability needs dt < ~\\S+ = 2\\.00/lambda_max, lambda_max ~ \\S+\\)"), msg);
        assertTrue(e.step() > 0 && e.step() < 1000);
        assertEquals(e.step() * 0.12, e.time(), 1e-12);
        // the same through run(): the seed index is named, the exception is an IllegalArgumentException
        SimulationParams p = new SimulationParams(8, 8, 16, 1.0, 0.12, 1000, 10, Integrator.EULER, 3, 1L, false);
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> new GradientDescentSimulator(2).run(p, null));
        assertTrue(e2 instanceof DivergenceException && e2.getMessage().contains("seed index"), e2.getMessage());
        // the same sample with a stable step: finite everywhere
        double[][] ok = GradientDescentSimulator.trajectory(new DMatrixRMaj(w), new DMatrixRMaj(x), 1e-4, 200, 10, Integrator.EULER);
        assertAllFinite(ok);
    }

    @Test
    void absurdStepIsRefusedAndABorderlineOneWarned() throws InterruptedException {
        SimulationParams absurd = new SimulationParams(4, 4, 8, 0.25, 5.0, 10, 1, Integrator.EULER, 2, 0L, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GradientDescentSimulator(1).run(absurd, null));
        assertTrue(e.getMessage().startsWith("--dt 5.0 is far beyond the stability limit of euler"), e.getMessage());
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicLong steps = new AtomicLong();
        ProgressListener l = ProgressListener.of(steps::addAndGet, warnings::add);
        // sigma2 = 0: W stays 0, so an over-large step cannot diverge, but it is warned about (once)
        SimulationParams zero = new SimulationParams(4, 4, 8, 0.0, 0.3, 50, 5, Integrator.EULER, 3, 0L, false);
        SimulationResult res = new GradientDescentSimulator(2).run(zero, l);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("exceeds the estimated stability limit"), warnings.get(0));
        assertEquals(150, steps.get());
        assertAllFinite(res.trainMean(), res.popMean());
        assertEquals(2.0, res.popMean()[10], 1e-15); // L_pop = d/2 at W = 0
    }

    @Test
    void mismatchedShapesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientDescentSimulator.trajectory(new DMatrixRMaj(2, 3), new DMatrixRMaj(4, 5), 0.01, 10, 1, Integrator.EULER));
        assertTrue(e.getMessage().contains("W0 needs d = 4 columns"), e.getMessage());
    }

    @Test
    void anInterruptStopsAllRunsPromptly() throws Exception {
        SimulationParams p = new SimulationParams(40, 40, 80, 0.01, 1e-4, 100_000_000, 0, Integrator.EULER, 4, 0L, false);
        AtomicLong steps = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                new GradientDescentSimulator(2).run(p, steps::addAndGet);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (steps.get() == 0 && System.nanoTime() < deadline) Thread.sleep(5);
        t.interrupt();
        t.join(10_000);
        assertTrue(!t.isAlive(), "run() returned after the interrupt");
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
        long after = steps.get();
        Thread.sleep(50);
        assertEquals(after, steps.get(), "no worker is still stepping");
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(th -> th.getName().startsWith("prism-simulate-")),
                "worker threads are gone");
    }

    // (f) determinism: same seed, identical results with 1 and with 2 threads

    @ParameterizedTest(name = "fixedData={0}")
    @CsvSource({"false", "true"})
    void resultsDoNotDependOnTheNumberOfThreads(boolean fixedData) throws InterruptedException {
        SimulationParams p = new SimulationParams(7, 5, 9, 0.2, 0.01, 120, 7, Integrator.RK4, 7, 42L, fixedData);
        SimulationResult one = new GradientDescentSimulator(1).run(p, null);
        SimulationResult two = new GradientDescentSimulator(2).run(p, null);
        SimulationResult again = new GradientDescentSimulator(2).run(p, null);
        assertArrayEquals(one.times(), two.times(), 0.0);
        for (int i = 0; i < p.seeds(); i++) {
            assertArrayEquals(one.trainPerSeed()[i], two.trainPerSeed()[i], 0.0);
            assertArrayEquals(one.popPerSeed()[i], two.popPerSeed()[i], 0.0);
            assertArrayEquals(two.trainPerSeed()[i], again.trainPerSeed()[i], 0.0);
        }
        assertArrayEquals(one.trainMean(), two.trainMean(), 0.0);
        assertArrayEquals(one.popSe(), two.popSe(), 0.0);
        SimulationResult other = new GradientDescentSimulator(2).run(
                new SimulationParams(7, 5, 9, 0.2, 0.01, 120, 7, Integrator.RK4, 7, 43L, fixedData), null);
        assertNotEquals(one.trainMean()[0], other.trainMean()[0]);
    }

    @Test
    void fixedDataSharesXAndKeepsEachSeedsInitialisation() throws InterruptedException {
        // W(0) = 0: L_tr(0) = tr(Sigma)/2 depends on the data only
        SimulationParams fixed = new SimulationParams(5, 3, 6, 0.0, 0.01, 1, 1, Integrator.EULER, 5, 8L, true);
        SimulationParams fresh = new SimulationParams(5, 3, 6, 0.0, 0.01, 1, 1, Integrator.EULER, 5, 8L, false);
        SimulationResult a = new GradientDescentSimulator(2).run(fixed, null);
        SimulationResult b = new GradientDescentSimulator(2).run(fresh, null);
        for (int i = 1; i < 5; i++) {
            assertEquals(a.trainPerSeed()[0][0], a.trainPerSeed()[i][0], 0.0);
            assertNotEquals(b.trainPerSeed()[0][0], b.trainPerSeed()[i][0]);
        }
        assertEquals(0.0, a.trainSe()[0]);
        // same seed: run i has the same W(0) with and without fixed data, so the same L_pop(0)
        SimulationParams fixedW = new SimulationParams(5, 3, 6, 0.3, 0.01, 1, 1, Integrator.EULER, 5, 8L, true);
        SimulationParams freshW = new SimulationParams(5, 3, 6, 0.3, 0.01, 1, 1, Integrator.EULER, 5, 8L, false);
        SimulationResult c = new GradientDescentSimulator(2).run(fixedW, null);
        SimulationResult e = new GradientDescentSimulator(2).run(freshW, null);
        for (int i = 0; i < 5; i++) assertEquals(c.popPerSeed()[i][0], e.popPerSeed()[i][0], 0.0);
    }

    // the four evaluation orders agree

    @ParameterizedTest(name = "d={0} m={1} n={2}")
    @CsvSource({"6,3,2", "3,6,9", "5,5,5", "1,1,1", "7,2,20"})
    void allRoutesGiveTheSameTrajectory(int d, int m, int n) throws InterruptedException {
        SplittableRandom r = new SplittableRandom(d * 100 + m * 10 + n);
        DMatrixRMaj w = new DMatrixRMaj(gaussian(r, m, d, Math.sqrt(0.4 / Math.max(d, m))));
        DMatrixRMaj x = new DMatrixRMaj(gaussian(r, d, n, 1.0));
        int[] rec = {0, 5, 17, 40};
        double[][] ref = GradientDescentSimulator.trajectory(w, x, 0.01, rec, Integrator.RK4, Route.FEATURE_SIGMA);
        for (Route route : Route.values()) {
            double[][] got = GradientDescentSimulator.trajectory(w, x, 0.01, rec, Integrator.RK4, route);
            for (int k = 1; k <= 2; k++) {
                for (int j = 0; j < rec.length; j++) {
                    assertEquals(ref[k][j], got[k][j], 1e-12 * Math.max(1, Math.abs(ref[k][j])), route + " loss " + k + " at " + j);
                }
            }
        }
        assertEquals(0.4, ref[0][3], 1e-15);
    }

    @Test
    void initialLossesMatchDirectFormulas() throws InterruptedException {
        SplittableRandom r = new SplittableRandom(3);
        double[][] w = gaussian(r, 3, 4, 0.5);
        double[][] x = gaussian(r, 4, 6, 1.0);
        double[] exact = TaylorModeFlow.derivatives(w, x, 0)[0];
        double[] exactPop = TaylorModeFlow.derivatives(w, x, 0)[1];
        for (Route route : Route.values()) {
            double[][] l = GradientDescentSimulator.trajectory(new DMatrixRMaj(w), new DMatrixRMaj(x), 0.01, new int[] {0},
                    Integrator.EULER, route);
            assertEquals(exact[0], l[1][0], 1e-13, route.name());
            assertEquals(exactPop[0], l[2][0], 1e-13, route.name());
        }
    }
}
