package org.prism.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Pointwise agreement of the two independent oracles: the exact polynomials D^s L of
 * {@link EntrywiseTaylorOracle} evaluated at concrete (W, X) against the Taylor-mode recursion of
 * {@link TaylorModeFlow}. The two share no code.
 */
class OracleCrossCheckTest {

    @Test
    void exactPolynomialsAgreeWithTaylorModeAtRandomPoints() {
        SplittableRandom r = new SplittableRandom(2024);
        int[][] cases = {{2, 2, 2, 4}, {3, 2, 1, 3}, {2, 1, 3, 5}, {1, 1, 1, 8}};
        for (int[] c : cases) {
            int d = c[0];
            int m = c[1];
            int n = c[2];
            int order = c[3];
            for (int rep = 0; rep < 3; rep++) {
                double[][] w = new double[m][d];
                double[][] x = new double[d][n];
                for (double[] row : w) {
                    for (int j = 0; j < d; j++) {
                        row[j] = 0.6 * r.nextGaussian();
                    }
                }
                for (double[] row : x) {
                    for (int j = 0; j < n; j++) {
                        row[j] = r.nextGaussian();
                    }
                }
                double[][] tm = TaylorModeFlow.derivatives(w, x, order);
                double[] exTr = EntrywiseTaylorOracle.derivativesAt(w, x, order, true);
                double[] exPop = EntrywiseTaylorOracle.derivativesAt(w, x, order, false);
                for (int s = 0; s <= order; s++) {
                    String where = "d,m,n=" + d + "," + m + "," + n + " s=" + s;
                    assertEquals(exTr[s], tm[0][s], 1e-9 * (1 + Math.abs(exTr[s])), where);
                    assertEquals(exPop[s], tm[1][s], 1e-9 * (1 + Math.abs(exPop[s])), where);
                }
            }
        }
    }
}
