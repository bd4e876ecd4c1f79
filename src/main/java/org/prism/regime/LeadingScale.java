package org.prism.regime;

import java.util.List;
import java.util.Objects;
import org.prism.algebra.Polynomial;
import org.prism.geometry.IntVector;

/**
 * The size of a coefficient along the scalings of one face of $P$: the leading part of $c_s$
 * (possibly divided by $T^{-s}$), which may differ between parts of the face's normal cone when the
 * Newton polytope's normal fan is finer than $P$'s (then there are several pieces).
 *
 * @param pieces one per part of the normal cone, in a fixed order; empty when unknown
 */
public record LeadingScale(List<Piece> pieces) {
    /**
     * The leading part on one part of the cone.
     *
     * @param exponent a monomial with the same growth as {@code terms} on that part
     * @param text how it is written, e.g. {@code d}, {@code d*(sigma^2*d)^2}
     * @param terms the terms of $c_s$ that lead there (before the division by $T^{-s}$)
     */
    public record Piece(IntVector exponent, String text, Polynomial terms) {}

    public LeadingScale {
        pieces = List.copyOf(pieces);
    }

    public static final LeadingScale UNKNOWN = new LeadingScale(List.of());

    /** Whether one monomial scales the coefficient on the whole face. */
    public boolean uniform() {
        return pieces.size() == 1;
    }

    /** The exponent when uniform, else null. */
    public IntVector exponent() {
        return uniform() ? pieces.get(0).exponent() : null;
    }

    /** {@code d}; {@code varies: d | m} when it depends on ratios the face leaves free; empty when unknown. */
    public String text() {
        if (pieces.isEmpty()) return "";
        if (uniform()) return pieces.get(0).text();
        return "varies: " + String.join(" | ", pieces.stream().map(Piece::text).distinct().toList());
    }

    @Override
    public String toString() {
        return Objects.toString(text());
    }
}
