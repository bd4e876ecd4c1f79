package org.prism.diagram;

/**
 * A vertex of a diagram: one class of identified indices after Wick contraction, of a given
 * size (d, m, n). A data vertex is one whose size belongs to data only (n for the autoencoder):
 * an index over the finite training set.
 */
public record IndexClass(int id, String size, boolean data) {
    @Override
    public String toString() {
        return size + id;
    }
}
