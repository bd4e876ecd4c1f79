package org.prism.simulation;

import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The pure-Java {@link FlowEngine}: EJML products into preallocated Java matrices ({@link Backend#EJML},
 * the fallback where OpenBLAS does not load). Reads a {@link HeapDataset}. {@link #velocity} costs
 * {@link Route#multiplyAdds} at EJML's speed (about 5 GFLOP/s on one core) and allocates nothing.
 * Work matrices beyond {@code W}, {@code F} and the integrator's buffers: {@link Route#workDoubles}.
 */
final class FlowWorkspace extends FlowEngine<DMatrixRMaj> {
    private final HeapDataset data;
    /** Length-{@code n} scratch vector of {@link #applySigma} (factor form). */
    private final double[] sigmaTmp;
    /** Length-{@code m} scratch vector of {@link #applyGram}. */
    private final double[] gramTmp;

    // latent routes
    private final DMatrixRMaj wt;
    private final DMatrixRMaj pt;
    private final DMatrixRMaj ft;
    private final DMatrixRMaj g;
    private final DMatrixRMaj q;
    private final DMatrixRMaj xw;
    // feature routes
    private final DMatrixRMaj b;
    private final DMatrixRMaj mm;
    private final DMatrixRMaj bx;

    FlowWorkspace(Route route, int m, HeapDataset data) {
        super(route, data, m);
        this.data = data;
        int d = this.d;
        int n = this.n;
        sigmaTmp = data.dense ? null : new double[n];
        gramTmp = new double[m];
        if (route.latent()) {
            wt = new DMatrixRMaj(d, m);
            pt = new DMatrixRMaj(d, m);
            ft = new DMatrixRMaj(d, m);
            g = new DMatrixRMaj(m, m);
            q = new DMatrixRMaj(m, m);
            xw = route.denseSigma() ? null : new DMatrixRMaj(n, m);
            b = null;
            mm = null;
            bx = null;
        } else {
            b = new DMatrixRMaj(d, d);
            mm = new DMatrixRMaj(d, d);
            bx = route.denseSigma() ? null : new DMatrixRMaj(d, n);
            wt = null;
            pt = null;
            ft = null;
            g = null;
            q = null;
            xw = null;
        }
    }

    @Override
    public DMatrixRMaj newState() {
        return new DMatrixRMaj(m, d);
    }

    @Override
    void fill(DMatrixRMaj target, DoubleSupplier next) {
        double[] t = target.data;
        for (int i = 0, len = m * d; i < len; i++) t[i] = next.getAsDouble();
    }

    @Override
    double[] toArray(DMatrixRMaj source) {
        return source.data.clone();
    }

    @Override
    public void velocity(DMatrixRMaj w, DMatrixRMaj f) {
        if (route.latent()) evaluateLatent(w, f);
        else evaluateFeature(w, f);
    }

    @Override
    public void axpy(DMatrixRMaj a, double alpha, DMatrixRMaj b, DMatrixRMaj out) {
        double[] ad = a.data;
        double[] bd = b.data;
        double[] od = out.data;
        for (int i = 0, len = m * d; i < len; i++) od[i] = ad[i] + alpha * bd[i];
    }

    @Override
    public void copy(DMatrixRMaj from, DMatrixRMaj to) {
        to.setTo(from);
    }

    @Override
    void applySigma(double[] v, double[] out) {
        data.applySigma(v, out, sigmaTmp);
    }

    @Override
    void applyGram(DMatrixRMaj w, double[] v, double[] out) {
        double[] wd = w.data;
        for (int i = 0; i < m; i++) {
            double acc = 0;
            for (int j = 0; j < d; j++) acc += wd[i * d + j] * v[j];
            gramTmp[i] = acc;
        }
        java.util.Arrays.fill(out, 0, d, 0.0);
        for (int i = 0; i < m; i++) {
            double c = gramTmp[i];
            for (int j = 0; j < d; j++) out[j] += c * wd[i * d + j];
        }
    }

    /** Nothing to free: the matrices are garbage-collected. */
    @Override
    public void close() {}

    private void evaluateLatent(DMatrixRMaj w, DMatrixRMaj f) {
        // Works with transposes (d x m): the products then stream the big d x d (or d x n) operand once.
        CommonOps_DDRM.transpose(w, wt);
        if (data.dense) {
            CommonOps_DDRM.mult(data.sigma, wt, pt); // P^T = Sigma W^T
        } else {
            CommonOps_DDRM.mult(data.xt, wt, xw);
            CommonOps_DDRM.mult(1.0 / data.n, data.x, xw, pt); // P^T = X (X^T W^T) / n
        }
        CommonOps_DDRM.mult(w, wt, g); // G = W W^T
        CommonOps_DDRM.multTransA(wt, pt, q); // Q = W Sigma W^T
        double trAS = dot(wt, pt);
        double trASA = dot(q, g);
        double trA2 = dot(g, g);
        double trA = CommonOps_DDRM.trace(g);
        train = 0.5 * (trASA - 2 * trAS + data.traceSigma);
        pop = 0.5 * (trA2 - 2 * trA + d);
        // F = 2P - G P - Q W (W A Sigma = G P, W Sigma A = Q W), as F^T = 2P^T - P^T G - W^T Q
        CommonOps_DDRM.mult(-1.0, pt, g, ft);
        CommonOps_DDRM.multAdd(-1.0, wt, q, ft);
        double[] fd = ft.data;
        double[] pd = pt.data;
        for (int i = 0, len = m * d; i < len; i++) fd[i] += 2 * pd[i];
        CommonOps_DDRM.transpose(ft, f);
    }

    private void evaluateFeature(DMatrixRMaj w, DMatrixRMaj f) {
        CommonOps_DDRM.multTransA(w, w, b); // A = W^T W
        double[] bd = b.data;
        for (int i = 0; i < d; i++) bd[i * d + i] -= 1.0; // B = A - I
        if (data.dense) {
            CommonOps_DDRM.mult(b, data.sigma, mm); // M = B Sigma
        } else {
            CommonOps_DDRM.mult(b, data.x, bx);
            CommonOps_DDRM.mult(1.0 / data.n, bx, data.xt, mm); // M = (B X) X^T / n
        }
        train = 0.5 * dot(mm, b); // tr(B Sigma B) = <B Sigma, B^T> = <M, B>
        pop = 0.5 * dot(b, b);
        double[] md = mm.data;
        for (int i = 0; i < d; i++) {
            md[i * d + i] *= 2;
            for (int j = i + 1; j < d; j++) {
                double s = md[i * d + j] + md[j * d + i];
                md[i * d + j] = s;
                md[j * d + i] = s;
            }
        }
        CommonOps_DDRM.mult(-1.0, w, mm, f); // F = -W S, S = M + M^T
    }

    private static double dot(DMatrixRMaj a, DMatrixRMaj c) {
        double[] x = a.data;
        double[] y = c.data;
        double s = 0;
        for (int i = 0, len = a.getNumElements(); i < len; i++) s += x[i] * y[i];
        return s;
    }
}
