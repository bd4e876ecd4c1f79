package org.prism.algebra;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * An immutable polynomial with integer coefficients over packed exponent keys
 * ({@link ExponentPacking}): the value type of the Wick recursion's memo.
 *
 * <p>Terms are sorted by key, zero coefficients dropped. Coefficients are longs while they fit
 * (every operation is overflow-checked) and BigIntegers otherwise; the representation is chosen
 * at creation, so callers never see the difference.
 */
public final class IntegerPolynomial {
    public static final IntegerPolynomial ZERO = new IntegerPolynomial(new long[0], new long[0], null);
    public static final IntegerPolynomial ONE = new IntegerPolynomial(new long[] {0L}, new long[] {1L}, null);

    private final long[] keys;
    private final long[] coefficients;
    private final BigInteger[] big; // non-null iff some coefficient does not fit in a long

    private IntegerPolynomial(long[] keys, long[] coefficients, BigInteger[] big) {
        this.keys = keys;
        this.coefficients = coefficients;
        this.big = big;
    }

    public int size() {
        return keys.length;
    }

    public long key(int i) {
        return keys[i];
    }

    public BigInteger coefficient(int i) {
        return big != null ? big[i] : BigInteger.valueOf(coefficients[i]);
    }

    public boolean isZero() {
        return keys.length == 0;
    }

    /** The polynomial over named symbols with these coefficients times {@code scale}. */
    public Polynomial toPolynomial(ExponentPacking packing, Rational scale) {
        TreeMap<Monomial, Rational> t = new TreeMap<>();
        for (int i = 0; i < keys.length; i++) {
            t.put(packing.monomial(keys[i]), Rational.of(coefficient(i)).multiply(scale));
        }
        return Polynomial.of(t);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof IntegerPolynomial p) || !Arrays.equals(keys, p.keys)) return false;
        for (int i = 0; i < keys.length; i++) if (!coefficient(i).equals(p.coefficient(i))) return false;
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keys);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(Long.toHexString(keys[i])).append(':').append(coefficient(i));
        }
        return sb.append('}').toString();
    }

    /**
     * A mutable sum $\sum_j f_j \mu_j p_j$ of polynomials $p_j$ times integers $f_j$ and monomials
     * $\mu_j$ (given as packed keys): open addressing on keys, long coefficients promoted per slot
     * to BigInteger on overflow. Amortised $O(1)$ per term added.
     */
    public static final class Accumulator {
        private static final long EMPTY = -1L; // packed keys are nonnegative
        private long[] keys;
        private long[] values;
        private BigInteger[] big;
        private int size;

        public Accumulator() {
            this(16);
        }

        public Accumulator(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            keys = new long[cap];
            Arrays.fill(keys, EMPTY);
            values = new long[cap];
        }

        /** Adds {@code factor * monomial(shift) * p}. */
        public void add(IntegerPolynomial p, long factor, long shift) {
            for (int i = 0; i < p.keys.length; i++) {
                long k = ExponentPacking.add(p.keys[i], shift);
                if (p.big == null) {
                    long c = p.coefficients[i];
                    long prod;
                    try {
                        prod = Math.multiplyExact(c, factor);
                    } catch (ArithmeticException overflow) {
                        addBig(k, BigInteger.valueOf(c).multiply(BigInteger.valueOf(factor)));
                        continue;
                    }
                    addLong(k, prod);
                } else {
                    addBig(k, p.big[i].multiply(BigInteger.valueOf(factor)));
                }
            }
        }

        /** Adds {@code factor * monomial(shift) * p} for a factor of any size. */
        public void add(IntegerPolynomial p, BigInteger factor, long shift) {
            if (factor.bitLength() < 63) {
                add(p, factor.longValue(), shift);
                return;
            }
            for (int i = 0; i < p.keys.length; i++) {
                addBig(ExponentPacking.add(p.keys[i], shift), p.coefficient(i).multiply(factor));
            }
        }

        private int slot(long k) {
            int mask = keys.length - 1;
            int h = (int) (k ^ (k >>> 29) ^ (k >>> 43)) * 0x9E3779B1;
            int s = (h ^ (h >>> 16)) & mask;
            while (keys[s] != EMPTY && keys[s] != k) s = (s + 1) & mask;
            if (keys[s] == EMPTY) {
                if ((size + 1) * 2 > keys.length) {
                    grow();
                    return slot(k);
                }
                keys[s] = k;
                size++;
            }
            return s;
        }

        private void addLong(long k, long v) {
            int s = slot(k);
            if (big != null && big[s] != null) {
                big[s] = big[s].add(BigInteger.valueOf(v));
                return;
            }
            long old = values[s];
            long sum = old + v;
            if (((old ^ sum) & (v ^ sum)) < 0) { // signed overflow
                if (big == null) big = new BigInteger[keys.length];
                big[s] = BigInteger.valueOf(old).add(BigInteger.valueOf(v));
            } else {
                values[s] = sum;
            }
        }

        private void addBig(long k, BigInteger v) {
            int s = slot(k);
            if (big == null) big = new BigInteger[keys.length];
            big[s] = (big[s] != null ? big[s] : BigInteger.valueOf(values[s])).add(v);
        }

        private void grow() {
            long[] ok = keys;
            long[] ov = values;
            BigInteger[] ob = big;
            keys = new long[ok.length * 2];
            Arrays.fill(keys, EMPTY);
            values = new long[ok.length * 2];
            big = ob == null ? null : new BigInteger[ok.length * 2];
            size = 0;
            for (int i = 0; i < ok.length; i++) {
                if (ok[i] == EMPTY) continue;
                int s = slot(ok[i]);
                values[s] = ov[i];
                if (ob != null) big[s] = ob[i];
            }
        }

        /** The accumulated polynomial (the accumulator may be reused only after this). */
        public IntegerPolynomial build() {
            int n = 0;
            long[] ks = new long[size];
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != EMPTY && !isZero(i)) ks[n++] = keys[i];
            }
            ks = Arrays.copyOf(ks, n);
            Arrays.sort(ks);
            long[] cs = new long[n];
            BigInteger[] bs = null;
            for (int j = 0; j < n; j++) {
                int s = slot(ks[j]);
                if (big != null && big[s] != null) {
                    BigInteger b = big[s];
                    if (b.bitLength() < 64) {
                        cs[j] = b.longValue();
                    } else {
                        if (bs == null) bs = new BigInteger[n];
                        bs[j] = b;
                    }
                } else {
                    cs[j] = values[s];
                }
            }
            if (bs != null) {
                for (int j = 0; j < n; j++) if (bs[j] == null) bs[j] = BigInteger.valueOf(cs[j]);
            }
            return new IntegerPolynomial(ks, cs, bs);
        }

        private boolean isZero(int s) {
            return big != null && big[s] != null ? big[s].signum() == 0 : values[s] == 0;
        }
    }
}
