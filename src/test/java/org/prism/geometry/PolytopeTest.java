package org.prism.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prism.geometry.Shapes.v;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolytopeTest {

    private static Set<IntVector> vertexSet(Face f) {
        return Set.copyOf(f.vertices());
    }

    @Test
    void faceMaximisingOnPrism() {
        Polytope p = ConvexHull.of(Shapes.prism());
        assertEquals(Set.of(v(0, 0, 1), v(1, 0, 1), v(0, 1, 1)), vertexSet(p.faceMaximising(v(0, 0, 1))));
        assertEquals(2, p.faceMaximising(v(0, 0, -3)).dimension());
        Face quad = p.faceMaximising(v(1, 1, 0));
        assertEquals(2, quad.dimension());
        assertEquals(Set.of(v(1, 0, 0), v(0, 1, 0), v(1, 0, 1), v(0, 1, 1)), vertexSet(quad));
        assertEquals(v(1, 1, 0), quad.normal());
        Face edge = p.faceMaximising(v(1, 0, 0));
        assertEquals(1, edge.dimension());
        assertEquals(Set.of(v(1, 0, 0), v(1, 0, 1)), vertexSet(edge));
        assertEquals(2, edge.facetNormals().size());
        assertEquals(Set.of(v(1, 1, 0), v(0, -1, 0)), Set.copyOf(edge.facetNormals()));
        assertEquals(v(1, 0, 0), edge.normal());
        Face vertex = p.faceMaximising(v(1, 0, 1));
        assertEquals(0, vertex.dimension());
        assertEquals(List.of(v(1, 0, 1)), vertex.vertices());
        assertEquals(List.of(5), vertex.vertexIndices());
        assertEquals(List.of(v(0, 0, 0)), p.faceMaximising(v(-1, -1, -1)).vertices());
        assertEquals(p.faceLattice().top(), p.faceMaximising(v(0, 0, 0)));
        assertEquals(3, p.faceMaximising(v(0, 0, 0)).dimension());
        assertThrows(IllegalArgumentException.class, () -> p.faceMaximising(v(1, 0)));
    }

    @Test
    void faceMaximisingOnEmbeddedPrism() {
        Polytope p = ConvexHull.of(Shapes.prism().stream().map(Shapes::embed).toList());
        // x4 = 1 + x1 + x2 - x3 on P, so (0,0,0,1) maximises x1 + x2 - x3: the vertex embed(1,0,0)/(0,1,0) edge
        Face f = p.faceMaximising(v(0, 0, 0, 1));
        assertEquals(Set.of(Shapes.embed(v(1, 0, 0)), Shapes.embed(v(0, 1, 0))), vertexSet(f));
        // adding an equation normal does not change the maximiser
        assertEquals(p.faceMaximising(v(0, 0, 1, 0)), p.faceMaximising(v(1, 1, 0, -1)));
        Face top = p.faceMaximising(v(1, 1, -1, -1));
        assertEquals(3, top.dimension());
        for (Face face : p.faceLattice().faces()) {
            assertEquals(face, p.faceMaximising(face.normal()));
            assertTrue(p.affineHull().containsDirection(face.normal()));
        }
    }

    @Test
    void prismLatticeCoveringRelations() {
        Polytope p = ConvexHull.of(Shapes.prism());
        FaceLattice lattice = p.faceLattice();
        for (Face vertex : lattice.faces(0)) {
            assertTrue(lattice.subfaces(vertex).isEmpty());
            assertEquals(3, lattice.superfaces(vertex).size());
            assertEquals(3, vertex.facetNormals().size());
        }
        for (Face edge : lattice.faces(1)) {
            assertEquals(2, lattice.subfaces(edge).size());
            assertEquals(2, lattice.superfaces(edge).size());
        }
        for (Face facet : p.facets()) {
            assertEquals(facet.vertexCount(), lattice.subfaces(facet).size());
            assertEquals(List.of(lattice.top()), lattice.superfaces(facet));
            assertEquals(List.of(facet.normal()), facet.facetNormals());
        }
        assertEquals(5, lattice.subfaces(lattice.top()).size());
        assertTrue(lattice.superfaces(lattice.top()).isEmpty());
        Face foreign = ConvexHull.of(Shapes.cube(3, 1)).faceLattice().faces(0).get(7);
        assertThrows(IllegalArgumentException.class, () -> lattice.subfaces(foreign));
    }

    @Test
    void minkowskiSumOfTrianglesIsHexagon() {
        Polytope t = ConvexHull.of(v(0, 0), v(1, 0), v(0, 1));
        Polytope minusT = ConvexHull.of(v(0, 0), v(-1, 0), v(0, -1));
        Polytope hexagon = t.minkowskiSum(minusT);
        assertEquals(List.of(v(-1, 0), v(-1, 1), v(0, -1), v(0, 1), v(1, -1), v(1, 0)), hexagon.vertices());
        assertArrayEquals(new int[] {6, 6}, hexagon.fVector());
        assertTrue(hexagon.contains(v(0, 0)));
        assertFalse(hexagon.contains(v(1, 1)));
        // summing a triangle with itself gives the dilated triangle
        assertEquals(ConvexHull.of(v(0, 0), v(2, 0), v(0, 2)), t.minkowskiSum(t));
        // sum with a segment is a prism-like zonotope; sum with a point is a translate
        assertArrayEquals(new int[] {5, 5}, t.minkowskiSum(ConvexHull.of(v(0, 0), v(1, 1))).fVector());
        assertEquals(ConvexHull.of(v(2, 3), v(3, 3), v(2, 4)), t.minkowskiSum(ConvexHull.of(v(2, 3))));
        assertThrows(IllegalArgumentException.class, () -> t.minkowskiSum(ConvexHull.of(v(0, 0, 0))));
    }

    @Test
    void minkowskiSumInThreeDimensions() {
        Polytope square = ConvexHull.of(v(0, 0, 0), v(1, 0, 0), v(0, 1, 0), v(1, 1, 0));
        Polytope segment = ConvexHull.of(v(0, 0, 0), v(0, 0, 1));
        assertEquals(ConvexHull.of(Shapes.cube(3, 1)), square.minkowskiSum(segment));
        Polytope triangle = ConvexHull.of(v(0, 0, 0), v(1, 0, 0), v(0, 1, 0));
        assertEquals(ConvexHull.of(Shapes.prism()), triangle.minkowskiSum(segment));
    }

    @Test
    void equalityIsByVertexSet() {
        Polytope a = ConvexHull.of(Shapes.prism());
        List<IntVector> withExtras = new java.util.ArrayList<>(Shapes.prism());
        withExtras.add(v(0, 0, 0));
        withExtras.add(v(0, 0, 1)); // duplicate
        Polytope b = ConvexHull.of(withExtras);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, ConvexHull.of(Shapes.cube(3, 1)));
    }

    @Test
    void maxOfFunctional() {
        Polytope cube = ConvexHull.of(Shapes.cube(3, 2));
        assertEquals(6, cube.max(v(1, 1, 1)));
        assertEquals(0, cube.max(v(-1, -1, 0)));
    }
}
