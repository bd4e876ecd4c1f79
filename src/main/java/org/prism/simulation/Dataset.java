package org.prism.simulation;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;

/**
 * The fixed data of one run, in the form its {@link Route} needs: either {@code Sigma = X X^T / n}
 * ({@code d x d}, symmetric) or {@code X} ({@code d x n}). Storage belongs to a {@link Backend}: Java
 * arrays ({@link HeapDataset}) or off-heap buffers ({@link NativeDataset}); buffers are allocated once
 * and refilled for each seed.
 *
 * <p>Sampling order (the same for every backend, so a data set depends only on its random stream):
 * data points (columns of {@code X}) one after another, each as {@code d} consecutive {@code N(0,1)}
 * draws. They arrive here in blocks of at most {@link #blockRows} points (about 8 MB), which a subclass
 * either accumulates into {@code Sigma} (so {@code X} itself is never held: memory {@code O(d^2)} for
 * any {@code n}, cost {@code O(d^2 n)} once per data set) or stores as rows of {@code X^T}.
 */
abstract class Dataset implements AutoCloseable {
    /** Doubles in one sampling block (about 8 MB). */
    private static final int BLOCK_DOUBLES = 1 << 20;

    final int d;
    final int n;
    final boolean dense;
    /** One block of data points as rows ({@code points x d}, row-major). */
    final double[] block;
    /** {@code tr Sigma} of the current data set, set by {@link #finish()}. */
    double traceSigma;

    Dataset(int d, int n, boolean dense) {
        this.d = d;
        this.n = n;
        this.dense = dense;
        this.block = new double[blockRows(d, n) * d];
    }

    static int blockRows(long d, long n) {
        return (int) Math.max(1, Math.min(n, BLOCK_DOUBLES / Math.max(1, d)));
    }

    /** Resamples {@code X} with iid {@code N(0,1)} entries (see the class comment for the order). */
    final void fill(SplittableRandom rng) {
        fill(rng::nextGaussian);
    }

    /**
     * The same with coordinate {@code i} of every sample scaled by {@code scale[i]} (columns {@code N(0, C)},
     * {@code C = diag(scale^2)}), from the same draws; {@code null}: unscaled.
     */
    final void fill(SplittableRandom rng, double[] scale) {
        if (scale == null) {
            fill(rng);
            return;
        }
        int[] coordinate = {0};
        fill(() -> {
            double v = scale[coordinate[0]] * rng.nextGaussian();
            if (++coordinate[0] == d) coordinate[0] = 0;
            return v;
        });
    }

    /** Sets {@code X} to the given matrix ({@code d x n}). */
    final void set(DMatrixRMaj x) {
        if (x.numRows != d || x.numCols != n) throw new IllegalArgumentException("X must be " + d + " x " + n);
        double[] xd = x.data;
        int[] next = {0, 0}; // point, coordinate
        fill(() -> {
            double v = xd[next[1] * n + next[0]];
            if (++next[1] == d) {
                next[1] = 0;
                next[0]++;
            }
            return v;
        });
    }

    /** Takes the entries of {@code X} in sampling order from {@code next}. */
    private void fill(DoubleSupplier next) {
        int rows = block.length / d;
        begin();
        for (int start = 0; start < n; start += rows) {
            int r = Math.min(rows, n - start);
            for (int i = 0, len = r * d; i < len; i++) block[i] = next.getAsDouble();
            absorb(start, r);
        }
        finish();
    }

    /** Prepares for a new data set (e.g. zeroes {@code Sigma}). */
    abstract void begin();

    /** Takes points {@code first .. first+points-1}, which are the first {@code points} rows of {@link #block}. */
    abstract void absorb(int first, int points);

    /** Completes the data set after its last block; sets {@link #traceSigma}. */
    abstract void finish();

    /** Frees off-heap storage, if any; the data set is unusable afterwards. */
    @Override
    public abstract void close();
}
