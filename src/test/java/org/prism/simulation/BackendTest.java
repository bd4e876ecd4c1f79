package org.prism.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The choice of backend, and the OpenBLAS path against the pure-Java (EJML) one. */
class BackendTest {

    private static boolean linuxX86_64() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        return os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    private static void assumeNative() {
        assumeTrue(Backend.current() == Backend.OPENBLAS, "native BLAS not loaded here: " + Backend.status());
    }

    private static DMatrixRMaj gaussian(SplittableRandom r, int rows, int cols, double sd) {
        DMatrixRMaj a = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < a.data.length; i++) a.data[i] = sd * r.nextGaussian();
        return a;
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
    }

    // the natives come with the project's Maven dependencies: on linux-x86_64 they must load

    @Test
    void nativeBlasLoadsOnLinuxX86_64() {
        assumeTrue(linuxX86_64(), "the bundled natives are for linux-x86_64 only");
        assumeTrue(System.getProperty(Backend.PROPERTY) == null, "backend forced by -D" + Backend.PROPERTY);
        assertEquals(Backend.OPENBLAS, Backend.current(), Backend.status());
        assertTrue(Backend.status().matches("native BLAS: OpenBLAS \\d+\\.\\d+\\.\\d+ \\(bytedeco\\)"), Backend.status());
    }

    // fallback selection

    @Test
    void aLibraryThatDoesNotLoadFallsBackToPureJavaWithOneLine() {
        Backend.Choice c = Backend.choose(null, () -> {
            throw new UnsatisfiedLinkError("no jniopenblas_nolapack in java.library.path:\n/usr/lib");
        });
        assertEquals(Backend.EJML, c.backend());
        assertEquals("native BLAS: unavailable, pure Java (EJML)", c.status());
        assertEquals("prism: native BLAS unavailable (UnsatisfiedLinkError: no jniopenblas_nolapack in java.library.path:),"
                + " using pure Java (EJML)", c.warning());
        for (Throwable t : new Throwable[] {new NoClassDefFoundError("org/bytedeco/javacpp/Loader"),
                new ExceptionInInitializerError("static init"), new IllegalStateException()}) {
            Backend.Choice other = Backend.choose("auto", () -> {
                if (t instanceof Error e) throw e;
                throw (RuntimeException) t;
            });
            assertEquals(Backend.EJML, other.backend(), t.toString());
            assertTrue(other.warning().contains(t.getClass().getSimpleName()) && !other.warning().contains("\n"), other.warning());
        }
    }

    @Test
    void aLibraryThatLoadsIsChosenSilently() {
        Backend.Choice c = Backend.choose(null, () -> "OpenBLAS 0.3.31");
        assertEquals(Backend.OPENBLAS, c.backend());
        assertEquals("native BLAS: OpenBLAS 0.3.31 (bytedeco)", c.status());
        assertNull(c.warning());
        assertEquals(Backend.OPENBLAS, Backend.choose(" AUTO ", () -> "OpenBLAS 0.3.31").backend());
    }

    @Test
    void pureJavaCanBeForcedAndUnknownValuesAreNamed() {
        Backend.Choice forced = Backend.choose("java", () -> fail("the native library must not be loaded"));
        assertEquals(Backend.EJML, forced.backend());
        assertEquals("native BLAS: off (-Dprism.blas=java), pure Java (EJML)", forced.status());
        assertNull(forced.warning());
        Backend.Choice typo = Backend.choose("jav", () -> "OpenBLAS 0.3.31");
        assertEquals(Backend.OPENBLAS, typo.backend());
        assertEquals("prism: -Dprism.blas=jav not understood (java or auto)", typo.warning());
    }

    // OpenBLAS and EJML agree to rounding, for every route and both integrators

    @ParameterizedTest(name = "d={0} m={1} n={2}")
    @CsvSource({"7,5,9", "6,3,2", "3,6,9", "1,1,1", "12,2,4", "70,90,150"})
    void nativeAndPureJavaTrajectoriesAgreeToRounding(int d, int m, int n) throws InterruptedException {
        assumeNative();
        SplittableRandom r = new SplittableRandom(31L * d + 7L * m + n);
        DMatrixRMaj w = gaussian(r, m, d, Math.sqrt(0.4 / Math.max(d, m)));
        DMatrixRMaj x = gaussian(r, d, n, 1.0);
        int[] rec = {0, 3, 17, 40};
        for (Integrator integrator : Integrator.values()) {
            for (Route route : Route.values()) {
                double[][] java = GradientDescentSimulator.trajectory(w, x, 0.01, rec, integrator, route, Backend.EJML);
                double[][] blas = GradientDescentSimulator.trajectory(w, x, 0.01, rec, integrator, route, Backend.OPENBLAS);
                assertArrayEquals(java[0], blas[0], 0.0);
                for (int k = 1; k <= 2; k++) {
                    for (int j = 0; j < rec.length; j++) {
                        assertClose(java[k][j], blas[k][j], integrator + " " + route + " loss " + k + " at step " + rec[j]);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"LATENT_SIGMA", "LATENT_X", "FEATURE_SIGMA", "FEATURE_X"})
    void nativeAndPureJavaStepsGiveTheSameWeights(Route route) {
        assumeNative();
        int d = 33;
        int m = 20;
        int n = 45;
        SplittableRandom r = new SplittableRandom(11);
        DMatrixRMaj w = gaussian(r, m, d, 0.1);
        DMatrixRMaj x = gaussian(r, d, n, 1.0);
        double[][] after = new double[2][];
        Backend[] backends = {Backend.EJML, Backend.OPENBLAS};
        for (int b = 0; b < 2; b++) {
            try (GradientDescentSimulator.Runner<?> runner = GradientDescentSimulator.Runner.create(backends[b], route, d, m, n,
                    Integrator.EULER, null)) {
                runner.data.set(x);
                runner.load(w.data);
                for (int s = 0; s < 5; s++) runner.step(0.01);
                after[b] = runner.weights();
            }
        }
        double scale = 0;
        for (double v : after[0]) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < after[0].length; i++) assertEquals(after[0][i], after[1][i], 1e-13 * scale, route + " W entry " + i);
        assertFalse(java.util.Arrays.equals(w.data, after[1]), "the steps moved W");
    }

    @ParameterizedTest(name = "fixedData={0}")
    @CsvSource({"false", "true"})
    void nativeAndPureJavaRunsAgreeSeedBySeed(boolean fixedData) throws InterruptedException {
        assumeNative();
        SimulationParams p = new SimulationParams(9, 6, 14, 0.2, 0.01, 60, 6, Integrator.RK4, 5, 17L, fixedData);
        SimulationResult java = new GradientDescentSimulator(2, Backend.EJML).run(p, null);
        SimulationResult blas = new GradientDescentSimulator(2, Backend.OPENBLAS).run(p, null);
        assertEquals(Backend.OPENBLAS, blas.plan().backend());
        for (int i = 0; i < p.seeds(); i++) {
            for (int j = 0; j < java.times().length; j++) {
                assertClose(java.trainPerSeed()[i][j], blas.trainPerSeed()[i][j], "train, seed " + i + ", record " + j);
                assertClose(java.popPerSeed()[i][j], blas.popPerSeed()[i][j], "pop, seed " + i + ", record " + j);
            }
        }
    }

    // the time loop allocates nothing (matrices are allocated once per worker)

    @Test
    void stepsAllocateNothingOnEitherBackend() throws InterruptedException {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter on this JVM");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled(), "allocation counter off");
        long self = Thread.currentThread().getId();
        for (Backend backend : Backend.current() == Backend.OPENBLAS ? Backend.values() : new Backend[] {Backend.EJML}) {
            for (Route route : Route.values()) {
                for (Integrator integrator : Integrator.values()) {
                    try (GradientDescentSimulator.Runner<?> r = GradientDescentSimulator.Runner.create(backend, route, 30, 20, 25, integrator,
                            null)) {
                        r.data.fill(new SplittableRandom(1));
                        r.fillW(() -> 0.01);
                        double[] train = new double[2];
                        double[] pop = new double[2];
                        // a first call loads and initialises classes, which allocates
                        r.integrate(0, false, 1e-3, 5, new int[] {0, 5}, train, pop, ProgressListener.NONE, Long.MAX_VALUE);
                        long before = mx.getThreadAllocatedBytes(self);
                        r.integrate(0, false, 1e-3, 500, new int[] {0, 500}, train, pop, ProgressListener.NONE, Long.MAX_VALUE);
                        long bytes = mx.getThreadAllocatedBytes(self) - before;
                        // less than the smallest object per step; a one-off allocation of a few hundred bytes passes
                        assertTrue(bytes < 16 * 500, backend + " " + route + " " + integrator + ": 500 steps allocated " + bytes + " bytes");
                    }
                }
            }
        }
    }

    // OpenBLAS's own threads do not change the results (products split over the output, reductions in Java)

    @ParameterizedTest(name = "d={0} m={1} n={2}")
    @CsvSource({"256,200,512", "300,40,100"})
    void nativeResultsDoNotDependOnTheBlasThreadCount(int d, int m, int n) throws InterruptedException {
        assumeNative();
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one processor: OpenBLAS would get one thread either way");
        SimulationParams p = new SimulationParams(d, m, n, 0.5 / d, 0.01, 3, 1, Integrator.EULER, 1, 5L, false);
        SimulationResult one = new GradientDescentSimulator(1, Backend.OPENBLAS).run(p, null);
        SimulationResult two = new GradientDescentSimulator(2, Backend.OPENBLAS).run(p, null);
        assertEquals(1, one.plan().blasThreads());
        assertEquals(2, two.plan().blasThreads());
        assertArrayEquals(one.trainPerSeed()[0], two.trainPerSeed()[0], 0.0);
        assertArrayEquals(one.popPerSeed()[0], two.popPerSeed()[0], 0.0);
    }
}
