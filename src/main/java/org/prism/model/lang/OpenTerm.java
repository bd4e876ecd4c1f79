package org.prism.model.lang;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prism.algebra.Polynomial;
import org.prism.model.TensorFactor;

/**
 * One term of an expression being expanded: $c \sum_{\text{bound}} \prod_f f$. Variables of the
 * factors that are not bound are free: indices of enclosing sums, or the row and column of a
 * matrix expression. A bound variable that no factor uses still counts: it contributes its size.
 */
record OpenTerm(Polynomial coefficient, List<TensorFactor> factors, Set<String> bound) {
    OpenTerm {
        factors = List.copyOf(factors);
        bound = Collections.unmodifiableSet(new LinkedHashSet<>(bound));
    }

    static OpenTerm constant(Polynomial c) {
        return new OpenTerm(c, List.of(), Set.of());
    }

    static OpenTerm factor(TensorFactor f) {
        return new OpenTerm(Polynomial.ONE, List.of(f), Set.of());
    }

    OpenTerm scaled(Polynomial c) {
        return new OpenTerm(coefficient.multiply(c), factors, bound);
    }

    /** The product; the caller has renamed the two terms' bound variables apart. */
    OpenTerm times(OpenTerm o) {
        List<TensorFactor> f = new ArrayList<>(factors);
        f.addAll(o.factors);
        Set<String> b = new LinkedHashSet<>(bound);
        b.addAll(o.bound);
        return new OpenTerm(coefficient.multiply(o.coefficient), f, b);
    }

    /** This term summed over {@code vars} as well. */
    OpenTerm binding(Collection<String> vars) {
        Set<String> b = new LinkedHashSet<>(bound);
        b.addAll(vars);
        return new OpenTerm(coefficient, factors, b);
    }

    /** Every variable replaced by its image under {@code renaming} (identity where absent). */
    OpenTerm renamed(Map<String, String> renaming) {
        List<TensorFactor> f = new ArrayList<>(factors.size());
        for (TensorFactor x : factors) {
            List<String> idx = x.indices().stream().map(v -> renaming.getOrDefault(v, v)).toList();
            f.add(x instanceof TensorFactor.Entry e ? new TensorFactor.Entry(e.tensor(), idx) : new TensorFactor.Delta(idx));
        }
        Set<String> b = new LinkedHashSet<>();
        for (String v : bound) b.add(renaming.getOrDefault(v, v));
        return new OpenTerm(coefficient, f, b);
    }
}
