package org.prism.expansion;

import java.util.Arrays;

/**
 * The trace of a product of letters up to the symmetries of the trace: rotation
 * ($\operatorname{tr}(UV) = \operatorname{tr}(VU)$) and transpose-reversal
 * ($\operatorname{tr}(M) = \operatorname{tr}(M^T)$, which reverses the word and transposes each letter).
 *
 * <p>Canonical at creation: the stored letters are the lexicographically least of the $2L$
 * images of the word under this dihedral group, so equal traces have equal words. Cost $O(L)$ per
 * creation.
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
     * is not modified): the least rotation of the word and of its transpose-reversal, each found in
     * $O(L)$ ({@link #leastRotation}), and the smaller of the two.
     */
    public static byte[] canonical(byte[] w) {
        int n = w.length;
        if (n == 0) return w.clone();
        byte[] r = new byte[n];
        for (int i = 0; i < n; i++) r[i] = (byte) (w[n - 1 - i] ^ 1);
        int sw = leastRotation(w);
        int sr = leastRotation(r);
        byte[] best = compareRotations(r, sr, w, sw) < 0 ? r : w;
        int bestStart = best == r ? sr : sw;
        byte[] out = new byte[n];
        System.arraycopy(best, bestStart, out, 0, n - bestStart);
        System.arraycopy(best, 0, out, n - bestStart, bestStart);
        return out;
    }

    /**
     * The start of a lexicographically least rotation of {@code a} (bytes unsigned), by the
     * two-candidate scan: candidates {@code i < j} and a matched length {@code k}; on a mismatch the
     * loser and the {@code k} starts after it cannot be least (each would meet the same mismatch
     * against a rotation of the winner), so it jumps past them. At most $3L$ comparisons.
     */
    static int leastRotation(byte[] a) {
        int n = a.length;
        int i = 0;
        int j = 1;
        int k = 0;
        while (i < n && j < n && k < n) {
            int ik = i + k;
            int jk = j + k;
            int x = a[ik < n ? ik : ik - n] & 0xFF;
            int y = a[jk < n ? jk : jk - n] & 0xFF;
            if (x == y) {
                k++;
                continue;
            }
            if (x > y) i += k + 1;
            else j += k + 1;
            if (i == j) j++;
            k = 0;
        }
        return Math.min(i, j);
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
