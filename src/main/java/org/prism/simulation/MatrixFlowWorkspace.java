package org.prism.simulation;

import java.util.List;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The matrices of one worker simulating a {@link MatrixFlow}: the model's matrices, one buffer per
 * product node of the plan, all allocated at construction, so evaluations allocate nothing.
 *
 * <p>{@link #load} points the trained matrices at a state; the next {@link #velocity} or
 * {@link #loss} computes each node it needs once (nodes of data letters only once per data set).
 * Products run on OpenBLAS ({@code cblas_dgemm} on the heap arrays, which JavaCPP passes to the
 * native code) where {@link Backend} chose it, else on EJML ({@code CommonOps_DDRM}); transposed
 * leaves go to the kernels as transposes, never copied. Not thread-safe: one workspace per worker.
 */
final class MatrixFlowWorkspace extends AbstractWorkspace<MatrixFlow> {
    private final DMatrixRMaj[] buffer;
    private final long[] stamp;
    private final List<List<MatrixFlow.Term>> lossTerms;

    /**
     * @param sharedData per matrix, the data matrices shared by all workers (null entries, or a null
     *        array, for a workspace that owns its data)
     */
    MatrixFlowWorkspace(MatrixFlow flow, DMatrixRMaj[] sharedData, Backend backend) {
        super(flow, sharedData, backend);
        lossTerms = List.copyOf(flow.losses.values());
        buffer = new DMatrixRMaj[flow.nodes.size()];
        stamp = new long[flow.nodes.size()];
        for (MatrixFlow.Node n : flow.nodes) if (!n.isLeaf()) buffer[n.id] = new DMatrixRMaj(n.rows, n.cols);
    }

    @Override
    public void velocity(int i, DMatrixRMaj out) {
        out.zero();
        for (MatrixFlow.Term t : flow.velocity.get(i)) {
            MatrixFlow.Node p = t.product();
            if (p.isLeaf() && p.transposed) {
                DMatrixRMaj m = current[p.matrix];
                for (int r = 0; r < out.numRows; r++) {
                    for (int c = 0; c < out.numCols; c++) out.data[r * out.numCols + c] += t.coefficient() * m.data[c * m.numCols + r];
                }
            } else {
                CommonOps_DDRM.addEquals(out, t.coefficient(), value(p));
            }
        }
    }

    @Override
    public double loss(int k) {
        double sum = 0;
        for (MatrixFlow.Term t : lossTerms.get(k)) {
            double tr;
            if (t.product() == null && t.left() == null) tr = 1;
            else if (t.product() != null) tr = traceOfProduct(t.product(), null);
            else tr = traceOfProduct(t.left(), t.right());
            sum += t.coefficient() * tr;
        }
        return sum;
    }

    /** {@code tr(L R)} ({@code tr L} if {@code r} is null) without forming the product. */
    private double traceOfProduct(MatrixFlow.Node l, MatrixFlow.Node r) {
        DMatrixRMaj a = value(l);
        boolean at = l.isLeaf() && l.transposed;
        // element (i, j) of L is a[i * ars + j * acs]
        int ars = at ? 1 : a.numCols;
        int acs = at ? a.numCols : 1;
        double sum = 0;
        if (r == null) {
            for (int i = 0; i < l.rows; i++) sum += a.data[i * ars + i * acs];
            return sum;
        }
        DMatrixRMaj b = value(r);
        boolean bt = r.isLeaf() && r.transposed;
        int brs = bt ? 1 : b.numCols;
        int bcs = bt ? b.numCols : 1;
        for (int i = 0; i < l.rows; i++) {
            for (int j = 0; j < l.cols; j++) sum += a.data[i * ars + j * acs] * b.data[j * brs + i * bcs];
        }
        return sum;
    }

    /** The node's matrix: a leaf's matrix (read transposed if the leaf is), else its product, computed once per state. */
    private DMatrixRMaj value(MatrixFlow.Node n) {
        if (n.isLeaf()) return current[n.matrix];
        long want = n.constant ? dataEpoch : stateEpoch;
        DMatrixRMaj out = buffer[n.id];
        if (stamp[n.id] == want) return out;
        DMatrixRMaj a = value(n.left);
        DMatrixRMaj b = value(n.right);
        boolean at = n.left.isLeaf() && n.left.transposed;
        boolean bt = n.right.isLeaf() && n.right.transposed;
        if (blas) {
            // row-major C = op(A) op(B); op(A) is rows x k, the leading dimensions are the stored column counts
            cblas_dgemm(CblasRowMajor, at ? CblasTrans : CblasNoTrans, bt ? CblasTrans : CblasNoTrans, n.rows, n.cols, n.left.cols, 1.0,
                    a.data, a.numCols, b.data, b.numCols, 0.0, out.data, out.numCols);
        } else if (at && bt) {
            CommonOps_DDRM.multTransAB(a, b, out);
        } else if (at) {
            CommonOps_DDRM.multTransA(a, b, out);
        } else if (bt) {
            CommonOps_DDRM.multTransB(a, b, out);
        } else {
            CommonOps_DDRM.mult(a, b, out);
        }
        stamp[n.id] = want;
        return out;
    }
}
