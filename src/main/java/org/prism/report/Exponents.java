package org.prism.report;

import java.util.List;
import org.prism.model.MatrixModel;

/**
 * The order in which exponent vectors are printed: the model's variance symbols, then its sizes,
 * then any other coefficient symbol (for the tied autoencoder: sigma, d, m, n).
 */
public final class Exponents {
    private Exponents() {}

    public static List<String> symbols(MatrixModel model) {
        return new org.prism.diagram.MatrixEngine(model).symbols();
    }
}
