package org.prism.simulation;

import java.io.Serializable;
import java.util.List;
import java.util.TreeSet;

/**
 * The time axis of a simulation: {@code steps} steps of size {@code dt} and the steps at which the
 * losses are recorded.
 *
 * @param dt step, finite and {@code > 0}
 * @param steps number of steps, at least 1; the horizon is {@code steps * dt}
 * @param recordEvery record every this many steps (and at the last step); 0 = automatic (about
 *        {@value #AUTO_INTERVALS} intervals). Ignored when {@code recordTimes} is not empty.
 * @param recordTimes if not empty, record at these times instead, each rounded to the nearest step
 *        ({@code round(t/dt)}); they must lie in {@code [0, steps*dt]}
 */
public record TimeGrid(double dt, int steps, int recordEvery, List<Double> recordTimes) implements Serializable {
    /** Automatic grid: about this many recording intervals. */
    static final int AUTO_INTERVALS = 100;

    public TimeGrid {
        if (!Double.isFinite(dt) || dt <= 0) throw new IllegalArgumentException("--dt must be a finite number > 0, got " + dt);
        if (steps < 1) throw new IllegalArgumentException("--steps must be >= 1, got " + steps);
        if (recordEvery < 0) throw new IllegalArgumentException("--record-every must be >= 1 (or 0 for automatic), got " + recordEvery);
        recordTimes = recordTimes == null ? List.of() : List.copyOf(recordTimes);
        for (double t : recordTimes) {
            if (!Double.isFinite(t) || t < 0 || Math.round(t / dt) > steps) {
                throw new IllegalArgumentException("recording time " + t + " is outside [0, " + steps * dt + "] (= steps * dt)");
            }
        }
    }

    /**
     * The grid of a command line: exactly one of {@code steps} and {@code tMax}; with {@code tMax}
     * the number of steps is {@code ceil(tMax/dt)} and dt is lowered to {@code tMax/steps}, so the grid
     * ends exactly at tMax.
     */
    public static TimeGrid of(Double dt, Integer steps, Double tMax, int recordEvery, List<Double> recordTimes) {
        if (dt == null) throw new IllegalArgumentException("--dt is required");
        if ((steps == null) == (tMax == null)) throw new IllegalArgumentException("give exactly one of --steps and --t-max");
        if (steps != null) return new TimeGrid(dt, steps, recordEvery, recordTimes);
        if (!Double.isFinite(tMax) || tMax <= 0) throw new IllegalArgumentException("--t-max must be a finite number > 0, got " + tMax);
        if (!Double.isFinite(dt) || dt <= 0) throw new IllegalArgumentException("--dt must be a finite number > 0, got " + dt);
        if (dt > tMax) throw new IllegalArgumentException("--dt " + dt + " is longer than --t-max " + tMax + ": give a step at most --t-max");
        double exact = tMax / dt;
        if (exact > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--t-max / --dt = " + exact + " steps is too many (at most " + Integer.MAX_VALUE + ")");
        }
        int count = (int) Math.max(1, Math.ceil(exact * (1 - 1e-12)));
        return new TimeGrid(tMax / count, count, recordEvery, recordTimes);
    }

    /** Final time {@code steps * dt}. */
    public double horizon() {
        return steps * dt;
    }

    /** The recording interval in steps actually used when no {@code recordTimes} are given. */
    public int effectiveRecordEvery() {
        if (recordEvery > 0) return recordEvery;
        return (int) Math.max(1, (steps + (long) AUTO_INTERVALS - 1) / AUTO_INTERVALS);
    }

    /** Steps at which the losses are recorded: increasing, distinct, within {@code [0, steps]}. */
    public int[] recordSteps() {
        if (!recordTimes.isEmpty()) {
            TreeSet<Integer> set = new TreeSet<>();
            for (double t : recordTimes) set.add((int) Math.round(t / dt));
            return set.stream().mapToInt(Integer::intValue).toArray();
        }
        int k = effectiveRecordEvery();
        int[] out = new int[recordCount()];
        for (int j = 0; j < out.length - 1; j++) out[j] = j * k;
        out[out.length - 1] = steps;
        return out;
    }

    /** Number of recording times, computed without building them. */
    public int recordCount() {
        if (!recordTimes.isEmpty()) return (int) recordTimes.stream().mapToLong(t -> Math.round(t / dt)).distinct().count();
        int k = effectiveRecordEvery();
        return (int) ((steps + (long) k - 1) / k + 1);
    }

    /** The recording times {@code step * dt}. */
    public double[] times() {
        int[] rec = recordSteps();
        double[] t = new double[rec.length];
        for (int j = 0; j < rec.length; j++) t[j] = rec[j] * dt;
        return t;
    }
}
