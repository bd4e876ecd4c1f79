package org.prism.simulation;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A {@link Dataset} in Java arrays, for {@link FlowWorkspace} (EJML): {@code Sigma} accumulated block by
 * block with {@code Sigma += B^T B / n} ({@code O(d^2 n)} per data set), or {@code X} together with
 * {@code X^T} ({@code 2dn} doubles), so that both products {@code X^T V} and {@code X V} run on EJML's
 * row-major kernels.
 */
final class HeapDataset extends Dataset {
    /** {@code Sigma}, dense form only. */
    final DMatrixRMaj sigma;
    /** {@code X} ({@code d x n}) and {@code X^T} ({@code n x d}), factor form only. */
    final DMatrixRMaj x;
    final DMatrixRMaj xt;
    /** {@link #block} as a matrix, reshaped to each block's number of points. */
    private final DMatrixRMaj blockView;

    HeapDataset(int d, int n, boolean dense) {
        super(d, n, dense);
        blockView = DMatrixRMaj.wrap(block.length / d, d, block);
        if (dense) {
            sigma = new DMatrixRMaj(d, d);
            x = null;
            xt = null;
        } else {
            sigma = null;
            x = new DMatrixRMaj(d, n);
            xt = new DMatrixRMaj(n, d);
        }
    }

    @Override
    void begin() {
        if (dense) sigma.zero();
    }

    @Override
    void absorb(int first, int points) {
        if (dense) {
            blockView.reshape(points, d, false);
            CommonOps_DDRM.multAddTransA(1.0 / n, blockView, blockView, sigma);
        } else {
            System.arraycopy(block, 0, xt.data, first * d, points * d);
        }
    }

    @Override
    void finish() {
        if (dense) {
            // the block sums are symmetric only up to rounding; make Sigma exactly symmetric
            double[] s = sigma.data;
            for (int i = 0; i < d; i++) {
                for (int j = i + 1; j < d; j++) {
                    double v = 0.5 * (s[i * d + j] + s[j * d + i]);
                    s[i * d + j] = v;
                    s[j * d + i] = v;
                }
            }
            traceSigma = CommonOps_DDRM.trace(sigma);
        } else {
            CommonOps_DDRM.transpose(xt, x);
            double t = 0;
            for (double v : xt.data) t += v * v;
            traceSigma = t / n;
        }
    }

    /** {@code out = Sigma v} ({@code tmp}: length {@code n}, factor form): {@code O(d^2)} or {@code O(dn)}. */
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

    /** Nothing to free: the arrays are garbage-collected. */
    @Override
    public void close() {}
}
