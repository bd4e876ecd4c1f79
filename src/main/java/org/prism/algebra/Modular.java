package org.prism.algebra;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Arithmetic modulo word-sized primes for exact computation by evaluation: the primes, inverses,
 * interpolation of a polynomial from its values at $x = 1, 2, \dots$, and the lift of residues to the
 * integer they represent (Chinese remainders, Garner's algorithm).
 *
 * <p>All primes are below $2^{31}$: a residue fits an {@code int} and a product of two residues is
 * below $2^{62}$, so products of residues are reduced one by one; a product of a residue with a small
 * integer $w$ may be summed $(2^{63} - p)/(w p)$ times before a reduction ({@link #products}).
 */
public final class Modular {
    /** Every prime used is below this. */
    public static final long PRIME_BOUND = 1L << 31;

    private static final List<Long> PRIMES = new ArrayList<>();

    private Modular() {}

    /** The {@code i}-th largest prime below $2^{31}$ (deterministic trial division). */
    public static synchronized long prime(int i) {
        if (i < 0) throw new IllegalArgumentException("prime index must be >= 0, got " + i);
        long c = PRIMES.isEmpty() ? PRIME_BOUND - 1 : PRIMES.get(PRIMES.size() - 1) - 2;
        while (PRIMES.size() <= i) {
            if (isPrime(c)) PRIMES.add(c);
            c -= 2;
        }
        return PRIMES.get(i);
    }

    private static boolean isPrime(long n) {
        if (n < 2 || n % 2 == 0) return n == 2;
        for (long f = 3; f * f <= n; f += 2) if (n % f == 0) return false;
        return true;
    }

    /** The least number of primes from {@link #prime(int) prime(0)} whose product exceeds $2B$: enough to lift integers in $[-B, B]$. */
    public static int primesFor(BigInteger bound) {
        BigInteger need = bound.abs().shiftLeft(1);
        BigInteger product = BigInteger.ONE;
        int k = 0;
        while (product.compareTo(need) <= 0) product = product.multiply(BigInteger.valueOf(prime(k++)));
        return k;
    }

    /**
     * $x \bmod p$ for $0 \le x < 2^{63} - p$ and $2^{30} < p <$ {@link #PRIME_BOUND}, given {@code inverse}
     * $= 1.0/p$: the quotient from one floating multiply is off by at most one (its relative error is a
     * few $2^{-53}$ and $x/p < 2^{33}$), and one correction fixes it. Several times faster than {@code %}.
     */
    public static long reduce(long x, long p, double inverse) {
        long r = x - (long) (x * inverse) * p;
        if (r < 0) return r + p;
        return r >= p ? r - p : r;
    }

    /**
     * How many products $w \cdot r$ of residues $r < p$ with integers $0 \le w <$ {@code weight} may be
     * added to a reduced value (below $p$) before the sum can pass $2^{63}$; 0 when not even one.
     */
    public static long products(long weight, long p) {
        if (weight <= 0) return Long.MAX_VALUE;
        long room = Long.MAX_VALUE - 2 * p; // reduce's bound
        if (weight > room / p) return 0;
        return room / (weight * p);
    }

    public static long mod(BigInteger x, long p) {
        return x.mod(BigInteger.valueOf(p)).longValue();
    }

    public static long pow(long base, long exponent, long p) {
        long b = Math.floorMod(base, p);
        long r = 1 % p;
        for (long e = exponent; e > 0; e >>= 1) {
            if ((e & 1) == 1) r = r * b % p;
            b = b * b % p;
        }
        return r;
    }

    /** $a^{-1} \bmod p$ for $a \not\equiv 0$. */
    public static long inverse(long a, long p) {
        long r = Math.floorMod(a, p);
        if (r == 0) throw new ArithmeticException("0 has no inverse mod " + p);
        return pow(r, p - 2, p);
    }

    /** $x^e \bmod p$ for any integer $e$ (negative: powers of the inverse). */
    public static long power(long x, int e, long p) {
        return e >= 0 ? pow(x, e, p) : pow(inverse(x, p), -e, p);
    }

    /**
     * The coefficients $a_0..a_{k-1}$ (mod p) of the polynomial of degree below $k$ with
     * $\sum_j a_j x^j = v[\text{from} + x - 1]$ at $x = 1..k$, written back over
     * {@code v[from..from+k)}. Newton's divided differences, then expansion: $O(k^2)$.
     * Needs $k < p$.
     */
    public static void interpolate(long[] v, int from, int k, long p) {
        // divided differences on the nodes 1..k: c_j = f[x_1..x_{j+1}]
        for (int j = 1; j < k; j++) {
            long invJ = inverse(j, p);
            for (int i = k - 1; i >= j; i--) {
                v[from + i] = Math.floorMod(v[from + i] - v[from + i - 1], p) * invJ % p;
            }
        }
        // Horner from the top: P = c_0 + (x - 1)(c_1 + (x - 2)(c_2 + ...))
        long[] poly = new long[k];
        for (int j = k - 1; j >= 0; j--) {
            // poly <- poly * (x - (j + 1)) + c_j
            long node = j + 1;
            for (int d = k - 1; d >= 1; d--) poly[d] = Math.floorMod(poly[d - 1] - node * poly[d] % p, p);
            poly[0] = Math.floorMod(v[from + j] - node * poly[0] % p, p);
        }
        System.arraycopy(poly, 0, v, from, k);
    }

    /**
     * The integer $x$ with $|x| \le \frac12 \prod p_i$ and $x \equiv r_i \pmod{p_i}$ (Garner's
     * mixed-radix form, then the symmetric representative).
     */
    public static BigInteger lift(long[] residues, long[] primes) {
        int k = residues.length;
        long[] mixed = new long[k];
        for (int i = 0; i < k; i++) {
            long p = primes[i];
            // x_i = (r_i - (m_0 + m_1 p_0 + ...)) / (p_0 ... p_{i-1}) mod p_i
            long acc = 0;
            long radix = 1;
            for (int j = 0; j < i; j++) {
                acc = (acc + mixed[j] * radix) % p;
                radix = radix * (primes[j] % p) % p;
            }
            mixed[i] = Math.floorMod(residues[i] - acc, p) * inverse(radix, p) % p;
        }
        BigInteger x = BigInteger.ZERO;
        BigInteger radix = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            x = x.add(radix.multiply(BigInteger.valueOf(mixed[i])));
            radix = radix.multiply(BigInteger.valueOf(primes[i]));
        }
        if (x.shiftLeft(1).compareTo(radix) > 0) x = x.subtract(radix);
        return x;
    }
}
