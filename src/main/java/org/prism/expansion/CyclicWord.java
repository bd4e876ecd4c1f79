package org.prism.expansion;

import java.util.Arrays;

/**
 * The trace of a product of letters up to the symmetries of the trace: rotation
 * ($\operatorname{tr}(UV) = \operatorname{tr}(VU)$) and transpose-reversal
 * ($\operatorname{tr}(M) = \operatorname{tr}(M^T)$, which reverses the word and transposes each letter).
 *
 * <p>Canonical at creation: the stored letters are the lexicographically least of the $2L$
 * images of the word under this dihedral group, so equal traces have equal words. Cost $O(L^2)$
 * worst case per creation, $O(L)$ typical (comparisons stop at the first difference).
 * Ordered by length, then lexicographically.
 */
public final class CyclicWord implements Comparable<CyclicWord> {
    public static final CyclicWord EMPTY = new CyclicWord(new byte[0]);

    private final byte[] letters;
    private final int hash;

    private CyclicWord(byte[] letters) {
        this.letters = letters;
        this.hash = Arrays.hashCode(letters);
    }

    /** The canonical word of the trace of these letters (codes as in {@link Alphabet}). */
    public static CyclicWord of(byte[] letters) {
        return new CyclicWord(canonical(letters));
    }

    /**
     * The least image of {@code w} under rotations and transpose-reversal (a new array; {@code w}
     * is not modified).
     */
    public static byte[] canonical(byte[] w) {
        int n = w.length;
        if (n == 0) return w.clone();
        byte[] r = new byte[n];
        for (int i = 0; i < n; i++) r[i] = (byte) (w[n - 1 - i] ^ 1);
        byte[] best = w;
        int bestStart = 0;
        for (int s = 1; s < n; s++) {
            if (compareRotations(w, s, best, bestStart) < 0) {
                best = w;
                bestStart = s;
            }
        }
        for (int s = 0; s < n; s++) {
            if (compareRotations(r, s, best, bestStart) < 0) {
                best = r;
                bestStart = s;
            }
        }
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) out[i] = best[(bestStart + i) % n];
        return out;
    }

    private static int compareRotations(byte[] a, int sa, byte[] b, int sb) {
        int n = a.length;
        int ia = sa;
        int ib = sb;
        for (int k = 0; k < n; k++) {
            int c = (a[ia] & 0xFF) - (b[ib] & 0xFF);
            if (c != 0) return c;
            if (++ia == n) ia = 0;
            if (++ib == n) ib = 0;
        }
        return 0;
    }

    public int length() {
        return letters.length;
    }

    public byte letter(int i) {
        return letters[i];
    }

    /** A copy of the canonical letters. */
    public byte[] letters() {
        return letters.clone();
    }

    /** Number of letters of matrix {@code matrixIndex} (plain or transposed). */
    public int count(int matrixIndex) {
        int c = 0;
        for (byte b : letters) if ((b >> 1) == matrixIndex) c++;
        return c;
    }

    @Override
    public int compareTo(CyclicWord o) {
        if (letters.length != o.letters.length) return Integer.compare(letters.length, o.letters.length);
        return Arrays.compareUnsigned(letters, o.letters);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CyclicWord w && hash == w.hash && Arrays.equals(letters, w.letters);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(letters);
    }
}
