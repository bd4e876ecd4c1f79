package org.prism.model;

import java.io.Serializable;
import java.util.List;

/**
 * One factor of a {@link TensorTerm}: an entry $T[i_1, \dots, i_k]$ of a random tensor, or a
 * Kronecker delta $\delta[i_1, \dots, i_k]$ (1 when all its indices are equal, else 0; arity 2 is
 * the identity matrix, arity 3 the diagonal tensor of a CP target). Indices are index-variable names.
 */
public sealed interface TensorFactor extends Serializable {
    List<String> indices();

    record Entry(String tensor, List<String> indices) implements TensorFactor {
        public Entry {
            indices = List.copyOf(indices);
        }

        @Override
        public String toString() {
            return tensor + indices;
        }
    }

    record Delta(List<String> indices) implements TensorFactor {
        public Delta {
            indices = List.copyOf(indices);
            if (indices.size() < 2) throw new IllegalArgumentException("a delta needs at least two indices");
        }

        @Override
        public String toString() {
            return "delta" + indices;
        }
    }
}
