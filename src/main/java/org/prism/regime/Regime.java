package org.prism.regime;

import java.util.Comparator;
import java.util.List;
import org.prism.geometry.Face;
import org.prism.geometry.IntVector;

/**
 * A face of the per-order polytope read as a learning regime: its member families (vertices),
 * the scaling relations of its normal cone, the time scale $T$ on which the limit is not trivial
 * (one over the leading increment {@code clock}, a vertex of the face), the size of the loss (the
 * leading part of $c_0$ on the face), the size of its change on that time scale (the leading part
 * of $c_k T^k$, $k$ the period: the normalisation under which the time-dependent part has a finite
 * limit), a name (by rule, or null) and what the limit describes.
 */
public record Regime(
        Face face,
        List<String> families,
        List<ScalingRelation> relations,
        String timescale,
        IntVector clock,
        LeadingScale loss,
        LeadingScale change,
        String name,
        String statement) {

    /** The clock of a face: its simplest vertex (least l1 norm; ties to the first symbols, sigma^2*d before sigma^2*m). */
    public static IntVector clockOf(Face face) {
        return face.vertices().stream().min(Comparator.comparingLong(IntVector::l1).thenComparing(Comparator.<IntVector>reverseOrder())).orElseThrow();
    }

    public int dimension() {
        return face.dimension();
    }

    /** The scale of the loss's change on the time scale $T$, e.g. {@code d}, {@code d*(sigma^2*d)^2}. */
    public String normalisation() {
        return change.text();
    }

    /** The exponent of {@link #normalisation()} when one monomial serves the whole face, else null. */
    public IntVector scale() {
        return change.exponent();
    }

    /** The scale of the loss itself (the leading part of $c_0$), e.g. {@code d}, {@code k*d}. */
    public String lossScale() {
        return loss.text();
    }

    /** The relations as one line, e.g. "g = sigma^2*d fixed, gamma = d/n -> 0". */
    public String relationsText() {
        return String.join(", ", relations.stream().map(ScalingRelation::toString).toList());
    }
}
