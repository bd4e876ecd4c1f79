package org.prism.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * linearCombination (dense box or k-way merge, chosen by shape) against the hashing Accumulator
 * and against a plain symbolic sum with Polynomial.
 */
class IntegerPolynomialTest {
    private static final ExponentPacking PK = new ExponentPacking(List.of("a", "b", "c", "e"));

    private static IntegerPolynomial random(Random r, int maxExp, int terms, long maxCoef) {
        IntegerPolynomial.Accumulator acc = new IntegerPolynomial.Accumulator();
        for (int t = 0; t < terms; t++) {
            long key = 0;
            for (String s : PK.symbols()) key += PK.key(s, r.nextInt(maxExp + 1));
            long c = maxCoef == Long.MAX_VALUE ? r.nextLong() : r.nextLong() % maxCoef;
            acc.add(IntegerPolynomial.ONE, c, key);
        }
        return acc.build();
    }

    @Test
    void linearCombinationAgreesWithHashingAndWithSymbolicSums() {
        Random r = new Random(7);
        for (int trial = 0; trial < 400; trial++) {
            // small exponents: dense box; large sparse exponents: merge; huge coefficients: overflow fallback
            int maxExp = trial % 3 == 0 ? 120 : 4;
            long maxCoef = trial % 7 == 0 ? Long.MAX_VALUE : 1000;
            int k = 1 + r.nextInt(8);
            IntegerPolynomial[] ps = new IntegerPolynomial[k];
            long[] f = new long[k];
            long[] sh = new long[k];
            IntegerPolynomial.Accumulator acc = new IntegerPolynomial.Accumulator();
            Polynomial symbolic = Polynomial.ZERO;
            for (int j = 0; j < k; j++) {
                ps[j] = random(r, maxExp, r.nextInt(30), maxCoef);
                f[j] = r.nextInt(2001) - 1000;
                sh[j] = PK.key("a", r.nextInt(3)) + PK.key("e", r.nextInt(3));
                acc.add(ps[j], f[j], sh[j]);
                symbolic = symbolic.add(ps[j].toPolynomial(PK, Rational.of(f[j])).multiply(Rational.ONE, PK.monomial(sh[j])));
            }
            IntegerPolynomial lc = IntegerPolynomial.linearCombination(ps, f, sh);
            assertEquals(acc.build(), lc);
            assertEquals(symbolic, lc.toPolynomial(PK, Rational.ONE));
        }
    }

    /**
     * Sums near the up-front bound: coefficients up to 2^60 times factors up to 3, one to four terms per cell, so
     * the bound sum_j max|p_j| |f_j| falls on both sides of 2^62 (plain long sums below it, the 128-bit accumulator
     * above, where some true sums still fit a long and some do not), each against the symbolic sum.
     */
    @Test
    void sumsNearTheBoundAreExact() {
        Random r = new Random(23);
        int plain = 0;
        int wide = 0;
        for (int trial = 0; trial < 300; trial++) {
            int k = 1 + r.nextInt(4);
            IntegerPolynomial[] ps = new IntegerPolynomial[k];
            long[] f = new long[k];
            long[] sh = new long[k];
            Polynomial symbolic = Polynomial.ZERO;
            double bound = 0;
            for (int j = 0; j < k; j++) {
                ps[j] = random(r, trial % 2 == 0 ? 1 : 60, 1 + r.nextInt(6), 1L << 60);
                f[j] = (1 + r.nextInt(3)) * (r.nextBoolean() ? 1 : -1);
                double m = 0;
                for (int i = 0; i < ps[j].size(); i++) m = Math.max(m, Math.abs(ps[j].coefficient(i).doubleValue()));
                bound += m * Math.abs(f[j]);
                symbolic = symbolic.add(ps[j].toPolynomial(PK, Rational.of(f[j])).multiply(Rational.ONE, PK.monomial(sh[j])));
            }
            if (bound < 0x1p62) plain++;
            else wide++;
            assertEquals(symbolic, IntegerPolynomial.linearCombination(ps, f, sh).toPolynomial(PK, Rational.ONE));
        }
        assertTrue(plain > 30 && wide > 30, "both sides of the bound: " + plain + " below, " + wide + " above");
    }

    /**
     * sumOfProducts (dense box, or the Accumulator when coefficients are large or the box is sparse)
     * against the symbolic products of Polynomial.
     */
    @Test
    void sumOfProductsAgreesWithSymbolicProducts() {
        Random r = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            int maxExp = trial % 5 == 0 ? 60 : 3;
            long maxCoef = trial % 7 == 0 ? Long.MAX_VALUE : trial % 11 == 0 ? 3_000_000_000L : 1000;
            int k = r.nextInt(6);
            IntegerPolynomial[] a = new IntegerPolynomial[k];
            IntegerPolynomial[] b = new IntegerPolynomial[k];
            long shift = PK.key("b", r.nextInt(3)) + PK.key("e", r.nextInt(3));
            Polynomial symbolic = Polynomial.ZERO;
            for (int j = 0; j < k; j++) {
                a[j] = random(r, maxExp, r.nextInt(20), maxCoef);
                b[j] = random(r, maxExp, r.nextInt(20), maxCoef);
                symbolic = symbolic.add(a[j].toPolynomial(PK, Rational.ONE).multiply(b[j].toPolynomial(PK, Rational.ONE)));
            }
            symbolic = symbolic.multiply(Rational.ONE, PK.monomial(shift));
            IntegerPolynomial sum = IntegerPolynomial.sumOfProducts(a, b, k, shift);
            assertEquals(symbolic, sum.toPolynomial(PK, Rational.ONE), "trial " + trial);
            for (int i = 1; i < sum.size(); i++) assertTrue(sum.key(i - 1) < sum.key(i), "keys in order");
        }
    }

    /**
     * The Accumulator's 128-bit coefficients against BigInteger sums of the same terms: long products
     * near 2^126, sums that cross 2^64 and 2^127 (then BigInteger slots), cancellation back to small
     * values, and BigInteger terms and factors mixed in.
     */
    @Test
    void accumulatorAgreesWithBigIntegerSums() {
        Random r = new Random(13);
        for (int trial = 0; trial < 300; trial++) {
            IntegerPolynomial.Accumulator acc = new IntegerPolynomial.Accumulator();
            java.util.Map<Long, BigInteger> sums = new java.util.HashMap<>();
            int keys = 1 + r.nextInt(5);
            int adds = 1 + r.nextInt(trial % 10 == 0 ? 3000 : 40);
            for (int t = 0; t < adds; t++) {
                long key = PK.key("a", r.nextInt(keys));
                long c = switch (r.nextInt(4)) {
                    case 0 -> r.nextLong();
                    case 1 -> Long.MIN_VALUE + r.nextInt(3);
                    case 2 -> Long.MAX_VALUE - r.nextInt(3);
                    default -> r.nextInt(2001) - 1000;
                };
                IntegerPolynomial pc = IntegerPolynomial.linearCombination(new IntegerPolynomial[] {IntegerPolynomial.ONE}, new long[] {c}, new long[] {0L});
                BigInteger term;
                if (r.nextInt(10) == 0) {
                    BigInteger f = BigInteger.TWO.pow(64 + r.nextInt(80)).multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1));
                    acc.add(pc, f, key);
                    term = f.multiply(BigInteger.valueOf(c));
                } else {
                    long f = r.nextBoolean() ? r.nextLong() : r.nextInt(7) - 3;
                    acc.add(pc, f, key);
                    term = BigInteger.valueOf(f).multiply(BigInteger.valueOf(c));
                }
                sums.merge(key, term, BigInteger::add);
            }
            IntegerPolynomial built = acc.build();
            java.util.Map<Long, BigInteger> got = new java.util.HashMap<>();
            for (int i = 0; i < built.size(); i++) got.put(built.key(i), built.coefficient(i));
            sums.values().removeIf(v -> v.signum() == 0);
            assertEquals(sums, got, "trial " + trial);
        }
    }

    @Test
    void cancellationLeavesNoZeroTerms() {
        IntegerPolynomial p = IntegerPolynomial.linearCombination(new IntegerPolynomial[] {IntegerPolynomial.ONE, IntegerPolynomial.ONE},
                new long[] {3, -3}, new long[] {PK.key("b", 2), PK.key("b", 2)});
        assertEquals(IntegerPolynomial.ZERO, p);
        IntegerPolynomial big = IntegerPolynomial.linearCombination(new IntegerPolynomial[] {IntegerPolynomial.ONE},
                new BigInteger[] {BigInteger.TWO.pow(100)});
        assertEquals(BigInteger.TWO.pow(100), big.coefficient(0));
    }

    /**
     * A support pool hands back polynomials equal to the ones given (zero included), counts one support per
     * distinct key set, and products of shared polynomials are the products of the originals.
     */
    @Test
    void sharedSupportsKeepValues() {
        Random r = new Random(17);
        IntegerPolynomial.SupportPool pool = new IntegerPolynomial.SupportPool();
        java.util.Set<String> supports = new java.util.HashSet<>();
        for (int trial = 0; trial < 300; trial++) {
            IntegerPolynomial p = random(r, 2, r.nextInt(6), trial % 9 == 0 ? Long.MAX_VALUE : 50);
            IntegerPolynomial q = random(r, 2, r.nextInt(6), 50);
            IntegerPolynomial sp = pool.share(p);
            IntegerPolynomial sq = pool.share(q);
            assertEquals(p, sp);
            assertEquals(q, sq);
            for (IntegerPolynomial x : List.of(p, q)) {
                StringBuilder keys = new StringBuilder();
                for (int i = 0; i < x.size(); i++) keys.append(x.key(i)).append(',');
                if (!x.isZero()) supports.add(keys.toString());
            }
            long shift = PK.key("c", 1);
            assertEquals(IntegerPolynomial.sumOfProducts(new IntegerPolynomial[] {p, q}, new IntegerPolynomial[] {q, p}, 2, shift),
                    IntegerPolynomial.sumOfProducts(new IntegerPolynomial[] {sp, sq}, new IntegerPolynomial[] {sq, sp}, 2, shift));
        }
        assertEquals(supports.size(), pool.size());
    }

    /**
     * A dense combination that overflows after writing some cells falls back to exact sums, and leaves the thread's
     * scratch array clean: the next combination on the same thread is exact too (fails if the overflow left the cells
     * it had written).
     */
    @Test
    void overflowMidwayLeavesLaterSumsExact() {
        Random r = new Random(19);
        for (int trial = 0; trial < 50; trial++) {
            IntegerPolynomial small = random(r, 3, 10, 1000);
            // coefficients near 2^59: times 64 they overflow, after the small polynomial's cells are written
            IntegerPolynomial huge = IntegerPolynomial.linearCombination(new IntegerPolynomial[] {random(r, 3, 5, 10)}, new long[] {Long.MAX_VALUE / 16}, new long[1]);
            long[] f = {1 + r.nextInt(5), 64};
            IntegerPolynomial.Accumulator acc = new IntegerPolynomial.Accumulator();
            acc.add(small, f[0], 0L);
            acc.add(huge, f[1], 0L);
            assertEquals(acc.build(), IntegerPolynomial.linearCombination(new IntegerPolynomial[] {small, huge}, f, new long[2]));
            IntegerPolynomial next = random(r, 3, 10, 1000);
            IntegerPolynomial.Accumulator expected = new IntegerPolynomial.Accumulator();
            expected.add(next, 3, 0L);
            assertEquals(expected.build(), IntegerPolynomial.linearCombination(new IntegerPolynomial[] {next}, new long[] {3}, new long[1]));
        }
    }
}
