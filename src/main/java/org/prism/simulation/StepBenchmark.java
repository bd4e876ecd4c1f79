package org.prism.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times one gradient-descent step (one evaluation of the flow field and both losses, plus the
 * update {@code W += dt F}) on a single thread, as {@code bench/numpy_step.py} does with numpy:
 * warm-up steps, then the median of several timed steps.
 *
 * <p>Usage: {@code java -cp target/classes:<ejml jars> org.prism.simulation.StepBenchmark [d,m,n ...]}
 * (default sizes as in the numpy script).
 */
public final class StepBenchmark {
    /** Default sizes (d, m, n). */
    static final int[][] SIZES = {{128, 128, 512}, {256, 256, 1024}, {512, 512, 2048}, {1024, 64, 4096},
        {1024, 1024, 4096}, {4096, 64, 4096}};

    private StepBenchmark() {}

    /** Median milliseconds of one Euler step at (d, m, n), after {@code warmup} untimed steps. */
    public static double millisPerStep(int d, int m, int n, int warmup, int runs) {
        Route route = Route.cheapest(d, m, n);
        SplittableRandom rng = new SplittableRandom(1);
        Dataset data = new Dataset(d, n, route.denseSigma());
        data.fill(rng.split());
        GradientDescentSimulator.Runner r = new GradientDescentSimulator.Runner(route, d, m, n, Integrator.EULER, data);
        double sd = Math.sqrt(1.0 / d);
        for (int i = 0; i < r.w.data.length; i++) r.w.data[i] = sd * rng.nextGaussian();
        double dt = 1e-3;
        for (int i = 0; i < warmup; i++) r.eulerStep(dt);
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r.eulerStep(dt);
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return runs % 2 == 1 ? t[runs / 2] : 0.5 * (t[runs / 2 - 1] + t[runs / 2]);
    }

    public static void main(String[] args) {
        List<int[]> sizes = new ArrayList<>();
        for (String a : args) {
            String[] p = a.split(",");
            sizes.add(new int[] {Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()), Integer.parseInt(p[2].trim())});
        }
        if (sizes.isEmpty()) sizes.addAll(Arrays.asList(SIZES));
        System.out.println("# Java " + System.getProperty("java.version") + ", EJML (single thread), "
                + Runtime.getRuntime().availableProcessors() + " processors");
        System.out.println("d,m,n,route,ms_per_step,gflops");
        for (int[] s : sizes) {
            double madds = Route.cheapest(s[0], s[1], s[2]).multiplyAdds(s[0], s[1], s[2]);
            int runs = madds > 2e9 ? 5 : madds > 2e8 ? 9 : 21;
            int warm = madds > 2e9 ? 2 : 5;
            double ms = millisPerStep(s[0], s[1], s[2], warm, runs);
            System.out.printf(Locale.ROOT, "%d,%d,%d,%s,%.2f,%.2f%n", s[0], s[1], s[2],
                    Route.cheapest(s[0], s[1], s[2]).name().toLowerCase(Locale.ROOT), ms, 2 * madds / ms / 1e6);
        }
    }
}
