package org.prism.simulation;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasUpper;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dsyrk;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.indexer.DoubleRawIndexer;

/**
 * A {@link Dataset} in off-heap buffers, for {@link NativeFlowWorkspace} (OpenBLAS). Dense form:
 * {@code Sigma} ({@code d x d}, row-major, full) accumulated block by block with
 * {@code cblas_dsyrk} ({@code Sigma += B^T B / n} on the upper triangle, {@code d^2 n / 2}
 * multiply-adds per data set), then mirrored to the lower triangle. Factor form: only {@code X^T}
 * ({@code n x d}, the data points as rows, {@code dn} doubles); products with {@code X} pass it
 * transposed to BLAS.
 */
final class NativeDataset extends Dataset {
    /** {@code Sigma} (dense form) or {@code X^T} (factor form). */
    final DoublePointer matrix;
    private final DoubleRawIndexer at;
    /** Off-heap copy of {@link #block} for {@code dsyrk} (dense form only). */
    private final DoublePointer nativeBlock;

    NativeDataset(int d, int n, boolean dense) {
        super(d, n, dense);
        matrix = new DoublePointer(dense ? (long) d * d : (long) n * d).zero();
        at = new DoubleRawIndexer(matrix);
        nativeBlock = dense ? new DoublePointer(block.length).zero() : null;
    }

    @Override
    void begin() {
        if (dense) matrix.zero();
    }

    @Override
    void absorb(int first, int points) {
        if (dense) {
            nativeBlock.put(block, 0, points * d);
            cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, d, points, 1.0 / n, nativeBlock, d, 1.0, matrix, d);
        } else {
            matrix.position((long) first * d).put(block, 0, points * d).position(0);
        }
    }

    @Override
    void finish() {
        double t = 0;
        if (dense) {
            for (long i = 0; i < d; i++) {
                t += at.getRaw(i * d + i);
                for (long j = i + 1; j < d; j++) at.putRaw(j * d + i, at.getRaw(i * d + j));
            }
            traceSigma = t;
        } else {
            for (long i = 0, len = (long) n * d; i < len; i++) {
                double v = at.getRaw(i);
                t += v * v;
            }
            traceSigma = t / n;
        }
    }

    @Override
    public void close() {
        matrix.deallocate();
        if (nativeBlock != null) nativeBlock.deallocate();
    }
}
