package org.prism.geometry;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An immutable integer vector $x \in \mathbb{Z}^D$.
 *
 * <p>Equality and hash code are by content; {@link #compareTo} is lexicographic (a proper prefix
 * sorts first, so vectors of different dimensions are still totally ordered). All arithmetic is
 * exact: an intermediate or final {@code long} overflow throws {@link ArithmeticException} rather
 * than wrapping. The text form is {@code "(1, 0, -2, 3)"}.
 *
 * @param coordinates the coordinates; copied on construction and on access
 */
public record IntVector(long[] coordinates) implements Comparable<IntVector> {

    /** Copies the coordinates so the vector cannot be changed from outside. */
    public IntVector {
        if (coordinates == null) {
            throw new IllegalArgumentException("coordinates must not be null");
        }
        coordinates = coordinates.clone();
    }

    /** Returns the vector with the given coordinates. */
    public static IntVector of(long... coordinates) {
        return new IntVector(coordinates);
    }

    /** Returns the zero vector of $\mathbb{Z}^D$. */
    public static IntVector zero(int dimension) {
        return new IntVector(new long[dimension]);
    }

    /** Returns a copy of the coordinates. */
    @Override
    public long[] coordinates() {
        return coordinates.clone();
    }

    /** Returns $D$, the number of coordinates. */
    public int dimension() {
        return coordinates.length;
    }

    /** Returns coordinate {@code i} (0-based). */
    public long get(int i) {
        return coordinates[i];
    }

    /** Returns $x + y$. */
    public IntVector plus(IntVector other) {
        requireSameDimension(other);
        long[] r = new long[coordinates.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.addExact(coordinates[i], other.coordinates[i]);
        }
        return new IntVector(r);
    }

    /** Returns $x - y$. */
    public IntVector minus(IntVector other) {
        requireSameDimension(other);
        long[] r = new long[coordinates.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.subtractExact(coordinates[i], other.coordinates[i]);
        }
        return new IntVector(r);
    }

    /** Returns $s x$. */
    public IntVector times(long s) {
        long[] r = new long[coordinates.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.multiplyExact(coordinates[i], s);
        }
        return new IntVector(r);
    }

    /** Returns $-x$. */
    public IntVector negate() {
        return times(-1);
    }

    /** Returns the inner product $x \cdot y = \sum_i x_i y_i$, computed exactly. */
    public long dot(IntVector other) {
        requireSameDimension(other);
        long s = 0;
        for (int i = 0; i < coordinates.length; i++) {
            s = Math.addExact(s, Math.multiplyExact(coordinates[i], other.coordinates[i]));
        }
        return s;
    }

    /** Returns true iff every coordinate is zero. */
    public boolean isZero() {
        for (long c : coordinates) {
            if (c != 0) {
                return false;
            }
        }
        return true;
    }

    /** Returns $\sum_i |x_i|$, how complex the monomial with these exponents is. */
    public long l1() {
        long s = 0;
        for (long c : coordinates) {
            s = Math.addExact(s, Math.absExact(c));
        }
        return s;
    }

    /** Returns $\max_i |x_i|$ (0 for the zero vector). */
    public long maxAbs() {
        long m = 0;
        for (long c : coordinates) {
            m = Math.max(m, Math.absExact(c));
        }
        return m;
    }

    /** Returns the gcd of the absolute values of the coordinates (0 for the zero vector). */
    public long content() {
        long g = 0;
        for (long c : coordinates) {
            g = gcd(g, Math.absExact(c));
        }
        return g;
    }

    /**
     * Returns $x / \gcd(x)$, the primitive vector on the same ray (the zero vector is returned
     * unchanged).
     */
    public IntVector primitive() {
        long g = content();
        if (g <= 1) {
            return this;
        }
        long[] r = new long[coordinates.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = coordinates[i] / g;
        }
        return new IntVector(r);
    }

    BigInteger[] toBigIntegers() {
        BigInteger[] r = new BigInteger[coordinates.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = BigInteger.valueOf(coordinates[i]);
        }
        return r;
    }

    /** Converts exactly; throws {@link ArithmeticException} if an entry does not fit a long. */
    static IntVector ofBigIntegers(BigInteger[] values) {
        long[] r = new long[values.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = values[i].longValueExact();
        }
        return new IntVector(r);
    }

    private void requireSameDimension(IntVector other) {
        if (other.coordinates.length != coordinates.length) {
            throw new IllegalArgumentException(
                    "dimension mismatch: " + coordinates.length + " vs " + other.coordinates.length);
        }
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    @Override
    public int compareTo(IntVector other) {
        return Arrays.compare(coordinates, other.coordinates);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntVector v && Arrays.equals(coordinates, v.coordinates);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coordinates);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < coordinates.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(coordinates[i]);
        }
        return sb.append(')').toString();
    }
}
