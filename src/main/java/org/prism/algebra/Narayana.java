package org.prism.algebra;

import java.math.BigInteger;
import org.prism.algebra.Rational;

/**
 * Narayana numbers N(k, j) = C(k, j) C(k, j-1) / k and the polynomials built from them: the
 * moments of the Marchenko-Pastur law, int l^k dmu_gamma = sum_{j=1..k} N(k, j) gamma^(j-1) (1
 * for k = 0), and N_k(y) = sum_{j=1..k} N(k, j) y^j (N_0 = 1), the limit of tr(A^k)/(d g^k).
 */
public final class Narayana {
    private Narayana() {}

    static BigInteger binomial(int n, int k) {
        if (k < 0 || k > n) return BigInteger.ZERO;
        BigInteger r = BigInteger.ONE;
        for (int i = 0; i < k; i++) r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        return r;
    }

    /** N(k, j) for k >= 1, 1 <= j <= k (0 outside that range). */
    public static BigInteger number(int k, int j) {
        if (k < 1 || j < 1 || j > k) return BigInteger.ZERO;
        return binomial(k, j).multiply(binomial(k, j - 1)).divide(BigInteger.valueOf(k));
    }

    /** N_k(y) = sum_j N(k, j) y^j, N_0 = 1. */
    public static Rational polynomial(int k, Rational y) {
        if (k == 0) return Rational.ONE;
        Rational sum = Rational.ZERO;
        for (int j = 1; j <= k; j++) sum = sum.add(Rational.of(number(k, j)).multiply(y.pow(j)));
        return sum;
    }

    /** The k-th moment of the Marchenko-Pastur law mu_gamma (the atom at 0 included). */
    public static Rational mpMoment(int k, Rational gamma) {
        if (k == 0) return Rational.ONE;
        Rational sum = Rational.ZERO;
        for (int j = 1; j <= k; j++) sum = sum.add(Rational.of(number(k, j)).multiply(gamma.pow(j - 1)));
        return sum;
    }

    public static double polynomial(int k, double y) {
        if (k == 0) return 1;
        double sum = 0;
        for (int j = 1; j <= k; j++) sum += number(k, j).doubleValue() * Math.pow(y, j);
        return sum;
    }

    public static double mpMoment(int k, double gamma) {
        if (k == 0) return 1;
        double sum = 0;
        for (int j = 1; j <= k; j++) sum += number(k, j).doubleValue() * Math.pow(gamma, j - 1);
        return sum;
    }
}
