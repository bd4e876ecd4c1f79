package org.prism.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EntrywiseTaylorOracleTest {

    private static final BigRational HALF = BigRational.of(1, 2);

    private static BigRational[] rats(String... s) {
        return Arrays.stream(s).map(BigRational::parse).toArray(BigRational[]::new);
    }

    private static BigRational[] coeffs(int d, int m, int n, BigRational s2, int order,
            boolean train) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> EntrywiseTaylorOracle.coefficients(d, m, n, s2, order, train));
    }

    /** Reference values from the issue tracker. */
    @Test
    void reproducesReferenceValuesAt211() {
        assertArrayEquals(rats("1", "-38", "10056"), coeffs(2, 1, 1, HALF, 2, true));
        assertArrayEquals(rats("1", "-12", "1936"), coeffs(2, 1, 1, HALF, 2, false));
    }

    /** Reference values from the issue tracker. */
    @Test
    void reproducesReferenceValuesAt221() {
        BigRational third = BigRational.of(1, 3);
        assertEquals(BigRational.parse("151808/27"), coeffs(2, 2, 1, third, 2, true)[2]);
        assertEquals(BigRational.parse("87424/81"), coeffs(2, 2, 1, third, 2, false)[2]);
    }

    /**
     * Higher orders. Expected values were produced independently with a throwaway SymPy script
     * (dense symbolic expansion of D^s L, then Gaussian moments), not by this class.
     */
    @Test
    void higherOrdersMatchIndependentSymbolicExpansion() {
        assertArrayEquals(rats("3/8", "-21/2", "2355", "-1264620"), coeffs(1, 1, 1, HALF, 3, true));
        assertArrayEquals(rats("3/8", "-7/2", "471", "-180660"), coeffs(1, 1, 1, HALF, 3, false));
        assertArrayEquals(rats("1", "-38", "10056", "-6019776"), coeffs(2, 1, 1, HALF, 3, true));
        assertArrayEquals(rats("1", "-12", "1936", "-827520"), coeffs(2, 1, 1, HALF, 3, false));
        assertArrayEquals(rats("3/2", "-84", "15232"), coeffs(2, 2, 2, HALF, 2, true));
        assertArrayEquals(rats("3/2", "-40", "4848"), coeffs(2, 2, 2, HALF, 2, false));
    }

    /**
     * Orders 7..9 exceed 2^63, so this exercises the BigInteger spill paths. Expected values
     * from the same independent SymPy script.
     */
    @Test
    void largeOrdersAreExactBeyondLongRange() {
        BigRational[] tr = coeffs(1, 1, 1, HALF, 9, true);
        assertArrayEquals(rats("3/8", "-21/2", "2355", "-1264620", "1294997760",
                "-2268620766720", "6279522351822720", "-25873525618253913600",
                "151533620359622787686400", "-1216083184830995814376243200"), tr);
        BigRational[] pop = coeffs(1, 1, 1, BigRational.of(1, 3), 9, false);
        assertArrayEquals(rats("1/3", "-8/9", "64", "-51200/3", "9246720", "-8944803840",
                "14083981148160", "-33731224105779200", "116736002960562585600",
                "-560781749032456657305600"), pop);
    }

    /**
     * At orders 13-14 the intermediate integer polynomials D'^s L' themselves have coefficients
     * beyond 63 bits (spill inside the polynomial). Expected values from the SymPy script.
     */
    @Test
    void veryHighOrdersSpillInsideThePolynomials() {
        BigRational[] tr = coeffs(1, 1, 1, HALF, 14, true);
        assertEquals(BigRational.parse("3164572909327141184791979492590878720000"), tr[12]);
        assertEquals(BigRational.parse("-69555266407385796604030811622347707514880000"), tr[13]);
        assertEquals(BigRational.parse("1879935841185041008371479620301167350227927040000"), tr[14]);
        BigRational[] pop = coeffs(1, 1, 1, HALF, 14, false);
        assertEquals(BigRational.parse("126582916373085647391679179703635148800"), pop[12]);
        assertEquals(BigRational.parse("-2576120978051325800149289319346211389440000"), pop[13]);
        assertEquals(BigRational.parse("64825373833966931323154469665557494835445760000"), pop[14]);
    }

    /**
     * c_0 closed form: E[Sigma] = I and X is independent of W, so c_0(train) = c_0(pop) =
     * 1/2 [ d(d-1) m s^4 + d (2 m s^4 + (m s^2 - 1)^2) ].
     */
    @Test
    void orderZeroMatchesClosedForm() {
        int[][] sizes = {{1, 1, 1}, {2, 1, 1}, {2, 2, 1}, {2, 2, 2}, {3, 2, 2}, {3, 1, 3}};
        BigRational[] s2s = {HALF, BigRational.of(1, 3), BigRational.of(2, 7)};
        for (int[] sz : sizes) {
            for (BigRational s2 : s2s) {
                int d = sz[0];
                int m = sz[1];
                int n = sz[2];
                BigRational s4 = s2.multiply(s2);
                BigRational msm1 = BigRational.of(m).multiply(s2).subtract(BigRational.ONE);
                BigRational expected = HALF.multiply(BigRational.of((long) d * (d - 1) * m)
                        .multiply(s4).add(BigRational.of(d).multiply(
                                BigRational.of(2L * m).multiply(s4).add(msm1.multiply(msm1)))));
                assertEquals(expected, coeffs(d, m, n, s2, 0, true)[0], Arrays.toString(sz));
                assertEquals(expected, coeffs(d, m, n, s2, 0, false)[0], Arrays.toString(sz));
            }
        }
    }

    /** c_1(train) = -E ||grad L_tr||^2 < 0; c_s has sigma^2-degree at most 2 + s. */
    @Test
    void structuralProperties() {
        BigRational[][] p = EntrywiseTaylorOracle.sigma2Polynomials(2, 2, 2, 3, true);
        for (int s = 0; s < p.length; s++) {
            assertTrue(p[s].length <= 3 + s, "degree of c_" + s);
        }
        for (BigRational s2 : new BigRational[] {HALF, BigRational.of(1, 5), BigRational.of(3)}) {
            assertTrue(coeffs(2, 2, 2, s2, 1, true)[1].signum() < 0);
            assertTrue(coeffs(3, 1, 2, s2, 1, true)[1].signum() < 0);
        }
    }

    /** The sizes named in the brief, with rough timing bounds (a few seconds at most). */
    @Test
    void requestedSizesRunQuickly() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (boolean train : new boolean[] {true, false}) {
                assertEquals(4, EntrywiseTaylorOracle.coefficients(2, 1, 1, HALF, 3, train).length);
                assertEquals(4, EntrywiseTaylorOracle.coefficients(1, 1, 1, HALF, 3, train).length);
                assertEquals(3, EntrywiseTaylorOracle.coefficients(2, 2, 2, HALF, 2, train).length);
                assertEquals(4, EntrywiseTaylorOracle.coefficients(2, 2, 2, HALF, 3, train).length);
            }
        });
    }

    @Test
    void rejectsTooManyVariables() {
        assertThrows(IllegalArgumentException.class,
                () -> EntrywiseTaylorOracle.coefficients(4, 4, 4, HALF, 1, true));
    }

    /** Spill of polynomial coefficients beyond the long range and back. */
    @Test
    void polynomialCoefficientsSpillToBigIntegerAndBack() {
        EntrywiseTaylorOracle.Poly p = new EntrywiseTaylorOracle.Poly(4);
        p.add(5L, Long.MAX_VALUE);
        p.add(5L, Long.MAX_VALUE);
        p.add(7L, 3);
        EntrywiseTaylorOracle.Poly q = new EntrywiseTaylorOracle.Poly(4);
        q.addAll(p, 4);
        BigInteger twoMax = BigInteger.valueOf(Long.MAX_VALUE).shiftLeft(1);
        assertEquals(twoMax.shiftLeft(2), valueOf(q, 5L));
        assertEquals(BigInteger.valueOf(12), valueOf(q, 7L));
        q.addBig(5L, twoMax.shiftLeft(2).negate().add(BigInteger.ONE));
        assertEquals(BigInteger.ONE, valueOf(q, 5L));
        assertTrue(!q.isBig(slotOf(q, 5L)));
        q.add(7L, -12);
        assertEquals(1, q.compact().nonZeroCount());
    }

    private static int slotOf(EntrywiseTaylorOracle.Poly p, long key) {
        for (int i = 0; i < p.capacity(); i++) {
            if (p.occupied(i) && p.key(i) == key) {
                return i;
            }
        }
        throw new AssertionError("no key " + key);
    }

    private static BigInteger valueOf(EntrywiseTaylorOracle.Poly p, long key) {
        return p.bigValue(slotOf(p, key));
    }

    @Test
    void bigRationalBasics() {
        assertEquals("3/4", BigRational.parse("6/8").toString());
        assertEquals("-2", BigRational.parse("4/-2").toString());
        assertEquals(BigRational.ZERO, BigRational.parse("0/5"));
        assertEquals(BigRational.of(1, 6), BigRational.of(1, 2).multiply(BigRational.of(1, 3)));
        assertEquals(BigRational.of(5, 6), BigRational.of(1, 2).add(BigRational.of(1, 3)));
        assertEquals(BigRational.of(9, 4), BigRational.of(2, 3).pow(-2));
    }
}
