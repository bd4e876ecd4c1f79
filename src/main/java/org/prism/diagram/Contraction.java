package org.prism.diagram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.prism.expansion.Alphabet;
import org.prism.graph.UnionFind;
import org.prism.model.RandomMatrix;

/**
 * The index identification performed by one Wick pairing of a cyclic word, computed with a
 * union-find over the $L$ index slots of the word (slot $p$ sits before letter $p$, so letter $p$
 * runs from slot $p$ to slot $p+1 \bmod L$). Pairing the letters $p, q$ identifies the row
 * indices and the column indices of the underlying matrix entries; for data drawn from a covariance
 * ($E[X_{ia}X_{jb}] = C_{ij}\delta_{ab}$) it identifies only the other side, and joins the two classes on
 * the covariance's side by an inserted $C$. $O(L\,\alpha(L))$.
 *
 * <p>Result: {@code classOf[slot]} numbered $0..k-1$ in order of first slot, the size of each
 * class, per letter the (row class, column class) of its untransposed matrix entry, and per pair that
 * inserted a $C$ its two classes and its two positions ({@code {classA, classB, p, q}}).
 */
public record Contraction(int classes, int[] classOfSlot, int[] sizeOfClass, int[] rowClass, int[] colClass, int[][] insertions) {

    public static Contraction of(byte[] letters, int[] partner, Alphabet alphabet) {
        int n = letters.length;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        List<int[]> inserted = new ArrayList<>(); // slots on the covariance's side, and positions
        for (int p = 0; p < n; p++) {
            int q = partner[p];
            if (q <= p) continue; // q == p: a covariance letter, never paired
            RandomMatrix m = alphabet.model().matrices().get(letters[p] >> 1);
            boolean rows = m.rowCovariance();
            if (m.covariance() == null || !rows) UnionFind.union(parent, rowSlot(letters, p, n), rowSlot(letters, q, n));
            if (m.covariance() == null || rows) UnionFind.union(parent, colSlot(letters, p, n), colSlot(letters, q, n));
            if (m.covariance() != null) {
                inserted.add(rows ? new int[] {rowSlot(letters, p, n), rowSlot(letters, q, n), p, q}
                        : new int[] {colSlot(letters, p, n), colSlot(letters, q, n), p, q});
            }
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
        int[][] insertions = new int[inserted.size()][];
        for (int j = 0; j < insertions.length; j++) {
            int[] e = inserted.get(j);
            insertions[j] = new int[] {classOf[e[0]], classOf[e[1]], e[2], e[3]};
        }
        return new Contraction(k, classOf, Arrays.copyOf(sizes, k), row, col, insertions);
    }

    /**
     * The loops of covariance edges (the letters $C$ of the word and the inserted ones; every class meets none or
     * two of them, so they close into loops): per loop the number $k$ of its edges, its value being
     * $\operatorname{tr} C^k = s\,C_k$.
     */
    public List<Integer> covarianceLoopLengths(byte[] letters, Alphabet alphabet) {
        int[] parent = new int[classes];
        for (int i = 0; i < classes; i++) parent[i] = i;
        int[] edges = new int[classes];
        List<int[]> all = new ArrayList<>();
        for (int p = 0; p < letters.length; p++) if (alphabet.isConstant(letters[p])) all.add(new int[] {rowClass[p], colClass[p]});
        for (int[] e : insertions) all.add(new int[] {e[0], e[1]});
        for (int[] e : all) UnionFind.union(parent, e[0], e[1]);
        Map<Integer, Integer> length = new TreeMap<>();
        for (int[] e : all) length.merge(UnionFind.find(parent, e[0]), 1, Integer::sum);
        return List.copyOf(length.values());
    }

    /** Whether class {@code k} lies on a loop of covariance edges (then the loop, not the class, carries the size). */
    public boolean[] onCovarianceLoop(byte[] letters, Alphabet alphabet) {
        boolean[] on = new boolean[classes];
        for (int p = 0; p < letters.length; p++) {
            if (alphabet.isConstant(letters[p])) {
                on[rowClass[p]] = true;
                on[colClass[p]] = true;
            }
        }
        for (int[] e : insertions) {
            on[e[0]] = true;
            on[e[1]] = true;
        }
        return on;
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
