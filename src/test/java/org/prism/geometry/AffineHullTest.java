package org.prism.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prism.geometry.Shapes.v;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AffineHullTest {

    @Test
    void eulerTypeRelation() {
        // points with x4 = x1 + x2 + x3 - 1, i.e. the relation x1 + x2 + x3 - x4 = 1
        List<IntVector> pts = List.of(v(1, 0, 0, 0), v(0, 1, 0, 0), v(0, 0, 1, 0), v(1, 1, 0, 1), v(2, 1, 1, 3));
        AffineHull h = AffineHull.of(pts);
        assertEquals(3, h.dimension());
        assertEquals(List.of(new AffineEquation(v(1, 1, 1, -1), 1)), h.equations());
        assertEquals("x1 + x2 + x3 - x4 = 1", h.equations().get(0).toString());
        assertTrue(h.contains(v(5, 0, 0, 4)));
        assertFalse(h.contains(v(5, 0, 0, 5)));
    }

    @Test
    void lineAndFullSpace() {
        AffineHull line = AffineHull.of(List.of(v(1, 1, 1), v(3, 5, 1)));
        assertEquals(1, line.dimension());
        assertEquals(List.of(v(1, 2, 0)), line.directionBasis());
        assertEquals(List.of(new AffineEquation(v(2, -1, 0), 1), new AffineEquation(v(0, 0, 1), 1)),
                line.equations());
        AffineHull full = AffineHull.of(Shapes.simplex(4));
        assertEquals(4, full.dimension());
        assertTrue(full.equations().isEmpty());
    }

    @Test
    void canonicalUnderReorderingAndChoiceOfPoints() {
        Random rnd = new Random(5L);
        List<IntVector> pts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long a = rnd.nextInt(9) - 4;
            long b = rnd.nextInt(9) - 4;
            pts.add(v(a, 2 * a - b, b, 7 - a + 3 * b, a + b));
        }
        AffineHull h = AffineHull.of(pts);
        Collections.shuffle(pts, rnd);
        AffineHull again = AffineHull.of(pts.subList(0, 8));
        assertEquals(2, h.dimension());
        assertEquals(h.directionBasis(), again.directionBasis());
        assertEquals(h.equations(), again.equations());
        for (AffineEquation e : h.equations()) {
            assertEquals(1, e.normal().content());
            for (IntVector p : pts) {
                assertTrue(e.isSatisfiedBy(p));
            }
        }
    }
}
