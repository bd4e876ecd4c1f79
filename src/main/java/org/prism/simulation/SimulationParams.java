package org.prism.simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * One simulation: sizes, initial scale, step, horizon, time grid, integrator and seeds.
 *
 * @param d input dimension (rows of {@code X}, columns of {@code W}), at least 1
 * @param m latent dimension (rows of {@code W}), at least 1
 * @param n number of data points (columns of {@code X}), at least 1
 * @param sigma2 variance of the entries of {@code W(0)}, finite and {@code >= 0}
 * @param dt step (learning rate), finite and {@code > 0}
 * @param steps number of steps, at least 1; the horizon is {@code steps * dt}
 * @param recordEvery record the losses every this many steps (and at the last step); 0 = automatic
 *        (about 100 intervals). Ignored when {@code recordTimes} is not empty.
 * @param integrator {@link Integrator#EULER} (gradient descent) or {@link Integrator#RK4} (gradient-flow reference)
 * @param seeds number of independent runs averaged, at least 1
 * @param seed base seed: run {@code i} uses the {@code (i+1)}-th {@link java.util.SplittableRandom#split()}
 *        of {@code new SplittableRandom(seed)} (see {@link GradientDescentSimulator})
 * @param fixedData if true all runs share one data set {@code X} and differ only in {@code W(0)};
 *        otherwise each run draws its own {@code X}
 * @param recordTimes if not empty, record at these times instead, each rounded to the nearest step
 *        ({@code round(t/dt)}); they must lie in {@code [0, steps*dt]}
 */
public record SimulationParams(int d, int m, int n, double sigma2, double dt, int steps, int recordEvery,
        Integrator integrator, int seeds, long seed, boolean fixedData, List<Double> recordTimes) {

    public SimulationParams {
        requirePositive("--d", d);
        requirePositive("--m", m);
        requirePositive("--n", n);
        if (!Double.isFinite(sigma2) || sigma2 < 0) {
            throw new IllegalArgumentException("--sigma2 must be a finite number >= 0, got " + sigma2);
        }
        recordTimes = new TimeGrid(dt, steps, recordEvery, recordTimes).recordTimes();
        if (integrator == null) throw new IllegalArgumentException("an integrator is required");
        requirePositive("--seeds", seeds);
    }

    /** The same without explicit recording times. */
    public SimulationParams(int d, int m, int n, double sigma2, double dt, int steps, int recordEvery,
            Integrator integrator, int seeds, long seed, boolean fixedData) {
        this(d, m, n, sigma2, dt, steps, recordEvery, integrator, seeds, seed, fixedData, List.of());
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) throw new IllegalArgumentException(name + " must be >= 1, got " + value);
    }

    /** The time axis: step, steps and recording grid. */
    public TimeGrid grid() {
        return new TimeGrid(dt, steps, recordEvery, recordTimes);
    }

    /** Final time {@code steps * dt}. */
    public double horizon() {
        return grid().horizon();
    }

    /** The recording interval in steps actually used when no {@code recordTimes} are given. */
    public int effectiveRecordEvery() {
        return grid().effectiveRecordEvery();
    }

    /** Steps at which the losses are recorded: increasing, distinct, within {@code [0, steps]}. */
    public int[] recordSteps() {
        return grid().recordSteps();
    }

    /** Number of recording times, computed without building them. */
    public int recordCount() {
        return grid().recordCount();
    }

    /** Exact {@code E L_pop(0) = E L_tr(0) = sigma^4 (m d^2 + m^2 d + m d)/2 - sigma^2 m d + d/2} (W(0) independent of X). */
    public double expectedInitialLoss() {
        double dd = d;
        double mm = m;
        return 0.5 * sigma2 * sigma2 * (mm * dd * dd + mm * mm * dd + mm * dd) - sigma2 * mm * dd + dd / 2;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link SimulationParams} from named values, as a command line has them. Exactly one of
     * {@link #steps} and {@link #tMax} must be given; with {@code tMax} the number of steps is
     * {@code ceil(tMax/dt)} and dt is lowered to {@code tMax/steps} so the grid ends exactly at tMax.
     * Defaults: Euler, automatic recording grid, 1 seed, seed 0, fresh data per seed.
     */
    public static final class Builder {
        private Integer d;
        private Integer m;
        private Integer n;
        private Double sigma2;
        private Double dt;
        private Integer steps;
        private Double tMax;
        private int recordEvery;
        private Integrator integrator = Integrator.EULER;
        private int seeds = 1;
        private long seed;
        private boolean fixedData;
        private List<Double> recordTimes = new ArrayList<>();

        private Builder() {}

        public Builder d(int v) { d = v; return this; }
        public Builder m(int v) { m = v; return this; }
        public Builder n(int v) { n = v; return this; }
        public Builder sigma2(double v) { sigma2 = v; return this; }
        public Builder dt(double v) { dt = v; return this; }
        public Builder steps(Integer v) { steps = v; return this; }
        public Builder tMax(Double v) { tMax = v; return this; }
        public Builder recordEvery(int v) { recordEvery = v; return this; }
        public Builder integrator(Integrator v) { integrator = v; return this; }
        public Builder seeds(int v) { seeds = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder fixedData(boolean v) { fixedData = v; return this; }
        public Builder recordTimes(List<Double> v) { recordTimes = v == null ? new ArrayList<>() : new ArrayList<>(v); return this; }

        public SimulationParams build() {
            if (d == null || m == null || n == null) throw new IllegalArgumentException("--d, --m and --n are required");
            if (sigma2 == null) throw new IllegalArgumentException("--sigma2 is required");
            TimeGrid grid = TimeGrid.of(dt, steps, tMax, recordEvery, recordTimes);
            return new SimulationParams(d, m, n, sigma2, grid.dt(), grid.steps(), recordEvery, integrator, seeds, seed, fixedData, recordTimes);
        }
    }
}
