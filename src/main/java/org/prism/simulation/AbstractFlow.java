package org.prism.simulation;

import org.prism.algebra.Monomial;
import org.prism.algebra.Point;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;

/**
 * What every {@link CompiledFlow} knows of its tensors: the point, and per tensor its
 * {@code rows x cols} layout, starting standard deviation and role, checked as they are declared.
 */
abstract class AbstractFlow implements CompiledFlow {
    private final String modelName;
    final Point at;
    final int[] rows;
    final int[] cols;
    final double[] sd;
    final boolean[] trained;

    /** @param at the point, already checked to give every symbol of the model */
    AbstractFlow(String modelName, Point at, int tensors) {
        this.modelName = modelName;
        this.at = at;
        rows = new int[tensors];
        cols = new int[tensors];
        sd = new double[tensors];
        trained = new boolean[tensors];
    }

    /**
     * Declares tensor {@code i}: {@code entries} entries laid out as {@code rows x (entries / rows)}.
     *
     * @throws IllegalArgumentException if it does not fit a Java array or its variance is not a finite nonnegative number here
     */
    void declare(int i, String name, int rows, long entries, Monomial variance, boolean trained) {
        if (entries > MatrixFlow.MAX_ENTRIES) {
            throw new IllegalArgumentException(String.format("%s has %d entries: more than a Java array holds (2^31)", name, entries));
        }
        this.rows[i] = rows;
        this.cols[i] = (int) (entries / rows);
        double v = number(Polynomial.term(Rational.ONE, variance), "the variance of " + name);
        if (v < 0) throw new IllegalArgumentException("the variance of " + name + " is negative: " + v);
        this.sd[i] = Math.sqrt(v);
        this.trained[i] = trained;
    }

    /** {@code p} at the point as a double; {@code what} names it in the error if it is not finite. */
    final double number(Polynomial p, String what) {
        double v = at.evaluate(p).doubleValue();
        if (!Double.isFinite(v)) throw new IllegalArgumentException(what + " is not a finite number here: " + v);
        return v;
    }

    /** The value of size symbol {@code s}: a positive integer that fits an {@code int}. */
    final int size(String s) {
        Rational v = at.values().get(s);
        if (v == null) throw new IllegalArgumentException("no value for size " + s + " (give " + s + "=...)");
        if (!v.isInteger() || v.signum() <= 0 || v.compareTo(Rational.of(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("size " + s + " must be a positive integer, got " + v);
        }
        return v.numerator().intValueExact();
    }

    @Override
    public final String modelName() {
        return modelName;
    }

    @Override
    public final Point at() {
        return at;
    }

    @Override
    public final int tensorCount() {
        return rows.length;
    }

    @Override
    public final int rows(int i) {
        return rows[i];
    }

    @Override
    public final int cols(int i) {
        return cols[i];
    }

    @Override
    public final double sd(int i) {
        return sd[i];
    }

    @Override
    public final boolean trained(int i) {
        return trained[i];
    }
}
