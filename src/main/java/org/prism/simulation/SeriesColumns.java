package org.prism.simulation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values to print beside simulated curves: per loss, a prediction at each recording time (the exact
 * Taylor series truncated at {@code order}, for {@code simulate --series}). The simulator never
 * computes them; it only prints them.
 *
 * @param order the truncation order S
 * @param values per loss name, one value per recording time
 */
public record SeriesColumns(int order, Map<String, double[]> values) {
    public SeriesColumns {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The column of {@code loss}, or null if it has none. */
    double[] of(String loss) {
        return values.get(loss);
    }
}
