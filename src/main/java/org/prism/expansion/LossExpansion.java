package org.prism.expansion;

import java.util.ArrayList;
import java.util.List;
import org.prism.model.MatrixProduct;
import org.prism.model.MatrixModel;

/**
 * The time derivatives $D^s L$, $s = 0, 1, \dots$, of one loss along the flow, each a
 * {@link TraceSum}; computed lazily and kept, so order $s$ costs one Lie derivative of order $s-1$.
 */
public final class LossExpansion {
    private final Alphabet alphabet;
    private final LieDerivative lie;
    private final List<TraceSum> derivatives = new ArrayList<>();

    public LossExpansion(MatrixModel model, String loss) {
        this.alphabet = new Alphabet(model);
        this.lie = new LieDerivative(alphabet);
        TraceSum.Builder b = new TraceSum.Builder();
        for (MatrixProduct p : model.loss(loss)) b.add(CyclicWord.of(alphabet.codes(p.letters())), p.coefficient());
        derivatives.add(b.build());
    }

    public Alphabet alphabet() {
        return alphabet;
    }

    /** $D^s L$ as a sum of canonical traces. */
    public synchronized TraceSum derivative(int s) {
        if (s < 0) throw new IllegalArgumentException("order must be >= 0, got " + s);
        while (derivatives.size() <= s) derivatives.add(lie.apply(derivatives.get(derivatives.size() - 1)));
        return derivatives.get(s);
    }
}
