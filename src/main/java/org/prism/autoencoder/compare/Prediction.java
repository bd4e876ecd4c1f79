package org.prism.autoencoder.compare;

import java.util.List;
import org.prism.autoencoder.LimitCurve;

/**
 * What a regime predicts for the normalised loss curve of one step of a {@link ScalingPath}, at
 * the path's grid (in the regime's time unit). See {@link Predictions} for the implementations.
 */
public interface Prediction {
    /** One line: where the prediction comes from (limit, parameters). */
    String description();

    /** A few words for a plot legend, e.g. {@code large-data limit}. */
    String label();

    /** The predicted normalised curves at {@code grid}; {@code train} or {@code pop} is null where none is predicted. */
    LimitCurve curve(ScalingPath.Step step, double[] grid);

    /**
     * A pointwise error estimate of the prediction itself (e.g. the spread between two Padé
     * approximants), in the units of the curve, or null when the prediction is exact.
     */
    default double[] uncertainty(ScalingPath.Step step, double[] grid) {
        return null;
    }

    /**
     * {lower, upper}: where the curve must lie if the prediction's hypothesis holds (the free regime's mixture bounds,
     * {@link org.prism.autoencoder.FreeResummation.Curve}), in the units of the curve; null when there are none.
     */
    default double[][] bounds(ScalingPath.Step step, double[] grid) {
        return null;
    }

    /** Further curves to draw for comparison (dashed, e.g. a Padé resummation next to a closed form); default none. */
    default List<Extra> extras(ScalingPath.Step step, double[] grid) {
        return List.of();
    }

    /** A named curve at the grid. */
    record Extra(String name, double[] values) {}
}
