package org.prism.oracle;

import java.util.SplittableRandom;

/**
 * Double-precision Taylor-mode oracle for the weight-tied linear autoencoder under gradient flow
 * on the train loss, for Monte Carlo checks. Depends on nothing in {@code src/main}.
 *
 * <p>Flow: {@code dW/dt = F(W) = 2 W Sigma - W A Sigma - W Sigma A} with {@code A = W^T W},
 * {@code Sigma = X X^T / n}, {@code X} fixed. Writing {@code W(t) = sum_k W_k t^k}, the Taylor
 * coefficients of {@code A} are {@code A_k = sum_{i+j=k} W_i^T W_j}, those of {@code F} are
 * {@code F_k = 2 W_k Sigma - sum_{i+j=k} W_i (A_j Sigma + Sigma A_j)}, and
 * {@code W_{k+1} = F_k / (k+1)}. With {@code B = A - I}: {@code L_pop,k = 1/2 sum_{i+j=k} <B_i,B_j>}
 * and {@code L_tr,k = 1/2 sum_{i+j=k} tr(B_i Sigma B_j)}. The returned derivatives are
 * {@code d^s L/dt^s (0) = s! L_s}. Cost {@code O(S^2 (m d^2 + d^3))} after forming {@code Sigma}.
 */
public final class TaylorModeFlow {

    private TaylorModeFlow() {
    }

    /**
     * Per-order sample means and standard errors of the mean of {@code d^s L/dt^s (0)},
     * {@code s = 0..maxOrder}, for the train and population losses.
     */
    public record MonteCarloEstimate(int samples, double[] trainMean, double[] trainStdErr,
            double[] popMean, double[] popStdErr) {
    }

    /**
     * Derivatives {@code d^s L/dt^s} at {@code t = 0} for {@code s = 0..maxOrder}.
     *
     * @param w {@code m x d}
     * @param x {@code d x n}
     * @return {@code {trainDerivs, popDerivs}}, each of length {@code maxOrder + 1}
     */
    public static double[][] derivatives(double[][] w, double[][] x, int maxOrder) {
        double[][] c = lossTaylorCoefficients(w, x, maxOrder);
        double[][] out = new double[2][maxOrder + 1];
        double fact = 1;
        for (int s = 0; s <= maxOrder; s++) {
            if (s > 0) {
                fact *= s;
            }
            out[0][s] = fact * c[0][s];
            out[1][s] = fact * c[1][s];
        }
        return out;
    }

    /**
     * Taylor coefficients {@code L_k} (not multiplied by {@code k!}) of {@code L_tr(t)} and
     * {@code L_pop(t)}, {@code k = 0..maxOrder}, as {@code {train, pop}}.
     */
    static double[][] lossTaylorCoefficients(double[][] w, double[][] x, int maxOrder) {
        int m = w.length;
        int d = w[0].length;
        int n = x[0].length;
        if (x.length != d) {
            throw new IllegalArgumentException("X must be d x n with d = columns of W");
        }
        if (maxOrder < 0) {
            throw new IllegalArgumentException("maxOrder < 0");
        }
        double[][] sigma = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += x[a][k] * x[b][k];
                }
                sigma[a][b] = s / n;
            }
        }
        int order = maxOrder;
        double[][][] wk = new double[order + 1][][];
        double[][][] ak = new double[order + 1][][];
        double[][][] mk = new double[order + 1][][]; // A_j Sigma + Sigma A_j
        wk[0] = copy(w);
        for (int k = 0; k <= order; k++) {
            double[][] a = new double[d][d];
            for (int i = 0; i <= k; i++) {
                addTransposeTimes(a, wk[i], wk[k - i]);
            }
            ak[k] = a;
            if (k == order) {
                break;
            }
            double[][] as = mul(a, sigma);
            double[][] sa = mul(sigma, a);
            double[][] mm = new double[d][d];
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < d; c++) {
                    mm[r][c] = as[r][c] + sa[r][c];
                }
            }
            mk[k] = mm;
            double[][] f = mul(wk[k], sigma);
            scale(f, 2.0);
            for (int i = 0; i <= k; i++) {
                double[][] t = mul(wk[i], mk[k - i]);
                axpy(f, -1.0, t);
            }
            scale(f, 1.0 / (k + 1));
            wk[k + 1] = f;
        }
        double[][][] bk = new double[order + 1][][];
        double[][][] sbk = new double[order + 1][][];
        for (int k = 0; k <= order; k++) {
            bk[k] = copy(ak[k]);
            if (k == 0) {
                for (int r = 0; r < d; r++) {
                    bk[0][r][r] -= 1.0;
                }
            }
            sbk[k] = mul(sigma, bk[k]);
        }
        double[] tr = new double[order + 1];
        double[] pop = new double[order + 1];
        for (int k = 0; k <= order; k++) {
            double st = 0;
            double sp = 0;
            for (int i = 0; i <= k; i++) {
                double[][] bi = bk[i];
                double[][] bj = bk[k - i];
                double[][] sbj = sbk[k - i];
                for (int r = 0; r < d; r++) {
                    for (int c = 0; c < d; c++) {
                        sp += bi[r][c] * bj[r][c];
                        st += bi[r][c] * sbj[c][r]; // tr(B_i Sigma B_j)
                    }
                }
            }
            tr[k] = 0.5 * st;
            pop[k] = 0.5 * sp;
        }
        return new double[][] {tr, pop};
    }

    /**
     * Monte Carlo estimate of {@code E[d^s L/dt^s (0)]} with {@code W} iid {@code N(0, sigma2)},
     * {@code X} iid {@code N(0,1)}, drawn from a {@link SplittableRandom} seeded with {@code seed}.
     */
    public static MonteCarloEstimate estimate(int d, int m, int n, double sigma2, int maxOrder,
            int samples, long seed) {
        if (samples < 2) {
            throw new IllegalArgumentException("need at least 2 samples");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double sd = Math.sqrt(sigma2);
        int len = maxOrder + 1;
        double[] meanT = new double[len];
        double[] m2T = new double[len];
        double[] meanP = new double[len];
        double[] m2P = new double[len];
        double[][] w = new double[m][d];
        double[][] x = new double[d][n];
        for (int s = 1; s <= samples; s++) {
            for (double[] row : w) {
                for (int j = 0; j < d; j++) {
                    row[j] = sd * rng.nextGaussian();
                }
            }
            for (double[] row : x) {
                for (int j = 0; j < n; j++) {
                    row[j] = rng.nextGaussian();
                }
            }
            double[][] der = derivatives(w, x, maxOrder);
            for (int k = 0; k < len; k++) {
                double dt = der[0][k] - meanT[k];
                meanT[k] += dt / s;
                m2T[k] += dt * (der[0][k] - meanT[k]);
                double dp = der[1][k] - meanP[k];
                meanP[k] += dp / s;
                m2P[k] += dp * (der[1][k] - meanP[k]);
            }
        }
        double[] seT = new double[len];
        double[] seP = new double[len];
        for (int k = 0; k < len; k++) {
            seT[k] = Math.sqrt(m2T[k] / (samples - 1.0) / samples);
            seP[k] = Math.sqrt(m2P[k] / (samples - 1.0) / samples);
        }
        return new MonteCarloEstimate(samples, meanT, seT, meanP, seP);
    }

    // --- small dense helpers -------------------------------------------------------------------

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static double[][] mul(double[][] a, double[][] b) {
        int r = a.length;
        int k = b.length;
        int c = b[0].length;
        double[][] out = new double[r][c];
        for (int i = 0; i < r; i++) {
            for (int l = 0; l < k; l++) {
                double v = a[i][l];
                if (v == 0) {
                    continue;
                }
                for (int j = 0; j < c; j++) {
                    out[i][j] += v * b[l][j];
                }
            }
        }
        return out;
    }

    /** acc += p^T q. */
    private static void addTransposeTimes(double[][] acc, double[][] p, double[][] q) {
        int m = p.length;
        int d = p[0].length;
        for (int i = 0; i < m; i++) {
            for (int a = 0; a < d; a++) {
                double v = p[i][a];
                for (int b = 0; b < d; b++) {
                    acc[a][b] += v * q[i][b];
                }
            }
        }
    }

    private static void scale(double[][] a, double f) {
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= f;
            }
        }
    }

    private static void axpy(double[][] y, double f, double[][] x) {
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y[i].length; j++) {
                y[i][j] += f * x[i][j];
            }
        }
    }
}
