package org.prism.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The shared integrator on the linear flow {@code dw/dt = -a w}, whose schemes have closed-form steps. */
class FixedStepIntegratorTest {
    /** {@code dw/dt = -a w} on vectors; watches {@code |w|^2}; stiffness exactly {@code a}. */
    private static final class Decay implements FlowField<double[]> {
        final double a;
        final int n;
        double last;

        Decay(double a, int n) {
            this.a = a;
            this.n = n;
        }

        @Override
        public double[] newState() {
            return new double[n];
        }

        @Override
        public void velocity(double[] at, double[] out) {
            last = 0;
            for (int i = 0; i < n; i++) {
                out[i] = -a * at[i];
                last += at[i] * at[i];
            }
        }

        @Override
        public void axpy(double[] x, double alpha, double[] y, double[] out) {
            for (int i = 0; i < n; i++) out[i] = x[i] + alpha * y[i];
        }

        @Override
        public void copy(double[] from, double[] to) {
            System.arraycopy(from, 0, to, 0, n);
        }

        @Override
        public List<String> watchedNames() {
            return List.of("squared norm");
        }

        @Override
        public double watched(int k) {
            return last;
        }

        @Override
        public Stiffness stiffness(double[] w) {
            return new Stiffness(a, "exactly");
        }
    }

    // one step multiplies w by the scheme's stability function R(z), z = -a dt:
    // Euler 1 + z; RK4 1 + z + z^2/2 + z^3/6 + z^4/24 (the Taylor polynomial of e^z, a hand derivation
    // from the Butcher tableau of the classical scheme)
    private static double r(Integrator method, double z) {
        return method == Integrator.EULER ? 1 + z : 1 + z + z * z / 2 + z * z * z / 6 + z * z * z * z / 24;
    }

    @ParameterizedTest
    @EnumSource(Integrator.class)
    void recordsTheSchemesClosedFormSteps(Integrator method) throws InterruptedException {
        Decay field = new Decay(1.5, 2);
        FixedStepIntegrator<double[]> integrator = new FixedStepIntegrator<>(field, method);
        double[] w = {1.0, -2.0};
        double dt = 0.1;
        int[] rec = {0, 3, 10};
        double[] recorded = new double[rec.length];
        List<Long> progress = new ArrayList<>();
        ProgressListener l = new ProgressListener() {
            @Override
            public void stepsDone(long k) {
                progress.add(k);
            }
        };
        integrator.integrate(w, dt, 10, rec, i -> recorded[i] = field.last, 0, false, l, 4);
        double per = r(method, -1.5 * dt);
        for (int i = 0; i < rec.length; i++) assertEquals(5 * Math.pow(per, 2 * rec[i]), recorded[i], 1e-12, "record " + i);
        assertEquals(Math.pow(per, 10), w[0], 1e-14);
        assertEquals(List.of(4L, 4L, 2L), progress);
        // RK4 is the exponential to O(dt^5) per step (here 10 z^5/120 ~ 6e-7 a step), Euler only to O(dt^2)
        double exact = Math.exp(-1.5);
        assertTrue(Math.abs(w[0] - exact) < (method == Integrator.RK4 ? 1e-5 : 0.1), method + ": " + w[0] + " vs " + exact);
    }

    @Test
    void aStepBeyondStabilityIsWarnedRefusedOrCaughtDiverging() throws InterruptedException {
        Decay field = new Decay(1.0, 1);
        FixedStepIntegrator<double[]> euler = new FixedStepIntegrator<>(field, Integrator.EULER);
        // Euler is stable for dt < 2/a; 30/a is more than REFUSE_FACTOR times that
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> euler.checkStability(new double[] {1}, 30, ProgressListener.NONE, new AtomicBoolean()));
        assertTrue(refused.getMessage().startsWith("--dt 30.0 is far beyond the stability limit of euler"), refused.getMessage());
        List<String> warnings = new ArrayList<>();
        ProgressListener l = new ProgressListener() {
            @Override
            public void stepsDone(long k) {}

            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
        AtomicBoolean warned = new AtomicBoolean();
        euler.checkStability(new double[] {1}, 3, l, warned);
        euler.checkStability(new double[] {1}, 3, l, warned);
        assertEquals(1, warnings.size(), "warned once per simulation");
        // at dt = 3, |1 - 3| = 2: |w|^2 grows 4-fold per step and passes 1e12 after 20 steps
        double[] w = {1};
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> euler.integrate(w, 3, 100, new int[] {100}, i -> {}, 7, true, ProgressListener.NONE, 1000));
        assertEquals(20, e.step());
        assertEquals(60, e.time(), 1e-12);
        assertTrue(e.getMessage().startsWith("diverged at t=60 (step 20, seed index 7): squared norm 1.10e+12 (initial 1.00); reduce --dt"
                + " (stability needs dt < ~2.00"), e.getMessage());
    }

    @Test
    void aNonFiniteStartIsBadInputNotDivergence() {
        FixedStepIntegrator<double[]> rk4 = new FixedStepIntegrator<>(new Decay(1.0, 1), Integrator.RK4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rk4.integrate(new double[] {Double.POSITIVE_INFINITY}, 0.1, 5, new int[] {5}, i -> {}, 0, false, ProgressListener.NONE, 1));
        assertTrue(!(e instanceof DivergenceException) && e.getMessage().startsWith("the initial squared norm is not finite"), e.getMessage());
    }
}
