package org.prism.geometry;

/**
 * The closed half-space $\{x : c \cdot x \le b\}$ with integer data.
 *
 * <p>Rendered with 1-based variable names, e.g. {@code "x1 + x2 <= 1"}.
 *
 * @param normal the outer normal $c$
 * @param bound the bound $b$
 */
public record Inequality(IntVector normal, long bound) {

    /** Returns true iff $c \cdot x \le b$ (exact). */
    public boolean isSatisfiedBy(IntVector x) {
        return normal.dot(x) <= bound;
    }

    /** Returns true iff $c \cdot x = b$, i.e. $x$ lies on the bounding hyperplane. */
    public boolean isTightAt(IntVector x) {
        return normal.dot(x) == bound;
    }

    @Override
    public String toString() {
        return LinearForms.render(normal) + " <= " + bound;
    }
}
