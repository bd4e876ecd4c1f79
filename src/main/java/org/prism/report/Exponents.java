package org.prism.report;

import java.util.ArrayList;
import java.util.List;
import org.prism.diagram.WickRecursion;
import org.prism.model.MatrixModel;

/**
 * The order in which exponent vectors are printed: the model's variance symbols, then its sizes,
 * then any other coefficient symbol (for the tied autoencoder: sigma, d, m, n).
 */
public final class Exponents {
    private Exponents() {}

    public static List<String> symbols(MatrixModel model) {
        List<String> s = new ArrayList<>(WickRecursion.packingOf(model).symbols());
        for (String x : model.symbols()) if (!s.contains(x)) s.add(x);
        return s;
    }
}
