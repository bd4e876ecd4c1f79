package org.prism.algebra;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The roots of a real monic polynomial $x^m + b_{m-1} x^{m-1} + \dots + b_0$ in double precision: the
 * eigenvalues of its companion matrix (ones below the diagonal, $-b_j$ in the last column). Cost $O(m^3)$.
 */
final class PolynomialRoots {
    private PolynomialRoots() {}

    /** The m roots, with multiplicity, in the eigensolver's order; {@code b} holds $b_0..b_{m-1}$. */
    static Complex[] ofMonic(double[] b) {
        int m = b.length;
        double[][] companion = new double[m][m];
        for (int i = 1; i < m; i++) companion[i][i - 1] = 1;
        for (int j = 0; j < m; j++) companion[j][m - 1] = -b[j];
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(companion));
        double[] re = eig.getRealEigenvalues();
        double[] im = eig.getImagEigenvalues();
        Complex[] roots = new Complex[m];
        for (int i = 0; i < m; i++) roots[i] = new Complex(re[i], im[i]);
        return roots;
    }
}
