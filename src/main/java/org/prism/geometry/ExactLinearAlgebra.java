package org.prism.geometry;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Fraction-free exact linear algebra over $\mathbb{Z}$ (row reduction, rank, null space).
 *
 * <p>Row reduction works on {@link BigInteger} rows: a row operation is the integer combination
 * $r_i \leftarrow a\, r_i - b\, r_p$ (with $a = r_p[c]$, $b = r_i[c]$), after which the row is
 * divided by the gcd of its entries. No fractions are formed and entries stay small. For an
 * $m \times n$ matrix the cost is $O(m\, n \min(m,n))$ big-integer operations.
 */
final class ExactLinearAlgebra {

    private ExactLinearAlgebra() {
    }

    /**
     * The reduced row echelon form of a rational matrix, each row scaled to a primitive integer
     * row with positive pivot. This form depends only on the row space, so it is canonical.
     *
     * @param rows the non-zero rows, in pivot order
     * @param pivotColumns the pivot column of each row
     * @param columns the number of columns
     */
    record Echelon(List<BigInteger[]> rows, int[] pivotColumns, int columns) {

        int rank() {
            return rows.size();
        }
    }

    static Echelon reducedEchelon(List<BigInteger[]> input, int columns) {
        List<BigInteger[]> rows = new ArrayList<>();
        for (BigInteger[] r : input) {
            if (r.length != columns) {
                throw new IllegalArgumentException("row length " + r.length + " != " + columns);
            }
            rows.add(r.clone());
        }
        List<Integer> pivots = new ArrayList<>();
        int rank = 0;
        for (int c = 0; c < columns && rank < rows.size(); c++) {
            int p = -1;
            for (int i = rank; i < rows.size(); i++) {
                if (rows.get(i)[c].signum() != 0) {
                    p = i;
                    break;
                }
            }
            if (p < 0) {
                continue;
            }
            Collections.swap(rows, rank, p);
            BigInteger[] pivotRow = primitive(rows.get(rank));
            if (pivotRow[c].signum() < 0) {
                pivotRow = negate(pivotRow);
            }
            rows.set(rank, pivotRow);
            BigInteger a = pivotRow[c];
            for (int i = 0; i < rows.size(); i++) {
                BigInteger[] row = rows.get(i);
                if (i == rank || row[c].signum() == 0) {
                    continue;
                }
                BigInteger b = row[c];
                BigInteger[] combined = new BigInteger[columns];
                for (int j = 0; j < columns; j++) {
                    combined[j] = row[j].multiply(a).subtract(pivotRow[j].multiply(b));
                }
                rows.set(i, primitive(combined));
            }
            pivots.add(c);
            rank++;
        }
        List<BigInteger[]> nonZero = new ArrayList<>(rows.subList(0, rank));
        return new Echelon(List.copyOf(nonZero), pivots.stream().mapToInt(Integer::intValue).toArray(), columns);
    }

    static int rank(List<BigInteger[]> rows, int columns) {
        return reducedEchelon(rows, columns).rank();
    }

    /**
     * A basis of $\{x \in \mathbb{Q}^n : A x = 0\}$ made of primitive integer vectors, one per
     * free column of the echelon form (so not canonical; canonicalise with
     * {@link #reducedEchelon} if needed).
     */
    static List<BigInteger[]> nullSpace(Echelon e) {
        int n = e.columns();
        boolean[] isPivot = new boolean[n];
        BigInteger lcm = BigInteger.ONE;
        for (int i = 0; i < e.rank(); i++) {
            isPivot[e.pivotColumns()[i]] = true;
            BigInteger p = e.rows().get(i)[e.pivotColumns()[i]];
            lcm = lcm.divide(lcm.gcd(p)).multiply(p);
        }
        List<BigInteger[]> basis = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            if (isPivot[f]) {
                continue;
            }
            BigInteger[] x = new BigInteger[n];
            java.util.Arrays.fill(x, BigInteger.ZERO);
            x[f] = lcm;
            for (int i = 0; i < e.rank(); i++) {
                BigInteger[] row = e.rows().get(i);
                int pc = e.pivotColumns()[i];
                x[pc] = row[f].negate().multiply(lcm).divide(row[pc]);
            }
            basis.add(primitive(x));
        }
        return basis;
    }

    static List<BigInteger[]> nullSpace(List<BigInteger[]> rows, int columns) {
        return nullSpace(reducedEchelon(rows, columns));
    }

    /** The affine rank of a non-empty point set: the rank of the differences to the first point. */
    static int affineRank(List<IntVector> points) {
        if (points.isEmpty()) {
            return -1;
        }
        IntVector base = points.get(0);
        List<BigInteger[]> diffs = new ArrayList<>();
        for (IntVector p : points) {
            diffs.add(p.minus(base).toBigIntegers());
        }
        return rank(diffs, base.dimension());
    }

    static BigInteger dot(BigInteger[] a, BigInteger[] b) {
        BigInteger s = BigInteger.ZERO;
        for (int i = 0; i < a.length; i++) {
            s = s.add(a[i].multiply(b[i]));
        }
        return s;
    }

    static BigInteger[] primitive(BigInteger[] v) {
        BigInteger g = BigInteger.ZERO;
        for (BigInteger x : v) {
            g = g.gcd(x);
        }
        if (g.signum() == 0 || g.equals(BigInteger.ONE)) {
            return v;
        }
        BigInteger[] r = new BigInteger[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i].divide(g);
        }
        return r;
    }

    static BigInteger[] negate(BigInteger[] v) {
        BigInteger[] r = new BigInteger[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i].negate();
        }
        return r;
    }
}
