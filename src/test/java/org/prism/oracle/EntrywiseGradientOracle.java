package org.prism.oracle;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact $c_s = E[D^s L]$ for losses of linear networks under gradient flow, $D f = \sum_\theta
 * \partial_\theta f \cdot (-\partial_\theta L_{flow})$ over the trained entries $\theta$, by brute
 * force over the matrix entries at tiny sizes: every entry is a polynomial variable, losses are
 * polynomials built by matrix arithmetic, $D$ takes partial derivatives, and expectations are
 * taken monomial by monomial with
 * $E[x^{2k}] = (2k-1)!!\,v^k$ for an entry of variance $v$ (odd moments vanish). Depends on nothing
 * in {@code src/main}: no words, no traces, no Wick recursion.
 *
 * <p>Cost: polynomial products are quadratic in the number of monomials; meant for at most ~16
 * entries and $s \le 2$ (about a second at 12 entries).
 */
public final class EntrywiseGradientOracle {
    private static final int MAX_VARIABLES = 32;

    private final List<BigRational> variance = new ArrayList<>();
    private final List<Boolean> trained = new ArrayList<>();

    /** A matrix of new variables, each with iid centred Gaussian law of the given variance. */
    public Matrix matrix(int rows, int cols, BigRational var, boolean isTrained) {
        Poly[][] a = new Poly[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int v = variance.size();
                if (v == MAX_VARIABLES) throw new IllegalArgumentException("at most " + MAX_VARIABLES + " entries");
                variance.add(var);
                trained.add(isTrained);
                int[] e = new int[MAX_VARIABLES];
                e[v] = 1;
                a[r][c] = Poly.monomial(e, BigRational.ONE);
            }
        }
        return new Matrix(a);
    }

    public static Matrix identity(int d) {
        Poly[][] a = new Poly[d][d];
        for (int r = 0; r < d; r++) for (int c = 0; c < d; c++) a[r][c] = r == c ? Poly.constant(BigRational.ONE) : Poly.ZERO;
        return new Matrix(a);
    }

    /** $E[L]$. */
    public BigRational expectation(Poly p) {
        BigRational sum = BigRational.ZERO;
        for (Map.Entry<Key, BigRational> t : p.terms.entrySet()) {
            BigRational m = t.getValue();
            int[] e = t.getKey().e;
            for (int v = 0; v < variance.size() && m.signum() != 0; v++) {
                if (e[v] % 2 == 1) m = BigRational.ZERO;
                else if (e[v] > 0) m = m.multiply(BigRational.of(doubleFactorial(e[v] - 1))).multiply(variance.get(v).pow(e[v] / 2));
            }
            sum = sum.add(m);
        }
        return sum;
    }

    /** $D f = \sum_\theta \partial_\theta f \cdot (-\partial_\theta L_{flow})$ over the trained entries $\theta$: $\dot f$ along the flow. */
    public Poly timeDerivative(Poly f, Poly flowLoss) {
        Poly sum = Poly.ZERO;
        for (int v = 0; v < variance.size(); v++) {
            if (trained.get(v)) sum = sum.subtract(f.derivative(v).multiply(flowLoss.derivative(v)));
        }
        return sum;
    }

    private static BigInteger doubleFactorial(int k) {
        BigInteger r = BigInteger.ONE;
        for (int i = k; i > 1; i -= 2) r = r.multiply(BigInteger.valueOf(i));
        return r;
    }

    private record Key(int[] e) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(e, k.e);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(e);
        }
    }

    /** A polynomial in the entries with exact rational coefficients. */
    public static final class Poly {
        static final Poly ZERO = new Poly(new HashMap<>());

        private final Map<Key, BigRational> terms;

        private Poly(Map<Key, BigRational> terms) {
            this.terms = terms;
        }

        static Poly monomial(int[] e, BigRational c) {
            Map<Key, BigRational> t = new HashMap<>();
            t.put(new Key(e), c);
            return new Poly(t);
        }

        static Poly constant(BigRational c) {
            return monomial(new int[MAX_VARIABLES], c);
        }

        public Poly add(Poly o) {
            Map<Key, BigRational> t = new HashMap<>(terms);
            o.terms.forEach((k, c) -> t.merge(k, c, BigRational::add));
            t.values().removeIf(c -> c.signum() == 0);
            return new Poly(t);
        }

        public Poly subtract(Poly o) {
            return add(o.scale(BigRational.of(-1)));
        }

        public Poly scale(BigRational s) {
            Map<Key, BigRational> t = new HashMap<>();
            if (s.signum() != 0) terms.forEach((k, c) -> t.put(k, c.multiply(s)));
            return new Poly(t);
        }

        public Poly multiply(Poly o) {
            Map<Key, BigRational> t = new HashMap<>();
            for (Map.Entry<Key, BigRational> a : terms.entrySet()) {
                for (Map.Entry<Key, BigRational> b : o.terms.entrySet()) {
                    int[] e = a.getKey().e.clone();
                    for (int i = 0; i < e.length; i++) e[i] += b.getKey().e[i];
                    t.merge(new Key(e), a.getValue().multiply(b.getValue()), BigRational::add);
                }
            }
            t.values().removeIf(c -> c.signum() == 0);
            return new Poly(t);
        }

        Poly derivative(int v) {
            Map<Key, BigRational> t = new HashMap<>();
            terms.forEach((k, c) -> {
                if (k.e[v] > 0) {
                    int[] e = k.e.clone();
                    e[v]--;
                    t.merge(new Key(e), c.multiply(BigRational.of(k.e[v])), BigRational::add);
                }
            });
            return new Poly(t);
        }
    }

    /** A matrix of polynomials. */
    public record Matrix(Poly[][] a) {
        public Matrix times(Matrix o) {
            Poly[][] c = new Poly[a.length][o.a[0].length];
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < o.a[0].length; j++) {
                    Poly s = Poly.ZERO;
                    for (int k = 0; k < o.a.length; k++) s = s.add(a[i][k].multiply(o.a[k][j]));
                    c[i][j] = s;
                }
            }
            return new Matrix(c);
        }

        public Matrix minus(Matrix o) {
            Poly[][] c = new Poly[a.length][a[0].length];
            for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) c[i][j] = a[i][j].subtract(o.a[i][j]);
            return new Matrix(c);
        }

        public Matrix transpose() {
            Poly[][] c = new Poly[a[0].length][a.length];
            for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) c[j][i] = a[i][j];
            return new Matrix(c);
        }

        /** $\|A\|_F^2$. */
        public Poly frobeniusSquared() {
            Poly s = Poly.ZERO;
            for (Poly[] row : a) for (Poly x : row) s = s.add(x.multiply(x));
            return s;
        }
    }
}
