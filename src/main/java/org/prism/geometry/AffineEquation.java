package org.prism.geometry;

/**
 * The affine equation $a \cdot x = b$ with integer coefficients.
 *
 * <p>Rendered with 1-based variable names, e.g. {@code "x1 + x2 - x3 - x4 = -1"}.
 *
 * @param normal the coefficient vector $a$
 * @param constant the right-hand side $b$
 */
public record AffineEquation(IntVector normal, long constant) {

    /** Returns true iff $a \cdot x = b$ (exact). */
    public boolean isSatisfiedBy(IntVector x) {
        return normal.dot(x) == constant;
    }

    @Override
    public String toString() {
        return LinearForms.render(normal) + " = " + constant;
    }
}
