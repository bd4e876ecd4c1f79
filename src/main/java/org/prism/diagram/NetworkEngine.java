package org.prism.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.prism.expansion.NetworkAlphabet;
import org.prism.expansion.NetworkExpansion;
import org.prism.model.MatrixModel;
import org.prism.model.Tensor;
import org.prism.model.TensorModel;

/**
 * A {@link ModelEngine} for any {@link TensorModel}: Lie derivatives on canonical tensor networks
 * and the network Wick recursion ({@link TensorCoefficients}). One Wick memo is shared by all
 * losses of the model. Slower than {@link MatrixEngine} on models that lower to matrix products
 * (a graph canonical form per network instead of a word rotation), but it takes every model in
 * index notation. There is no leading-order (planar) engine for networks yet.
 */
public final class NetworkEngine implements ModelEngine {
    private final TensorModel model;
    private final NetworkAlphabet alphabet;
    private final NetworkWick wick;

    /** @throws IllegalArgumentException if the model has more than 8 sizes (packed exponents) */
    public NetworkEngine(TensorModel model) {
        this.model = model;
        this.alphabet = new NetworkAlphabet(model);
        this.wick = new NetworkWick(alphabet);
    }

    public TensorModel model() {
        return model;
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public List<String> symbols() {
        List<String> s = new ArrayList<>();
        for (Tensor t : model.tensors()) for (String x : t.variance().exponents().keySet()) if (!s.contains(x)) s.add(x);
        for (String x : model.sizes()) if (!s.contains(x)) s.add(x);
        for (String x : model.symbols()) if (!s.contains(x)) s.add(x);
        return List.copyOf(s);
    }

    @Override
    public List<String> sizes() {
        return model.sizes();
    }

    @Override
    public List<String> losses() {
        return List.copyOf(model.losses().keySet());
    }

    @Override
    public ExpectedLoss exact(String loss) {
        requireLoss(loss);
        return new TensorCoefficients(new NetworkExpansion(alphabet, loss), wick);
    }

    @Override
    public ExpectedLoss leading(String loss) {
        requireLoss(loss);
        throw new IllegalArgumentException("model " + model.name() + " has no leading-order engine: planar pairings are defined for trace words, not for tensor networks");
    }

    /** The networks of $D^s L$ with their coefficients and expectations (the tensor model's diagrams). */
    public List<NetworkTerm> terms(String loss, int s) {
        requireLoss(loss);
        NetworkExpansion expansion = new NetworkExpansion(alphabet, loss);
        return NetworkTerm.of(alphabet, wick, loss, s, expansion.derivative(s).terms());
    }

    @Override
    public Optional<MatrixModel> matrixModel() {
        return Optional.empty();
    }
}
