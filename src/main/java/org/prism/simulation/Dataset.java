package org.prism.simulation;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The fixed data of one run, in the form its {@link Route} needs: either {@code Sigma = X X^T / n}
 * ({@code d x d}, symmetric) or {@code X} ({@code d x n}) together with {@code X^T}. Buffers are
 * allocated once and refilled for each seed.
 *
 * <p>Sampling order: data points (columns of {@code X}) one after another, each as {@code d}
 * consecutive {@code N(0,1)} draws, so a data set does not depend on how it is stored. The dense
 * form accumulates {@code Sigma} over blocks of {@link #blockRows} points, so {@code X} itself is
 * never held (memory {@code O(d^2)} for any {@code n}; cost {@code O(d^2 n)} once per data set).
 */
final class Dataset {
    /** Doubles in one sampling block (about 8 MB). */
    private static final int BLOCK_DOUBLES = 1 << 20;

    final int d;
    final int n;
    final boolean dense;
    /** {@code Sigma}, dense form only. */
    final DMatrixRMaj sigma;
    /** {@code X} ({@code d x n}) and {@code X^T} ({@code n x d}), factor form only. */
    final DMatrixRMaj x;
    final DMatrixRMaj xt;
    private final DMatrixRMaj block;
    private double traceSigma;

    Dataset(int d, int n, boolean dense) {
        this.d = d;
        this.n = n;
        this.dense = dense;
        if (dense) {
            sigma = new DMatrixRMaj(d, d);
            block = new DMatrixRMaj(blockRows(d, n), d);
            x = null;
            xt = null;
        } else {
            sigma = null;
            block = null;
            x = new DMatrixRMaj(d, n);
            xt = new DMatrixRMaj(n, d);
        }
    }

    static int blockRows(long d, long n) {
        return (int) Math.max(1, Math.min(n, BLOCK_DOUBLES / Math.max(1, d)));
    }

    /** A data set holding the given {@code X} ({@code d x n}, copied). */
    static Dataset of(DMatrixRMaj xIn, boolean dense) {
        Dataset ds = new Dataset(xIn.numRows, xIn.numCols, dense);
        if (dense) {
            DMatrixRMaj t = CommonOps_DDRM.transpose(xIn, null);
            CommonOps_DDRM.multTransA(1.0 / ds.n, t, t, ds.sigma);
            ds.finishSigma();
        } else {
            ds.x.setTo(xIn);
            CommonOps_DDRM.transpose(ds.x, ds.xt);
            ds.finishFactor();
        }
        return ds;
    }

    /** Resamples {@code X} with iid {@code N(0,1)} entries (see the class comment for the order). */
    void fill(SplittableRandom rng) {
        if (dense) {
            sigma.zero();
            double inv = 1.0 / n;
            int rows = block.numRows;
            for (int start = 0; start < n; start += rows) {
                int r = Math.min(rows, n - start);
                block.reshape(r, d);
                double[] b = block.data;
                for (int i = 0, len = r * d; i < len; i++) b[i] = rng.nextGaussian();
                CommonOps_DDRM.multAddTransA(inv, block, block, sigma);
            }
            block.reshape(rows, d);
            finishSigma();
        } else {
            double[] b = xt.data;
            for (int i = 0, len = n * d; i < len; i++) b[i] = rng.nextGaussian();
            CommonOps_DDRM.transpose(xt, x);
            finishFactor();
        }
    }

    private void finishSigma() {
        double[] s = sigma.data;
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double v = 0.5 * (s[i * d + j] + s[j * d + i]);
                s[i * d + j] = v;
                s[j * d + i] = v;
            }
        }
        traceSigma = CommonOps_DDRM.trace(sigma);
    }

    private void finishFactor() {
        double t = 0;
        for (double v : xt.data) t += v * v;
        traceSigma = t / n;
    }

    double traceSigma() {
        return traceSigma;
    }

    /** {@code out = Sigma v} for a vector {@code v} of length d ({@code tmp}: length n, factor form). */
    void applySigma(double[] v, double[] out, double[] tmp) {
        if (dense) {
            double[] s = sigma.data;
            for (int i = 0; i < d; i++) {
                double acc = 0;
                int off = i * d;
                for (int j = 0; j < d; j++) acc += s[off + j] * v[j];
                out[i] = acc;
            }
        } else {
            double[] xtd = xt.data;
            for (int k = 0; k < n; k++) {
                double acc = 0;
                int off = k * d;
                for (int j = 0; j < d; j++) acc += xtd[off + j] * v[j];
                tmp[k] = acc;
            }
            java.util.Arrays.fill(out, 0, d, 0.0);
            for (int k = 0; k < n; k++) {
                double c = tmp[k] / n;
                int off = k * d;
                for (int j = 0; j < d; j++) out[j] += c * xtd[off + j];
            }
        }
    }
}
