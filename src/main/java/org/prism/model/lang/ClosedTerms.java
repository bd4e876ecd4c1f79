package org.prism.model.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prism.algebra.Polynomial;
import org.prism.model.TensorFactor;
import org.prism.model.TensorTerm;

/**
 * The {@link TensorTerm}s of a loss: the terms of its expansion with every index size resolved, a
 * summed index that no factor uses turned into its size ($\sum_i 1 = d$), each network in its
 * {@link NetworkCanonicalForm}, and equal networks merged (in order of first appearance; networks
 * whose coefficients cancel are dropped).
 */
final class ClosedTerms {
    private ClosedTerms() {}

    /** @param loss a scalar expansion without free variables, as every loss is */
    static List<TensorTerm> of(Expansion loss, IndexVariables vars) {
        Map<Network, Polynomial> merged = new LinkedHashMap<>();
        for (OpenTerm t : loss.terms()) {
            Set<String> used = new HashSet<>();
            t.factors().forEach(f -> used.addAll(f.indices()));
            if (!t.bound().containsAll(used)) throw new IllegalStateException("free index in a closed loss: " + t);
            Polynomial c = t.coefficient();
            Map<String, String> sizes = new HashMap<>();
            for (String v : t.bound()) {
                String size = vars.requireSize(v);
                if (used.contains(v)) sizes.put(v, size);
                else c = c.multiply(Polynomial.symbol(size));
            }
            TensorTerm canonical = NetworkCanonicalForm.of(new TensorTerm(c, t.factors(), sizes));
            merged.merge(new Network(canonical.factors(), canonical.indexSize()), canonical.coefficient(), Polynomial::add);
        }
        List<TensorTerm> out = new ArrayList<>();
        merged.forEach((n, c) -> {
            if (!c.isZero()) out.add(new TensorTerm(c, n.factors(), n.indexSize()));
        });
        return out;
    }

    /** A term without its coefficient: the key equal networks merge on. */
    private record Network(List<TensorFactor> factors, Map<String, String> indexSize) {}
}
