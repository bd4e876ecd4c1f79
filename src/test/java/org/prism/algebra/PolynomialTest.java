package org.prism.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PolynomialTest {
    private static Polynomial random(Random r) {
        Map<Monomial, Rational> t = new HashMap<>();
        String[] syms = {"sigma", "d", "m", "n"};
        for (int k = r.nextInt(5); k >= 0; k--) {
            Map<String, Integer> e = new HashMap<>();
            for (String s : syms) e.put(s, r.nextInt(5) - 2);
            t.merge(Monomial.of(e), Rational.of(r.nextInt(21) - 10, 1 + r.nextInt(6)), Rational::add);
        }
        return Polynomial.of(t);
    }

    @Test
    void parseInvertsToString() {
        Random r = new Random(1);
        for (int i = 0; i < 300; i++) {
            Polynomial p = random(r);
            assertEquals(p, Polynomial.parse(p.toString()), p.toString());
        }
        assertEquals("3/2*d^2*m*n^-1 - d + 1", Polynomial.parse("1 - d + 3/2 * n^-1*m*d^2").toString());
        assertEquals(Polynomial.ZERO, Polynomial.parse("d - d"));
    }

    @Test
    void ringLawsAtRandomPoints() {
        // evaluation is a ring homomorphism: checks add/multiply against plain rational arithmetic
        Random r = new Random(2);
        for (int i = 0; i < 200; i++) {
            Polynomial p = random(r);
            Polynomial q = random(r);
            Map<String, Rational> pt = Map.of("sigma", Rational.of(1 + r.nextInt(4), 1 + r.nextInt(3)),
                    "d", Rational.of(1 + r.nextInt(5)), "m", Rational.of(2, 1 + r.nextInt(5)), "n", Rational.of(-1 - r.nextInt(3)));
            assertEquals(p.evaluate(pt).add(q.evaluate(pt)), p.add(q).evaluate(pt));
            assertEquals(p.evaluate(pt).multiply(q.evaluate(pt)), p.multiply(q).evaluate(pt));
            assertEquals(p.evaluate(pt).subtract(q.evaluate(pt)), p.subtract(q).evaluate(pt));
        }
    }

    /** Sums of one-term polynomials (the expansions' usual merge): same monomial, cancelling, different monomials. */
    @Test
    void oneTermSumsAgreeWithEvaluation() {
        Random r = new Random(3);
        for (int i = 0; i < 300; i++) {
            Monomial m = Monomial.of(Map.of("d", r.nextInt(3) - 1, "n", r.nextInt(3) - 1));
            Monomial m2 = r.nextBoolean() ? m : Monomial.of(Map.of("m", 1 + r.nextInt(2)));
            Rational a = Rational.of(r.nextInt(9) - 4, 1 + r.nextInt(4));
            Rational b = r.nextInt(4) == 0 ? a.negate() : Rational.of(r.nextInt(9) - 4, 1 + r.nextInt(4));
            Polynomial p = Polynomial.term(a, m);
            Polynomial q = Polynomial.term(b, m2);
            Map<String, Rational> pt = Map.of("d", Rational.of(2, 3), "m", Rational.of(5), "n", Rational.of(-7, 2));
            Polynomial sum = p.add(q);
            assertEquals(p.evaluate(pt).add(q.evaluate(pt)), sum.evaluate(pt));
            if (m.equals(m2) && a.add(b).isZero()) assertEquals(Polynomial.ZERO, sum);
            assertEquals(sum.toString(), Polynomial.parse(sum.toString()).toString());
        }
    }

    @Test
    void pointEvaluationWithSquaredSymbols() {
        Polynomial p = Polynomial.parse("3*sigma^4*d - sigma^2*n^-1");
        // 3*(1/4)*2 - (1/2)*(1/3) = 3/2 - 1/6 = 4/3
        assertEquals(Rational.of(4, 3), Point.parse("d=2, n=3, sigma2=1/2").evaluate(p));
        assertThrows(IllegalArgumentException.class, () -> Point.parse("d=2,n=3,sigma2=1/2").evaluate(Polynomial.parse("sigma*d")));
        assertThrows(IllegalArgumentException.class, () -> Point.parse("d=2,n=0,sigma=1").evaluate(p));
        assertThrows(IllegalArgumentException.class, () -> Point.parse("d=2,,n=1"));
        assertThrows(IllegalArgumentException.class, () -> Point.parse("d=x"));
        assertThrows(IllegalArgumentException.class, () -> Point.parse("d=1,m=1").requireExactly(java.util.List.of("d", "m", "n")));
        assertThrows(IllegalArgumentException.class, () -> Point.parse("d=1,q=1").requireExactly(java.util.List.of("d")));
    }

    @Test
    void integerPolynomialAccumulatorPromotesOnOverflow() {
        ExponentPacking pk = new ExponentPacking(java.util.List.of("a", "b"));
        IntegerPolynomial.Accumulator acc = new IntegerPolynomial.Accumulator();
        acc.add(IntegerPolynomial.ONE, Long.MAX_VALUE, pk.key("a", 1));
        acc.add(IntegerPolynomial.ONE, Long.MAX_VALUE, pk.key("a", 1));
        acc.add(IntegerPolynomial.ONE, 5, pk.key("b", 2));
        IntegerPolynomial p = acc.build();
        IntegerPolynomial.Accumulator acc2 = new IntegerPolynomial.Accumulator();
        acc2.add(p, 3, 0);
        Polynomial q = acc2.build().toPolynomial(pk, Rational.ONE);
        BigInteger expected = BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.valueOf(6));
        assertEquals(Polynomial.parse(expected + "*a + 15*b^2"), q);
        assertThrows(ArithmeticException.class, () -> ExponentPacking.add(pk.key("a", 200), pk.key("a", 100)));
    }
}
