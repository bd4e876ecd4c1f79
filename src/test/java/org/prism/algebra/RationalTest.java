package org.prism.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Rational against an independent route: unreduced BigInteger cross-multiplication. */
class RationalTest {
    /** a/b == c/d as unreduced fractions. */
    private static boolean same(Rational r, BigInteger p, BigInteger q) {
        return r.numerator().multiply(q).equals(p.multiply(r.denominator()));
    }

    @Provide
    Arbitrary<Long> longs() {
        // near the overflow edges as well as small values
        return Arbitraries.oneOf(Arbitraries.longs().between(-50, 50), Arbitraries.longs(),
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1, 1L << 62, -(1L << 62)));
    }

    @Provide
    Arbitrary<Long> nonZero() {
        return longs().filter(x -> x != 0);
    }

    @Property(tries = 2000, seed = "20261123")
    void addAndMultiplyMatchBigIntegerCrossProducts(@ForAll("longs") long a, @ForAll("nonZero") long b,
            @ForAll("longs") long c, @ForAll("nonZero") long d) {
        BigInteger A = BigInteger.valueOf(a), B = BigInteger.valueOf(b), C = BigInteger.valueOf(c), D = BigInteger.valueOf(d);
        Rational x = Rational.of(a, b);
        Rational y = Rational.of(c, d);
        assertTrue(same(x.add(y), A.multiply(D).add(C.multiply(B)), B.multiply(D)));
        assertTrue(same(x.subtract(y), A.multiply(D).subtract(C.multiply(B)), B.multiply(D)));
        assertTrue(same(x.multiply(y), A.multiply(C), B.multiply(D)));
        int expected = A.multiply(D).subtract(C.multiply(B)).signum() * B.multiply(D).signum();
        assertEquals(expected, Integer.signum(x.compareTo(y)));
    }

    @Property(tries = 1000, seed = "20261123")
    void canonicalFormAndRoundTrip(@ForAll("longs") long a, @ForAll("nonZero") long b) {
        Rational x = Rational.of(a, b);
        assertEquals(BigInteger.ONE, x.numerator().gcd(x.denominator()));
        assertTrue(x.denominator().signum() > 0);
        assertEquals(x, Rational.parse(x.toString()));
        // the same value built through BigInteger is equal (one canonical representation)
        assertEquals(x, Rational.of(BigInteger.valueOf(a).multiply(BigInteger.TEN), BigInteger.valueOf(b).multiply(BigInteger.TEN)));
        assertEquals(x.hashCode(), Rational.of(BigInteger.valueOf(a), BigInteger.valueOf(b)).hashCode());
    }

    @Test
    void overflowFallsBackInsteadOfWrapping() {
        Rational big = Rational.of(Long.MAX_VALUE);
        assertEquals(new BigInteger("18446744073709551614"), big.add(big).numerator());
        assertEquals(new BigInteger("85070591730234615847396907784232501249"), big.multiply(big).numerator());
        assertEquals(Rational.of(Long.MAX_VALUE), big.add(big).subtract(big));
        assertEquals(new BigInteger("9223372036854775808"), Rational.of(Long.MIN_VALUE).negate().numerator());
    }

    @Test
    void sumReachingLongMinValueIsExact() {
        // found by the property above: -(MAX-1)/MAX - 2/MAX = -2^63/MAX, whose numerator is Long.MIN_VALUE
        Rational x = Rational.of(Long.MAX_VALUE - 1, -Long.MAX_VALUE);
        Rational y = Rational.of(2, -Long.MAX_VALUE);
        assertEquals(Rational.of(BigInteger.TWO.pow(63).negate(), BigInteger.valueOf(Long.MAX_VALUE)), x.add(y));
    }

    @Test
    void parseAndPrint() {
        assertEquals("-3/2", Rational.parse("6/-4").toString());
        assertEquals("7", Rational.parse(" 14/2 ").toString());
        assertEquals(Rational.of(1, 3).pow(-2), Rational.of(9));
        assertThrows(NumberFormatException.class, () -> Rational.parse("1/0"));
        // decimals are read exactly, as the decimal fraction typed (not the nearest double)
        assertEquals(Rational.of(1, 4), Rational.parse("0.25"));
        assertEquals(Rational.of(1, 10), Rational.parse(" 0.1 "));
        assertEquals(Rational.of(1, 1000), Rational.parse("1e-3"));
        assertEquals(Rational.of(-250), Rational.parse("-2.5E2"));
        assertThrows(NumberFormatException.class, () -> Rational.parse("1e999999999"), "an exponent that would expand to a huge integer");
        assertThrows(NumberFormatException.class, () -> Rational.parse("1.2.3"));
        assertThrows(NumberFormatException.class, () -> Rational.parse("x"));
        assertThrows(ArithmeticException.class, () -> Rational.ZERO.reciprocal());
    }
}
