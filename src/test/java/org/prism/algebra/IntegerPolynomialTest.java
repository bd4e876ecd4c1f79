package org.prism.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void cancellationLeavesNoZeroTerms() {
        IntegerPolynomial p = IntegerPolynomial.linearCombination(new IntegerPolynomial[] {IntegerPolynomial.ONE, IntegerPolynomial.ONE},
                new long[] {3, -3}, new long[] {PK.key("b", 2), PK.key("b", 2)});
        assertEquals(IntegerPolynomial.ZERO, p);
        IntegerPolynomial big = IntegerPolynomial.linearCombination(new IntegerPolynomial[] {IntegerPolynomial.ONE},
                new BigInteger[] {BigInteger.TWO.pow(100)});
        assertEquals(BigInteger.TWO.pow(100), big.coefficient(0));
    }
}
