package org.prism.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prism.geometry.Shapes.v;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClassicalPolytopesTest {

    private static Map<Integer, Long> facetSizes(Polytope p) {
        return p.facets().stream().collect(Collectors.groupingBy(Face::vertexCount, TreeMap::new, Collectors.counting()));
    }

    @Test
    void unitCube() {
        Polytope cube = ConvexHull.of(Shapes.cube(3, 1));
        assertEquals(3, cube.dimension());
        assertEquals(3, cube.ambientDimension());
        assertArrayEquals(new int[] {8, 12, 6}, cube.fVector());
        assertEquals(Map.of(4, 6L), facetSizes(cube));
        Set<String> inequalities = cube.facetInequalities().stream().map(Inequality::toString).collect(Collectors.toSet());
        assertEquals(Set.of("-x1 <= 0", "-x2 <= 0", "-x3 <= 0", "x1 <= 1", "x2 <= 1", "x3 <= 1"), inequalities);
        assertTrue(cube.affineHull().equations().isEmpty());
        assertEquals(Shapes.cube(3, 1).stream().sorted().toList(), cube.vertices());
    }

    @Test
    void simplex3() {
        Polytope s = ConvexHull.of(Shapes.simplex(3));
        assertArrayEquals(new int[] {4, 6, 4}, s.fVector());
        assertTrue(s.facetInequalities().contains(new Inequality(v(1, 1, 1), 1)));
        assertTrue(s.facetInequalities().contains(new Inequality(v(-1, 0, 0), 0)));
    }

    @Test
    void octahedron() {
        Polytope o = ConvexHull.of(Shapes.crossPolytope(3));
        assertArrayEquals(new int[] {6, 12, 8}, o.fVector());
        assertEquals(Map.of(3, 8L), facetSizes(o));
    }

    @Test
    void triangularPrism() {
        Polytope p = ConvexHull.of(Shapes.prism());
        assertArrayEquals(new int[] {6, 9, 5}, p.fVector());
        assertEquals(Map.of(3, 2L, 4, 3L), facetSizes(p));
        assertEquals(5 + 9 + 6 + 1, p.faceLattice().size());
    }

    @Test
    void squarePyramid() {
        Polytope p = ConvexHull.of(Shapes.squarePyramid());
        assertArrayEquals(new int[] {5, 8, 5}, p.fVector());
        assertEquals(Map.of(3, 4L, 4, 1L), facetSizes(p));
    }

    @Test
    void higherDimensionalClassics() {
        assertArrayEquals(new int[] {5, 10, 10, 5}, ConvexHull.of(Shapes.simplex(4)).fVector());
        assertArrayEquals(new int[] {8, 24, 32, 16}, ConvexHull.of(Shapes.crossPolytope(4)).fVector());
        assertArrayEquals(new int[] {32, 80, 80, 40, 10}, ConvexHull.of(Shapes.cube(5, 1)).fVector());
        assertArrayEquals(new int[] {12, 60, 160, 240, 192, 64}, ConvexHull.of(Shapes.crossPolytope(6)).fVector());
        assertArrayEquals(new int[] {64, 192, 240, 160, 60, 12}, ConvexHull.of(Shapes.cube(6, 1)).fVector());
    }

    @Test
    void prismEmbeddedInZ4() {
        List<IntVector> image = Shapes.prism().stream().map(Shapes::embed).toList();
        Polytope p = ConvexHull.of(image);
        assertEquals(3, p.dimension());
        assertEquals(4, p.ambientDimension());
        assertArrayEquals(new int[] {6, 9, 5}, p.fVector());
        assertEquals(Map.of(3, 2L, 4, 3L), facetSizes(p));
        assertEquals(new TreeSet<>(image), new TreeSet<>(p.vertices()));
        List<AffineEquation> eqs = p.affineHull().equations();
        assertEquals(List.of(new AffineEquation(v(1, 1, -1, -1), -1)), eqs);
        assertEquals("x1 + x2 - x3 - x4 = -1", eqs.get(0).toString());
        for (Inequality h : p.facetInequalities()) {
            assertTrue(p.affineHull().containsDirection(h.normal()), "normal in direction space: " + h);
            assertEquals(1, h.normal().content());
        }
        assertTrue(p.contains(Shapes.embed(v(0, 0, 0))));
        assertFalse(p.contains(v(0, 0, 0, 0)), "off the affine hull");
        assertFalse(p.contains(Shapes.embed(v(1, 1, 0))), "in the hull but outside the prism");
    }

    @Test
    void redundantPointsAreIgnored() {
        List<IntVector> pts = new ArrayList<>(Shapes.cube(3, 2));
        pts.addAll(List.of(v(1, 0, 0), v(0, 1, 2), v(2, 2, 1), // edge midpoints
                v(1, 1, 0), v(2, 1, 1), // facet centres
                v(1, 1, 1), // interior
                v(0, 0, 0), v(2, 2, 2))); // duplicates
        Polytope p = ConvexHull.of(pts);
        assertEquals(Shapes.cube(3, 2).stream().sorted().toList(), p.vertices());
        assertArrayEquals(new int[] {8, 12, 6}, p.fVector());
        for (IntVector x : pts) {
            assertTrue(p.contains(x));
        }
    }

    @Test
    void coplanarRedundantPointsInLowerDimension() {
        // a square in the plane z = 5 of Z^3 with its centre and edge midpoints
        List<IntVector> pts = List.of(v(0, 0, 5), v(2, 0, 5), v(0, 2, 5), v(2, 2, 5), v(1, 1, 5), v(1, 0, 5),
                v(2, 1, 5), v(2, 2, 5));
        Polytope p = ConvexHull.of(pts);
        assertEquals(2, p.dimension());
        assertEquals(List.of(v(0, 0, 5), v(0, 2, 5), v(2, 0, 5), v(2, 2, 5)), p.vertices());
        assertArrayEquals(new int[] {4, 4}, p.fVector());
        assertEquals(List.of(new AffineEquation(v(0, 0, 1), 5)), p.affineHull().equations());
        assertEquals(Set.of(v(-1, 0, 0), v(1, 0, 0), v(0, -1, 0), v(0, 1, 0)),
                p.facetInequalities().stream().map(Inequality::normal).collect(Collectors.toSet()));
    }

    @Test
    void singlePoint() {
        Polytope p = ConvexHull.of(v(3, -1, 2), v(3, -1, 2));
        assertEquals(0, p.dimension());
        assertEquals(List.of(v(3, -1, 2)), p.vertices());
        assertArrayEquals(new int[0], p.fVector());
        assertTrue(p.facetInequalities().isEmpty());
        assertEquals(1, p.faceLattice().size());
        Face top = p.faceLattice().top();
        assertEquals(0, top.dimension());
        assertEquals(IntVector.zero(3), top.normal());
        assertEquals(top, p.faceMaximising(v(1, 2, 3)));
        assertEquals(3, p.affineHull().equations().size());
        assertTrue(p.contains(v(3, -1, 2)));
        assertFalse(p.contains(v(3, -1, 3)));
    }

    @Test
    void segmentFromCollinearPoints() {
        Polytope p = ConvexHull.of(v(0, 0, 0, 0), v(2, 4, -2, 6), v(1, 2, -1, 3), v(3, 6, -3, 9));
        assertEquals(1, p.dimension());
        assertEquals(List.of(v(0, 0, 0, 0), v(3, 6, -3, 9)), p.vertices());
        assertArrayEquals(new int[] {2}, p.fVector());
        assertEquals(Set.of(new Inequality(v(1, 2, -1, 3), 45), new Inequality(v(-1, -2, 1, -3), 0)),
                Set.copyOf(p.facetInequalities()));
        assertEquals(List.of(v(1, 2, -1, 3)), p.affineHull().directionBasis());
        assertTrue(p.contains(v(2, 4, -2, 6)));
        assertFalse(p.contains(v(4, 8, -4, 12)));
    }

    @Test
    void invalidInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ConvexHull.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> ConvexHull.of(v(1, 2), v(1, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> ConvexHull.of(v()));
    }
}
