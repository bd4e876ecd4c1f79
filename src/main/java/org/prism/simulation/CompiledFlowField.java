package org.prism.simulation;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * A {@link CompiledFlow} as a {@link FlowField}: the state is the array of trained tensors (null at
 * data positions), {@code F} the velocities of the workspace at that state. The watched quantity is the
 * squared norm of the trained tensors; the stiffness is the largest rate of the linearised flow at the
 * state, found by {@value #POWER_ITERATIONS} power iterations on {@code v -> J v}, each Jacobian
 * product a finite difference of velocities (for a gradient flow {@code J} is minus the Hessian, and
 * this is its largest eigenvalue in size). Not thread-safe: one per worker.
 */
final class CompiledFlowField implements FlowField<DMatrixRMaj[]> {
    private static final int POWER_ITERATIONS = 30;
    private static final List<String> WATCHED = List.of("the trained tensors' squared norm");

    private final CompiledFlow flow;
    private final CompiledFlow.Workspace ws;
    private double normAtVelocity;

    CompiledFlowField(CompiledFlow flow, CompiledFlow.Workspace ws) {
        this.flow = flow;
        this.ws = ws;
    }

    @Override
    public DMatrixRMaj[] newState() {
        DMatrixRMaj[] out = new DMatrixRMaj[flow.tensorCount()];
        for (int i = 0; i < out.length; i++) if (flow.trained(i)) out[i] = new DMatrixRMaj(flow.rows(i), flow.cols(i));
        return out;
    }

    /** Loads {@code at} into the workspace and writes its velocities; the workspace stays at {@code at}. */
    @Override
    public void velocity(DMatrixRMaj[] at, DMatrixRMaj[] out) {
        ws.load(at);
        for (int i = 0; i < out.length; i++) if (out[i] != null) ws.velocity(i, out[i]);
        normAtVelocity = squaredNorm(at);
    }

    @Override
    public void axpy(DMatrixRMaj[] a, double alpha, DMatrixRMaj[] b, DMatrixRMaj[] out) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null) continue;
            double[] x = a[i].data;
            double[] y = b[i].data;
            double[] z = out[i].data;
            for (int e = 0; e < x.length; e++) z[e] = x[e] + alpha * y[e];
        }
    }

    @Override
    public void copy(DMatrixRMaj[] from, DMatrixRMaj[] to) {
        for (int i = 0; i < from.length; i++) if (from[i] != null) System.arraycopy(from[i].data, 0, to[i].data, 0, from[i].data.length);
    }

    @Override
    public List<String> watchedNames() {
        return WATCHED;
    }

    @Override
    public double watched(int k) {
        return normAtVelocity;
    }

    /** Leaves the workspace loaded at {@code w}. */
    @Override
    public Stiffness stiffness(DMatrixRMaj[] w) {
        DMatrixRMaj[] v = newState();
        DMatrixRMaj[] u = newState();
        DMatrixRMaj[] f0 = newState();
        DMatrixRMaj[] f = newState();
        SplittableRandom r = new SplittableRandom(0x5EEDL);
        for (DMatrixRMaj x : v) if (x != null) for (int e = 0; e < x.data.length; e++) x.data[e] = r.nextGaussian();
        velocity(w, f0);
        double scale = Math.max(Math.sqrt(squaredNorm(w)), 1.0);
        double lambda = 0;
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            double nv = Math.sqrt(squaredNorm(v));
            if (!(nv > 0) || !Double.isFinite(nv)) break;
            double eps = 1e-7 * scale / nv;
            axpy(w, eps, v, u);
            velocity(u, f);
            axpy(f, -1, f0, f); // J v eps
            lambda = Math.sqrt(squaredNorm(f)) / (eps * nv);
            for (int i = 0; i < v.length; i++) {
                if (v[i] == null) continue;
                for (int e = 0; e < v[i].data.length; e++) v[i].data[e] = f[i].data[e] / (eps * nv); // v = J v / |v|
            }
        }
        ws.load(w);
        return new Stiffness(lambda, "the largest rate of the linearised flow at W(0)");
    }

    private static double squaredNorm(DMatrixRMaj[] m) {
        double s = 0;
        for (DMatrixRMaj x : m) {
            if (x == null) continue;
            for (double v : x.data) s += v * v;
        }
        return s;
    }
}
