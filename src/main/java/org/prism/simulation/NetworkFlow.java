package org.prism.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.prism.algebra.Point;
import org.prism.algebra.Polynomial;
import org.prism.expansion.NetworkAlphabet;
import org.prism.expansion.NetworkExpansion;
import org.prism.expansion.NetworkLieDerivative;
import org.prism.expansion.NetworkSum;
import org.prism.expansion.TensorNetwork;
import org.prism.model.Tensor;
import org.prism.model.TensorModel;

/**
 * A {@link TensorModel} (any model file) at one numerical point of its symbols, compiled for
 * simulation: every loss a sum of closed networks, every parameter's velocity
 * $-\partial L_{\text{flow}}/\partial\theta$ a sum of networks with one hole (the same canonical
 * networks, deltas eliminated and equal terms merged, that {@link NetworkLieDerivative} gives the
 * exact engine), each with a double coefficient and its own {@link Contraction} plan.
 *
 * <p>Cost per evaluation: the steps of all plans, each distinct step once: steps with equal
 * {@link Contraction#stepKey structural keys} (the same sub-network contracted the same way, in one
 * term or several) share one array per worker and are computed once per state. Planning is
 * {@code O(3^F)} per network of {@code F} factors. Sub-networks contracted along different trees are
 * not recognised as equal.
 */
final class NetworkFlow extends AbstractFlow {
    private final List<String> lossNames;
    private final List<List<Contraction>> losses = new ArrayList<>();
    private final List<List<Contraction>> velocity = new ArrayList<>();
    /** Per structural step key its slot in a worker's {@link Contraction.Store}; the result size of each slot. */
    private final Map<String, Integer> slotOfKey = new java.util.HashMap<>();
    private final List<Integer> slotSizes = new ArrayList<>();

    /**
     * Compiles {@code model} at {@code at}, which must give every symbol (sizes: positive integers).
     *
     * @throws IllegalArgumentException naming the first missing, unknown or invalid value, or a tensor too large for an array
     */
    NetworkFlow(TensorModel model, Point at) {
        super(model.name(), at.requireExactly(model.symbols()), model.tensors().size());
        NetworkAlphabet alphabet = new NetworkAlphabet(model);
        int[] sizeValue = new int[model.sizes().size()];
        for (int k = 0; k < sizeValue.length; k++) sizeValue[k] = size(model.sizes().get(k));
        int count = alphabet.tensorCount();
        for (int t = 0; t < count; t++) {
            Tensor x = model.tensors().get(t);
            long entries = 1;
            // capped below 2^32 before each product, so it cannot wrap; declare() refuses anything above 2^31
            for (int k = 0; k < x.order(); k++) entries = Math.min(entries * sizeValue[alphabet.slotSize(t, k)], Long.MAX_VALUE / Integer.MAX_VALUE);
            declare(t, x.name(), sizeValue[alphabet.slotSize(t, 0)], entries, x.variance(), x.trained());
        }
        boolean[] constant = new boolean[count];
        for (int t = 0; t < count; t++) constant[t] = !trained[t];
        lossNames = List.copyOf(model.losses().keySet());
        for (String name : lossNames) {
            List<Contraction> terms = new ArrayList<>();
            for (Map.Entry<TensorNetwork, Polynomial> e : NetworkExpansion.sum(alphabet, model.loss(name)).terms().entrySet()) {
                terms.add(new Contraction(number(e.getValue(), "a coefficient of loss " + name), shape(e.getKey(), sizeValue, -1), new int[0], constant));
            }
            losses.add(List.copyOf(terms));
        }
        NetworkLieDerivative lie = new NetworkLieDerivative(alphabet, NetworkExpansion.sum(alphabet, model.loss(model.flowLoss())));
        for (int t = 0; t < count; t++) {
            List<Contraction> terms = new ArrayList<>();
            if (trained[t]) {
                int hole = alphabet.holeOf(t);
                NetworkSum v = lie.velocity(t);
                for (Map.Entry<TensorNetwork, Polynomial> e : v.terms().entrySet()) {
                    TensorNetwork n = e.getKey();
                    int h = -1;
                    for (int f = 0; f < n.factorCount(); f++) if (n.tensor(f) == hole) h = f;
                    int[] output = new int[n.order(h)];
                    for (int k = 0; k < output.length; k++) output[k] = n.slot(h, k);
                    terms.add(new Contraction(number(e.getValue(), "a coefficient of the velocity of " + model.tensors().get(t).name()),
                            shape(n, sizeValue, h), output, constant));
                }
            }
            velocity.add(List.copyOf(terms));
        }
        for (List<List<Contraction>> group : List.of(velocity, losses)) {
            for (List<Contraction> terms : group) {
                for (Contraction c : terms) {
                    for (int k = 0; k < c.steps(); k++) {
                        int size = c.stepSize(k);
                        slotOfKey.computeIfAbsent(c.stepKey(k), key -> {
                            slotSizes.add(size);
                            return slotSizes.size() - 1;
                        });
                    }
                }
            }
        }
    }

    /** Per step of {@code c}, its slot in a worker's store. */
    int[] slots(Contraction c) {
        int[] out = new int[c.steps()];
        for (int k = 0; k < out.length; k++) out[k] = slotOfKey.get(c.stepKey(k));
        return out;
    }

    /** A worker's store of step results, one array per distinct step. */
    Contraction.Store newStore() {
        return new Contraction.Store(slotSizes.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The network without factor {@code skip} (the hole; -1: none), index sizes as numbers. */
    private static Contraction.Network shape(TensorNetwork n, int[] sizeValue, int skip) {
        int f = n.factorCount() - (skip >= 0 ? 1 : 0);
        int[] tensor = new int[f];
        int[][] slots = new int[f][];
        int o = 0;
        for (int g = 0; g < n.factorCount(); g++) {
            if (g == skip) continue;
            tensor[o] = n.tensor(g);
            slots[o] = new int[n.order(g)];
            for (int k = 0; k < slots[o].length; k++) slots[o][k] = n.slot(g, k);
            o++;
        }
        int[] size = new int[n.indexCount()];
        for (int i = 0; i < size.length; i++) size[i] = sizeValue[n.indexSize(i)];
        return new Contraction.Network(tensor, slots, size);
    }

    List<Contraction> velocityTerms(int t) {
        return velocity.get(t);
    }

    List<Contraction> lossTerms(int k) {
        return losses.get(k);
    }

    @Override
    public List<String> losses() {
        return lossNames;
    }

    /** Every distinct step of the velocities once (data-only steps excluded: once per data set), and every scatter. */
    @Override
    public double multiplyAddsPerEvaluation() {
        double sum = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (List<Contraction> terms : velocity) {
            for (Contraction c : terms) {
                sum += c.scatterCost();
                for (int k = 0; k < c.steps(); k++) if (!c.stepConstant(k) && seen.add(c.stepKey(k))) sum += c.stepCost(k);
            }
        }
        return sum;
    }

    @Override
    public double doublesPerWorker(Integrator integrator) {
        double sum = 0;
        for (int size : slotSizes) sum += size;
        for (List<List<Contraction>> group : List.of(velocity, losses)) {
            for (List<Contraction> terms : group) for (Contraction c : terms) sum += c.permutationDoubles();
        }
        int buffers = (integrator == Integrator.RK4 ? 4 : 2) + 3;
        for (int i = 0; i < rows.length; i++) sum += (trained[i] ? buffers : 1) * (double) rows[i] * cols[i];
        return sum;
    }

    @Override
    public String kernels(Backend backend) {
        return backend == Backend.OPENBLAS ? "tensor contractions, OpenBLAS dgemm" : "tensor contractions, Java loops";
    }

    @Override
    public Workspace workspace(DMatrixRMaj[] sharedData, Backend backend) {
        return new NetworkFlowWorkspace(this, sharedData, backend);
    }
}
