package org.prism.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CanonicalCodeTest {

    @Test
    void equalityAndHashAreByContent() {
        CanonicalCode a = new CanonicalCode(new int[] {1, 0, 0});
        CanonicalCode b = new CanonicalCode(new int[] {1, 0, 0});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new CanonicalCode(new int[] {1, 1, 0}));
        Set<CanonicalCode> set = new HashSet<>();
        set.add(a);
        assertTrue(set.contains(b));
    }

    @Test
    void isImmutable() {
        int[] raw = {1, 0, 0};
        CanonicalCode a = new CanonicalCode(raw);
        raw[1] = 7;
        int[] out = a.data();
        out[2] = 9;
        assertArrayEquals(new int[] {1, 0, 0}, a.data());
        assertEquals(3, a.length());
    }

    @Test
    void ordersLexicographically() {
        CanonicalCode a = new CanonicalCode(new int[] {2, 0, 0, 0});
        CanonicalCode b = new CanonicalCode(new int[] {2, 0, 1, 0});
        CanonicalCode prefix = new CanonicalCode(new int[] {2, 0});
        assertTrue(a.compareTo(b) < 0);
        assertTrue(b.compareTo(a) > 0);
        assertTrue(prefix.compareTo(a) < 0);
        assertEquals(0, a.compareTo(new CanonicalCode(new int[] {2, 0, 0, 0})));
    }

    @Test
    void toStringIsCompact() {
        CanonicalCode c = MultigraphCanonicalForm.of(new int[] {1, 0},
                new int[][] {{0, 1, 5}, {1, 1, 2}, {0, 1, 5}}).code();
        assertEquals("CanonicalCode[n=2 c=0,1 e=0>0:2x1,1>0:5x2]", c.toString());
        assertEquals("CanonicalCode[3, 1]", new CanonicalCode(new int[] {3, 1}).toString());
    }
}
