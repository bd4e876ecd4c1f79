package org.prism.simulation;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * The one time stepper of every simulator: {@link Integrator#EULER} or {@link Integrator#RK4} at a fixed
 * step on any {@link FlowField}, with the stability check, the divergence watch, recording, progress and
 * interruption written once.
 *
 * <ul>
 *   <li>Stability: with {@code lambda} from {@link FlowField#stiffness}, a step above
 *       {@code c / lambda} ({@code c = } {@link Integrator#stabilityConstant()}) draws a warning (once per
 *       simulation), one above {@value #REFUSE_FACTOR} times it is refused.</li>
 *   <li>Divergence: every watched quantity must stay finite and below {@value #DIVERGENCE_FACTOR} times
 *       its initial value (or 1, if larger); otherwise {@link DivergenceException}, one line that names
 *       the time, the step, the run and the quantity. A non-finite value at the start is bad input.</li>
 *   <li>Cost per step: one evaluation of {@code F} for Euler, four for RK4, plus {@code O(|S|)}
 *       vector operations; nothing is allocated per step (buffers: {@code F} and, for RK4, three more
 *       states, allocated at construction).</li>
 * </ul>
 * Not thread-safe: one integrator per worker.
 *
 * @param <S> the field's state type
 */
final class FixedStepIntegrator<S> {
    /** A watched quantity above this factor times its initial value (or 1, if larger) counts as divergence. */
    static final double DIVERGENCE_FACTOR = 1e12;
    /** A step above this factor times the estimated stability limit is refused. */
    static final double REFUSE_FACTOR = 10;

    private final FlowField<S> field;
    private final Integrator method;
    private final List<String> watchedNames;
    private final double[] initial;
    private final double[] limit;
    private final S f;
    private final S tmp;
    private final S k;
    private final S acc;
    private double lambda = Double.NaN;
    // the run in progress, for messages
    private double dt;
    private int step;
    private int runIndex;
    private boolean nameRun;

    FixedStepIntegrator(FlowField<S> field, Integrator method) {
        this.field = field;
        this.method = method;
        watchedNames = List.copyOf(field.watchedNames());
        initial = new double[watchedNames.size()];
        limit = new double[watchedNames.size()];
        f = field.newState();
        boolean rk4 = method == Integrator.RK4;
        tmp = rk4 ? field.newState() : null;
        k = rk4 ? field.newState() : null;
        acc = rk4 ? field.newState() : null;
    }

    /**
     * Estimates the stiffness at {@code w} and refuses a step far beyond the stability limit, or warns
     * (once, through {@code warned}) above it.
     *
     * @throws IllegalArgumentException for a step more than {@value #REFUSE_FACTOR} times the limit
     */
    void checkStability(S w, double dt, ProgressListener l, AtomicBoolean warned) {
        FlowField.Stiffness s = field.stiffness(w);
        lambda = s.lambda();
        if (!(lambda > 0) || !Double.isFinite(lambda)) return;
        double c = method.stabilityConstant();
        String why = String.format("stability needs dt < ~%.3g = %.3g/lambda_max, lambda_max ~ %.3g %s", c / lambda, c, lambda,
                s.source());
        if (dt > REFUSE_FACTOR * c / lambda) {
            throw new IllegalArgumentException(String.format("--dt %s is far beyond the stability limit of %s (%s); refusing", dt,
                    method.name().toLowerCase(Locale.ROOT), why));
        }
        if (dt > c / lambda && warned.compareAndSet(false, true)) {
            l.warning(String.format("--dt %s exceeds the estimated stability limit (%s); the run may oscillate or diverge", dt, why));
        }
    }

    /**
     * Integrates {@code steps} steps of {@code dt} in place from {@code w}. At every step {@code s} in
     * the increasing {@code rec}, after {@code F(w)} is evaluated (so the field's observables refer to
     * {@code w}), calls {@code recorder} with the index of {@code s} in {@code rec}.
     *
     * @param runIndex the run's index, named in messages when {@code nameRun}
     * @param chunk steps between progress reports
     * @throws DivergenceException if a watched quantity leaves its bounds
     * @throws IllegalArgumentException if a watched quantity is not finite at the start
     * @throws InterruptedException if interrupted (checked between steps)
     */
    void integrate(S w, double dt, int steps, int[] rec, IntConsumer recorder, int runIndex, boolean nameRun, ProgressListener l,
            long chunk) throws InterruptedException {
        this.dt = dt;
        this.runIndex = runIndex;
        this.nameRun = nameRun;
        int r = 0;
        long pending = 0;
        for (step = 0; ; step++) {
            field.velocity(w, f);
            watch();
            if (r < rec.length && rec[r] == step) recorder.accept(r++);
            if (step == steps) break;
            if (Thread.interrupted()) throw new InterruptedException("interrupted at step " + step);
            advance(w, dt);
            if (++pending >= chunk) {
                l.stepsDone(pending);
                pending = 0;
            }
        }
        if (pending > 0) l.stepsDone(pending);
    }

    /** One step from {@code w} in place, evaluating {@code F(w)} first (for benchmarks and tests). */
    void step(S w, double dt) {
        field.velocity(w, f);
        advance(w, dt);
    }

    /**
     * The exception for a divergence seen by a caller during {@link #integrate} (a non-finite observable
     * at a recording step), with the current time, step and run.
     */
    DivergenceException divergence(String what, double bad) {
        double t = step * dt;
        String stability = lambda > 0 && Double.isFinite(lambda)
                ? String.format(" (stability needs dt < ~%.3g = %.3g/lambda_max, lambda_max ~ %.3g)", method.stabilityConstant() / lambda,
                        method.stabilityConstant(), lambda)
                : "";
        return new DivergenceException(String.format("diverged at t=%s (step %d%s): %s; reduce --dt%s", SimulationReport.time(t, 6), step,
                nameRun ? ", seed index " + runIndex : "", what, stability), t, step, runIndex, bad);
    }

    private void watch() {
        for (int i = 0; i < initial.length; i++) {
            double v = field.watched(i);
            if (step == 0) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("the initial " + watchedNames.get(i) + " is not finite (" + v
                            + "): the initial variances are too large");
                }
                initial[i] = v;
                limit[i] = DIVERGENCE_FACTOR * Math.max(Math.abs(v), 1.0);
            }
            if (!(Math.abs(v) <= limit[i])) {
                throw divergence(String.format("%s %.3g (initial %.3g)", watchedNames.get(i), v, initial[i]), v);
            }
        }
    }

    /** {@code w <- w + dt F} by the method, where {@link #f} holds {@code F(w)}. */
    private void advance(S w, double dt) {
        if (method == Integrator.EULER) {
            field.axpy(w, dt, f, w);
            return;
        }
        field.copy(f, acc);
        field.axpy(w, dt / 2, f, tmp);
        field.velocity(tmp, k);
        field.axpy(acc, 2, k, acc);
        field.axpy(w, dt / 2, k, tmp);
        field.velocity(tmp, k);
        field.axpy(acc, 2, k, acc);
        field.axpy(w, dt, k, tmp);
        field.velocity(tmp, k);
        field.axpy(acc, 1, k, acc);
        field.axpy(w, dt / 6, acc, w);
    }
}
