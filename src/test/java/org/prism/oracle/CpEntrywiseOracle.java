package org.prism.oracle;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Exact, brute-force oracle for $c_s = E[D^s L]$ of CP decomposition at tiny sizes, as a
 * polynomial in $\sigma$. Depends on nothing in {@code src/main}.
 *
 * <p>Model: symmetric, $U \in \mathbb{R}^{p\times H}$ and $T = \sum_h u_h^{\otimes\nu}$; or
 * asymmetric, $U_1, \dots, U_\nu \in \mathbb{R}^{p\times H}$ and $T = \sum_h u^{(1)}_h \otimes
 * \dots \otimes u^{(\nu)}_h$; entries iid $N(0, \sigma^2)$. $L = \frac12\|T - I_\nu\|^2$ with
 * $I_\nu$ the diagonal tensor ($1$ at $(i, \dots, i)$). Gradient flow $\dot x = -\nabla L$ on all
 * entries $x$.
 *
 * <p>Method: every entry is a polynomial variable; the $p^\nu$ entries of $T - I$ are written out
 * and $L' = 2L = \sum (T - I)^2$ is expanded. With $D' f = -\sum_k \partial_k f\, \partial_k L'$
 * one has $D = D'/2$, so $D^s L = D'^s L' / 2^{s+1}$ with integer coefficients throughout. The
 * expectation is taken monomial by monomial: $E[\prod_k x_k^{e_k}] = \sigma^{\sum e_k} \prod_k
 * (e_k - 1)!!$ (zero if some $e_k$ is odd). The last derivative is not materialised.
 *
 * <p>Representation: a monomial is one {@code long}, 5 bits per variable (exponents up to 31), so
 * at most 12 variables ($\nu p H \le 12$) and total degree $2\nu + s(2\nu - 2) \le 31$.
 */
public final class CpEntrywiseOracle {
    private static final int BITS = 5;
    private static final long MASK = (1L << BITS) - 1;

    private CpEntrywiseOracle() {
    }

    /** $c_s$ as a map from the power of $\sigma$ to its exact coefficient. */
    public static Map<Integer, BigRational> coefficient(int nu, boolean symmetric, int p, int h, int s) {
        int factors = symmetric ? 1 : nu;
        int vars = factors * p * h;
        if (vars * BITS > 63 || 2 * nu + s * (2 * nu - 2) > 31) {
            throw new IllegalArgumentException("too large for the packed representation");
        }
        Map<Long, BigInteger> loss = new HashMap<>();
        int[] idx = new int[nu];
        for (int flat = 0; flat < pow(p, nu); flat++) {
            int r = flat;
            boolean diagonal = true;
            for (int k = 0; k < nu; k++) {
                idx[k] = r % p;
                r /= p;
                diagonal &= idx[k] == idx[0];
            }
            Map<Long, BigInteger> entry = new HashMap<>();
            for (int c = 0; c < h; c++) {
                long mono = 0;
                for (int k = 0; k < nu; k++) {
                    int v = ((symmetric ? 0 : k) * p + idx[k]) * h + c;
                    mono += 1L << (BITS * v);
                }
                entry.merge(mono, BigInteger.ONE, BigInteger::add);
            }
            if (diagonal) entry.merge(0L, BigInteger.ONE.negate(), BigInteger::add);
            addInto(loss, multiply(entry, entry));
        }
        Map<Long, BigInteger>[] grad = gradient(loss, vars);
        Map<Long, BigInteger> f = loss;
        for (int k = 0; k < s - 1; k++) f = lie(f, grad, vars);
        TreeMap<Integer, BigInteger> byPower = new TreeMap<>();
        if (s == 0) {
            expectInto(f, byPower, vars);
        } else {
            // the last D' term by term, never stored: E[-sum_k d_k f * d_k L']
            lieTerms(f, grad, vars, (m, c) -> expectMonomial(m, c, byPower, vars));
        }
        BigRational scale = BigRational.of(BigInteger.ONE).divide(BigRational.of(BigInteger.TWO.pow(s + 1)));
        Map<Integer, BigRational> out = new TreeMap<>();
        byPower.forEach((k, c) -> {
            if (c.signum() != 0) out.put(k, BigRational.of(c).multiply(scale));
        });
        return out;
    }

    private static int pow(int b, int e) {
        int r = 1;
        for (int i = 0; i < e; i++) r *= b;
        return r;
    }

    private static int exponent(long mono, int v) {
        return (int) ((mono >>> (BITS * v)) & MASK);
    }

    private static Map<Long, BigInteger> multiply(Map<Long, BigInteger> a, Map<Long, BigInteger> b) {
        Map<Long, BigInteger> r = new HashMap<>();
        for (Map.Entry<Long, BigInteger> x : a.entrySet()) {
            for (Map.Entry<Long, BigInteger> y : b.entrySet()) {
                r.merge(x.getKey() + y.getKey(), x.getValue().multiply(y.getValue()), BigInteger::add);
            }
        }
        r.values().removeIf(c -> c.signum() == 0);
        return r;
    }

    private static void addInto(Map<Long, BigInteger> into, Map<Long, BigInteger> a) {
        a.forEach((k, c) -> into.merge(k, c, BigInteger::add));
        into.values().removeIf(c -> c.signum() == 0);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<Long, BigInteger>[] gradient(Map<Long, BigInteger> f, int vars) {
        Map<Long, BigInteger>[] g = new Map[vars];
        for (int v = 0; v < vars; v++) {
            g[v] = new HashMap<>();
            for (Map.Entry<Long, BigInteger> t : f.entrySet()) {
                int e = exponent(t.getKey(), v);
                if (e > 0) g[v].merge(t.getKey() - (1L << (BITS * v)), t.getValue().multiply(BigInteger.valueOf(e)), BigInteger::add);
            }
            g[v].values().removeIf(c -> c.signum() == 0);
        }
        return g;
    }

    /** $D' f = -\sum_k \partial_k f\, \partial_k L'$. */
    private static Map<Long, BigInteger> lie(Map<Long, BigInteger> f, Map<Long, BigInteger>[] grad, int vars) {
        Map<Long, BigInteger> r = new HashMap<>();
        lieTerms(f, grad, vars, (m, c) -> r.merge(m, c, BigInteger::add));
        r.values().removeIf(c -> c.signum() == 0);
        return r;
    }

    /** The terms of $D' f$ one by one, before like terms are merged. */
    private static void lieTerms(Map<Long, BigInteger> f, Map<Long, BigInteger>[] grad, int vars, BiConsumer<Long, BigInteger> sink) {
        for (Map.Entry<Long, BigInteger> t : f.entrySet()) {
            for (int v = 0; v < vars; v++) {
                int e = exponent(t.getKey(), v);
                if (e == 0) continue;
                long dm = t.getKey() - (1L << (BITS * v));
                BigInteger dc = t.getValue().multiply(BigInteger.valueOf(e)).negate();
                for (Map.Entry<Long, BigInteger> g : grad[v].entrySet()) sink.accept(dm + g.getKey(), dc.multiply(g.getValue()));
            }
        }
    }

    private static void expectInto(Map<Long, BigInteger> f, Map<Integer, BigInteger> byPower, int vars) {
        f.forEach((m, c) -> expectMonomial(m, c, byPower, vars));
    }

    /** Adds $c\, E[m]$: $\sigma^{\deg m} \prod (e_k - 1)!!$, or nothing if an exponent is odd. */
    private static void expectMonomial(long m, BigInteger c, Map<Integer, BigInteger> byPower, int vars) {
        long moment = 1;
        int degree = 0;
        for (int v = 0; v < vars; v++) {
            int e = exponent(m, v);
            if ((e & 1) == 1) return;
            // total degree <= 31 bounds the product by 29!! ~ 6.2e15; multiplyExact guards it anyway
            for (int j = e - 1; j > 1; j -= 2) moment = Math.multiplyExact(moment, j);
            degree += e;
        }
        byPower.merge(degree, c.multiply(BigInteger.valueOf(moment)), BigInteger::add);
    }
}
