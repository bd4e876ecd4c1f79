package org.prism.simulation;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasLeft;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRight;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasUpper;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_daxpy;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dcopy;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemv;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dsymm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dsymv;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dsyrk;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.indexer.DoubleRawIndexer;

/**
 * The {@link FlowEngine} on OpenBLAS ({@link Backend#OPENBLAS}): every matrix is an off-heap
 * row-major {@link DoublePointer} allocated once, so each BLAS call passes addresses and copies
 * nothing. Reads a {@link NativeDataset}.
 *
 * <p>Same algebra as {@link FlowWorkspace}, with the symmetric products done as such: latent routes
 * {@code P = W Sigma} (or {@code (W X) X^T / n}) by {@code dgemm}, {@code G = W W^T} by {@code dsyrk}
 * (upper triangle, half the work), {@code Q = P W^T}, {@code F = 2P - G P - Q W} by {@code dsymm} and
 * {@code dgemm}: {@code m d^2 + 3.5 m^2 d} multiply-adds ({@code 2 m d n + 3.5 m^2 d} via {@code X});
 * feature routes {@code B = W^T W - I} by {@code dsyrk}, {@code M = B Sigma} by {@code dsymm} (or
 * {@code ((X^T B)^T X^T) / n}), the upper triangle of {@code S = M + M^T} in Java, {@code F = -W S} by
 * {@code dsymm}: {@code 1.5 m d^2 + d^3} ({@code 1.5 m d^2 + 2 d^2 n} via {@code X}). That is the work
 * numpy does for the same step ({@code matmul} of a matrix
 * with its own transpose is a {@code syrk} there too). The losses are reductions in Java over the
 * {@code m x m} or {@code d x d} work matrices ({@code O(m^2)} or {@code O(d^2)}), in a fixed order,
 * so they do not depend on BLAS's thread count; OpenBLAS splits its level-3 products over blocks of the
 * output, never over the summation index, so neither do the products. No allocation in
 * {@link #velocity}.
 *
 * <p>Off-heap memory: the {@code m x d} matrices from {@link #newState()}, plus latent
 * {@code md + 2m^2} (+ {@code mn} for {@code W X}) or feature {@code 2d^2} (+ {@code dn} for
 * {@code X^T B}), which is within {@link Route#workDoubles}, and three vectors of length {@code d} or
 * {@code max(n, m)}; all freed by {@link #close()}.
 */
final class NativeFlowWorkspace extends FlowEngine<DoublePointer> {
    /** Tile edge of the blocked pass over the upper and lower triangles of {@code M} (64 x 64 doubles = 32 KiB, in L1/L2). */
    private static final int TILE = 64;

    private final NativeDataset data;
    private final List<DoublePointer> owned = new ArrayList<>();
    // length-d vectors and a length-max(n, m) one for the matrix-vector products of curvature()
    private final DoublePointer vin;
    private final DoublePointer vout;
    private final DoublePointer vtmp;

    // latent routes: P (m x d), G and Q (m x m), W X (m x n)
    private final DoublePointer p;
    private final DoublePointer g;
    private final DoublePointer q;
    private final DoublePointer wx;
    // feature routes: B and M (d x d), X^T B (n x d)
    private final DoublePointer b;
    private final DoublePointer mm;
    private final DoublePointer xb;
    /** Java access to the work matrix the losses are read from ({@code G, Q} or {@code B, M}). */
    private final DoubleRawIndexer at1;
    private final DoubleRawIndexer at2;

    NativeFlowWorkspace(Route route, int m, NativeDataset data) {
        super(route, data, m);
        this.data = data;
        long d = this.d;
        long n = this.n;
        vin = allocate(d);
        vout = allocate(d);
        vtmp = allocate(Math.max(n, m));
        if (route.latent()) {
            p = allocate(m * d);
            g = allocate((long) m * m);
            q = allocate((long) m * m);
            wx = route.denseSigma() ? null : allocate(m * n);
            b = null;
            mm = null;
            xb = null;
            at1 = new DoubleRawIndexer(g);
            at2 = new DoubleRawIndexer(q);
        } else {
            b = allocate(d * d);
            mm = allocate(d * d);
            xb = route.denseSigma() ? null : allocate(n * d);
            p = null;
            g = null;
            q = null;
            wx = null;
            at1 = new DoubleRawIndexer(b);
            at2 = new DoubleRawIndexer(mm);
        }
    }

    private DoublePointer allocate(long doubles) {
        DoublePointer ptr = new DoublePointer(doubles).zero();
        owned.add(ptr);
        return ptr;
    }

    @Override
    public DoublePointer newState() {
        return allocate((long) m * d);
    }

    @Override
    void fill(DoublePointer target, DoubleSupplier next) {
        DoubleRawIndexer t = new DoubleRawIndexer(target);
        for (long i = 0, len = (long) m * d; i < len; i++) t.putRaw(i, next.getAsDouble());
    }

    @Override
    double[] toArray(DoublePointer source) {
        double[] out = new double[m * d];
        source.get(out);
        return out;
    }

    @Override
    public void velocity(DoublePointer w, DoublePointer f) {
        if (route.latent()) evaluateLatent(w, f);
        else evaluateFeature(w, f);
    }

    private void evaluateLatent(DoublePointer w, DoublePointer f) {
        if (data.dense) {
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, d, d, 1.0, w, d, data.matrix, d, 0.0, p, d); // P = W Sigma
        } else {
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, n, d, 1.0, w, d, data.matrix, d, 0.0, wx, n); // W X
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, d, n, 1.0 / n, wx, n, data.matrix, d, 0.0, p, d); // P = (W X) X^T / n
        }
        cblas_dsyrk(CblasRowMajor, CblasUpper, CblasNoTrans, m, d, 1.0, w, d, 0.0, g, m); // G = W W^T, upper triangle
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, m, d, 1.0, p, d, w, d, 0.0, q, m); // Q = P W^T = W Sigma W^T
        // tr(A Sigma) = tr Q, tr(A Sigma A) = <Q, G>, tr(A^2) = <G, G>, tr A = tr G, with G known on its upper triangle
        double trQ = 0;
        double trQG = 0;
        double trG2 = 0;
        double trG = 0;
        long mm2 = m;
        for (long i = 0; i < m; i++) {
            double gii = at1.getRaw(i * mm2 + i);
            double qii = at2.getRaw(i * mm2 + i);
            trQ += qii;
            trG += gii;
            trQG += qii * gii;
            trG2 += gii * gii;
            for (long j = i + 1; j < m; j++) {
                double gij = at1.getRaw(i * mm2 + j);
                trQG += (at2.getRaw(i * mm2 + j) + at2.getRaw(j * mm2 + i)) * gij;
                trG2 += 2 * gij * gij;
            }
        }
        train = 0.5 * (trQG - 2 * trQ + data.traceSigma);
        pop = 0.5 * (trG2 - 2 * trG + d);
        cblas_dcopy(m * d, p, 1, f, 1);
        cblas_dsymm(CblasRowMajor, CblasLeft, CblasUpper, m, d, -1.0, g, m, p, d, 2.0, f, d); // F = 2P - G P
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, d, m, -1.0, q, m, w, d, 1.0, f, d); // F -= Q W
    }

    private void evaluateFeature(DoublePointer w, DoublePointer f) {
        cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, d, m, 1.0, w, d, 0.0, b, d); // A = W^T W, upper triangle
        long dd = d;
        for (long i = 0; i < d; i++) at1.putRaw(i * dd + i, at1.getRaw(i * dd + i) - 1.0); // B = A - I
        if (data.dense) {
            cblas_dsymm(CblasRowMajor, CblasLeft, CblasUpper, d, d, 1.0, b, d, data.matrix, d, 0.0, mm, d); // M = B Sigma
        } else {
            cblas_dsymm(CblasRowMajor, CblasRight, CblasUpper, n, d, 1.0, b, d, data.matrix, d, 0.0, xb, d); // X^T B = (B X)^T
            cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, d, d, n, 1.0 / n, xb, d, data.matrix, d, 0.0, mm, d); // M = B X X^T / n
        }
        symmetrizeAndReduce();
        cblas_dsymm(CblasRowMajor, CblasRight, CblasUpper, m, d, -1.0, mm, d, w, d, 0.0, f, d); // F = -W S
    }

    /**
     * From {@code M} (full) and {@code B} (upper triangle): the losses
     * {@code L_tr = <M, B>/2 = (sum_i M_ii B_ii + sum_{i<j} (M_ij + M_ji) B_ij)/2} and
     * {@code L_pop = <B, B>/2}, and the upper triangle of {@code S = M + M^T} written over that of
     * {@code M} (each {@code M_ji}, {@code j > i}, is read before nothing overwrites it). One pass in
     * {@link #TILE}-square tiles, so the column-wise reads of the lower triangle stay in cache.
     */
    private void symmetrizeAndReduce() {
        long dd = d;
        double mb = 0;
        double bb = 0;
        for (long i0 = 0; i0 < d; i0 += TILE) {
            long i1 = Math.min(d, i0 + TILE);
            for (long j0 = i0; j0 < d; j0 += TILE) {
                long j1 = Math.min(d, j0 + TILE);
                for (long i = i0; i < i1; i++) {
                    long row = i * dd;
                    long j = j0;
                    if (j0 == i0) {
                        double bii = at1.getRaw(row + i);
                        double mii = at2.getRaw(row + i);
                        mb += mii * bii;
                        bb += bii * bii;
                        at2.putRaw(row + i, 2 * mii);
                        j = i + 1;
                    }
                    for (; j < j1; j++) {
                        double bij = at1.getRaw(row + j);
                        double s = at2.getRaw(row + j) + at2.getRaw(j * dd + i);
                        at2.putRaw(row + j, s);
                        mb += s * bij;
                        bb += 2 * bij * bij;
                    }
                }
            }
        }
        train = 0.5 * mb;
        pop = 0.5 * bb;
    }

    @Override
    public void axpy(DoublePointer a, double alpha, DoublePointer b, DoublePointer out) {
        if (out == b) throw new IllegalArgumentException("axpy: out must not alias b");
        if (out != a) cblas_dcopy(m * d, a, 1, out, 1);
        cblas_daxpy(m * d, alpha, b, 1, out, 1);
    }

    @Override
    public void copy(DoublePointer from, DoublePointer to) {
        cblas_dcopy(m * d, from, 1, to, 1);
    }

    @Override
    void applySigma(double[] v, double[] out) {
        vin.put(v, 0, d);
        if (data.dense) {
            cblas_dsymv(CblasRowMajor, CblasUpper, d, 1.0, data.matrix, d, vin, 1, 0.0, vout, 1);
        } else {
            cblas_dgemv(CblasRowMajor, CblasNoTrans, n, d, 1.0, data.matrix, d, vin, 1, 0.0, vtmp, 1); // X^T v
            cblas_dgemv(CblasRowMajor, CblasTrans, n, d, 1.0 / n, data.matrix, d, vtmp, 1, 0.0, vout, 1); // X (X^T v) / n
        }
        vout.get(out, 0, d);
    }

    @Override
    void applyGram(DoublePointer w, double[] v, double[] out) {
        vin.put(v, 0, d);
        cblas_dgemv(CblasRowMajor, CblasNoTrans, m, d, 1.0, w, d, vin, 1, 0.0, vtmp, 1); // W v
        cblas_dgemv(CblasRowMajor, CblasTrans, m, d, 1.0, w, d, vtmp, 1, 0.0, vout, 1); // W^T (W v)
        vout.get(out, 0, d);
    }

    @Override
    public void close() {
        for (DoublePointer ptr : owned) ptr.deallocate();
        owned.clear();
    }
}
