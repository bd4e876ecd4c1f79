package org.prism.algebra;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

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

    // per symbol: least and largest exponent over the terms (the bounding box), set on creation
    private final byte[] minExponents;
    private final byte[] maxExponents;
    // the largest |coefficient| among the long ones, as a double: bounds a linear combination's cells up front
    private final double maxAbs;

    private IntegerPolynomial(long[] keys, long[] coefficients, BigInteger[] big) {
        this(keys, coefficients, big, null, null, maxAbs(coefficients));
    }

    /** With the exponent box {@code lo..hi} when known (else null: computed here) and the largest |coefficient|. */
    private IntegerPolynomial(long[] keys, long[] coefficients, BigInteger[] big, byte[] lo, byte[] hi, double maxAbs) {
        this.keys = keys;
        this.coefficients = coefficients;
        this.big = big;
        if (lo == null) {
            lo = new byte[ExponentPacking.MAX_SYMBOLS];
            hi = new byte[ExponentPacking.MAX_SYMBOLS];
            if (keys.length > 0) {
                long all = 0;
                for (long k : keys) all |= k;
                int used = (71 - Long.numberOfLeadingZeros(all)) / 8; // symbols with a nonzero exponent somewhere
                java.util.Arrays.fill(lo, 0, used, (byte) 0xFF);
                for (long k : keys) {
                    for (int v = 0; v < used; v++) {
                        int e = (int) ((k >>> (8 * v)) & 0xFF);
                        if (e < (lo[v] & 0xFF)) lo[v] = (byte) e;
                        if (e > (hi[v] & 0xFF)) hi[v] = (byte) e;
                    }
                }
            }
        }
        this.minExponents = lo;
        this.maxExponents = hi;
        this.maxAbs = maxAbs;
    }

    private static double maxAbs(long[] coefficients) {
        double m = 0;
        for (long c : coefficients) m = Math.max(m, Math.abs((double) c));
        return m;
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

    /** Whether every coefficient fits in a long ({@link #longCoefficient}). */
    public boolean hasLongCoefficients() {
        return big == null;
    }

    /** The coefficient of term {@code i}; only when {@link #hasLongCoefficients()}. */
    public long longCoefficient(int i) {
        if (big != null) throw new ArithmeticException("coefficient does not fit in a long");
        return coefficients[i];
    }

    /** The single monomial with packed key {@code key} and coefficient 1. */
    public static IntegerPolynomial monomial(long key) {
        return new IntegerPolynomial(new long[] {key}, new long[] {1L}, null);
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
     * A pool of supports (sorted key arrays with their exponent boxes), so that the many polynomials of a memo
     * that have the same terms keep one key array between them and only their own coefficients. The leading
     * engine's memo held 1.36 million polynomials of about 140 terms at order 12: sharing took its live
     * {@code long[]} from 2.65 to 1.53 GB. Thread-safe; a pool only grows.
     */
    public static final class SupportPool {
        private record Support(long[] keys) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Support s && Arrays.equals(keys, s.keys);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(keys);
            }
        }

        private final ConcurrentHashMap<Support, IntegerPolynomial> representatives = new ConcurrentHashMap<>();

        /** {@code p} itself, or an equal polynomial whose key array and box are the pool's. */
        public IntegerPolynomial share(IntegerPolynomial p) {
            if (p.keys.length == 0) return ZERO;
            IntegerPolynomial r = representatives.putIfAbsent(new Support(p.keys), p);
            if (r == null || r.keys == p.keys) return p;
            return new IntegerPolynomial(r.keys, p.coefficients, p.big, r.minExponents, r.maxExponents, p.maxAbs);
        }

        /** The number of distinct supports seen. */
        public int size() {
            return representatives.size();
        }
    }

    /**
     * $\sum_j f_j \mu_j p_j$ for integer factors $f_j$ and monomial shifts $\mu_j$ (packed keys).
     * When the bounding box of the result's exponents is small against the number $T$ of terms in
     * all, by accumulation in a dense array over that box ($O(T + |box|)$: one index computation
     * and one add per term); otherwise by a $k$-way merge of the sorted term arrays ($O(T \log k)$;
     * a shift preserves the key order). Uses {@link Accumulator} (128-bit sums) instead when a
     * coefficient could leave the long range: when $\sum_j \max|p_j|\,|f_j| \ge 2^{62}$, or some
     * $p_j$ already has a coefficient beyond a long.
     */
    public static IntegerPolynomial linearCombination(IntegerPolynomial[] ps, long[] factors, long[] shifts) {
        // a cell gets at most one term from each p_j, so no partial sum exceeds sum_j max|p_j| |f_j|: below 2^62
        // (a margin for the double's rounding) plain long arithmetic is exact. Above it, the 128-bit accumulator at
        // once: detecting overflow by Math.addExact threw and deoptimised once per overflowing sum (132 155 times
        // in one tensor-network run, docs/benchmarks.md)
        int total = 0;
        double bound = 0;
        for (int j = 0; j < ps.length; j++) {
            if (ps[j].big != null) return viaAccumulator(ps, factors, shifts);
            total += ps[j].keys.length;
            bound += ps[j].maxAbs * Math.abs((double) factors[j]);
        }
        if (total == 0) return ZERO;
        if (!(bound < 0x1p62)) return viaAccumulator(ps, factors, shifts);
        int[] lo = new int[ExponentPacking.MAX_SYMBOLS];
        int[] hi = new int[ExponentPacking.MAX_SYMBOLS];
        Arrays.fill(lo, Integer.MAX_VALUE);
        Arrays.fill(hi, -1);
        for (int j = 0; j < ps.length; j++) {
            if (ps[j].keys.length == 0) continue;
            for (int v = 0; v < ExponentPacking.MAX_SYMBOLS; v++) {
                int sh = (int) ((shifts[j] >>> (8 * v)) & 0xFF);
                lo[v] = Math.min(lo[v], (ps[j].minExponents[v] & 0xFF) + sh);
                hi[v] = Math.max(hi[v], (ps[j].maxExponents[v] & 0xFF) + sh);
            }
        }
        long box = 1;
        for (int v = 0; v < ExponentPacking.MAX_SYMBOLS && box <= DENSE_LIMIT; v++) {
            if (hi[v] > ExponentPacking.MAX_EXPONENT) throw new ArithmeticException("exponent overflow in packed monomial");
            box *= hi[v] - lo[v] + 1;
        }
        // zeroing and scanning a cell costs about as much as 1/30 of a merge step
        if (box <= DENSE_LIMIT && box <= 32L * total + 1024) return dense(ps, factors, shifts, lo, hi, (int) box);
        return merged(ps, factors, shifts, total);
    }

    private static final long DENSE_LIMIT = 1 << 22;

    /**
     * $\mu \sum_{j<k} a_j b_j$ for a monomial shift $\mu$ (packed key). When every coefficient is a
     * long, no exponent passes 255, the bounding box of the result's exponents holds at most
     * $32 T + 1024$ cells for $T = \sum_j |a_j| |b_j|$ products, and no sum can leave the long range
     * (checked up front by $\sum_j \max|a_j| \max|b_j| \min(|a_j|,|b_j|) < 2^{62}$): by accumulation
     * in a dense array over that box, one add per product, each term's cell offset computed once
     * ($O(T + |\text{box}|)$, no hashing). Otherwise by {@link Accumulator}.
     */
    public static IntegerPolynomial sumOfProducts(IntegerPolynomial[] a, IntegerPolynomial[] b, int k, long shift) {
        long products = 0;
        double bound = 0;
        int[] lo = new int[ExponentPacking.MAX_SYMBOLS];
        int[] hi = new int[ExponentPacking.MAX_SYMBOLS];
        Arrays.fill(lo, Integer.MAX_VALUE);
        Arrays.fill(hi, -1);
        boolean small = true;
        for (int j = 0; j < k; j++) {
            if (a[j].keys.length == 0 || b[j].keys.length == 0) continue;
            if (a[j].big != null || b[j].big != null) small = false;
            products += (long) a[j].keys.length * b[j].keys.length;
            if (small) bound += a[j].maxAbs * b[j].maxAbs * Math.min(a[j].keys.length, b[j].keys.length);
            for (int v = 0; v < ExponentPacking.MAX_SYMBOLS; v++) {
                int sh = (int) ((shift >>> (8 * v)) & 0xFF);
                lo[v] = Math.min(lo[v], (a[j].minExponents[v] & 0xFF) + (b[j].minExponents[v] & 0xFF) + sh);
                hi[v] = Math.max(hi[v], (a[j].maxExponents[v] & 0xFF) + (b[j].maxExponents[v] & 0xFF) + sh);
            }
        }
        if (products == 0) return ZERO;
        long box = 1;
        boolean fits = small && bound < 0x1p62;
        for (int v = 0; v < ExponentPacking.MAX_SYMBOLS && fits; v++) {
            if (hi[v] > ExponentPacking.MAX_EXPONENT) fits = false;
            else box *= hi[v] - lo[v] + 1;
        }
        if (!fits || box > DENSE_LIMIT || box > 32 * products + 1024) {
            Accumulator acc = new Accumulator();
            for (int j = 0; j < k; j++) {
                for (int t = 0; t < a[j].keys.length; t++) {
                    long sh = ExponentPacking.add(shift, a[j].keys[t]);
                    if (a[j].big == null) acc.add(b[j], a[j].coefficients[t], sh);
                    else acc.add(b[j], a[j].big[t], sh);
                }
            }
            return acc.build();
        }
        // cell(key) = sum_v e_v(key) stride_v is additive in keys, so cell(a + b + shift) - cell(base) is
        // the sum of the two terms' offsets and a constant
        int[] stride = strides(lo, hi);
        long base = base(lo);
        long[] acc = scratch((int) box);
        int origin = cell(shift, stride) - cell(base, stride);
        for (int j = 0; j < k; j++) {
            long[] ka = a[j].keys;
            long[] kb = b[j].keys;
            if (ka.length == 0 || kb.length == 0) continue;
            long[] ca = a[j].coefficients;
            long[] cb = b[j].coefficients;
            int[] ob = new int[kb.length];
            for (int i = 0; i < kb.length; i++) ob[i] = cell(kb[i], stride);
            for (int t = 0; t < ka.length; t++) {
                int o = origin + cell(ka[t], stride);
                long c = ca[t];
                for (int i = 0; i < kb.length; i++) acc[o + ob[i]] += c * cb[i];
            }
        }
        return fromDense(acc, (int) box, base, lo, hi, stride);
    }

    /** Per thread, a zeroed array for dense sums up to this many cells; larger boxes get a fresh array. */
    private static final int SCRATCH_CELLS = 1 << 16;
    private static final ThreadLocal<long[]> SCRATCH = ThreadLocal.withInitial(() -> new long[SCRATCH_CELLS]);

    /**
     * An all-zero array of at least {@code box} cells: the thread's own when the box is small enough ({@link #fromDense}
     * zeroes the cells it reads, so it stays all-zero between uses), else a new one. The leading engine's boxes are
     * mostly empty cube corners around a homogeneous polynomial: allocating and zeroing one per state was tens of
     * gigabytes of garbage at order 12.
     */
    private static long[] scratch(int box) {
        return box <= SCRATCH_CELLS ? SCRATCH.get() : new long[box];
    }

    private static int cell(long key, int[] stride) {
        int c = 0;
        for (int v = 0; v < ExponentPacking.MAX_SYMBOLS; v++) c += (int) ((key >>> (8 * v)) & 0xFF) * stride[v];
        return c;
    }

    /**
     * The polynomial of the first {@code box} cells of a dense array over the box {@code lo..hi} ({@code stride[v] = 0}
     * for a fixed exponent); leaves those cells zero.
     */
    private static IntegerPolynomial fromDense(long[] acc, int box, long base, int[] lo, int[] hi, int[] stride) {
        int n = 0;
        for (int idx = 0; idx < box; idx++) if (acc[idx] != 0) n++;
        if (n == 0) return ZERO;
        long[] outKeys = new long[n];
        long[] outCoefficients = new long[n];
        int o = 0;
        for (int idx = 0; idx < box; idx++) {
            if (acc[idx] == 0) continue;
            long key = base;
            for (int v = 0; v < ExponentPacking.MAX_SYMBOLS; v++) {
                if (stride[v] == 0) continue;
                key += ((long) ((idx / stride[v]) % (hi[v] - lo[v] + 1))) << (8 * v);
            }
            outKeys[o] = key;
            outCoefficients[o++] = acc[idx];
            acc[idx] = 0;
        }
        return new IntegerPolynomial(outKeys, outCoefficients, null);
    }

    /** $\sum_j f_j p_j$ for factors of any size. */
    public static IntegerPolynomial linearCombination(IntegerPolynomial[] ps, BigInteger[] factors) {
        long[] small = new long[ps.length];
        for (int j = 0; j < ps.length; j++) {
            if (factors[j].bitLength() > 62) {
                Accumulator acc = new Accumulator();
                for (int i = 0; i < ps.length; i++) acc.add(ps[i], factors[i], 0L);
                return acc.build();
            }
            small[j] = factors[j].longValue();
        }
        return linearCombination(ps, small, new long[ps.length]);
    }

    private static IntegerPolynomial dense(IntegerPolynomial[] ps, long[] factors, long[] shifts, int[] lo, int[] hi, int box) {
        int[] stride = strides(lo, hi);
        long base = base(lo);
        long[] acc = scratch(box);
        for (int j = 0; j < ps.length; j++) {
            long[] ks = ps[j].keys;
            long[] cs = ps[j].coefficients;
            long f = factors[j];
            int o = cell(shifts[j], stride) - cell(base, stride);
            for (int i = 0; i < ks.length; i++) acc[o + cell(ks[i], stride)] += cs[i] * f;
        }
        return fromDense(acc, box, base, lo, hi, stride);
    }

    /**
     * Per symbol the stride of its exponent in a dense array over the box {@code lo..hi} (0 where the
     * exponent is fixed); higher symbols get larger strides, as they have higher bits in a key, so the
     * cell order is the key order.
     */
    private static int[] strides(int[] lo, int[] hi) {
        int[] stride = new int[ExponentPacking.MAX_SYMBOLS];
        int st = 1;
        for (int v = 0; v < ExponentPacking.MAX_SYMBOLS; v++) {
            if (hi[v] > lo[v]) {
                stride[v] = st;
                st *= hi[v] - lo[v] + 1;
            }
        }
        return stride;
    }

    /** The key of the box's least corner. */
    private static long base(int[] lo) {
        long base = 0;
        for (int v = 0; v < ExponentPacking.MAX_SYMBOLS; v++) base |= ((long) lo[v]) << (8 * v);
        return base;
    }

    private static IntegerPolynomial merged(IntegerPolynomial[] ps, long[] factors, long[] shifts, int total) {
        int k = ps.length;
        long[] outKeys = new long[total];
        long[] outCoefficients = new long[total];
        int n = 0;
        // binary heap of cursors ordered by their current shifted key
        int[] heap = new int[k];
        int[] pos = new int[k];
        long[] head = new long[k];
        int size = 0;
        for (int j = 0; j < k; j++) {
            if (ps[j].keys.length == 0) continue;
            head[j] = ExponentPacking.add(ps[j].keys[0], shifts[j]);
            heap[size] = j;
            siftUp(heap, head, size++);
        }
        while (size > 0) {
            int j = heap[0];
            long key = head[j];
            long c = ps[j].coefficients[pos[j]] * factors[j];
            if (n > 0 && outKeys[n - 1] == key) {
                outCoefficients[n - 1] += c;
            } else {
                if (n > 0 && outCoefficients[n - 1] == 0) n--;
                outKeys[n] = key;
                outCoefficients[n++] = c;
            }
            if (++pos[j] < ps[j].keys.length) {
                head[j] = ExponentPacking.add(ps[j].keys[pos[j]], shifts[j]);
            } else {
                heap[0] = heap[--size];
            }
            siftDown(heap, head, size);
        }
        if (n > 0 && outCoefficients[n - 1] == 0) n--;
        return new IntegerPolynomial(Arrays.copyOf(outKeys, n), Arrays.copyOf(outCoefficients, n), null);
    }

    private static void siftUp(int[] heap, long[] head, int i) {
        int x = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (head[heap[parent]] <= head[x]) break;
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = x;
    }

    private static void siftDown(int[] heap, long[] head, int size) {
        if (size == 0) return;
        int i = 0;
        int x = heap[0];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) break;
            if (child + 1 < size && head[heap[child + 1]] < head[heap[child]]) child++;
            if (head[heap[child]] >= head[x]) break;
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = x;
    }

    private static IntegerPolynomial viaAccumulator(IntegerPolynomial[] ps, long[] factors, long[] shifts) {
        Accumulator acc = new Accumulator();
        for (int j = 0; j < ps.length; j++) acc.add(ps[j], factors[j], shifts[j]);
        return acc.build();
    }

    /**
     * A mutable sum $\sum_j f_j \mu_j p_j$ of polynomials $p_j$ times integers $f_j$ and monomials
     * $\mu_j$ (given as packed keys): open addressing on keys, each coefficient a 128-bit integer in
     * two longs (products of longs through {@link Math#multiplyHigh}, no allocation), promoted per
     * slot to BigInteger only past 128 bits or for BigInteger terms. Amortised $O(1)$ per term added.
     * Why 128 bits: a sum over hundreds of thousands of words of (common-denominator scaled) word
     * coefficients times expectations leaves the long range at order 10 of a model with data, and a
     * BigInteger per addition was a third of the leading engine's time.
     */
    public static final class Accumulator {
        private static final long EMPTY = -1L; // packed keys are nonnegative
        private long[] keys;
        private long[] low;
        private long[] high;
        private BigInteger[] big;
        private int size;

        public Accumulator() {
            this(16);
        }

        public Accumulator(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            keys = new long[cap];
            Arrays.fill(keys, EMPTY);
            low = new long[cap];
            high = new long[cap];
        }

        /** Adds {@code factor * monomial(shift) * p}. */
        public void add(IntegerPolynomial p, long factor, long shift) {
            for (int i = 0; i < p.keys.length; i++) {
                long k = ExponentPacking.add(p.keys[i], shift);
                if (p.big == null) {
                    long c = p.coefficients[i];
                    add128(slot(k), Math.multiplyHigh(c, factor), c * factor);
                } else {
                    addBig(k, p.big[i].multiply(BigInteger.valueOf(factor)));
                }
            }
        }

        /** Adds {@code factor * monomial(shift) * p} for a factor of any size. */
        public void add(IntegerPolynomial p, BigInteger factor, long shift) {
            if (factor.bitLength() < 64) {
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

        /** Adds the 128-bit two's-complement integer {@code hi * 2^64 + (unsigned) lo} to slot {@code s}. */
        private void add128(int s, long hi, long lo) {
            if (big != null && big[s] != null) {
                big[s] = big[s].add(toBig(hi, lo));
                return;
            }
            long l = low[s] + lo;
            long carry = Long.compareUnsigned(l, lo) < 0 ? 1 : 0;
            long h1 = high[s] + hi;
            long h = h1 + carry;
            // signed overflow of either addition: leave 128 bits for a BigInteger
            if (((high[s] ^ h1) & (hi ^ h1)) < 0 || ((h1 ^ h) & (carry ^ h)) < 0) {
                if (big == null) big = new BigInteger[keys.length];
                big[s] = toBig(high[s], low[s]).add(toBig(hi, lo));
                return;
            }
            low[s] = l;
            high[s] = h;
        }

        private static BigInteger toBig(long hi, long lo) {
            return BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
        }

        private void addBig(long k, BigInteger v) {
            int s = slot(k);
            if (big == null) big = new BigInteger[keys.length];
            big[s] = (big[s] != null ? big[s] : toBig(high[s], low[s])).add(v);
        }

        private void grow() {
            long[] ok = keys;
            long[] ol = low;
            long[] oh = high;
            BigInteger[] ob = big;
            keys = new long[ok.length * 2];
            Arrays.fill(keys, EMPTY);
            low = new long[ok.length * 2];
            high = new long[ok.length * 2];
            big = ob == null ? null : new BigInteger[ok.length * 2];
            size = 0;
            for (int i = 0; i < ok.length; i++) {
                if (ok[i] == EMPTY) continue;
                int s = slot(ok[i]);
                low[s] = ol[i];
                high[s] = oh[i];
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
                BigInteger b = big != null && big[s] != null ? big[s] : high[s] == (low[s] >> 63) ? null : toBig(high[s], low[s]);
                if (b == null) {
                    cs[j] = low[s];
                } else if (b.bitLength() < 64) {
                    cs[j] = b.longValue();
                } else {
                    if (bs == null) bs = new BigInteger[n];
                    bs[j] = b;
                }
            }
            if (bs != null) {
                for (int j = 0; j < n; j++) if (bs[j] == null) bs[j] = BigInteger.valueOf(cs[j]);
            }
            return new IntegerPolynomial(ks, cs, bs);
        }

        private boolean isZero(int s) {
            return big != null && big[s] != null ? big[s].signum() == 0 : low[s] == 0 && high[s] == 0;
        }
    }
}
