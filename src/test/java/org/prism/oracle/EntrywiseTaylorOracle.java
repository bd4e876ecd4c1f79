package org.prism.oracle;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * Exact, brute-force oracle for the expected time derivatives of the loss of a weight-tied linear
 * autoencoder under gradient flow, at tiny sizes. Depends on nothing in {@code src/main}.
 *
 * <p>Model: {@code W} is {@code m x d} with iid {@code N(0, sigma^2)} entries, {@code X} is
 * {@code d x n} with iid {@code N(0,1)} entries, {@code Sigma = X X^T / n}, {@code A = W^T W}.
 * {@code L_tr = 1/(2n) ||(A - I) X||_F^2}, {@code L_pop = 1/2 ||A - I||_F^2}. The flow is
 * {@code dW/dt = F(W) = 2 W Sigma - W A Sigma - W Sigma A} (gradient flow on {@code L_tr}, {@code X}
 * fixed). The oracle returns {@code c_s = E[d^s L/dt^s at t = 0]} for {@code s = 0..maxOrder}.
 *
 * <p>Method: every entry {@code w_ij}, {@code x_ab} is a polynomial variable; {@code L} is a
 * polynomial; the Lie derivative {@code D f = sum_ij (df/dw_ij) F_ij} is applied {@code s} times to
 * the polynomial {@code L}, and the expectation of {@code D^s L} is taken monomial by monomial with
 * {@code E[w^(2k)] = (2k-1)!! sigma^(2k)}, {@code E[x^(2k)] = (2k-1)!!}, odd moments zero.
 *
 * <p>Exactness: with {@code Sigma' = X X^T} (no {@code 1/n}) one has {@code F = F'/n}, so
 * {@code D = D'/n} where {@code D'} has integer coefficients; likewise {@code L_tr = L'/(2n)} with
 * {@code L' = ||(A-I)X||_F^2} and {@code L_pop = L'/2} with {@code L' = ||A-I||_F^2}. All polynomials
 * therefore have integer coefficients, held as {@code long} and promoted per monomial to
 * {@link BigInteger} on overflow (checked arithmetic), and the rational factors
 * {@code scale * n^-s * sigma2^k} are applied exactly at the end. The result is exact for any
 * size the machine can hold; there is no rounding anywhere.
 *
 * <p>Representation: a monomial is a single {@code long} with {@code b} bits per variable,
 * {@code b = bitLength(4 + 2*maxOrder)} (the largest possible exponent of any variable in
 * {@code D^s L}, {@code s <= maxOrder}); multiplication of monomials is addition of keys.
 * This needs {@code (m d + d n) * b <= 64}, e.g. up to 16 variables for {@code maxOrder <= 5};
 * larger requests throw {@link IllegalArgumentException}.
 *
 * <p>Cost: the last derivative is never materialized (its expectation is accumulated term by
 * term), so order {@code s} costs {@code |D^(s-1) L| * (m d) * |F'_ij|} monomial operations, where
 * {@code |F'_ij| = O(n d^2 m + n d)} terms and {@code |D^k L|} grows like the number of monomials
 * of w-degree {@code <= 4+2k} in {@code m d} variables times x-degree {@code <= 2+2k} in
 * {@code d n} variables, i.e. roughly {@code k^(md + dn)}: polynomial in the order, exponential in
 * the number of entries. Measured on one core, after JIT warm-up: c_3 at (2,1,1) and (1,1,1),
 * c_2 at (2,2,2), c_6 at (2,1,1) and c_14 at (1,1,1): a few milliseconds each; c_3 at (2,2,2)
 * ~20 ms, c_4 ~0.13 s, c_5 ~0.6 s; c_3 at (3,2,2) ~0.2 s, c_4 ~2 s (memory grows with the
 * materialized {@code D^(s-1) L}).
 */
public final class EntrywiseTaylorOracle {

    private EntrywiseTaylorOracle() {
    }

    /**
     * Exact {@code c_s = E[d^s L/dt^s (0)]}, {@code s = 0..maxOrder}, for {@code L = L_tr} if
     * {@code train}, else {@code L = L_pop} (both along the flow of {@code L_tr}).
     */
    public static BigRational[] coefficients(int d, int m, int n, BigRational sigma2, int maxOrder,
            boolean train) {
        return coefficients(d, m, n, sigma2, maxOrder, train, null);
    }

    /**
     * As above for data with covariance {@code C = R R^T}: {@code X = R Z} with {@code Z} iid
     * {@code N(0,1)} ({@code R} a d x d integer matrix; null for the identity), and {@code L_pop =
     * 1/2 tr((A-I) C (A-I)) = 1/2 ||(A-I) R||_F^2}. The expectation is still over iid Gaussian
     * variables (the entries of Z), so nothing about covariances enters the method.
     */
    public static BigRational[] coefficients(int d, int m, int n, BigRational sigma2, int maxOrder,
            boolean train, long[][] root) {
        BigRational[][] poly = sigma2Polynomials(d, m, n, maxOrder, train, root);
        BigRational[] out = new BigRational[maxOrder + 1];
        for (int s = 0; s <= maxOrder; s++) {
            BigRational acc = BigRational.ZERO;
            BigRational pw = BigRational.ONE;
            for (int k = 0; k < poly[s].length; k++) {
                acc = acc.add(poly[s][k].multiply(pw));
                pw = pw.multiply(sigma2);
            }
            out[s] = acc;
        }
        return out;
    }

    /**
     * The same coefficients as exact polynomials in {@code sigma^2}: {@code c_s = sum_k
     * result[s][k] * sigma2^k}.
     */
    public static BigRational[][] sigma2Polynomials(int d, int m, int n, int maxOrder,
            boolean train) {
        return sigma2Polynomials(d, m, n, maxOrder, train, null);
    }

    private static BigRational[][] sigma2Polynomials(int d, int m, int n, int maxOrder,
            boolean train, long[][] root) {
        Setup su = new Setup(d, m, n, maxOrder, train, root);
        BigRational base = train ? BigRational.of(1, 2L * n) : BigRational.of(1, 2);
        BigRational[][] out = new BigRational[maxOrder + 1][];
        Poly g = su.loss;
        for (int s = 0; s <= maxOrder; s++) {
            Accumulators acc = new Accumulators(su.maxWHalfDegree + 1);
            if (s == 0) {
                su.expectation(g, acc);
            } else if (s < maxOrder) {
                g = su.lie(g);
                su.expectation(g, acc);
            } else {
                su.lieExpectation(g, acc);
            }
            BigRational scale = base.multiply(BigRational.of(n).pow(-s));
            BigInteger[] sums = acc.result();
            int top = sums.length;
            while (top > 1 && sums[top - 1].signum() == 0) {
                top--;
            }
            out[s] = new BigRational[top];
            for (int k = 0; k < top; k++) {
                out[s][k] = BigRational.of(sums[k]).multiply(scale);
            }
        }
        return out;
    }

    /**
     * Pointwise values {@code d^s L/dt^s (0)} at concrete {@code W} ({@code m x d}) and {@code X}
     * ({@code d x n}), obtained by evaluating the exact polynomials {@code D^s L} in double
     * precision. For cross-checking a numerical flow at single points (no expectation).
     */
    public static double[] derivativesAt(double[][] w, double[][] x, int maxOrder, boolean train) {
        int m = w.length;
        int d = w[0].length;
        int n = x[0].length;
        if (x.length != d) {
            throw new IllegalArgumentException("X must be d x n");
        }
        Setup su = new Setup(d, m, n, maxOrder, train, null);
        double[] vals = new double[su.nVars];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                vals[su.wVar(i, j)] = w[i][j];
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < n; b++) {
                vals[su.xVar(a, b)] = x[a][b];
            }
        }
        double[] out = new double[maxOrder + 1];
        double base = train ? 1.0 / (2.0 * n) : 0.5;
        Poly g = su.loss;
        for (int s = 0; s <= maxOrder; s++) {
            if (s > 0) {
                g = su.lie(g);
            }
            out[s] = base * Math.pow(n, -s) * su.evaluate(g, vals);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------
    // Problem setup: variables, loss polynomial, flow polynomials, Lie derivative, expectation.

    private static final class Setup {
        final int d;
        final int m;
        final int n;
        final int nW;
        final int nVars;
        final int bits;
        final long fieldMask;
        final long oddMask;
        final int maxWHalfDegree;
        final Poly loss;
        /** Terms of F'_v for each w variable v: keys, integer coefficients, w-degrees. */
        final long[][] fKeys;
        final long[][] fCoefs;
        final int[][] fWDeg;
        final long[] doubleFactorial;

        Setup(int d, int m, int n, int maxOrder, boolean train, long[][] root) {
            if (d < 1 || m < 1 || n < 1 || maxOrder < 0) {
                throw new IllegalArgumentException("sizes must be positive, order >= 0");
            }
            this.d = d;
            this.m = m;
            this.n = n;
            this.nW = m * d;
            this.nVars = nW + d * n;
            int maxExp = 4 + 2 * maxOrder; // w-degree of D^s L <= 4+2s, x-degree <= 2+2s
            this.bits = 64 - Long.numberOfLeadingZeros(maxExp);
            if ((long) nVars * bits > 64) {
                throw new IllegalArgumentException("too many variables for packed exponents: "
                        + nVars + " variables x " + bits + " bits > 64");
            }
            this.fieldMask = (1L << bits) - 1;
            long odd = 0;
            for (int v = 0; v < nVars; v++) {
                odd |= 1L << (v * bits);
            }
            this.oddMask = odd;
            this.maxWHalfDegree = (4 + 2 * maxOrder) / 2;
            this.doubleFactorial = new long[maxExp + 2];
            doubleFactorial[0] = 1;
            doubleFactorial[1] = 1;
            for (int e = 2; e < doubleFactorial.length; e++) {
                doubleFactorial[e] = e * doubleFactorial[e - 2];
            }

            Poly[][] wp = new Poly[m][d];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < d; j++) {
                    wp[i][j] = Poly.monomial(unit(wVar(i, j)), 1);
                }
            }
            Poly[][] xp = new Poly[d][n]; // X = R Z, the variables being Z's entries
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < n; b++) {
                    if (root == null) {
                        xp[a][b] = Poly.monomial(unit(xVar(a, b)), 1);
                        continue;
                    }
                    Poly e = new Poly(4);
                    for (int c = 0; c < d; c++) {
                        if (root[a][c] != 0) e.addAll(Poly.monomial(unit(xVar(c, b)), 1), root[a][c]);
                    }
                    xp[a][b] = e.compact();
                }
            }
            Poly[][] a = mul(transpose(wp), wp); // d x d
            Poly[][] bmat = new Poly[d][d]; // A - I
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < d; c++) {
                    bmat[r][c] = r == c ? Poly.add(a[r][c], Poly.monomial(0L, -1)) : a[r][c];
                }
            }
            Poly l = new Poly(16);
            if (train) {
                Poly[][] bx = mul(bmat, xp); // d x n
                for (Poly[] row : bx) {
                    for (Poly e : row) {
                        l.addAll(Poly.mul(e, e), 1);
                    }
                }
            } else {
                for (Poly[] row : root == null ? bmat : mul(bmat, constant(root))) {
                    for (Poly e : row) {
                        l.addAll(Poly.mul(e, e), 1);
                    }
                }
            }
            this.loss = l.compact();

            Poly[][] sig = mul(xp, transpose(xp)); // Sigma' = X X^T (d x d)
            Poly[][] ws = mul(wp, sig); // W Sigma'
            Poly[][] was = mul(wp, mul(a, sig)); // W A Sigma'
            Poly[][] wsa = mul(ws, a); // W Sigma' A
            fKeys = new long[nW][];
            fCoefs = new long[nW][];
            fWDeg = new int[nW][];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < d; j++) {
                    Poly f = new Poly(16);
                    f.addAll(ws[i][j], 2);
                    f.addAll(was[i][j], -1);
                    f.addAll(wsa[i][j], -1);
                    f = f.compact();
                    int v = wVar(i, j);
                    int cnt = f.nonZeroCount();
                    fKeys[v] = new long[cnt];
                    fCoefs[v] = new long[cnt];
                    fWDeg[v] = new int[cnt];
                    int t = 0;
                    for (int slot = 0; slot < f.capacity(); slot++) {
                        if (!f.occupied(slot) || f.isZero(slot)) {
                            continue;
                        }
                        if (f.isBig(slot)) {
                            throw new IllegalStateException("unexpected huge flow coefficient");
                        }
                        fKeys[v][t] = f.key(slot);
                        fCoefs[v][t] = f.value(slot);
                        fWDeg[v][t] = wDegree(f.key(slot));
                        t++;
                    }
                }
            }
        }

        static Poly[][] constant(long[][] r) {
            Poly[][] out = new Poly[r.length][r[0].length];
            for (int i = 0; i < r.length; i++) {
                for (int j = 0; j < r[0].length; j++) {
                    out[i][j] = new Poly(1);
                    if (r[i][j] != 0) out[i][j].addAll(Poly.monomial(0L, 1), r[i][j]);
                }
            }
            return out;
        }

        int wVar(int i, int j) {
            return i * d + j;
        }

        int xVar(int a, int b) {
            return nW + a * n + b;
        }

        long unit(int v) {
            return 1L << (v * bits);
        }

        int exponent(long key, int v) {
            return (int) ((key >>> (v * bits)) & fieldMask);
        }

        int wDegree(long key) {
            int s = 0;
            for (int v = 0; v < nW; v++) {
                s += exponent(key, v);
            }
            return s;
        }

        /** E over all variables, without the sigma powers: prod (e_v - 1)!!; 0 if any e_v odd. */
        /** As {@link #momentWeight(long)} but {@code -1} if it does not fit in a long. */
        long momentWeightLong(long key) {
            long w = 1;
            for (int v = 0; v < nVars; v++) {
                int e = exponent(key, v);
                if (e > 2) {
                    long f = doubleFactorial[e - 1];
                    long p = w * f;
                    if (Math.multiplyHigh(w, f) != (p >> 63)) {
                        return -1;
                    }
                    w = p;
                }
            }
            return w;
        }

        BigInteger momentWeight(long key) {
            long w = 1;
            BigInteger spill = null;
            for (int v = 0; v < nVars; v++) {
                int e = exponent(key, v);
                if (e > 2) {
                    long f = doubleFactorial[e - 1];
                    long p = w * f;
                    if (Math.multiplyHigh(w, f) != (p >> 63)) {
                        spill = (spill == null ? BigInteger.ONE : spill).multiply(BigInteger.valueOf(w));
                        w = f;
                    } else {
                        w = p;
                    }
                }
            }
            return spill == null ? BigInteger.valueOf(w) : spill.multiply(BigInteger.valueOf(w));
        }

        /** D' g (without the 1/n), materialized. */
        Poly lie(Poly g) {
            Poly out = new Poly(Math.max(16, g.nonZeroCount() * 8));
            for (int slot = 0; slot < g.capacity(); slot++) {
                if (!g.occupied(slot) || g.isZero(slot)) {
                    continue;
                }
                long key = g.key(slot);
                for (int v = 0; v < nW; v++) {
                    int e = exponent(key, v);
                    if (e == 0) {
                        continue;
                    }
                    long base = key - unit(v);
                    long[] tk = fKeys[v];
                    long[] tc = fCoefs[v];
                    for (int t = 0; t < tk.length; t++) {
                        out.addScaledFrom(base + tk[t], g, slot, e * tc[t]);
                    }
                }
            }
            return out.compact();
        }

        /** Adds E[g] (without sigma powers) into acc, by half w-degree. */
        void expectation(Poly g, Accumulators acc) {
            for (int slot = 0; slot < g.capacity(); slot++) {
                if (!g.occupied(slot) || g.isZero(slot)) {
                    continue;
                }
                long key = g.key(slot);
                if ((key & oddMask) != 0) {
                    continue;
                }
                int h = wDegree(key) / 2;
                long wgt = momentWeightLong(key);
                if (g.isBig(slot) || wgt < 0) {
                    acc.addBig(h, g.bigValue(slot).multiply(momentWeight(key)));
                } else {
                    acc.addProduct(h, g.value(slot), wgt);
                }
            }
        }

        /** Adds E[D' g] into acc without materializing D' g. */
        void lieExpectation(Poly g, Accumulators acc) {
            for (int slot = 0; slot < g.capacity(); slot++) {
                if (!g.occupied(slot) || g.isZero(slot)) {
                    continue;
                }
                long key = g.key(slot);
                int wdeg = wDegree(key);
                boolean big = g.isBig(slot);
                long c = big ? 0 : g.value(slot);
                for (int v = 0; v < nW; v++) {
                    int e = exponent(key, v);
                    if (e == 0) {
                        continue;
                    }
                    long base = key - unit(v);
                    long[] tk = fKeys[v];
                    long[] tc = fCoefs[v];
                    int[] td = fWDeg[v];
                    for (int t = 0; t < tk.length; t++) {
                        long nk = base + tk[t];
                        if ((nk & oddMask) != 0) {
                            continue;
                        }
                        int h = (wdeg - 1 + td[t]) / 2;
                        long et = e * tc[t];
                        long wgt = momentWeightLong(nk);
                        long f = et * wgt;
                        boolean fits = wgt >= 0 && Math.multiplyHigh(et, wgt) == (f >> 63);
                        if (big || !fits) {
                            acc.addBig(h, g.bigValue(slot).multiply(momentWeight(nk))
                                    .multiply(BigInteger.valueOf(et)));
                        } else {
                            acc.addProduct(h, c, f);
                        }
                    }
                }
            }
        }

        double evaluate(Poly g, double[] vals) {
            double sum = 0;
            for (int slot = 0; slot < g.capacity(); slot++) {
                if (!g.occupied(slot) || g.isZero(slot)) {
                    continue;
                }
                long key = g.key(slot);
                double term = g.isBig(slot) ? g.big(slot).doubleValue() : g.value(slot);
                for (int v = 0; v < nVars; v++) {
                    int e = exponent(key, v);
                    for (int k = 0; k < e; k++) {
                        term *= vals[v];
                    }
                }
                sum += term;
            }
            return sum;
        }

        private static Poly[][] transpose(Poly[][] p) {
            Poly[][] t = new Poly[p[0].length][p.length];
            for (int i = 0; i < p.length; i++) {
                for (int j = 0; j < p[0].length; j++) {
                    t[j][i] = p[i][j];
                }
            }
            return t;
        }

        private static Poly[][] mul(Poly[][] p, Poly[][] q) {
            int r = p.length;
            int k = q.length;
            int c = q[0].length;
            Poly[][] out = new Poly[r][c];
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    Poly s = new Poly(16);
                    for (int l = 0; l < k; l++) {
                        s.addAll(Poly.mul(p[i][l], q[l][j]), 1);
                    }
                    out[i][j] = s.compact();
                }
            }
            return out;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Exact accumulators (long with BigInteger spill), indexed by half w-degree.

    private static final class Accumulators {
        private final long[] lo;
        private final BigInteger[] hi;

        Accumulators(int size) {
            lo = new long[size];
            hi = new BigInteger[size];
            java.util.Arrays.fill(hi, BigInteger.ZERO);
        }

        void addProduct(int h, long a, long b) {
            long p = a * b;
            if (Math.multiplyHigh(a, b) != (p >> 63)) {
                addBig(h, BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)));
                return;
            }
            long old = lo[h];
            long r = old + p;
            if (((old ^ r) & (p ^ r)) < 0) {
                hi[h] = hi[h].add(BigInteger.valueOf(old));
                lo[h] = p;
            } else {
                lo[h] = r;
            }
        }

        void addBig(int h, BigInteger v) {
            hi[h] = hi[h].add(v);
        }

        BigInteger[] result() {
            BigInteger[] out = new BigInteger[lo.length];
            for (int h = 0; h < lo.length; h++) {
                out[h] = hi[h].add(BigInteger.valueOf(lo[h]));
            }
            return out;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Sparse polynomial: open addressing, packed-exponent long keys, long coefficients with a
    // per-monomial BigInteger spill map on overflow.

    static final class Poly {
        private static final long BIG = Long.MIN_VALUE;
        private long[] keys;
        private long[] vals;
        private boolean[] used;
        private int size;
        private Map<Long, BigInteger> big;

        Poly(int expected) {
            int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) * 2;
            keys = new long[cap];
            vals = new long[cap];
            used = new boolean[cap];
        }

        static Poly monomial(long key, long coef) {
            Poly p = new Poly(1);
            p.add(key, coef);
            return p;
        }

        static Poly add(Poly a, Poly b) {
            Poly out = new Poly(a.size + b.size);
            out.addAll(a, 1);
            out.addAll(b, 1);
            return out.compact();
        }

        static Poly mul(Poly a, Poly b) {
            Poly out = new Poly(a.size * b.size);
            for (int i = 0; i < a.keys.length; i++) {
                if (!a.used[i] || a.isZero(i)) {
                    continue;
                }
                for (int j = 0; j < b.keys.length; j++) {
                    if (!b.used[j] || b.isZero(j)) {
                        continue;
                    }
                    out.addBig(a.keys[i] + b.keys[j], a.bigValue(i).multiply(b.bigValue(j)));
                }
            }
            return out.compact();
        }

        int capacity() {
            return keys.length;
        }

        boolean occupied(int slot) {
            return used[slot];
        }

        long key(int slot) {
            return keys[slot];
        }

        boolean isBig(int slot) {
            return vals[slot] == BIG;
        }

        long value(int slot) {
            return vals[slot];
        }

        BigInteger big(int slot) {
            return big.get(keys[slot]);
        }

        BigInteger bigValue(int slot) {
            return isBig(slot) ? big(slot) : BigInteger.valueOf(vals[slot]);
        }

        boolean isZero(int slot) {
            return vals[slot] == 0;
        }

        int nonZeroCount() {
            int c = 0;
            for (int i = 0; i < keys.length; i++) {
                if (used[i] && vals[i] != 0) {
                    c++;
                }
            }
            return c;
        }

        private static int hash(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 29) ^ (h >>> 41));
        }

        private int slotFor(long key) {
            int mask = keys.length - 1;
            int i = hash(key) & mask;
            while (used[i] && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (!used[i]) {
                if ((size + 1) * 2 > keys.length) {
                    grow();
                    return slotFor(key);
                }
                used[i] = true;
                keys[i] = key;
                vals[i] = 0;
                size++;
            }
            return i;
        }

        private void grow() {
            long[] ok = keys;
            long[] ov = vals;
            boolean[] ou = used;
            keys = new long[ok.length * 2];
            vals = new long[ok.length * 2];
            used = new boolean[ok.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < ok.length; j++) {
                if (!ou[j]) {
                    continue;
                }
                int i = hash(ok[j]) & mask;
                while (used[i]) {
                    i = (i + 1) & mask;
                }
                used[i] = true;
                keys[i] = ok[j];
                vals[i] = ov[j];
            }
        }

        void add(long key, long c) {
            if (c == 0) {
                return;
            }
            if (c == BIG) {
                addBig(key, BigInteger.valueOf(c));
                return;
            }
            int i = slotFor(key);
            long old = vals[i];
            if (old == BIG) {
                setBig(i, big.get(key).add(BigInteger.valueOf(c)));
                return;
            }
            long r = old + c;
            if (((old ^ r) & (c ^ r)) < 0 || r == BIG) {
                setBig(i, BigInteger.valueOf(old).add(BigInteger.valueOf(c)));
            } else {
                vals[i] = r;
            }
        }

        void addBig(long key, BigInteger c) {
            if (c.bitLength() < 63) {
                add(key, c.longValue());
                return;
            }
            int i = slotFor(key);
            setBig(i, bigValue(i).add(c));
        }

        private void setBig(int i, BigInteger v) {
            if (v.bitLength() < 63) {
                if (vals[i] == BIG) {
                    big.remove(keys[i]);
                }
                vals[i] = v.longValue();
                return;
            }
            if (big == null) {
                big = new HashMap<>();
            }
            big.put(keys[i], v);
            vals[i] = BIG;
        }

        /** this += src[slot] * f, placed at key. */
        void addScaledFrom(long key, Poly src, int slot, long f) {
            long c = src.vals[slot];
            if (c == BIG) {
                addBig(key, src.big(slot).multiply(BigInteger.valueOf(f)));
                return;
            }
            long p = c * f;
            if (Math.multiplyHigh(c, f) != (p >> 63) || p == BIG) {
                addBig(key, BigInteger.valueOf(c).multiply(BigInteger.valueOf(f)));
            } else {
                add(key, p);
            }
        }

        /** this += f * other. */
        void addAll(Poly other, long f) {
            for (int i = 0; i < other.keys.length; i++) {
                if (other.used[i] && other.vals[i] != 0) {
                    addScaledFrom(other.keys[i], other, i, f);
                }
            }
        }

        /** A copy without zero coefficients, sized to its content. */
        Poly compact() {
            Poly out = new Poly(nonZeroCount());
            for (int i = 0; i < keys.length; i++) {
                if (used[i] && vals[i] != 0) {
                    out.addScaledFrom(keys[i], this, i, 1);
                }
            }
            return out;
        }
    }
}
