package org.prism.model;

import java.io.Serializable;
import org.prism.algebra.Monomial;

/**
 * A matrix of the model: {@code rows x cols} (named sizes). A random matrix has centred Gaussian
 * entries of the given variance (a monomial in the hyperparameters, e.g. $\sigma^2$, or 1), iid
 * unless it names a {@code covariance}: then its columns (if the covariance's size is {@code rows})
 * or rows (if it is {@code cols}) are iid $N(0, C)$. A trained matrix moves along the flow; a data
 * matrix is fixed. A {@code constant} matrix is a covariance itself: fixed, symmetric, never
 * paired, known through its moments.
 */
public record RandomMatrix(String name, String rows, String cols, Monomial variance, boolean trained, boolean constant, RandomMatrix covariance) implements Serializable {
    public RandomMatrix {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a matrix name: '" + name + "'");
        }
        if (rows == null || cols == null) throw new IllegalArgumentException("matrix " + name + " needs two sizes");
        if (variance == null) throw new IllegalArgumentException("matrix " + name + " needs a variance");
        if (constant && (trained || covariance != null || !rows.equals(cols))) {
            throw new IllegalArgumentException("covariance " + name + " must be square, fixed and iid-free");
        }
        if (covariance != null) {
            if (trained) throw new IllegalArgumentException("only data can have a covariance, " + name + " is trained");
            if (!covariance.constant()) throw new IllegalArgumentException(covariance.name() + " is not a covariance");
            if (rows.equals(cols) || !(covariance.rows().equals(rows) || covariance.rows().equals(cols))) {
                throw new IllegalArgumentException("covariance " + covariance.name() + " [" + covariance.rows() + "] must match exactly one side of "
                        + name + " [" + rows + ", " + cols + "]");
            }
        }
    }

    /** A random matrix with iid entries. */
    public RandomMatrix(String name, String rows, String cols, Monomial variance, boolean trained) {
        this(name, rows, cols, variance, trained, false, null);
    }

    /** The covariance matrix {@code [size, size]} with the given name. */
    public static RandomMatrix covarianceMatrix(String name, String size) {
        return new RandomMatrix(name, size, size, Monomial.ONE, false, true, null);
    }

    /** Whether the covariance (if any) acts on the rows: $E[M_{ia}M_{jb}] = C_{ij}\delta_{ab}$. */
    public boolean rowCovariance() {
        return covariance != null && covariance.rows().equals(rows);
    }
}
