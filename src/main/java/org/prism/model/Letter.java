package org.prism.model;

import java.io.Serializable;
/** One factor of a matrix product: a random matrix or its transpose. */
public record Letter(RandomMatrix matrix, boolean transposed) implements Serializable {
    public String rows() {
        return transposed ? matrix.cols() : matrix.rows();
    }

    public String cols() {
        return transposed ? matrix.rows() : matrix.cols();
    }

    public Letter transpose() {
        return new Letter(matrix, !transposed);
    }

    @Override
    public String toString() {
        return transposed ? matrix.name() + "^T" : matrix.name();
    }
}
