package org.prism.model;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;
import org.prism.algebra.Polynomial;

/**
 * A term $c \, M_1 M_2 \cdots M_k$: a scalar coefficient (a polynomial in the hyperparameters,
 * e.g. $-1/n$) times a product of letters. In a loss it stands for $c \operatorname{tr}(M_1 \cdots M_k)$
 * (the empty product for the scalar $c$); in a velocity for the matrix itself.
 */
public record MatrixProduct(Polynomial coefficient, List<Letter> letters) implements Serializable {
    public MatrixProduct {
        letters = List.copyOf(letters);
        for (int i = 0; i + 1 < letters.size(); i++) {
            if (!letters.get(i).cols().equals(letters.get(i + 1).rows())) {
                throw new IllegalArgumentException("size mismatch in " + lettersString(letters) + ": " + letters.get(i)
                        + " has " + letters.get(i).cols() + " columns, " + letters.get(i + 1) + " has "
                        + letters.get(i + 1).rows() + " rows");
            }
        }
    }

    /** The transposed product $c\, M_k^T \cdots M_1^T$. */
    public MatrixProduct transpose() {
        List<Letter> t = new java.util.ArrayList<>(letters.size());
        for (int i = letters.size() - 1; i >= 0; i--) t.add(letters.get(i).transpose());
        return new MatrixProduct(coefficient, t);
    }

    public boolean isTraceable() {
        return letters.isEmpty() || letters.get(0).rows().equals(letters.get(letters.size() - 1).cols());
    }

    private static String lettersString(List<Letter> letters) {
        return letters.stream().map(Letter::toString).collect(Collectors.joining(" "));
    }

    @Override
    public String toString() {
        return "(" + coefficient + ") " + (letters.isEmpty() ? "1" : lettersString(letters));
    }
}
