package org.prism.diagram;

import java.util.List;
import java.util.Optional;
import org.prism.model.MatrixLowering;
import org.prism.model.MatrixModel;
import org.prism.model.TensorModel;

/**
 * A model made ready for the expectation engines: the symbols its coefficients are written in
 * (variance symbols, then sizes, then others) and, per loss, an engine for $c_s$. Commands and the
 * regime derivation see models only through this, whatever engine computes them.
 */
public interface ModelEngine {
    /**
     * The engine for a model: the matrix engine when its losses are traces of matrix products
     * ({@link MatrixLowering}), else the tensor-network engine.
     */
    static ModelEngine of(TensorModel model) {
        Optional<MatrixModel> matrix = MatrixLowering.lower(model);
        if (matrix.isEmpty() && model.tensors().stream().anyMatch(t -> !t.random())) {
            throw new IllegalArgumentException("model " + model.name() + " has a covariance, which needs losses that are traces of matrix products; "
                    + MatrixLowering.obstacle(model).orElse(""));
        }
        return matrix.isPresent() ? new MatrixEngine(matrix.get()) : new NetworkEngine(model);
    }

    String name();

    /** Symbols of the coefficients, in print order: variance symbols, sizes, then others. */
    List<String> symbols();

    /**
     * The moment symbols $C_1, C_2, \dots$ of the model's covariance (in order), among {@link #symbols}; empty without
     * one. The regime derivation does not scale them as hyperparameters: they grow with the covariance's size
     * ({@link #momentSize}) as its spectrum says.
     */
    default List<String> moments() {
        return List.of();
    }

    /** The covariance's size symbol; only with {@link #moments}. */
    default String momentSize() {
        throw new IllegalStateException("model " + name() + " has no covariance");
    }

    /** The size symbols (they may only grow); every other symbol is a variance or weight. */
    List<String> sizes();

    List<String> losses();

    /** The exact coefficients of {@code loss}. */
    ExpectedLoss exact(String loss);

    /**
     * The leading-order coefficients of {@code loss} (planar pairings), or an
     * IllegalArgumentException naming why this model has none.
     */
    ExpectedLoss leading(String loss);

    /** The matrix form of the model, when it has one (explicit diagrams, simulators). */
    Optional<MatrixModel> matrixModel();

    default void requireLoss(String loss) {
        if (!losses().contains(loss)) {
            throw new IllegalArgumentException("model " + name() + " has no loss '" + loss + "' (it has: " + String.join(", ", losses()) + ")");
        }
    }
}
