package org.prism.regime;

import java.util.List;
import org.prism.geometry.Face;
import org.prism.geometry.IntVector;

/**
 * A face of the per-order polytope read as a learning regime: its member families (vertices),
 * the scaling relations of its normal cone, the time scale $T$ on which the limit is not trivial
 * (one over the leading increment {@code clock}, a vertex of the face), the normalisation of the
 * loss's time-dependent part that has a finite limit (text, and the exponent vector {@code scale}
 * it stands for), a name (by rule, or null) and what the limit describes.
 */
public record Regime(
        Face face,
        List<String> families,
        List<ScalingRelation> relations,
        String timescale,
        IntVector clock,
        String normalisation,
        IntVector scale,
        String name,
        String statement) {

    public int dimension() {
        return face.dimension();
    }

    /** The relations as one line, e.g. "g = sigma^2*d fixed, gamma = d/n -> 0". */
    public String relationsText() {
        return String.join(", ", relations.stream().map(ScalingRelation::toString).toList());
    }
}
