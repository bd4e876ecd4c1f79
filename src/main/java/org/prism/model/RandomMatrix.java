package org.prism.model;

import org.prism.algebra.Monomial;

/**
 * A random matrix of the model: {@code rows x cols} (named sizes), entries iid centred Gaussian
 * with the given variance (a monomial in the hyperparameters, e.g. $\sigma^2$, or 1).
 * A trained matrix moves along the flow; a data matrix is fixed.
 */
public record RandomMatrix(String name, String rows, String cols, Monomial variance, boolean trained) {
    public RandomMatrix {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a matrix name: '" + name + "'");
        }
        if (rows == null || cols == null) throw new IllegalArgumentException("matrix " + name + " needs two sizes");
        if (variance == null) throw new IllegalArgumentException("matrix " + name + " needs a variance");
    }
}
