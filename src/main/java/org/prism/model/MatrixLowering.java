package org.prism.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.prism.algebra.Polynomial;

/**
 * Lowers a {@link TensorModel} to the {@link MatrixModel} fast path when every network is a single
 * trace of a matrix product.
 *
 * <p>A term lowers when every tensor has two slots, every delta has two indices (an identity: it is
 * removed by merging its two indices) and, after that, every index occurs exactly twice and the
 * entries form one cycle; following the cycle reads the word, a letter transposed when the cycle
 * enters the entry by its second slot. An index left in no entry (a loop $\delta_{ii}$, or a sum
 * over an unused index) contributes its size: $\operatorname{tr} I_d = d$.
 *
 * <p>The velocity of each parameter $W$ is $-\partial L/\partial W$ for the flow loss
 * $L = \sum c\,\operatorname{tr}(M_1\cdots M_k)$: by the product rule
 * $\partial_W \operatorname{tr}(M_1\cdots M_k) = \sum_{p : M_p = W} R_p^T + \sum_{p : M_p = W^T} R_p$
 * with $R_p = M_{p+1}\cdots M_k M_1 \cdots M_{p-1}$ the cyclic rest; equal products are merged.
 * Data tensors have no velocity; each matrix keeps its tensor's variance.
 */
public final class MatrixLowering {
    private MatrixLowering() {}

    /** The matrix model, or empty when some network is not a single trace ({@link #obstacle} says which). */
    public static Optional<MatrixModel> lower(TensorModel model) {
        try {
            return Optional.of(lowered(model));
        } catch (Obstacle o) {
            return Optional.empty();
        }
    }

    /** Why {@link #lower} is empty, e.g. "loss pop, term 2: a delta with 3 indices is not an identity"; empty when it lowers. */
    public static Optional<String> obstacle(TensorModel model) {
        try {
            lowered(model);
            return Optional.empty();
        } catch (Obstacle o) {
            return Optional.of(o.getMessage());
        }
    }

    /** The reason a model does not lower; only used inside this class, never escapes. */
    private static final class Obstacle extends RuntimeException {
        Obstacle(String reason) {
            super(reason, null, false, false);
        }
    }

    private static MatrixModel lowered(TensorModel model) {
        Map<String, RandomMatrix> matrices = new LinkedHashMap<>();
        for (Tensor t : model.tensors()) {
            if (t.order() != 2) throw new Obstacle("tensor " + t.name() + " has " + t.order() + " slot(s), a matrix has 2");
        }
        // covariances are made first (the data drawn from them refer to them), every matrix keeps its declared place
        Map<String, RandomMatrix> covariances = new HashMap<>();
        for (Tensor t : model.tensors()) {
            if (!t.random()) covariances.put(t.name(), RandomMatrix.covarianceMatrix(t.name(), t.shape().get(0)));
        }
        for (Tensor t : model.tensors()) {
            matrices.put(t.name(), t.random()
                    ? new RandomMatrix(t.name(), t.shape().get(0), t.shape().get(1), t.variance(), t.trained(), false, covariances.get(t.covariance()))
                    : covariances.get(t.name()));
        }
        Map<String, List<MatrixProduct>> losses = new LinkedHashMap<>();
        for (Map.Entry<String, List<TensorTerm>> e : model.losses().entrySet()) {
            List<MatrixProduct> products = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                try {
                    products.add(trace(e.getValue().get(i), matrices));
                } catch (Obstacle o) {
                    throw new Obstacle("loss " + e.getKey() + ", term " + (i + 1) + " " + e.getValue().get(i) + ": " + o.getMessage());
                }
            }
            losses.put(e.getKey(), products);
        }
        Map<RandomMatrix, List<MatrixProduct>> velocity = new LinkedHashMap<>();
        for (RandomMatrix m : matrices.values()) {
            if (m.trained()) velocity.put(m, velocity(m, losses.get(model.flowLoss())));
        }
        return new MatrixModel(model.name(), model.sizes(), List.copyOf(matrices.values()), losses, velocity);
    }

    /** $-\partial L/\partial M$, equal products merged in order of first appearance. */
    private static List<MatrixProduct> velocity(RandomMatrix m, List<MatrixProduct> loss) {
        Map<List<Letter>, Polynomial> sum = new LinkedHashMap<>();
        for (MatrixProduct p : loss) {
            List<Letter> w = p.letters();
            for (int q = 0; q < w.size(); q++) {
                if (!w.get(q).matrix().equals(m)) continue;
                if (w.size() == 1) throw new Obstacle("the gradient of tr(" + w.get(0) + ") is an identity, which is no matrix product");
                List<Letter> rest = new ArrayList<>(w.subList(q + 1, w.size()));
                rest.addAll(w.subList(0, q));
                MatrixProduct r = new MatrixProduct(p.coefficient().negate(), rest);
                MatrixProduct gradient = w.get(q).transposed() ? r : r.transpose();
                sum.merge(gradient.letters(), gradient.coefficient(), Polynomial::add);
            }
        }
        List<MatrixProduct> out = new ArrayList<>();
        sum.forEach((letters, c) -> {
            if (!c.isZero()) out.add(new MatrixProduct(c, letters));
        });
        return out;
    }

    /** The term as $c \operatorname{tr}(M_1 \cdots M_k)$, or an obstacle. */
    private static MatrixProduct trace(TensorTerm term, Map<String, RandomMatrix> matrices) {
        Map<String, String> parent = new HashMap<>();
        List<TensorFactor.Entry> entries = new ArrayList<>();
        for (TensorFactor f : term.factors()) {
            if (f instanceof TensorFactor.Entry e) {
                entries.add(e);
            } else if (f.indices().size() == 2) {
                String a = root(parent, f.indices().get(0));
                String b = root(parent, f.indices().get(1));
                if (!term.indexSize().get(a).equals(term.indexSize().get(b))) {
                    throw new Obstacle(f + " joins indices over " + term.indexSize().get(a) + " and " + term.indexSize().get(b));
                }
                if (!a.equals(b)) parent.put(b, a);
            } else {
                throw new Obstacle("a delta with " + f.indices().size() + " indices is not an identity");
            }
        }
        // occurrences of each merged index: entry number and slot (0 = row, 1 = column)
        Map<String, List<int[]>> at = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            for (int s = 0; s < 2; s++) at.computeIfAbsent(root(parent, entries.get(i).indices().get(s)), k -> new ArrayList<>()).add(new int[] {i, s});
        }
        Polynomial c = term.coefficient();
        for (String v : term.indexSize().keySet()) {
            if (root(parent, v).equals(v) && !at.containsKey(v)) c = c.multiply(Polynomial.symbol(term.indexSize().get(v)));
        }
        for (Map.Entry<String, List<int[]>> e : at.entrySet()) {
            if (e.getValue().size() != 2) throw new Obstacle("index " + e.getKey() + " occurs " + e.getValue().size() + " time(s), a matrix product has each index twice");
        }
        List<Letter> word = new ArrayList<>();
        if (!entries.isEmpty()) {
            int entry = 0;
            int in = 0;
            while (true) {
                word.add(new Letter(matrices.get(entries.get(entry).tensor()), in == 1));
                String out = root(parent, entries.get(entry).indices().get(1 - in));
                List<int[]> occurrences = at.get(out);
                int[] next = occurrences.get(0)[0] == entry && occurrences.get(0)[1] == 1 - in ? occurrences.get(1) : occurrences.get(0);
                if (next[0] == 0 && next[1] == 0) break;
                entry = next[0];
                in = next[1];
            }
            if (word.size() < entries.size()) throw new Obstacle("a product of several traces");
        }
        return new MatrixProduct(c, word);
    }

    private static String root(Map<String, String> parent, String v) {
        String r = v;
        while (parent.containsKey(r)) r = parent.get(r);
        return r;
    }
}
