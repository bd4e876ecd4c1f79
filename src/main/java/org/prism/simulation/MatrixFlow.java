package org.prism.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.prism.algebra.Point;
import org.prism.model.Letter;
import org.prism.model.MatrixModel;
import org.prism.model.MatrixProduct;
import org.prism.model.RandomMatrix;

/**
 * A {@link MatrixModel} at one numerical point of its symbols, compiled for simulation: the sizes
 * as integers, each matrix's standard deviation, every velocity and loss term as a double
 * coefficient times a product of letters, and one evaluation plan for all those products.
 *
 * <p>The plan is a set of {@link Node}s, one per distinct contiguous letter sequence that some
 * product needs, each the product of two shorter nodes. Splits are chosen per product by the
 * matrix-chain recursion (cost {@code rows x inner x cols} multiply-adds per product of two nodes),
 * counting a sub-product some earlier product already needs as free; so products that share a
 * factor, such as {@code W^T W} in every velocity term of the tied autoencoder, compute it once per
 * evaluation. A node made of data letters only is constant along a run. Cost of planning: {@code O(k^3)}
 * per product of {@code k} letters.
 */
final class MatrixFlow extends AbstractFlow {
    /** The largest number of entries of one matrix (a Java array). */
    static final long MAX_ENTRIES = Integer.MAX_VALUE - 16;

    /** One distinct letter sequence: a leaf (one letter) or the product of two nodes. */
    static final class Node {
        final int id;
        final int rows;
        final int cols;
        /** Leaf: the matrix index and whether it is transposed; -1 for products. */
        final int matrix;
        final boolean transposed;
        final Node left;
        final Node right;
        /** True if every letter is data: the value is fixed for a run. */
        final boolean constant;

        Node(int id, int rows, int cols, int matrix, boolean transposed, Node left, Node right, boolean constant) {
            this.id = id;
            this.rows = rows;
            this.cols = cols;
            this.matrix = matrix;
            this.transposed = transposed;
            this.left = left;
            this.right = right;
            this.constant = constant;
        }

        boolean isLeaf() {
            return left == null;
        }

        /** Multiply-adds to form this node from its two children. */
        double cost() {
            return isLeaf() ? 0 : (double) rows * left.cols * cols;
        }
    }

    /**
     * A term {@code coefficient x product}; in a loss the trace of the product, computed as
     * {@code sum_ij L_ij R_ji} of two nodes (or the trace of one node, or the bare coefficient).
     */
    record Term(double coefficient, Node product, Node left, Node right) {}

    final MatrixModel model;
    /** Per matrix: its velocity terms (empty for data). */
    final List<List<Term>> velocity = new ArrayList<>();
    /** Per loss name: its terms. */
    final Map<String, List<Term>> losses = new LinkedHashMap<>();
    /** Every node, children before parents. */
    final List<Node> nodes = new ArrayList<>();
    private final Map<List<Integer>, Node> byLetters = new HashMap<>();
    /** The covariance's eigenvalues, null without one (or with a data set). */
    private final double[] covariance;
    /** The covariance's eigenvectors (columns), or null for the coordinate axes. */
    private final DMatrixRMaj basis;
    /** A real data set in place of the drawn data, and its covariance; null without one. */
    private final RealData data;
    private final DMatrixRMaj dataCovariance;

    /**
     * Compiles {@code model} at {@code at}, which must give every symbol (sizes: positive integers).
     *
     * @throws IllegalArgumentException naming the first missing, unknown or invalid value
     */
    MatrixFlow(MatrixModel model, Point at, Spectrum covariance) {
        this(model, at, covariance, null);
    }

    /** As above, or with a real data set in place of the data drawn from the covariance (then the covariance is the data's). */
    MatrixFlow(MatrixModel model, Point at, Spectrum covariance, RealData data) {
        super(model.name(), at.requireExactly(model.symbols()), model.matrices().size());
        this.model = model;
        Map<String, Integer> size = new HashMap<>();
        for (String s : model.sizes()) size.put(s, size(s));
        this.covariance = covariance == null ? null : covariance.eigenvalues().clone();
        this.basis = covariance == null ? null : covariance.basis();
        this.data = data;
        this.dataCovariance = data == null ? null : data.covariance();
        Optional<RandomMatrix> c = model.covariance();
        if (data != null) {
            if (c.isEmpty()) throw new IllegalArgumentException("model " + model.name() + " declares no covariance to train on a data set in its place");
            for (RandomMatrix r : model.matrices()) {
                if (r.covariance() == null) continue;
                int features = size.get(c.get().rows());
                int samples = size.get(r.rowCovariance() ? r.cols() : r.rows());
                if (features != data.d() || samples != data.n()) {
                    throw new IllegalArgumentException(data.source() + " has d = " + data.d() + " features and n = " + data.n() + " samples; "
                            + r.name() + " needs " + features + " x " + samples);
                }
            }
        }
        if (c.isPresent() && covariance == null && data == null) {
            throw new IllegalArgumentException("model " + model.name() + " draws its data from the covariance " + c.get().name()
                    + ": give its eigenvalues, e.g. --spectrum power:alpha=1");
        }
        if (c.isEmpty() && covariance != null) {
            throw new IllegalArgumentException("model " + model.name() + " declares no covariance: a spectrum needs a model with one"
                    + " (covariance C[d] and data X[d, n] ~ normal(0, C), as examples/tied-autoencoder-covariance.prism)");
        }
        if (c.isPresent() && covariance != null && covariance.eigenvalues().length != size.get(c.get().rows())) {
            throw new IllegalArgumentException("the spectrum has " + covariance.eigenvalues().length + " eigenvalues, "
                    + c.get().rows() + " = " + size.get(c.get().rows()));
        }
        int k = model.matrices().size();
        for (int i = 0; i < k; i++) {
            RandomMatrix r = model.matrices().get(i);
            declare(i, r.name(), size.get(r.rows()), (long) size.get(r.rows()) * size.get(r.cols()), r.variance(), r.trained());
        }
        for (int i = 0; i < k; i++) {
            List<Term> terms = new ArrayList<>();
            if (trained[i]) {
                for (MatrixProduct p : model.velocity().get(model.matrices().get(i))) {
                    terms.add(new Term(number(p.coefficient(), "a coefficient of the velocity of " + model.matrices().get(i).name()),
                            plan(codes(p)), null, null));
                }
            }
            velocity.add(List.copyOf(terms));
        }
        for (Map.Entry<String, List<MatrixProduct>> e : model.losses().entrySet()) {
            List<Term> terms = new ArrayList<>();
            for (MatrixProduct p : e.getValue()) terms.add(trace(number(p.coefficient(), "a coefficient of loss " + e.getKey()), codes(p)));
            losses.put(e.getKey(), List.copyOf(terms));
        }
    }

    /**
     * The covariance is {@code diag(lambda)} (a model's law is invariant under a rotation of the covariance's space,
     * every other tensor being iid, so its eigenbasis may be the coordinates), or {@code V diag(lambda) V^T} when the
     * spectrum has a basis; data drawn from it are iid Gaussian scaled by {@code sqrt(lambda_i)} along that side (then
     * rotated by V). With a real data set, the data are that set and the covariance its empirical covariance. Others as
     * {@link CompiledFlow#drawData}.
     */
    @Override
    public void drawData(int i, DMatrixRMaj x, SplittableRandom rng) {
        RandomMatrix r = model.matrices().get(i);
        if (data != null && r.constant()) {
            System.arraycopy(dataCovariance.data, 0, x.data, 0, x.data.length);
            return;
        }
        if (data != null && r.covariance() != null) {
            if (r.rowCovariance()) {
                System.arraycopy(data.x().data, 0, x.data, 0, x.data.length);
            } else {
                CommonOps_DDRM.transpose(data.x(), x);
            }
            return;
        }
        if (r.constant()) {
            Arrays.fill(x.data, 0);
            for (int k = 0; k < covariance.length; k++) x.data[k * x.numCols + k] = covariance[k];
            if (basis != null) rotate(x, true, true);
            return;
        }
        CompiledFlow.drawIid(sd(i), x, rng);
        if (r.covariance() == null) return;
        boolean rowsScaled = r.rowCovariance();
        for (int a = 0; a < x.numRows; a++) {
            for (int b = 0; b < x.numCols; b++) x.data[a * x.numCols + b] *= Math.sqrt(covariance[rowsScaled ? a : b]);
        }
        if (basis != null) rotate(x, rowsScaled, !rowsScaled);
    }

    /** {@code x = V x} (left) and/or {@code x = x V^T} (right), V the covariance's basis. */
    private void rotate(DMatrixRMaj x, boolean left, boolean right) {
        DMatrixRMaj t = new DMatrixRMaj(x.numRows, x.numCols);
        if (left) {
            CommonOps_DDRM.mult(basis, x, t);
            x.setTo(t);
        }
        if (right) {
            CommonOps_DDRM.multTransB(x, basis, t);
            x.setTo(t);
        }
    }

    private List<Integer> codes(MatrixProduct p) {
        List<Integer> c = new ArrayList<>(p.letters().size());
        for (Letter l : p.letters()) c.add(2 * model.matrices().indexOf(l.matrix()) + (l.transposed() ? 1 : 0));
        return c;
    }

    private int rowsOf(int code) {
        return (code & 1) == 0 ? rows[code >> 1] : cols[code >> 1];
    }

    private int colsOf(int code) {
        return (code & 1) == 0 ? cols[code >> 1] : rows[code >> 1];
    }

    /** The trace term: split the product in two planned halves at the cheapest point. */
    private Term trace(double coefficient, List<Integer> c) {
        if (c.isEmpty()) return new Term(coefficient, null, null, null);
        if (c.size() == 1) return new Term(coefficient, plan(c), null, null);
        Chain chain = new Chain(c);
        int k = c.size();
        int best = 1;
        for (int s = 2; s < k; s++) {
            if (chain.cost[0][s] + chain.cost[s][k] < chain.cost[0][best] + chain.cost[best][k]) best = s;
        }
        return new Term(coefficient, null, build(c, 0, best, chain), build(c, best, k, chain));
    }

    /** The node of a letter sequence, planning (and registering) it and its sub-products if new. */
    private Node plan(List<Integer> c) {
        Node known = byLetters.get(c);
        return known != null ? known : build(c, 0, c.size(), new Chain(c));
    }

    private Node build(List<Integer> c, int i, int j, Chain chain) {
        List<Integer> key = List.copyOf(c.subList(i, j));
        Node known = byLetters.get(key);
        if (known != null) return known;
        Node node;
        if (j - i == 1) {
            int code = c.get(i);
            node = new Node(nodes.size(), rowsOf(code), colsOf(code), code >> 1, (code & 1) == 1, null, null, !trained[code >> 1]);
        } else {
            Node l = build(c, i, chain.split[i][j], chain);
            Node r = build(c, chain.split[i][j], j, chain);
            node = new Node(nodes.size(), l.rows, r.cols, -1, false, l, r, l.constant && r.constant);
        }
        nodes.add(node);
        byLetters.put(key, node);
        return node;
    }

    /**
     * The matrix-chain recursion over one product: {@code cost[i][j]} the cheapest multiply-adds for
     * letters {@code i..j-1} (zero for a sequence already planned), {@code split[i][j]} where to cut it.
     */
    private final class Chain {
        final double[][] cost;
        final int[][] split;

        Chain(List<Integer> c) {
            int k = c.size();
            cost = new double[k + 1][k + 1];
            split = new int[k + 1][k + 1];
            for (int len = 2; len <= k; len++) {
                for (int i = 0; i + len <= k; i++) {
                    int j = i + len;
                    double best = Double.POSITIVE_INFINITY;
                    for (int s = i + 1; s < j; s++) {
                        double v = cost[i][s] + cost[s][j] + (double) rowsOf(c.get(i)) * colsOf(c.get(s - 1)) * colsOf(c.get(j - 1));
                        if (v < best) {
                            best = v;
                            split[i][j] = s;
                        }
                    }
                    cost[i][j] = byLetters.containsKey(c.subList(i, j)) ? 0 : best;
                }
            }
        }
    }

    @Override
    public List<String> losses() {
        return List.copyOf(losses.keySet());
    }

    @Override
    public Workspace workspace(DMatrixRMaj[] sharedData, Backend backend) {
        return new MatrixFlowWorkspace(this, sharedData, backend);
    }

    /** Multiply-adds of one evaluation of the velocities (products that move along the run). */
    @Override
    public double multiplyAddsPerEvaluation() {
        double sum = 0;
        for (Node n : nodes) if (!n.constant) sum += n.cost();
        return sum;
    }

    /**
     * Doubles one worker holds: every matrix, every product node, and per trained matrix the
     * integrator's buffers (state and velocity; RK4 two more) and the stability estimate's three.
     */
    @Override
    public double doublesPerWorker(Integrator integrator) {
        double sum = 0;
        for (Node n : nodes) if (!n.isLeaf()) sum += (double) n.rows * n.cols;
        int buffers = (integrator == Integrator.RK4 ? 4 : 2) + 3;
        for (int i = 0; i < rows.length; i++) sum += (trained[i] ? buffers : 1) * (double) rows[i] * cols[i];
        return sum;
    }

    @Override
    public String toString() {
        return model.name() + " at " + at.values() + " (" + nodes.size() + " nodes: " + Arrays.toString(rows) + " x " + Arrays.toString(cols) + ")";
    }
}
