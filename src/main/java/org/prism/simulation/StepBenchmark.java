package org.prism.simulation;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code prism bench step}: times one gradient-descent step (one evaluation of the flow field and
 * both losses, plus the update {@code W += dt F}) as {@code bench/numpy_step.py} does with numpy: same
 * sizes, same route, warm-up steps (here at least half a second, for the JIT), then the median of
 * several timed steps, printed in the same CSV columns. One worker; the backend's products use a given
 * number of BLAS threads. Cost per size: {@code warmup + runs} steps (or more, to fill the warm-up
 * time) of {@link Route#multiplyAdds} each, plus forming the data once ({@code d^2 n} for {@code Sigma}).
 */
public final class StepBenchmark {
    /** Default sizes (d, m, n), as in {@code bench/numpy_step.py}. */
    public static final List<int[]> SIZES = List.of(new int[] {128, 128, 512}, new int[] {256, 256, 1024},
            new int[] {512, 512, 2048}, new int[] {1024, 64, 4096}, new int[] {1024, 1024, 4096}, new int[] {4096, 64, 4096});

    /** Minimum warm-up time per size (the numpy script needs none: it has no JIT). */
    private static final long WARMUP_NANOS = 500_000_000L;

    private StepBenchmark() {}

    /**
     * Median milliseconds of one Euler step at (d, m, n) on {@code backend}, after at least
     * {@code warmup} untimed steps and half a second; OpenBLAS runs with {@code blasThreads} threads
     * meanwhile.
     */
    static double millisPerStep(Backend backend, int blasThreads, int d, int m, int n, int warmup, int runs) {
        Route route = Route.cheapest(d, m, n);
        SplittableRandom rng = new SplittableRandom(1);
        NativeBlas.Lease lease = backend == Backend.OPENBLAS ? NativeBlas.threads(blasThreads) : null;
        try (GradientDescentSimulator.Runner<?> r = GradientDescentSimulator.Runner.create(backend, route, d, m, n, Integrator.EULER, null)) {
            r.data.fill(rng.split());
            double sd = Math.sqrt(1.0 / d);
            r.fillW(() -> sd * rng.nextGaussian());
            double dt = 1e-3;
            // untimed steps until both warmup steps and WARMUP_NANOS have passed, so the JIT has compiled the Java loops
            long warmEnd = System.nanoTime() + WARMUP_NANOS;
            for (int i = 0; i < warmup || System.nanoTime() < warmEnd; i++) r.step(dt);
            double[] t = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                r.step(dt);
                t[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(t);
            return runs % 2 == 1 ? t[runs / 2] : 0.5 * (t[runs / 2 - 1] + t[runs / 2]);
        } finally {
            if (lease != null) lease.close();
        }
    }

    /**
     * Prints a header ({@code #} lines: backend, threads, JVM) and one CSV row
     * {@code d,m,n,route,ms_per_step,gflops} per size, flushing after each (large sizes take seconds).
     * GFLOP/s count {@code 2 x} {@link Route#multiplyAdds}, as the numpy script does.
     *
     * @param java time the pure-Java (EJML) path even where OpenBLAS is available
     */
    public static void run(PrintWriter out, List<int[]> sizes, int blasThreads, boolean java) {
        GradientDescentSimulator planner = new GradientDescentSimulator(1);
        for (int[] s : sizes) { // sizes that cannot fit are refused before anything is timed, as simulate refuses them
            planner.plan(new SimulationParams(s[0], s[1], s[2], 1.0 / s[0], 1e-3, 1, 1, Integrator.EULER, 1, 0, false));
        }
        Backend backend = java ? Backend.EJML : Backend.current();
        out.printf(Locale.ROOT, "# %s; %s; Java %s; %d processors%n", backend.describe(), backend.threads(1, blasThreads),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        out.println("d,m,n,route,ms_per_step,gflops");
        out.flush();
        for (int[] s : sizes) {
            Route route = Route.cheapest(s[0], s[1], s[2]);
            double madds = route.multiplyAdds(s[0], s[1], s[2]);
            int runs = madds > 2e9 ? 5 : madds > 2e8 ? 9 : 21;
            int warm = madds > 2e9 ? 2 : 5;
            double ms = millisPerStep(backend, blasThreads, s[0], s[1], s[2], warm, runs);
            out.printf(Locale.ROOT, "%d,%d,%d,%s,%.2f,%.2f%n", s[0], s[1], s[2], route.name().toLowerCase(Locale.ROOT), ms,
                    2 * madds / ms / 1e6);
            out.flush();
        }
    }
}
