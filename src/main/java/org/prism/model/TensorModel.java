package org.prism.model;

import com.google.common.hash.Hashing;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A model in index notation, as a model file describes it: size symbols, random tensors, losses as
 * sums of closed tensor networks, and gradient flow on one of the losses
 * ($\dot\theta = -\partial L_{\text{flow}}/\partial\theta$ for every parameter $\theta$).
 * This is the engine's generic input; {@link MatrixModel} is the fast path for models whose
 * networks are all traces of matrix products.
 */
public record TensorModel(String name, List<String> sizes, List<Tensor> tensors, Map<String, List<TensorTerm>> losses, String flowLoss)
        implements Serializable {
    public TensorModel {
        sizes = List.copyOf(sizes);
        tensors = List.copyOf(tensors);
        losses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(losses));
        if (!losses.containsKey(flowLoss)) throw new IllegalArgumentException("the flow follows loss '" + flowLoss + "', which is not defined");
        for (Tensor t : tensors) {
            for (String s : t.shape()) {
                if (!sizes.contains(s)) throw new IllegalArgumentException("tensor " + t.name() + " uses the undeclared size " + s);
            }
        }
        for (Map.Entry<String, List<TensorTerm>> e : losses.entrySet()) {
            for (TensorTerm term : e.getValue()) {
                for (TensorFactor f : term.factors()) {
                    if (f instanceof TensorFactor.Entry en) {
                        Tensor t = tensor(tensors, en.tensor());
                        if (t.order() != en.indices().size()) {
                            throw new IllegalArgumentException("loss " + e.getKey() + ": " + en + " has " + en.indices().size() + " indices, " + t.name() + " has " + t.order());
                        }
                        for (int k = 0; k < t.order(); k++) {
                            String size = term.indexSize().get(en.indices().get(k));
                            if (!size.equals(t.shape().get(k))) {
                                throw new IllegalArgumentException("loss " + e.getKey() + ": index " + en.indices().get(k) + " of " + en + " runs over " + size + ", slot " + (k + 1) + " of " + t.name() + " over " + t.shape().get(k));
                            }
                        }
                    }
                }
            }
        }
    }

    private static Tensor tensor(List<Tensor> tensors, String name) {
        for (Tensor t : tensors) if (t.name().equals(name)) return t;
        throw new IllegalArgumentException("unknown tensor '" + name + "'");
    }

    /** SHA-256 (hex) of the model's content, its name left out: the key under which stored runs and coefficients are found again. */
    public String contentHash() {
        return Hashing.sha256().hashString("network " + new TensorModel("", sizes, tensors, losses, flowLoss), StandardCharsets.UTF_8).toString();
    }

    public Tensor tensor(String name) {
        return tensor(tensors, name);
    }

    public List<TensorTerm> loss(String lossName) {
        List<TensorTerm> l = losses.get(lossName);
        if (l == null) throw new IllegalArgumentException("unknown loss '" + lossName + "' (known: " + String.join(", ", losses.keySet()) + ")");
        return l;
    }

    /** Every symbol a coefficient can contain: sizes, variance symbols, symbols of loss weights. */
    public Set<String> symbols() {
        Set<String> s = new TreeSet<>(sizes);
        tensors.forEach(t -> s.addAll(t.variance().exponents().keySet()));
        losses.values().forEach(l -> l.forEach(term -> term.coefficient().terms().keySet().forEach(m -> s.addAll(m.exponents().keySet()))));
        return s;
    }
}
