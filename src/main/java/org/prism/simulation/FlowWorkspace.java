package org.prism.simulation;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Preallocated work matrices for evaluating the flow field {@code F(W) = -W S} and both losses at a
 * point {@code W} ({@code m x d}) by one {@link Route}. {@link #evaluate} allocates nothing.
 * Not thread-safe: one workspace per worker thread; the {@link Dataset} it reads may be shared.
 */
final class FlowWorkspace {
    final Route route;
    final int d;
    final int m;
    private Dataset data;

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

    /** Losses at the point of the last {@link #evaluate} call. */
    double train;
    double pop;

    FlowWorkspace(Route route, int d, int m, int n) {
        this.route = route;
        this.d = d;
        this.m = m;
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

    void setData(Dataset data) {
        if (data.d != d || data.dense != route.denseSigma()) throw new IllegalStateException("data set does not fit the route");
        this.data = data;
    }

    /** {@code f = F(w) = -w S(w)} (f must not alias w); sets {@link #train} and {@link #pop} at {@code w}. */
    void evaluate(DMatrixRMaj w, DMatrixRMaj f) {
        if (route.latent()) evaluateLatent(w, f);
        else evaluateFeature(w, f);
    }

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
        train = 0.5 * (trASA - 2 * trAS + data.traceSigma());
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

    /**
     * Rough largest curvature of {@code L_tr} that a step along the trajectory from {@code w} meets:
     * {@code lambda = ||Sigma|| * max(4, 2 (||W^T W|| - 1))}. At a minimum ({@code A} a projection) the
     * top Hessian eigenvalue is {@code 4 ||Sigma||}; while {@code ||A|| = a} is large, a step along the
     * top singular direction multiplies it by about {@code 1 - 2 dt ||Sigma|| (a - 1)} (the secant
     * slope, exact for {@code d = m = 1}), which overshoots without bound once that exceeds 2. Both
     * norms by 30 power iterations; returns {@code {lambda, ||Sigma||, ||W^T W||}}. Since the top
     * directions of {@code W} and {@code Sigma} need not align, it may overestimate.
     */
    double[] curvature(DMatrixRMaj w) {
        int n = data.n;
        double[] v = new double[d];
        double[] u = new double[d];
        double[] tmp = new double[Math.max(n, m)];
        double sigmaNorm = power(v, u, () -> data.applySigma(v, u, tmp));
        double aNorm = power(v, u, () -> {
            double[] wd = w.data;
            for (int i = 0; i < m; i++) {
                double acc = 0;
                for (int j = 0; j < d; j++) acc += wd[i * d + j] * v[j];
                tmp[i] = acc;
            }
            java.util.Arrays.fill(u, 0.0);
            for (int i = 0; i < m; i++) {
                double c = tmp[i];
                for (int j = 0; j < d; j++) u[j] += c * wd[i * d + j];
            }
        });
        return new double[] {sigmaNorm * Math.max(4.0, 2.0 * (aNorm - 1.0)), sigmaNorm, aNorm};
    }

    /** Power iteration u = Op v on a symmetric PSD operator; returns the Rayleigh-quotient estimate. */
    private double power(double[] v, double[] u, Runnable op) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(0x5EEDL);
        for (int i = 0; i < d; i++) v[i] = 1.0 + 0.1 * r.nextGaussian();
        normalize(v);
        double est = 0;
        for (int it = 0; it < 30; it++) {
            op.run();
            double rq = 0;
            for (int i = 0; i < d; i++) rq += u[i] * v[i];
            est = Math.max(est, rq);
            System.arraycopy(u, 0, v, 0, d);
            if (normalize(v) == 0) break;
        }
        return est;
    }

    private static double normalize(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        s = Math.sqrt(s);
        if (s == 0 || !Double.isFinite(s)) return 0;
        for (int i = 0; i < v.length; i++) v[i] /= s;
        return s;
    }
}
