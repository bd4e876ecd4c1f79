package org.prism.diagram;

import java.util.Arrays;
import org.prism.expansion.Alphabet;
import org.prism.graph.UnionFind;

/**
 * The index identification performed by one Wick pairing of a cyclic word, computed with a
 * union-find over the $L$ index slots of the word (slot $p$ sits before letter $p$, so letter $p$
 * runs from slot $p$ to slot $p+1 \bmod L$). Pairing the letters $p, q$ identifies the row
 * indices and the column indices of the underlying matrix entries. $O(L\,\alpha(L))$.
 *
 * <p>Result: {@code classOf[slot]} numbered $0..k-1$ in order of first slot, the size of each
 * class, and per letter the (row class, column class) of its untransposed matrix entry.
 */
public record Contraction(int classes, int[] classOfSlot, int[] sizeOfClass, int[] rowClass, int[] colClass) {

    public static Contraction of(byte[] letters, int[] partner, Alphabet alphabet) {
        int n = letters.length;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int p = 0; p < n; p++) {
            int q = partner[p];
            if (q < p) continue;
            UnionFind.union(parent, rowSlot(letters, p, n), rowSlot(letters, q, n));
            UnionFind.union(parent, colSlot(letters, p, n), colSlot(letters, q, n));
        }
        int[] classOf = new int[n];
        int[] rootClass = new int[n];
        Arrays.fill(rootClass, -1);
        int k = 0;
        int[] sizes = new int[n];
        for (int s = 0; s < n; s++) {
            int r = UnionFind.find(parent, s);
            if (rootClass[r] < 0) {
                // slot s precedes letter s: its size is the row size of that letter
                sizes[k] = alphabet.rowSize(letters[s]);
                rootClass[r] = k++;
            }
            classOf[s] = rootClass[r];
        }
        int[] row = new int[n];
        int[] col = new int[n];
        for (int p = 0; p < n; p++) {
            row[p] = classOf[rowSlot(letters, p, n)];
            col[p] = classOf[colSlot(letters, p, n)];
        }
        return new Contraction(k, classOf, Arrays.copyOf(sizes, k), row, col);
    }

    /** Slot of the row index of the matrix entry behind letter p (the right slot if transposed). */
    private static int rowSlot(byte[] letters, int p, int n) {
        return Alphabet.isTransposed(letters[p]) ? (p + 1) % n : p;
    }

    private static int colSlot(byte[] letters, int p, int n) {
        return Alphabet.isTransposed(letters[p]) ? p : (p + 1) % n;
    }

    /** Number of classes of each size index. */
    public int[] countBySize(int sizes) {
        int[] c = new int[sizes];
        for (int s : sizeOfClass) c[s]++;
        return c;
    }
}
