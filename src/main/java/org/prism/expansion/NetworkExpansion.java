package org.prism.expansion;

import java.util.ArrayList;
import java.util.List;
import org.prism.model.TensorModel;
import org.prism.model.TensorTerm;

/**
 * The time derivatives $D^s L$, $s = 0, 1, \dots$, of one loss of a {@link TensorModel} along
 * gradient flow on its flow loss, each a {@link NetworkSum}; computed lazily and kept, so order $s$
 * costs one {@link NetworkLieDerivative} of order $s - 1$. The index-notation counterpart of
 * {@link LossExpansion}.
 */
public final class NetworkExpansion {
    private final NetworkAlphabet alphabet;
    private final NetworkLieDerivative lie;
    private final List<NetworkSum> derivatives = new ArrayList<>();

    public NetworkExpansion(TensorModel model, String loss) {
        this(new NetworkAlphabet(model), loss);
    }

    public NetworkExpansion(NetworkAlphabet alphabet, String loss) {
        this.alphabet = alphabet;
        TensorModel model = alphabet.model();
        this.lie = new NetworkLieDerivative(alphabet, sum(alphabet, model.loss(model.flowLoss())));
        derivatives.add(sum(alphabet, model.loss(loss)));
    }

    /** The closed terms of a loss as a sum of canonical networks (deltas eliminated, loops pulled out). */
    public static NetworkSum sum(NetworkAlphabet alphabet, List<TensorTerm> terms) {
        NetworkSum.Builder b = new NetworkSum.Builder(alphabet);
        for (TensorTerm t : terms) b.add(alphabet.network(t), t.coefficient());
        return b.build();
    }

    public NetworkAlphabet alphabet() {
        return alphabet;
    }

    public NetworkLieDerivative lieDerivative() {
        return lie;
    }

    /** $D^s L$. */
    public NetworkSum derivative(int s) {
        return derivative(s, null);
    }

    /** $D^s L$; {@code checkpoint} (may be null) runs before each network derived and may throw to cancel. */
    public synchronized NetworkSum derivative(int s, Runnable checkpoint) {
        if (s < 0) throw new IllegalArgumentException("order must be >= 0, got " + s);
        while (derivatives.size() <= s) derivatives.add(lie.apply(derivatives.get(derivatives.size() - 1), checkpoint));
        return derivatives.get(s);
    }
}
