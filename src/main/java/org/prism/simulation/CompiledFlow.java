package org.prism.simulation;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.prism.algebra.Point;

/**
 * A model at one numerical point of its symbols, compiled for {@link ModelSimulator}: its tensors'
 * shapes and standard deviations, and a way to evaluate its velocities and losses. Two
 * implementations: {@link MatrixFlow} (traces of matrix products, planned as matrix chains) and
 * {@link NetworkFlow} (any closed tensor network, planned as pairwise contractions).
 *
 * <p>Every tensor is held as a {@link DMatrixRMaj} of {@link #rows} x {@link #cols} entries: a
 * matrix as itself, a tensor of shape {@code [n_1, ..., n_k]} row-major as {@code n_1 x (n_2...n_k)}
 * (a vector as one column).
 */
interface CompiledFlow {
    /** The model's name. */
    String modelName();

    /** The point, every symbol given. */
    Point at();

    /** Number of tensors (parameters and data), in declaration order. */
    int tensorCount();

    int rows(int i);

    int cols(int i);

    /** Standard deviation of the entries of tensor {@code i} at the start. */
    double sd(int i);

    /** True for a parameter (it moves), false for data. */
    boolean trained(int i);

    /** The losses, in file order; {@link Workspace#loss(int)} takes an index into this list. */
    List<String> losses();

    /** Multiply-adds of one evaluation of every velocity (work on data alone excluded where it is done once per data set). */
    double multiplyAddsPerEvaluation();

    /** Doubles one worker holds: tensors, intermediate buffers, and the integrator's and stability estimate's buffers. */
    double doublesPerWorker(Integrator integrator);

    /** What runs the products on {@code backend}, e.g. {@code OpenBLAS dgemm}. */
    default String kernels(Backend backend) {
        return backend == Backend.OPENBLAS ? "matrix products, OpenBLAS dgemm" : "matrix products, EJML";
    }

    /** A workspace for one worker; {@code sharedData}: per tensor the data shared by all workers (null entries or array: own data). */
    Workspace workspace(DMatrixRMaj[] sharedData, Backend backend);

    /**
     * Fills data tensor {@code i}: each entry {@code sd(i) * rng.nextGaussian()}, column by column of
     * its {@link #rows} x {@link #cols} view (a matrix: one sample per column, as
     * {@link GradientDescentSimulator} draws {@code X}).
     */
    default void drawData(int i, DMatrixRMaj x, SplittableRandom rng) {
        drawIid(sd(i), x, rng);
    }

    /** Fills {@code x} with iid {@code N(0, sd^2)} entries, column by column. */
    static void drawIid(double sd, DMatrixRMaj x, SplittableRandom rng) {
        int n1 = x.numRows;
        int rest = x.numCols;
        for (int c = 0; c < rest; c++) {
            for (int r = 0; r < n1; r++) x.data[r * rest + c] = sd * rng.nextGaussian();
        }
    }

    /** The buffers of one worker; evaluations allocate nothing. Not thread-safe. */
    interface Workspace {
        /** The data tensor {@code i} of this workspace (to fill it). */
        DMatrixRMaj data(int i);

        /** Marks the data as changed (after filling them). */
        void dataChanged();

        /** Points every trained tensor {@code i} at {@code state[i]}. */
        void load(DMatrixRMaj[] state);

        /** {@code out = d theta_i/dt} at the loaded state. */
        void velocity(int i, DMatrixRMaj out);

        /** Loss {@code k} of {@link CompiledFlow#losses()} at the loaded state. */
        double loss(int k);
    }
}
