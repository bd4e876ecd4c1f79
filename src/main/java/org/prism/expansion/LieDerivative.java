package org.prism.expansion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.prism.algebra.Polynomial;
import org.prism.model.MatrixProduct;
import org.prism.model.RandomMatrix;

/**
 * The Lie derivative along the model's flow, acting on sums of traces: by the product rule,
 * $\frac{d}{dt}\operatorname{tr}(M_1\cdots M_L) = \sum_p \operatorname{tr}(M_1\cdots \dot M_p \cdots M_L)$,
 * where $\dot M_p$ is the velocity of a trained letter (its transpose for a transposed letter) and 0
 * for data. Each substitution is canonicalised ({@link CyclicWord}) and equal words are merged.
 *
 * <p>Cost: $O(\sum_w |w| \cdot r \cdot |w'|)$ for $r$ velocity terms, plus canonicalisation.
 */
public final class LieDerivative {
    private record Substitution(Polynomial coefficient, byte[] letters) {}

    private final List<List<Substitution>> byCode;

    public LieDerivative(Alphabet alphabet) {
        byCode = new ArrayList<>();
        for (int code = 0; code < 2 * alphabet.matrixCount(); code++) byCode.add(List.of());
        for (Map.Entry<RandomMatrix, List<MatrixProduct>> e : alphabet.model().velocity().entrySet()) {
            int matrix = alphabet.model().matrices().indexOf(e.getKey());
            List<Substitution> plain = new ArrayList<>();
            List<Substitution> transposed = new ArrayList<>();
            for (MatrixProduct p : e.getValue()) {
                plain.add(new Substitution(p.coefficient(), alphabet.codes(p.letters())));
                MatrixProduct t = p.transpose();
                transposed.add(new Substitution(t.coefficient(), alphabet.codes(t.letters())));
            }
            byCode.set(2 * matrix, List.copyOf(plain));
            byCode.set(2 * matrix + 1, List.copyOf(transposed));
        }
    }

    /** $\mathcal{L} f$; the words of {@code f} are derived in parallel and merged into one concurrent map (exact sums: the order of merging does not matter). */
    public TraceSum apply(TraceSum f) {
        ConcurrentHashMap<CyclicWord, Polynomial> out = new ConcurrentHashMap<>(4 * f.size()); // a derivative has about 3.5 times its parent's words: no resizing
        new ArrayList<>(f.terms().entrySet()).parallelStream().forEach(e -> {
            byte[] w = e.getKey().letters();
            // the word's coefficient times a substitution's is the same at every position of that letter: once per code
            Polynomial[][] times = new Polynomial[byCode.size()][];
            for (int p = 0; p < w.length; p++) {
                List<Substitution> subs = byCode.get(w[p]);
                if (subs.isEmpty()) continue;
                if (times[w[p]] == null) {
                    times[w[p]] = new Polynomial[subs.size()];
                    for (int j = 0; j < subs.size(); j++) times[w[p]][j] = e.getValue().multiply(subs.get(j).coefficient());
                }
                for (int j = 0; j < subs.size(); j++) {
                    Substitution s = subs.get(j);
                    byte[] v = new byte[w.length - 1 + s.letters().length];
                    System.arraycopy(w, 0, v, 0, p);
                    System.arraycopy(s.letters(), 0, v, p, s.letters().length);
                    System.arraycopy(w, p + 1, v, p + s.letters().length, w.length - p - 1);
                    out.merge(CyclicWord.of(v), times[w[p]][j], Polynomial::add);
                }
            }
        });
        return TraceSum.of(out);
    }
}
