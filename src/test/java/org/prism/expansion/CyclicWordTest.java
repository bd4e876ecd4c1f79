package org.prism.expansion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CyclicWordTest {
    private static byte[] randomWord(Random r, int n) {
        byte[] w = new byte[n];
        for (int i = 0; i < n; i++) w[i] = (byte) r.nextInt(4);
        return w;
    }

    /** All 2n images of w under the dihedral action (rotations, and rotations of the transpose-reversal), by brute force. */
    private static List<byte[]> images(byte[] w) {
        List<byte[]> out = new ArrayList<>();
        int n = w.length;
        for (int k = 0; k < n; k++) {
            byte[] rot = new byte[n];
            byte[] rev = new byte[n];
            for (int i = 0; i < n; i++) {
                rot[i] = w[(k + i) % n];
                rev[i] = (byte) (w[(k + n - i) % n] ^ 1);
            }
            out.add(rot);
            out.add(rev);
        }
        return out;
    }

    /** The orbit of w, as strings. */
    private static Set<String> orbit(byte[] w) {
        Set<String> s = new HashSet<>();
        for (byte[] image : images(w)) s.add(java.util.Arrays.toString(image));
        return s;
    }

    /** The canonical word is the least of the 2n images, found by listing them all (periodic words, bytes above 127 included). */
    @Test
    void canonicalIsTheLeastImageByBruteForce() {
        Random r = new Random(5);
        for (int t = 0; t < 20000; t++) {
            int n = 1 + r.nextInt(12);
            byte[] w;
            if (t % 3 == 0) { // a power of a short word: many equal rotations
                byte[] base = randomWord(r, 1 + r.nextInt(3));
                w = new byte[base.length * (1 + r.nextInt(4))];
                for (int i = 0; i < w.length; i++) w[i] = base[i % base.length];
            } else {
                w = randomWord(r, n);
                if (t % 5 == 0) for (int i = 0; i < w.length; i++) w[i] = (byte) (w[i] + 126); // 126..129: signed and unsigned orders differ
            }
            byte[] least = null;
            for (byte[] c : images(w)) if (least == null || java.util.Arrays.compareUnsigned(c, least) < 0) least = c;
            assertEquals(java.util.Arrays.toString(least), java.util.Arrays.toString(CyclicWord.canonical(w)), java.util.Arrays.toString(w));
        }
    }

    @Test
    void equalIffSameDihedralOrbit() {
        Random r = new Random(1);
        for (int i = 0; i < 3000; i++) {
            int n = 1 + r.nextInt(7);
            byte[] a = randomWord(r, n);
            byte[] b = r.nextBoolean() ? randomWord(r, n) : a.clone();
            if (r.nextBoolean()) { // move b within its orbit
                Object[] imgs = orbit(b).toArray();
                String pick = (String) imgs[r.nextInt(imgs.length)];
                String[] parts = pick.substring(1, pick.length() - 1).split(", ");
                for (int k = 0; k < n; k++) b[k] = Byte.parseByte(parts[k]);
            }
            boolean sameOrbit = orbit(a).contains(java.util.Arrays.toString(b));
            assertEquals(sameOrbit, CyclicWord.of(a).equals(CyclicWord.of(b)));
        }
    }

    @Test
    void canonicalIsTheLeastImage() {
        // tr(W^T W X X^T): codes W=0, W^T=1, X=2, X^T=3
        byte[] w = {1, 0, 2, 3};
        assertEquals("[0, 2, 3, 1]", CyclicWord.of(w).toString());
        assertNotEquals(CyclicWord.of(new byte[] {0, 0, 1, 1}), CyclicWord.of(new byte[] {0, 1, 0, 1}));
    }

    /** The trace of a piece, taken in place, is the trace of the piece's copy (pieces that wrap nothing, empty, whole). */
    @Test
    void pieceInPlaceEqualsPieceCopied() {
        Random r = new Random(9);
        for (int t = 0; t < 5000; t++) {
            byte[] w = randomWord(r, 1 + r.nextInt(14));
            int from = r.nextInt(w.length + 1);
            int to = from + r.nextInt(w.length - from + 1);
            CyclicWord copied = CyclicWord.of(java.util.Arrays.copyOfRange(w, from, to));
            CyclicWord inPlace = CyclicWord.of(w, from, to);
            assertEquals(copied, inPlace);
            assertEquals(copied.hashCode(), inPlace.hashCode());
            assertEquals(copied.toString(), inPlace.toString());
        }
    }
}
