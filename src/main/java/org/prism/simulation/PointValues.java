package org.prism.simulation;

import org.prism.algebra.Point;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;

/** Numbers a simulation reads off a point of a model's symbols, checked: sizes and finite coefficients. */
final class PointValues {
    private PointValues() {}

    /** The value of size symbol {@code s}: a positive integer that fits an {@code int}. */
    static int size(Point at, String s) {
        Rational v = at.values().get(s);
        if (v == null) throw new IllegalArgumentException("no value for size " + s + " (give " + s + "=...)");
        if (!v.isInteger() || v.signum() <= 0 || v.compareTo(Rational.of(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("size " + s + " must be a positive integer, got " + v);
        }
        return v.numerator().intValueExact();
    }

    /** {@code p} at the point as a double; {@code what} names it in the error if it is not finite. */
    static double number(Point at, Polynomial p, String what) {
        double v = at.evaluate(p).doubleValue();
        if (!Double.isFinite(v)) throw new IllegalArgumentException(what + " is not a finite number here: " + v);
        return v;
    }
}
