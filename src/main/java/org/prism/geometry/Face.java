package org.prism.geometry;

import java.util.List;

/**
 * A non-empty face $F = \operatorname{argmax}_{x \in P} c \cdot x$ of a polytope $P$.
 *
 * <p>The normal $c$ is canonical: it is the sum of the (primitive) normals of the facets
 * containing $F$, divided by the gcd of its entries. That sum lies in the relative interior of the
 * normal cone of $F$ (taken inside the direction space $L$ of $\operatorname{aff} P$), so the set
 * of maximisers of $c \cdot x$ over $P$ is exactly $F$. For $F = P$ no facet contains it and
 * $c = 0$. Like the facet normals, $c$ lies in $L$.
 *
 * @param dimension $\dim F$ (the affine dimension of its vertices)
 * @param vertexIndices indices into {@link Polytope#vertices()}, strictly increasing
 * @param vertices the vertices of $F$, in the same order
 * @param normal the canonical outer normal $c$ described above
 * @param facetNormals the outer normals of the facets of $P$ containing $F$, in the order of
 *     {@link Polytope#facetInequalities()}; empty for $F = P$
 */
public record Face(int dimension, List<Integer> vertexIndices, List<IntVector> vertices, IntVector normal,
        List<IntVector> facetNormals) {

    /** Makes the lists immutable. */
    public Face {
        vertexIndices = List.copyOf(vertexIndices);
        vertices = List.copyOf(vertices);
        facetNormals = List.copyOf(facetNormals);
    }

    /** Returns the number of vertices of the face. */
    public int vertexCount() {
        return vertexIndices.size();
    }

    @Override
    public String toString() {
        return "Face[dim=" + dimension + ", vertices=" + vertices + ", normal=" + normal + "]";
    }
}
