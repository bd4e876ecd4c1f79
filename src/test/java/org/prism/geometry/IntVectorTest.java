package org.prism.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prism.geometry.Shapes.v;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntVectorTest {

    @Test
    void valueSemantics() {
        long[] raw = {1, 0, -2, 3};
        IntVector x = new IntVector(raw);
        raw[0] = 99;
        assertEquals(1, x.get(0));
        x.coordinates()[1] = 99;
        assertEquals(0, x.get(1));
        assertEquals(v(1, 0, -2, 3), x);
        assertEquals(v(1, 0, -2, 3).hashCode(), x.hashCode());
        assertNotEquals(v(1, 0, -2), x);
        assertEquals("(1, 0, -2, 3)", x.toString());
        assertEquals("()", v().toString());
    }

    @Test
    void lexicographicOrder() {
        List<IntVector> list = new ArrayList<>(List.of(v(1, 0), v(0, 5), v(0, -1), v(0), v(1, 0, 0)));
        list.sort(null);
        assertEquals(List.of(v(0), v(0, -1), v(0, 5), v(1, 0), v(1, 0, 0)), list);
    }

    @Test
    void exactArithmetic() {
        assertEquals(v(3, 1), v(1, 2).plus(v(2, -1)));
        assertEquals(v(-1, 3), v(1, 2).minus(v(2, -1)));
        assertEquals(0, v(1, 2).dot(v(2, -1)));
        assertEquals(v(2, -3), v(4, -6).primitive());
        assertEquals(2, v(4, -6, 0).content());
        assertEquals(v(0, 0), v(0, 0).primitive());
        assertTrue(IntVector.zero(3).isZero());
        assertThrows(ArithmeticException.class, () -> v(Long.MAX_VALUE).plus(v(1)));
        assertThrows(ArithmeticException.class, () -> v(Long.MAX_VALUE / 2 + 1, 0).dot(v(2, 0)));
        assertThrows(IllegalArgumentException.class, () -> v(1, 2).dot(v(1, 2, 3)));
    }
}
