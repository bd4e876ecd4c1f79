package org.prism.model.lang;

import java.util.List;

/**
 * The expansion of an expression: a sum of {@link OpenTerm}s. A matrix expression also names the
 * free variables of its row and column (both null for a scalar expression, whose free variables
 * are the indices of enclosing sums).
 */
record Expansion(List<OpenTerm> terms, String row, String col) {
    Expansion {
        terms = List.copyOf(terms);
        if ((row == null) != (col == null)) throw new IllegalArgumentException("a matrix has a row and a column");
    }

    static Expansion scalar(List<OpenTerm> terms) {
        return new Expansion(terms, null, null);
    }

    boolean isMatrix() {
        return row != null;
    }
}
