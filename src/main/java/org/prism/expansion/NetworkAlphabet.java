package org.prism.expansion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.prism.algebra.Monomial;
import org.prism.graph.UnionFind;
import org.prism.model.Tensor;
import org.prism.model.TensorFactor;
import org.prism.model.TensorModel;
import org.prism.model.TensorTerm;

/**
 * The symbols of a {@link TensorModel} as small integers, for the network engine: size $k$ is the
 * model's $k$-th size symbol, tensor $t$ its $t$-th tensor, and every tensor $t$ has a <em>hole</em>
 * id {@code tensorCount() + t}, the free slots left in a network by $\partial/\partial T$ (a
 * gradient is a network with one hole; see {@link NetworkLieDerivative}).
 *
 * <p>{@link #network(TensorTerm)} turns one closed term of a loss into a {@link TensorNetwork}:
 * every Kronecker delta $\delta[i_1,\dots,i_k]$ is eliminated by identifying its index variables
 * ($\sum_{i,j} \delta[i,j] f(i,j) = \sum_i f(i,i)$, for any arity), so networks hold tensor entries
 * only and an index vertex may meet any number of slots (three for the CP cross term
 * $\sum_i U_{ih}^3$). Nothing model-specific reaches the engine beyond these ids, the shapes and
 * the variances.
 */
public final class NetworkAlphabet {
    private final TensorModel model;
    private final List<String> sizes;
    private final List<Tensor> tensors;
    private final int[][] shapes; // tensor id -> size id per slot
    private final Map<String, Integer> tensorIds = new HashMap<>();

    public NetworkAlphabet(TensorModel model) {
        this.model = model;
        this.sizes = model.sizes();
        this.tensors = model.tensors();
        if (tensors.size() > 1000) throw new IllegalArgumentException("at most 1000 tensors, got " + tensors.size());
        shapes = new int[tensors.size()][];
        for (int t = 0; t < tensors.size(); t++) {
            Tensor x = tensors.get(t);
            if (tensorIds.put(x.name(), t) != null) throw new IllegalArgumentException("tensor " + x.name() + " is declared twice");
            shapes[t] = new int[x.order()];
            for (int k = 0; k < x.order(); k++) shapes[t][k] = sizes.indexOf(x.shape().get(k));
        }
    }

    public TensorModel model() {
        return model;
    }

    /** Size symbols, by size id. */
    public List<String> sizes() {
        return sizes;
    }

    public int tensorCount() {
        return tensors.size();
    }

    /** The tensor of an id, or of the tensor whose hole it is. */
    public Tensor tensor(int id) {
        return tensors.get(isHole(id) ? id - tensors.size() : id);
    }

    public int tensorId(String name) {
        Integer t = tensorIds.get(name);
        if (t == null) throw new IllegalArgumentException("unknown tensor '" + name + "'");
        return t;
    }

    public int holeOf(int tensor) {
        return tensors.size() + tensor;
    }

    public boolean isHole(int id) {
        return id >= tensors.size();
    }

    /** The tensor a hole stands for (a tensor is its own). */
    public int tensorOfHole(int id) {
        return isHole(id) ? id - tensors.size() : id;
    }

    public boolean trained(int tensor) {
        return !isHole(tensor) && tensors.get(tensor).trained();
    }

    public Monomial variance(int tensor) {
        return tensors.get(tensor).variance();
    }

    /** Number of slots of a tensor or hole. */
    public int order(int id) {
        return shapes[tensorOfHole(id)].length;
    }

    /** Size id of slot {@code k} of a tensor or hole. */
    public int slotSize(int id, int k) {
        return shapes[tensorOfHole(id)][k];
    }

    /** The monomial $\prod_k \text{size}_k$ of a multiset of size ids (free index loops). */
    public Monomial loops(int[] sizeIds) {
        if (sizeIds.length == 0) return Monomial.ONE;
        Map<String, Integer> e = new HashMap<>();
        for (int k : sizeIds) e.merge(sizes.get(k), 1, Integer::sum);
        return Monomial.of(e);
    }

    /**
     * The network in index notation with the model's names, e.g. {@code U[p0,H0] U[p0,H1]} (index
     * {@code p0} is the first index of size p); a hole prints as {@code dU}.
     */
    public String format(TensorNetwork n) {
        int[] ordinal = new int[n.indexCount()];
        int[] seen = new int[sizes.size()];
        for (int i = 0; i < n.indexCount(); i++) ordinal[i] = seen[n.indexSize(i)]++;
        StringBuilder sb = new StringBuilder();
        for (int f = 0; f < n.factorCount(); f++) {
            if (f > 0) sb.append(' ');
            int t = n.tensor(f);
            sb.append(isHole(t) ? "d" : "").append(tensor(t).name()).append('[');
            for (int k = 0; k < n.order(f); k++) {
                int i = n.slot(f, k);
                sb.append(k > 0 ? "," : "").append(sizes.get(n.indexSize(i))).append(ordinal[i]);
            }
            sb.append(']');
        }
        return sb.length() == 0 ? "1" : sb.toString();
    }

    /**
     * The term's network with its deltas eliminated, canonicalised; indices left on no tensor entry
     * (e.g. all of $\sum_{i,j}\delta[i,j]$) come back as {@link TensorNetwork.Canonical#loops()}.
     * Every variable of {@link TensorTerm#indexSize()} is summed, as the term defines, so one on
     * no factor is a free loop too. The term's coefficient is not applied.
     *
     * @throws IllegalArgumentException if a tensor is unknown or a delta joins indices of different sizes
     */
    public TensorNetwork.Canonical network(TensorTerm term) {
        Map<String, Integer> var = new HashMap<>();
        List<String> names = new ArrayList<>();
        // every index variable of the term is summed (TensorTerm's definition), also one on no
        // factor: it becomes a free loop
        for (String i : term.indexSize().keySet()) {
            var.put(i, names.size());
            names.add(i);
        }
        int[] parent = new int[names.size()];
        Arrays.setAll(parent, i -> i);
        List<int[]> slots = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (TensorFactor f : term.factors()) {
            if (f instanceof TensorFactor.Delta d) {
                int first = var.get(d.indices().get(0));
                for (String i : d.indices()) {
                    if (!term.indexSize().get(i).equals(term.indexSize().get(d.indices().get(0)))) {
                        throw new IllegalArgumentException(d + " joins indices of different sizes");
                    }
                    UnionFind.union(parent, first, var.get(i));
                }
            } else {
                TensorFactor.Entry en = (TensorFactor.Entry) f;
                int t = tensorId(en.tensor());
                if (en.indices().size() != order(t)) throw new IllegalArgumentException(en + " has the wrong number of indices");
                int[] s = new int[en.indices().size()];
                for (int k = 0; k < s.length; k++) {
                    String i = en.indices().get(k);
                    if (!term.indexSize().get(i).equals(sizes.get(shapes[t][k]))) {
                        throw new IllegalArgumentException("index " + i + " of " + en + " does not run over " + sizes.get(shapes[t][k]));
                    }
                    s[k] = var.get(i);
                }
                ids.add(t);
                slots.add(s);
            }
        }
        int[] root = new int[names.size()];
        int[] newId = new int[names.size()];
        Arrays.fill(newId, -1);
        int count = 0;
        for (int i = 0; i < names.size(); i++) {
            root[i] = UnionFind.find(parent, i);
            if (newId[root[i]] < 0) newId[root[i]] = count++;
        }
        int[] indexSize = new int[count];
        for (int i = 0; i < names.size(); i++) {
            int size = sizes.indexOf(term.indexSize().get(names.get(i)));
            if (size < 0) throw new IllegalArgumentException("index " + names.get(i) + " runs over the undeclared size " + term.indexSize().get(names.get(i)));
            indexSize[newId[root[i]]] = size;
        }
        int[] tensor = new int[ids.size()];
        int[][] s = new int[ids.size()][];
        for (int f = 0; f < tensor.length; f++) {
            tensor[f] = ids.get(f);
            s[f] = slots.get(f).clone();
            for (int k = 0; k < s[f].length; k++) s[f][k] = newId[root[s[f][k]]];
        }
        return TensorNetwork.canonical(tensor, s, indexSize);
    }
}
