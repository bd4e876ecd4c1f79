package org.prism.algebra;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongBinaryOperator;
import java.util.function.LongFunction;

/**
 * A polynomial in two packed symbol sets, $\sum_\nu \nu\, p_\nu$: for each outer monomial $\nu$ (a
 * key of an outer packing, such as a {@link GuardedPacking}, whose addition the operations take) an
 * {@link IntegerPolynomial} $p_\nu$ over the inner
 * packing. It carries more symbols than one packing holds, when the outer ones enter simply (one
 * outer factor per step of a recursion, as moments do). Immutable; outer keys sorted, zero parts
 * dropped.
 */
public final class NestedPolynomial {
    public static final NestedPolynomial ZERO = new NestedPolynomial(new long[0], new IntegerPolynomial[0]);
    public static final NestedPolynomial ONE = of(0L, IntegerPolynomial.ONE);

    private final long[] outer;
    private final IntegerPolynomial[] inner;

    private NestedPolynomial(long[] outer, IntegerPolynomial[] inner) {
        this.outer = outer;
        this.inner = inner;
    }

    /** $\nu\, p$ for the outer key of $\nu$. */
    public static NestedPolynomial of(long outerKey, IntegerPolynomial p) {
        return p.isZero() ? ZERO : new NestedPolynomial(new long[] {outerKey}, new IntegerPolynomial[] {p});
    }

    public boolean isZero() {
        return outer.length == 0;
    }

    /** Number of outer monomials. */
    public int size() {
        return outer.length;
    }

    /**
     * $\sum_j f_j\, \nu_j \mu_j\, p_j$ for integer factors $f_j$, inner shifts $\mu_j$ and outer shifts
     * $\nu_j$ (packed keys): the inner sums of each outer monomial by
     * {@link IntegerPolynomial#linearCombination(IntegerPolynomial[], long[], long[])}.
     */
    public static NestedPolynomial linearCombination(NestedPolynomial[] ps, long[] factors, long[] shifts, long[] outerShifts, LongBinaryOperator outerAdd) {
        Map<Long, Parts> byOuter = new TreeMap<>(Long::compareUnsigned);
        for (int j = 0; j < ps.length; j++) {
            for (int i = 0; i < ps[j].outer.length; i++) {
                byOuter.computeIfAbsent(outerAdd.applyAsLong(ps[j].outer[i], outerShifts[j]), k -> new Parts())
                        .add(ps[j].inner[i], factors[j], shifts[j]);
            }
        }
        return collect(byOuter, p -> IntegerPolynomial.linearCombination(p.polys(), p.factors(), p.shifts()));
    }

    /** $\mu \sum_{j<k} a_j b_j$ for a packed inner monomial shift $\mu$: per outer monomial of the products, {@link IntegerPolynomial#sumOfProducts}. */
    public static NestedPolynomial sumOfProducts(NestedPolynomial[] a, NestedPolynomial[] b, int k, long shift, LongBinaryOperator outerAdd) {
        Map<Long, List<IntegerPolynomial[]>> byOuter = new TreeMap<>(Long::compareUnsigned);
        for (int j = 0; j < k; j++) {
            for (int x = 0; x < a[j].outer.length; x++) {
                for (int y = 0; y < b[j].outer.length; y++) {
                    byOuter.computeIfAbsent(outerAdd.applyAsLong(a[j].outer[x], b[j].outer[y]), key -> new ArrayList<>())
                            .add(new IntegerPolynomial[] {a[j].inner[x], b[j].inner[y]});
                }
            }
        }
        long[] keys = new long[byOuter.size()];
        IntegerPolynomial[] parts = new IntegerPolynomial[byOuter.size()];
        int n = 0;
        for (Map.Entry<Long, List<IntegerPolynomial[]>> e : byOuter.entrySet()) {
            List<IntegerPolynomial[]> pairs = e.getValue();
            IntegerPolynomial[] left = new IntegerPolynomial[pairs.size()];
            IntegerPolynomial[] right = new IntegerPolynomial[pairs.size()];
            for (int j = 0; j < left.length; j++) {
                left[j] = pairs.get(j)[0];
                right[j] = pairs.get(j)[1];
            }
            IntegerPolynomial sum = IntegerPolynomial.sumOfProducts(left, right, left.length, shift);
            if (!sum.isZero()) {
                keys[n] = e.getKey();
                parts[n++] = sum;
            }
        }
        return trimmed(keys, parts, n);
    }

    /** $\sum_j f_j p_j$ for factors of any size. */
    public static NestedPolynomial linearCombination(NestedPolynomial[] ps, BigInteger[] factors) {
        Map<Long, Parts> byOuter = new TreeMap<>(Long::compareUnsigned);
        for (int j = 0; j < ps.length; j++) {
            for (int i = 0; i < ps[j].outer.length; i++) {
                byOuter.computeIfAbsent(ps[j].outer[i], k -> new Parts()).add(ps[j].inner[i], factors[j]);
            }
        }
        return collect(byOuter, p -> IntegerPolynomial.linearCombination(p.polys(), p.big.toArray(new BigInteger[0])));
    }

    /** The polynomial over named symbols times {@code scale}. */
    public Polynomial toPolynomial(ExponentPacking innerPacking, LongFunction<Monomial> outerMonomial, Rational scale) {
        Polynomial sum = Polynomial.ZERO;
        for (int i = 0; i < outer.length; i++) {
            sum = sum.add(inner[i].toPolynomial(innerPacking, scale).multiply(Rational.ONE, outerMonomial.apply(outer[i])));
        }
        return sum;
    }

    private static final class Parts {
        final List<IntegerPolynomial> polys = new ArrayList<>();
        final List<Long> factors = new ArrayList<>();
        final List<Long> shifts = new ArrayList<>();
        final List<BigInteger> big = new ArrayList<>();

        void add(IntegerPolynomial p, long factor, long shift) {
            polys.add(p);
            factors.add(factor);
            shifts.add(shift);
        }

        void add(IntegerPolynomial p, BigInteger factor) {
            polys.add(p);
            big.add(factor);
        }

        IntegerPolynomial[] polys() {
            return polys.toArray(new IntegerPolynomial[0]);
        }

        long[] factors() {
            return factors.stream().mapToLong(Long::longValue).toArray();
        }

        long[] shifts() {
            return shifts.stream().mapToLong(Long::longValue).toArray();
        }
    }

    private static NestedPolynomial collect(Map<Long, Parts> byOuter, Function<Parts, IntegerPolynomial> sum) {
        long[] keys = new long[byOuter.size()];
        IntegerPolynomial[] parts = new IntegerPolynomial[byOuter.size()];
        int n = 0;
        for (Map.Entry<Long, Parts> e : byOuter.entrySet()) {
            IntegerPolynomial p = sum.apply(e.getValue());
            if (!p.isZero()) {
                keys[n] = e.getKey();
                parts[n++] = p;
            }
        }
        return trimmed(keys, parts, n);
    }

    private static NestedPolynomial trimmed(long[] keys, IntegerPolynomial[] parts, int n) {
        if (n == 0) return ZERO;
        return new NestedPolynomial(Arrays.copyOf(keys, n), Arrays.copyOf(parts, n));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NestedPolynomial p) || !Arrays.equals(outer, p.outer)) return false;
        return Arrays.equals(inner, p.inner);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(outer);
    }
}
