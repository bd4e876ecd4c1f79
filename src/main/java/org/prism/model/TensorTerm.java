package org.prism.model;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.prism.algebra.Polynomial;

/**
 * A closed tensor network with a scalar weight: $c \sum_{\text{indices}} \prod_f f$, every index
 * variable summed over its size ({@code indexSize} maps each index variable to a size symbol).
 * A loss is a sum of such terms; the empty product stands for the scalar $c$.
 */
public record TensorTerm(Polynomial coefficient, List<TensorFactor> factors, Map<String, String> indexSize) implements Serializable {
    public TensorTerm {
        factors = List.copyOf(factors);
        indexSize = java.util.Collections.unmodifiableMap(new TreeMap<>(indexSize));
        for (TensorFactor f : factors) {
            for (String i : f.indices()) {
                if (!indexSize.containsKey(i)) throw new IllegalArgumentException("index " + i + " of " + f + " has no size");
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(" + coefficient + ")");
        for (TensorFactor f : factors) sb.append(' ').append(f);
        return sb.toString();
    }
}
