package org.prism.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Checks of {@link TaylorModeFlow} that do not use {@link EntrywiseTaylorOracle}. */
class TaylorModeFlowTest {

    private static double[][] gaussian(SplittableRandom r, int rows, int cols, double sd) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = sd * r.nextGaussian();
            }
        }
        return a;
    }

    // --- direct (non-Taylor) evaluation of the model ------------------------------------------

    private static double[][] sigma(double[][] x) {
        int d = x.length;
        int n = x[0].length;
        double[][] s = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                for (int k = 0; k < n; k++) {
                    s[a][b] += x[a][k] * x[b][k] / n;
                }
            }
        }
        return s;
    }

    /** A - I. */
    private static double[][] bMinusI(double[][] w) {
        int m = w.length;
        int d = w[0].length;
        double[][] b = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int c = 0; c < d; c++) {
                for (int i = 0; i < m; i++) {
                    b[a][c] += w[i][a] * w[i][c];
                }
                if (a == c) {
                    b[a][c] -= 1;
                }
            }
        }
        return b;
    }

    /** F = -W ((A-I) Sigma + Sigma (A-I)). */
    private static double[][] flow(double[][] w, double[][] s) {
        int m = w.length;
        int d = w[0].length;
        double[][] b = bMinusI(w);
        double[][] sym = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int c = 0; c < d; c++) {
                for (int k = 0; k < d; k++) {
                    sym[a][c] += b[a][k] * s[k][c] + s[a][k] * b[k][c];
                }
            }
        }
        double[][] f = new double[m][d];
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < d; c++) {
                for (int k = 0; k < d; k++) {
                    f[i][c] -= w[i][k] * sym[k][c];
                }
            }
        }
        return f;
    }

    /** {L_tr, L_pop}; L_tr computed as 1/(2n) ||(A - I) X||_F^2 (not via Sigma). */
    private static double[] losses(double[][] w, double[][] x) {
        int d = x.length;
        int n = x[0].length;
        double[][] b = bMinusI(w);
        double tr = 0;
        for (int a = 0; a < d; a++) {
            for (int k = 0; k < n; k++) {
                double v = 0;
                for (int c = 0; c < d; c++) {
                    v += b[a][c] * x[c][k];
                }
                tr += v * v;
            }
        }
        double pop = 0;
        for (double[] row : b) {
            for (double v : row) {
                pop += v * v;
            }
        }
        return new double[] {tr / (2.0 * n), pop / 2.0};
    }

    private static double[][] step(double[][] w, double h, double[][] k) {
        double[][] o = new double[w.length][w[0].length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[0].length; j++) {
                o[i][j] = w[i][j] + h * k[i][j];
            }
        }
        return o;
    }

    private static double[][] rk4(double[][] w0, double[][] s, double t, int steps) {
        double h = t / steps;
        double[][] w = w0;
        for (int it = 0; it < steps; it++) {
            double[][] k1 = flow(w, s);
            double[][] k2 = flow(step(w, h / 2, k1), s);
            double[][] k3 = flow(step(w, h / 2, k2), s);
            double[][] k4 = flow(step(w, h, k3), s);
            double[][] o = new double[w.length][w[0].length];
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[0].length; j++) {
                    o[i][j] = w[i][j] + h / 6 * (k1[i][j] + 2 * k2[i][j] + 2 * k3[i][j] + k4[i][j]);
                }
            }
            w = o;
        }
        return w;
    }

    // --- tests ----------------------------------------------------------------------------------

    /** Order 0 is the loss; order 1 is -|grad L_tr|^2 (train) and <grad L_pop, F> (pop). */
    @Test
    void ordersZeroAndOneMatchDirectFormulas() {
        SplittableRandom r = new SplittableRandom(11);
        int[][] sizes = {{3, 2, 4}, {2, 1, 1}, {4, 3, 2}, {1, 1, 1}};
        for (int[] sz : sizes) {
            int d = sz[0];
            int m = sz[1];
            int n = sz[2];
            for (int rep = 0; rep < 5; rep++) {
                double[][] w = gaussian(r, m, d, 0.7);
                double[][] x = gaussian(r, d, n, 1.0);
                double[][] der = TaylorModeFlow.derivatives(w, x, 3);
                double[] l = losses(w, x);
                double[][] f = flow(w, sigma(x));
                double[][] b = bMinusI(w);
                double gradSq = 0;
                double popRate = 0;
                for (int i = 0; i < m; i++) {
                    for (int c = 0; c < d; c++) {
                        gradSq += f[i][c] * f[i][c];
                        double gradPop = 0; // (2 W (A - I))_ic
                        for (int k = 0; k < d; k++) {
                            gradPop += 2 * w[i][k] * b[k][c];
                        }
                        popRate += gradPop * f[i][c];
                    }
                }
                assertEquals(l[0], der[0][0], 1e-12 * (1 + Math.abs(l[0])));
                assertEquals(l[1], der[1][0], 1e-12 * (1 + Math.abs(l[1])));
                assertEquals(-gradSq, der[0][1], 1e-11 * (1 + gradSq));
                assertEquals(popRate, der[1][1], 1e-11 * (1 + Math.abs(popRate)));
            }
        }
    }

    /**
     * The full Taylor polynomial (order 20) of L(t) matches an accurate RK4 solution of the flow
     * at t = 0.05, 0.1, 0.2 (well inside the radius of convergence for this draw; RK4 error
     * ~1e-17); and for low orders the truncation error behaves like L_{S+1} t^{S+1}.
     */
    @Test
    void taylorPolynomialMatchesRungeKutta() {
        SplittableRandom r = new SplittableRandom(7);
        int m = 2;
        int d = 3;
        int n = 4;
        double[][] w = gaussian(r, m, d, 0.5);
        double[][] x = gaussian(r, d, n, 1.0);
        double[][] s = sigma(x);
        int big = 20;
        double[][] lk = TaylorModeFlow.lossTaylorCoefficients(w, x, big);
        double[][] der = TaylorModeFlow.derivatives(w, x, big);
        double fact = 1;
        for (int k = 0; k <= big; k++) {
            fact = k == 0 ? 1 : fact * k;
            assertEquals(der[0][k], fact * lk[0][k], 1e-12 * Math.abs(der[0][k]) + 1e-300);
            assertEquals(der[1][k], fact * lk[1][k], 1e-12 * Math.abs(der[1][k]) + 1e-300);
        }
        for (double t : new double[] {0.05, 0.1, 0.2}) {
            double[] exact = losses(rk4(w, s, t, 2000), x);
            for (int loss = 0; loss < 2; loss++) {
                double p = 0;
                for (int k = big; k >= 0; k--) {
                    p = p * t + lk[loss][k];
                }
                assertEquals(exact[loss], p, 1e-12, "t=" + t + " loss=" + loss);
            }
        }
        double t = 0.01;
        double[] exact = losses(rk4(w, s, t, 400), x);
        for (int loss = 0; loss < 2; loss++) {
            for (int order = 0; order <= 3; order++) {
                double p = 0;
                for (int k = 0; k <= order; k++) {
                    p += lk[loss][k] * Math.pow(t, k);
                }
                double resid = exact[loss] - p;
                double lead = lk[loss][order + 1] * Math.pow(t, order + 1);
                double tol = 2 * Math.pow(t, order + 2)
                        * (Math.abs(lk[loss][order + 2]) + Math.abs(lk[loss][order + 3])) + 1e-14;
                assertEquals(lead, resid, tol, "loss=" + loss + " S=" + order);
            }
        }
    }

    /**
     * Monte Carlo at (d, m, n, sigma^2) = (2, 1, 1, 1/2) against the reference values (train
     * 1, -38, 10056; pop 1, -12, 1936), 4 standard errors, orders 0..2.
     *
     * <p>Order 2 is a degree-14 Gaussian polynomial with heavy tails: the sample standard error is
     * itself noisy and typically underestimates, and z-scores are skewed negative. With 10^6
     * samples, over 24 other seeds the worst |z| at order 2 was 3.3 (with 2*10^5 samples one seed
     * in 40 exceeded 4). The seed is fixed, so the test is deterministic; changing the seed or the
     * sampling order may move it by a few tenths of a standard error.
     */
    @Test
    void monteCarloAgreesWithReferenceValues() {
        TaylorModeFlow.MonteCarloEstimate e = TaylorModeFlow.estimate(2, 1, 1, 0.5, 2, 1_000_000, 1L);
        double[] tr = {1, -38, 10056};
        double[] pop = {1, -12, 1936};
        for (int k = 0; k <= 2; k++) {
            double zt = (e.trainMean()[k] - tr[k]) / e.trainStdErr()[k];
            double zp = (e.popMean()[k] - pop[k]) / e.popStdErr()[k];
            assertTrue(Math.abs(zt) < 4, "train order " + k + ": z = " + zt);
            assertTrue(Math.abs(zp) < 4, "pop order " + k + ": z = " + zp);
            // the check must have some power: standard errors well below the effect sizes
            assertTrue(e.trainStdErr()[k] < 0.1 * Math.abs(tr[k]), "train SE order " + k);
            assertTrue(e.popStdErr()[k] < 0.1 * Math.abs(pop[k]), "pop SE order " + k);
        }
        assertEquals(1_000_000, e.samples());
    }

    @Test
    void estimateIsReproducibleForAGivenSeed() {
        TaylorModeFlow.MonteCarloEstimate a = TaylorModeFlow.estimate(3, 2, 2, 0.3, 3, 2000, 99L);
        TaylorModeFlow.MonteCarloEstimate b = TaylorModeFlow.estimate(3, 2, 2, 0.3, 3, 2000, 99L);
        assertArrayEquals(a.trainMean(), b.trainMean());
        assertArrayEquals(a.popStdErr(), b.popStdErr());
        assertEquals(4, a.trainMean().length);
    }
}
