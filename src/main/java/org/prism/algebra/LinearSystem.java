package org.prism.algebra;

/**
 * Exact solution of a linear system $M a = b$ over the rationals by Gauss-Jordan elimination,
 * $O(n k \min(n,k))$ rational operations for $n$ equations in $k$ unknowns.
 */
public final class LinearSystem {
    private LinearSystem() {}

    /**
     * The unique solution of the $n \times k$ system given as an augmented matrix
     * {@code rows[i] = (M_{i1}, ..., M_{ik}, b_i)} (not modified), or null if the columns of $M$
     * are dependent or the system is inconsistent.
     */
    public static Rational[] solveUnique(Rational[][] rows) {
        int n = rows.length;
        int k = rows[0].length - 1;
        Rational[][] m = new Rational[n][];
        for (int r = 0; r < n; r++) m[r] = rows[r].clone();
        int row = 0;
        for (int col = 0; col < k; col++) {
            int piv = -1;
            for (int r = row; r < n && piv < 0; r++) if (!m[r][col].isZero()) piv = r;
            if (piv < 0) return null;
            Rational[] t = m[piv];
            m[piv] = m[row];
            m[row] = t;
            for (int r = 0; r < n; r++) {
                if (r == row || m[r][col].isZero()) continue;
                Rational f = m[r][col].divide(m[row][col]);
                for (int j = col; j <= k; j++) m[r][j] = m[r][j].subtract(f.multiply(m[row][j]));
            }
            row++;
        }
        for (int r = row; r < n; r++) if (!m[r][k].isZero()) return null;
        Rational[] a = new Rational[k];
        for (int r = 0; r < k; r++) a[r] = m[r][k].divide(m[r][r]);
        return a;
    }
}
