package org.prism.simulation;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How to evaluate one tensor network numerically: $\sum_{\text{indices}} \prod_f T_f[\dots]$ with
 * every index summed except the <em>output</em> indices, by a sequence of dense steps.
 *
 * <h2>Steps</h2>
 * <ol>
 *   <li>A factor with a repeated index ($T[i,i]$) or an index on no other factor and not an output
 *       is first <em>reduced</em>: its diagonal taken and lone indices summed, in one pass over
 *       $\prod(\text{sizes of its distinct indices})$ entries.</li>
 *   <li>Then the operands are contracted two at a time along a binary tree. Contracting $X$ and $Y$
 *       keeps the indices still needed (on a factor outside the pair, or an output): those on both
 *       are <em>batch</em> indices, those needed of one only are <em>free</em>; the rest, shared and
 *       not needed, are summed. With $X$ laid out as [batch, free X, summed] and $Y$ as [batch,
 *       summed, free Y] (each permuted into a buffer unless it already is), every batch entry is
 *       one matrix product, OpenBLAS's {@code dgemm} where there is one batch entry and the native
 *       library is loaded, else a Java loop. The result is laid out as [batch, free X, free Y].</li>
 * </ol>
 * The tree is the cheapest for the cost model $\sum_{\text{pairs}} \prod(\text{sizes of all
 * indices of both operands})$, found by dynamic programming over subsets of the factors
 * ($O(3^F)$, for $F \le$ {@value #EXACT_LIMIT} factors) or greedily (cheapest pair first) beyond.
 * A step whose factors are all data is computed once per data set, and steps of equal
 * {@link #stepKey structure} (the Gram matrix $U^T U$ in several terms of a velocity) once per state
 * when their plans share a {@link Store}.
 *
 * <p>Immutable and shared by all workers; {@link Buffers} holds one worker's arrays.
 */
final class Contraction {
    /** Largest number of factors for which the contraction tree is optimised exactly. */
    static final int EXACT_LIMIT = 12;

    /** A network's shape: per factor its tensor and its slots' index ids; per index id its size. */
    record Network(int[] tensor, int[][] slots, int[] indexSize) {}

    /** One dense step; its result has the indices {@code labels}, row-major. */
    private record Step(boolean pair, int x, int y, int[] labels, int size, boolean constant,
            // a reduction: source offsets per distinct source index, and destination strides
            int[] reduceIndices, int[] reduceSizes, long[] reduceSourceStride, long[] reduceTargetStride,
            // a pair: permutations (null: already in layout) and the product's shape
            Permutation px, Permutation py, int batch, int rows, int inner, int cols) {
        /** Multiply-adds of the step. */
        double cost(int[] indexSize) {
            if (pair) return (double) batch * rows * inner * cols;
            double c = 1;
            for (int i : reduceIndices) c *= indexSize[i];
            return c;
        }
    }

    /** Moves a tensor into another index order: {@code out[odometer] = in[sum of digits x sourceStride]}. */
    private record Permutation(int[] dims, long[] sourceStride, int size) {
        void apply(double[] in, double[] out, int[] digit) {
            int k = dims.length;
            Arrays.fill(digit, 0, k, 0);
            long src = 0;
            for (int o = 0; o < size; o++) {
                out[o] = in[(int) src];
                for (int a = k - 1; a >= 0; a--) {
                    digit[a]++;
                    src += sourceStride[a];
                    if (digit[a] < dims[a]) break;
                    src -= sourceStride[a] * dims[a];
                    digit[a] = 0;
                }
            }
        }
    }

    final double coefficient;
    /** Per leaf operand: its tensor; leaves are operands {@code 0..leaves-1}, step {@code s} is operand {@code leaves + s}. */
    private final int[] leafTensor;
    private final int[][] leafLabels;
    private final Step[] steps;
    /** The operand holding the result (-1: the network has no factors, its value is 1) and its indices. */
    private final int result;
    private final int[] resultLabels;
    /** Output indices as the caller wants them (one per slot of the hole; may repeat), and the index sizes. */
    private final int[] output;
    private final int[] indexSize;
    /** The scatter onto the output: per distinct output index its size and its strides in the output and the result. */
    private final int[] scatterDims;
    private final long[] scatterOut;
    private final long[] scatterResult;
    private final double scatterCost;
    /** Per step: its structure with indices renamed in order of first appearance (see {@link #stepKey}). */
    private final String[] stepKeys;

    /**
     * Plans the network {@code n} with {@code output} the index ids left free, in the order of the
     * result's slots (an index may repeat: the result is then zero off that diagonal); indices not
     * on any factor are broadcast.
     *
     * @param constantTensor per tensor, true if it is data (fixed along a run)
     */
    Contraction(double coefficient, Network n, int[] output, boolean[] constantTensor) {
        this.coefficient = coefficient;
        this.output = output.clone();
        this.indexSize = n.indexSize().clone();
        int f = n.tensor().length;
        if (indexSize.length > 63) throw new IllegalArgumentException("a network with " + indexSize.length + " indices is too large to simulate");
        leafTensor = n.tensor().clone();
        leafLabels = new int[f][];
        for (int i = 0; i < f; i++) leafLabels[i] = n.slots()[i].clone();
        long outputMask = mask(output);
        long[] labels = new long[f];
        for (int i = 0; i < f; i++) labels[i] = mask(leafLabels[i]);

        List<Step> plan = new ArrayList<>();
        int[] operand = new int[f];
        int[][] operandLabels = new int[f][];
        boolean[] constant = new boolean[f];
        for (int i = 0; i < f; i++) {
            long elsewhere = outputMask;
            for (int j = 0; j < f; j++) if (j != i) elsewhere |= labels[j];
            int[] kept = distinct(leafLabels[i], elsewhere);
            constant[i] = constantTensor[leafTensor[i]];
            if (Arrays.equals(kept, leafLabels[i])) {
                operand[i] = i;
                operandLabels[i] = leafLabels[i];
            } else {
                int[] from = distinct(leafLabels[i], -1L);
                Step r = reduction(i, leafLabels[i], from, kept, constant[i]);
                plan.add(r);
                operand[i] = f + plan.size() - 1;
                operandLabels[i] = kept;
            }
            labels[i] = mask(operandLabels[i]);
        }
        if (f == 0) {
            result = -1;
            resultLabels = new int[0];
        } else {
            int[] tree = f <= EXACT_LIMIT ? optimalTree(labels, outputMask) : greedyTree(labels, outputMask);
            // tree: pairs (a, b) of positions in a growing list of operands, the i-th pair making operand f + i
            int[] op = Arrays.copyOf(operand, f + f - 1);
            int[][] opLabels = Arrays.copyOf(operandLabels, f + f - 1);
            boolean[] opConstant = Arrays.copyOf(constant, f + f - 1);
            long[] opMask = Arrays.copyOf(labels, f + f - 1);
            for (int p = 0; p < f - 1; p++) {
                int a = tree[2 * p];
                int b = tree[2 * p + 1];
                long outside = outputMask;
                for (int j = 0; j < f + p; j++) if (j != a && j != b && !consumed(tree, p, j)) outside |= opMask[j];
                Step s = pair(op[a], opLabels[a], op[b], opLabels[b], outside, opConstant[a] && opConstant[b]);
                plan.add(s);
                op[f + p] = f + plan.size() - 1;
                opLabels[f + p] = s.labels();
                opConstant[f + p] = s.constant();
                opMask[f + p] = mask(s.labels());
            }
            result = op[f + f - 2];
            resultLabels = opLabels[f + f - 2];
        }
        steps = plan.toArray(new Step[0]);
        int[] outStride = strides(output);
        int[] resStride = strides(resultLabels);
        int[] free = distinct(output, -1L);
        scatterDims = new int[free.length];
        scatterOut = new long[free.length];
        scatterResult = new long[free.length];
        for (int a = 0; a < free.length; a++) {
            scatterDims[a] = indexSize[free[a]];
            for (int j = 0; j < output.length; j++) if (output[j] == free[a]) scatterOut[a] += outStride[j];
            for (int j = 0; j < resultLabels.length; j++) if (resultLabels[j] == free[a]) scatterResult[a] = resStride[j];
        }
        scatterCost = size(free);
        stepKeys = new String[steps.length];
        for (int k = 0; k < steps.length; k++) {
            StringBuilder sb = new StringBuilder();
            appendKey(leafTensor.length + k, new java.util.HashMap<>(), sb);
            stepKeys[k] = sb.toString();
        }
    }

    /**
     * Writes the structure of an operand: a leaf as its tensor and slots, a step as its kind, its
     * operands and its result's index order, indices renamed in order of first appearance. Two steps
     * with equal keys (in one network or two) compute the same array: the sub-network and the layout
     * are the same, whatever the indices were called.
     */
    private void appendKey(int operand, java.util.Map<Integer, Integer> rename, StringBuilder sb) {
        int leaves = leafTensor.length;
        if (operand < leaves) {
            sb.append('T').append(leafTensor[operand]);
            appendLabels(leafLabels[operand], rename, sb);
            return;
        }
        Step st = steps[operand - leaves];
        sb.append(st.pair() ? "P(" : "R(");
        appendKey(st.x(), rename, sb);
        if (st.pair()) {
            sb.append(',');
            appendKey(st.y(), rename, sb);
        }
        sb.append(")>");
        appendLabels(st.labels(), rename, sb);
    }

    private static void appendLabels(int[] labels, java.util.Map<Integer, Integer> rename, StringBuilder sb) {
        sb.append('[');
        for (int l : labels) sb.append(rename.computeIfAbsent(l, x -> rename.size())).append(',');
        sb.append(']');
    }

    /** True if operand {@code j} was consumed by one of the first {@code p} pairs of the tree. */
    private static boolean consumed(int[] tree, int p, int j) {
        for (int q = 0; q < 2 * p; q++) if (tree[q] == j) return true;
        return false;
    }

    private static long mask(int[] labels) {
        long m = 0;
        for (int l : labels) m |= 1L << l;
        return m;
    }

    /** The distinct labels of {@code labels} in {@code keep}, in order of first occurrence. */
    private static int[] distinct(int[] labels, long keep) {
        long seen = 0;
        int[] out = new int[labels.length];
        int k = 0;
        for (int l : labels) {
            if ((seen & (1L << l)) != 0 || (keep & (1L << l)) == 0) continue;
            seen |= 1L << l;
            out[k++] = l;
        }
        return Arrays.copyOf(out, k);
    }

    private double product(long mask) {
        double p = 1;
        for (long m = mask; m != 0; m &= m - 1) p *= indexSize[Long.numberOfTrailingZeros(m)];
        return p;
    }

    private int[] strides(int[] labels) {
        int[] s = new int[labels.length];
        int acc = 1;
        for (int a = labels.length - 1; a >= 0; a--) {
            s[a] = acc;
            acc = Math.multiplyExact(acc, indexSize[labels[a]]);
        }
        return s;
    }

    private int size(int[] labels) {
        long p = 1;
        for (int l : labels) p *= indexSize[l];
        if (p > MatrixFlow.MAX_ENTRIES) throw new IllegalArgumentException("an intermediate tensor of " + p + " entries is more than a Java array holds");
        return (int) p;
    }

    /** Diagonal and lone-index sums of leaf {@code leaf} (slots {@code slots}, distinct indices {@code from}) onto {@code kept}. */
    private Step reduction(int leaf, int[] slots, int[] from, int[] kept, boolean constant) {
        int[] slotStride = strides(slots);
        int[] keptStride = strides(kept);
        long[] src = new long[from.length];
        long[] dst = new long[from.length];
        int[] sizes = new int[from.length];
        for (int a = 0; a < from.length; a++) {
            sizes[a] = indexSize[from[a]];
            for (int k = 0; k < slots.length; k++) if (slots[k] == from[a]) src[a] += slotStride[k];
            for (int k = 0; k < kept.length; k++) if (kept[k] == from[a]) dst[a] = keptStride[k];
        }
        return new Step(false, leaf, -1, kept, size(kept), constant, from, sizes, src, dst, null, null, 0, 0, 0, 0);
    }

    /** Contraction of operands {@code x}, {@code y} keeping the indices in {@code outside}. */
    private Step pair(int x, int[] lx, int y, int[] ly, long outside, boolean constant) {
        long mx = mask(lx);
        long my = mask(ly);
        List<Integer> batch = new ArrayList<>();
        List<Integer> freeX = new ArrayList<>();
        List<Integer> summed = new ArrayList<>();
        List<Integer> freeY = new ArrayList<>();
        for (int l : lx) {
            boolean both = (my & (1L << l)) != 0;
            boolean needed = (outside & (1L << l)) != 0;
            if (both && needed) batch.add(l);
            else if (both) summed.add(l);
            else freeX.add(l);
        }
        for (int l : ly) if ((mx & (1L << l)) == 0) freeY.add(l);
        int[] b = ints(batch);
        int[] fx = ints(freeX);
        int[] c = ints(summed);
        int[] fy = ints(freeY);
        int[] layoutX = concat(b, fx, c);
        int[] layoutY = concat(b, c, fy);
        int[] labels = concat(b, fx, fy);
        return new Step(true, x, y, labels, size(labels), constant, null, null, null, null,
                permutation(lx, layoutX), permutation(ly, layoutY), size(b), size(fx), size(c), size(fy));
    }

    /** The permutation from index order {@code from} to {@code to}, or null if they are the same. */
    private Permutation permutation(int[] from, int[] to) {
        if (Arrays.equals(from, to)) return null;
        int[] fromStride = strides(from);
        int[] dims = new int[to.length];
        long[] stride = new long[to.length];
        for (int a = 0; a < to.length; a++) {
            dims[a] = indexSize[to[a]];
            for (int k = 0; k < from.length; k++) if (from[k] == to[a]) stride[a] = fromStride[k];
        }
        return new Permutation(dims, stride, size(to));
    }

    private static int[] ints(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] concat(int[]... parts) {
        int n = 0;
        for (int[] p : parts) n += p.length;
        int[] out = new int[n];
        int o = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    /**
     * The cheapest binary tree by dynamic programming over subsets: {@code best[S]} the cost of
     * contracting the factors in {@code S} to one tensor, whose indices are those of {@code S} also
     * outside {@code S} or outputs. Returned as pairs of operand positions (see the constructor).
     */
    private int[] optimalTree(long[] labels, long outputMask) {
        int f = labels.length;
        int full = (1 << f) - 1;
        long[] union = new long[full + 1];
        for (int s = 1; s <= full; s++) {
            int low = Integer.numberOfTrailingZeros(s);
            union[s] = union[s & (s - 1)] | labels[low];
        }
        long[] open = new long[full + 1];
        for (int s = 1; s <= full; s++) open[s] = union[s] & (union[full & ~s] | outputMask);
        double[] best = new double[full + 1];
        int[] split = new int[full + 1];
        for (int s = 1; s <= full; s++) {
            if ((s & (s - 1)) == 0) continue;
            int low = s & -s;
            best[s] = Double.POSITIVE_INFINITY;
            for (int a = (s - 1) & s; a > 0; a = (a - 1) & s) {
                if ((a & low) == 0) continue;
                int b = s ^ a;
                double c = best[a] + best[b] + product(open[a] | open[b]);
                if (c < best[s]) {
                    best[s] = c;
                    split[s] = a;
                }
            }
        }
        int[] tree = new int[2 * (f - 1)];
        int[] next = {f, 0};
        emit(full, split, tree, next);
        return tree;
    }

    /** Writes the pairs of subset {@code s}'s tree in post-order; returns the operand position of its result. */
    private static int emit(int s, int[] split, int[] tree, int[] next) {
        if ((s & (s - 1)) == 0) return Integer.numberOfTrailingZeros(s);
        int a = emit(split[s], split, tree, next);
        int b = emit(s ^ split[s], split, tree, next);
        tree[2 * next[1]] = a;
        tree[2 * next[1] + 1] = b;
        next[1]++;
        return next[0]++;
    }

    /** Cheapest pair first (pairs that share an index before outer products), for large networks. */
    private int[] greedyTree(long[] labels, long outputMask) {
        int f = labels.length;
        long[] m = Arrays.copyOf(labels, 2 * f - 1);
        boolean[] alive = new boolean[2 * f - 1];
        Arrays.fill(alive, 0, f, true);
        int[] tree = new int[2 * (f - 1)];
        for (int p = 0; p < f - 1; p++) {
            int ba = -1;
            int bb = -1;
            double bc = Double.POSITIVE_INFINITY;
            boolean bShared = false;
            for (int a = 0; a < f + p; a++) {
                if (!alive[a]) continue;
                for (int b = a + 1; b < f + p; b++) {
                    if (!alive[b]) continue;
                    boolean shared = (m[a] & m[b]) != 0;
                    double c = product(m[a] | m[b]);
                    if ((shared && !bShared) || (shared == bShared && c < bc)) {
                        ba = a;
                        bb = b;
                        bc = c;
                        bShared = shared;
                    }
                }
            }
            long outside = outputMask;
            for (int j = 0; j < f + p; j++) if (alive[j] && j != ba && j != bb) outside |= m[j];
            alive[ba] = false;
            alive[bb] = false;
            alive[f + p] = true;
            m[f + p] = (m[ba] | m[bb]) & outside;
            tree[2 * p] = ba;
            tree[2 * p + 1] = bb;
        }
        return tree;
    }

    /** Number of steps. */
    int steps() {
        return steps.length;
    }

    /** The structural key of step {@code k}: equal keys, equal arrays. */
    String stepKey(int k) {
        return stepKeys[k];
    }

    /** Multiply-adds of step {@code k}. */
    double stepCost(int k) {
        return steps[k].cost(indexSize);
    }

    /** Entries of step {@code k}'s result. */
    int stepSize(int k) {
        return steps[k].size();
    }

    /** True if step {@code k} reads data only (computed once per data set). */
    boolean stepConstant(int k) {
        return steps[k].constant();
    }

    /** Multiply-adds of adding the result onto the output. */
    double scatterCost() {
        return scatterCost;
    }

    /** Doubles of one worker's permutation buffers (the step results live in a {@link Store}). */
    double permutationDoubles() {
        double sum = 0;
        for (Step st : steps) {
            if (st.pair()) sum += (st.px() == null ? 0 : st.px().size()) + (st.py() == null ? 0 : st.py().size());
        }
        return sum;
    }

    /**
     * One worker's step results, shared by every plan of a flow: slot {@code i} holds the array of
     * every step whose key has id {@code i}, and the state or data set it was computed for.
     */
    static final class Store {
        final double[][] value;
        final long[] stamp;

        Store(int[] sizes) {
            value = new double[sizes.length][];
            stamp = new long[sizes.length];
            for (int i = 0; i < sizes.length; i++) value[i] = new double[sizes[i]];
        }
    }

    /** One worker's view of this plan: its permutation buffers, and where in a {@link Store} each step's result lives. */
    final class Buffers {
        private final Store store;
        private final int[] slot;
        private final double[][] px = new double[steps.length][];
        private final double[][] py = new double[steps.length][];
        private final int[] digit = new int[64];

        /** Buffers of their own (no sharing with other plans). */
        Buffers() {
            this(null, null);
        }

        /** @param slot per step its slot in {@code store} (steps with equal keys may share one); both null: own arrays */
        Buffers(Store store, int[] slot) {
            if (store == null) {
                int[] sizes = new int[steps.length];
                slot = new int[steps.length];
                for (int k = 0; k < steps.length; k++) {
                    sizes[k] = steps[k].size();
                    slot[k] = k;
                }
                store = new Store(sizes);
            }
            this.store = store;
            this.slot = slot.clone();
            for (int k = 0; k < steps.length; k++) {
                if (steps[k].pair()) {
                    if (steps[k].px() != null) px[k] = new double[steps[k].px().size()];
                    if (steps[k].py() != null) py[k] = new double[steps[k].py().size()];
                }
            }
        }

        /**
         * Evaluates the network on {@code tensors} (per tensor id its row-major entries) and returns the
         * array holding the result, laid out by {@code resultLabels} (null: the value 1). A step already
         * computed for this state ({@code stateEpoch}; data-only steps: {@code dataEpoch}) is reused.
         */
        private double[] evaluate(double[][] tensors, long stateEpoch, long dataEpoch, boolean blas) {
            int leaves = leafTensor.length;
            double[][] value = store.value;
            for (int k = 0; k < steps.length; k++) {
                Step st = steps[k];
                int id = slot[k];
                long want = st.constant() ? dataEpoch : stateEpoch;
                if (store.stamp[id] == want) continue;
                double[] out = value[id];
                if (!st.pair()) {
                    reduce(st, tensors[leafTensor[st.x()]], out, digit);
                } else {
                    double[] x = st.x() < leaves ? tensors[leafTensor[st.x()]] : value[slot[st.x() - leaves]];
                    double[] y = st.y() < leaves ? tensors[leafTensor[st.y()]] : value[slot[st.y() - leaves]];
                    if (st.px() != null) {
                        st.px().apply(x, px[k], digit);
                        x = px[k];
                    }
                    if (st.py() != null) {
                        st.py().apply(y, py[k], digit);
                        y = py[k];
                    }
                    multiply(st, x, y, out, blas);
                }
                store.stamp[id] = want;
            }
            if (result < 0) return null;
            return result < leaves ? tensors[leafTensor[result]] : value[slot[result - leaves]];
        }

        /** The closed network's value times its coefficient. */
        double scalar(double[][] tensors, long stateEpoch, long dataEpoch, boolean blas) {
            double[] r = evaluate(tensors, stateEpoch, dataEpoch, blas);
            return coefficient * (r == null ? 1 : r[0]);
        }

        /** Adds coefficient x the network to {@code out}, laid out as the output indices (row-major). */
        void addTo(double[] out, double[][] tensors, long stateEpoch, long dataEpoch, boolean blas) {
            double[] r = evaluate(tensors, stateEpoch, dataEpoch, blas);
            int k = scatterDims.length;
            int[] dims = scatterDims;
            long[] so = scatterOut;
            long[] sr = scatterResult;
            Arrays.fill(digit, 0, k, 0);
            long o = 0;
            long q = 0;
            while (true) {
                out[(int) o] += coefficient * (r == null ? 1 : r[(int) q]);
                int a = k - 1;
                for (; a >= 0; a--) {
                    digit[a]++;
                    o += so[a];
                    q += sr[a];
                    if (digit[a] < dims[a]) break;
                    o -= so[a] * dims[a];
                    q -= sr[a] * dims[a];
                    digit[a] = 0;
                }
                if (a < 0) return;
            }
        }
    }

    private static void reduce(Step s, double[] in, double[] out, int[] digit) {
        Arrays.fill(out, 0);
        int k = s.reduceSizes().length;
        Arrays.fill(digit, 0, k, 0);
        long src = 0;
        long dst = 0;
        while (true) {
            out[(int) dst] += in[(int) src];
            int a = k - 1;
            for (; a >= 0; a--) {
                digit[a]++;
                src += s.reduceSourceStride()[a];
                dst += s.reduceTargetStride()[a];
                if (digit[a] < s.reduceSizes()[a]) break;
                src -= s.reduceSourceStride()[a] * s.reduceSizes()[a];
                dst -= s.reduceTargetStride()[a] * s.reduceSizes()[a];
                digit[a] = 0;
            }
            if (a < 0) return;
        }
    }

    /** out[b][i][j] = sum_k x[b][i][k] y[b][k][j]. */
    private static void multiply(Step s, double[] x, double[] y, double[] out, boolean blas) {
        int rows = s.rows();
        int inner = s.inner();
        int cols = s.cols();
        if (blas && s.batch() == 1 && (double) rows * inner * cols >= 4096) {
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, rows, cols, inner, 1.0, x, inner, y, cols, 0.0, out, cols);
            return;
        }
        for (int b = 0; b < s.batch(); b++) {
            int xo = b * rows * inner;
            int yo = b * inner * cols;
            int zo = b * rows * cols;
            for (int i = 0; i < rows; i++) {
                int zi = zo + i * cols;
                int xi = xo + i * inner;
                if (cols == 1) {
                    double sum = 0;
                    for (int k = 0; k < inner; k++) sum += x[xi + k] * y[yo + k];
                    out[zi] = sum;
                    continue;
                }
                Arrays.fill(out, zi, zi + cols, 0);
                for (int k = 0; k < inner; k++) {
                    double a = x[xi + k];
                    int yk = yo + k * cols;
                    for (int j = 0; j < cols; j++) out[zi + j] += a * y[yk + j];
                }
            }
        }
    }
}
