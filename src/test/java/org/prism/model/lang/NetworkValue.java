package org.prism.model.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.prism.algebra.Rational;
import org.prism.model.TensorFactor;
import org.prism.model.TensorModel;
import org.prism.model.TensorTerm;

/**
 * The value of a loss's tensor networks at concrete sizes and concrete integer tensors, by brute
 * force over every assignment of every index: an independent evaluation of what the expansion
 * claims, to compare with the loss computed directly from its formula.
 */
final class NetworkValue {
    /** A tensor's entries, row-major over its shape. */
    record Values(int[] shape, long[] entries) {
        long at(int[] index) {
            int flat = 0;
            for (int k = 0; k < shape.length; k++) flat = flat * shape[k] + index[k];
            return entries[flat];
        }
    }

    private NetworkValue() {}

    /** Random small integers (-3..3) for every tensor of the model at these sizes. */
    static Map<String, Values> randomTensors(TensorModel model, Map<String, Integer> sizes, Random random) {
        Map<String, Values> out = new HashMap<>();
        for (var t : model.tensors()) {
            int[] shape = t.shape().stream().mapToInt(sizes::get).toArray();
            int n = 1;
            for (int s : shape) n *= s;
            long[] e = new long[n];
            for (int i = 0; i < n; i++) e[i] = random.nextInt(7) - 3;
            out.put(t.name(), new Values(shape, e));
        }
        return out;
    }

    /** $\sum_\text{terms} c \sum_\text{indices} \prod_f f$ with sizes and symbols substituted. */
    static Rational of(List<TensorTerm> terms, Map<String, Values> tensors, Map<String, Integer> sizes, Map<String, Rational> symbols) {
        Map<String, Rational> point = new HashMap<>(symbols);
        sizes.forEach((s, v) -> point.put(s, Rational.of(v)));
        Rational sum = Rational.ZERO;
        for (TensorTerm t : terms) sum = sum.add(t.coefficient().evaluate(point).multiply(Rational.of(network(t, tensors, sizes))));
        return sum;
    }

    private static long network(TensorTerm t, Map<String, Values> tensors, Map<String, Integer> sizes) {
        List<String> indices = new ArrayList<>(t.indexSize().keySet());
        int[] range = indices.stream().mapToInt(i -> sizes.get(t.indexSize().get(i))).toArray();
        Map<String, Integer> slot = new HashMap<>();
        for (int k = 0; k < indices.size(); k++) slot.put(indices.get(k), k);
        int[] value = new int[indices.size()];
        long total = 0;
        while (true) {
            long product = 1;
            for (TensorFactor f : t.factors()) {
                int[] idx = f.indices().stream().mapToInt(i -> value[slot.get(i)]).toArray();
                if (f instanceof TensorFactor.Entry e) {
                    product *= tensors.get(e.tensor()).at(idx);
                } else {
                    for (int x : idx) if (x != idx[0]) product = 0;
                }
            }
            total += product;
            int k = 0;
            while (k < value.length && ++value[k] == range[k]) value[k++] = 0;
            if (k == value.length) return total;
        }
    }
}
