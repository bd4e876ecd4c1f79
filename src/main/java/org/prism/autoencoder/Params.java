package org.prism.autoencoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.prism.algebra.Rational;

/** Validation of parameter maps and time grids; every failure is a one-line IllegalArgumentException. */
public final class Params {
    private Params() {}

    /** Checks that {@code params} has exactly the keys {@code names}. */
    public static void requireExactly(String regime, List<String> names, Map<String, ?> params) {
        if (params == null) throw new IllegalArgumentException("regime " + regime + " needs parameters " + String.join(", ", names));
        List<String> unknown = new ArrayList<>();
        for (String k : params.keySet()) if (!names.contains(k)) unknown.add(k);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown parameter" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + " for regime " + regime + " (it takes " + String.join(", ", names) + ")");
        }
        List<String> missing = new ArrayList<>();
        for (String n : names) if (params.get(n) == null) missing.add(n);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("missing parameter" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " for regime " + regime + " (it takes " + String.join(", ", names) + ")");
        }
    }

    /** The value of a double parameter, required finite and >= 0 (and > 0 if {@code positive}). */
    static double nonNegative(String regime, Map<String, Double> params, String name, boolean positive) {
        double v = params.get(name);
        if (!Double.isFinite(v) || v < 0 || (positive && v == 0)) {
            throw new IllegalArgumentException("parameter " + name + " of regime " + regime + " must be " + (positive ? "> 0" : ">= 0")
                    + " and finite, got " + v);
        }
        return v;
    }

    public static Rational nonNegativeExact(String regime, Map<String, Rational> params, String name, boolean positive) {
        Rational v = params.get(name);
        if (v.signum() < 0 || (positive && v.signum() == 0)) {
            throw new IllegalArgumentException("parameter " + name + " of regime " + regime + " must be " + (positive ? "> 0" : ">= 0")
                    + ", got " + v);
        }
        return v;
    }

    /**
     * Refuses a curve with a value that is not a finite number (parameters far outside double
     * precision, e.g. {@code g=1e300}) instead of printing NaN or Infinity; a null curve is undefined, not bad.
     */
    public static void requireFinite(String regime, double[] times, double[] values) {
        if (values == null) return;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("the " + regime + " curve is " + values[i] + " at t = " + times[i]
                        + ": these parameters overflow double precision");
            }
        }
    }

    public static void requireTimes(double[] times) {
        if (times == null) throw new IllegalArgumentException("no times given");
        for (double t : times) {
            if (!(t >= 0) || Double.isInfinite(t)) throw new IllegalArgumentException("times must be finite and >= 0, got " + t);
        }
    }

    static void requireOrder(int maxOrder) {
        if (maxOrder < 0) throw new IllegalArgumentException("the Taylor order must be >= 0, got " + maxOrder);
    }

    /** Indices of {@code times} in increasing order of time (stable). */
    /**
     * Integrates {@code ode} from {@code state0} at time 0 through the given times in ascending
     * order and hands each time's index and state to {@code at} (times need not be sorted).
     */
    static void march(FirstOrderDifferentialEquations ode,
            FirstOrderIntegrator integrator, double[] state0, double[] times,
            ObjIntConsumer<double[]> at) {
        double[] state = state0;
        double now = 0;
        for (int idx : ascending(times)) {
            double t = times[idx];
            if (t > now) {
                double[] next = new double[state.length];
                integrator.setMaxEvaluations(MAX_EVALUATIONS); // counted per call: the budget of one interval
                try {
                    integrator.integrate(ode, now, state, t, next);
                } catch (MaxCountExceededException e) {
                    throw new IllegalArgumentException("the limit's ODE did not get from t = " + now + " to t = " + t + " within "
                            + MAX_EVALUATIONS + " evaluations; ask for earlier times");
                }
                state = next;
                now = t;
            }
            at.accept(state, idx);
        }
    }

    /**
     * Evaluations of the right-hand side one call of {@link #march} may spend between two times: the
     * narrow-latent ODE (an MP quadrature per evaluation) reaches t = 1000 in about 5 s and would run
     * on for minutes beyond t = 10^4, so a long interval is refused instead.
     */
    static final int MAX_EVALUATIONS = 150_000;

    static int[] ascending(double[] times) {
        Integer[] idx = new Integer[times.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(times[a], times[b]));
        int[] r = new int[idx.length];
        for (int i = 0; i < r.length; i++) r[i] = idx[i];
        return r;
    }
}
