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
        this.hash = hash(letters);
    }

    /**
     * A polynomial hash with a 64-bit odd multiplier, folded to 32 bits. {@link Arrays#hashCode(byte[])} (base 31)
     * gives words over a few letters clustered low bits: the memos' hash tables degenerated into tree bins.
     */
    private static int hash(byte[] letters) {
        long h = letters.length;
        for (byte b : letters) h = (h + (b & 0xFF) + 1) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** The canonical word of the trace of these letters (codes as in {@link Alphabet}). */
    public static CyclicWord of(byte[] letters) {
        return new CyclicWord(canonical(letters, 0, letters.length));
    }

    /** The canonical word of the trace of {@code letters[from..to)}, without copying the piece first. */
    public static CyclicWord of(byte[] letters, int from, int to) {
        return new CyclicWord(canonical(letters, from, to));
    }

    /**
     * The least image of {@code w} under rotations and transpose-reversal (a new array; {@code w}
     * is not modified): the least rotation of the word and of its transpose-reversal, each found in
     * $O(L)$ ({@link #leastRotation}), and the smaller of the two.
     */
    public static byte[] canonical(byte[] w) {
        return canonical(w, 0, w.length);
    }

    private static byte[] canonical(byte[] w, int from, int to) {
        int n = to - from;
        if (n == 0) return new byte[0];
        byte[] r = new byte[n];
        for (int i = 0; i < n; i++) r[i] = (byte) (w[to - 1 - i] ^ 1);
        int sw = leastRotation(w, from, n);
        int sr = leastRotation(r, 0, n);
        // the smaller rotation is the result: the reversal's is read from r into a new array; the word's is
        // written over r, which is not needed any more
        if (compareRotations(r, sr, w, from, sw, n) < 0) {
            byte[] out = new byte[n];
            System.arraycopy(r, sr, out, 0, n - sr);
            System.arraycopy(r, 0, out, n - sr, sr);
            return out;
        }
        System.arraycopy(w, from + sw, r, 0, n - sw);
        System.arraycopy(w, from, r, n - sw, sw);
        return r;
    }

    /** The start of a lexicographically least rotation of {@code a}; see {@link #leastRotation(byte[], int, int)}. */
    static int leastRotation(byte[] a) {
        return leastRotation(a, 0, a.length);
    }

    /**
     * The start (relative to {@code from}) of a lexicographically least rotation of {@code a[from..from+n)}
     * (bytes unsigned), by the two-candidate scan: candidates {@code i < j} and a matched length {@code k}; on a
     * mismatch the loser and the {@code k} starts after it cannot be least (each would meet the same mismatch
     * against a rotation of the winner), so it jumps past them. At most $3L$ comparisons.
     */
    static int leastRotation(byte[] a, int from, int n) {
        int i = 0;
        int j = 1;
        int k = 0;
        while (i < n && j < n && k < n) {
            int ik = i + k;
            int jk = j + k;
            int x = a[from + (ik < n ? ik : ik - n)] & 0xFF;
            int y = a[from + (jk < n ? jk : jk - n)] & 0xFF;
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

    /** Compares the rotation of {@code a} (length n) starting at {@code sa} with that of {@code b[from..from+n)} at {@code sb}. */
    private static int compareRotations(byte[] a, int sa, byte[] b, int from, int sb, int n) {
        int ia = sa;
        int ib = sb;
        for (int k = 0; k < n; k++) {
            int c = (a[ia] & 0xFF) - (b[from + ib] & 0xFF);
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
