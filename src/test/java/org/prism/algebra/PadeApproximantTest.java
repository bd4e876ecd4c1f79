package org.prism.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PadeApproximantTest {
    @Test
    void recoversARationalFunctionExactly() {
        // (1 + 4x)^-2 = sum_k (k+1)(-4)^k x^k: its [0/2] approximant is itself, 1/(1 + 8x + 16x^2)
        List<Rational> a = new ArrayList<>();
        for (int k = 0; k <= 6; k++) a.add(Rational.of(k + 1).multiply(Rational.of(-4).pow(k)));
        PadeApproximant p = PadeApproximant.of(a, 0, 2);
        assertEquals(List.of(Rational.ONE), p.numerator());
        assertEquals(List.of(Rational.ONE, Rational.of(8), Rational.of(16)), p.denominator());
        // and beyond the radius of convergence 1/4 of the series
        assertEquals(1 / Math.pow(1 + 4 * 3.0, 2), p.value(3.0), 1e-15);
        assertFalse(p.hasPoleOn(100, 1000));
    }

    @Test
    void exponentialConvergesAsDegreesGrow() {
        // e^-x: [n/n] error at x = 2 decreases with n (a convergence test, no pasted numbers)
        List<Rational> a = new ArrayList<>();
        Rational f = Rational.ONE;
        for (int k = 0; k <= 16; k++) {
            a.add(k % 2 == 0 ? Rational.ONE.divide(f) : Rational.ONE.divide(f).negate());
            f = f.multiply(Rational.of(k + 1));
        }
        double prev = Double.MAX_VALUE;
        for (int n = 1; n <= 8; n++) {
            double err = Math.abs(PadeApproximant.of(a, n, n).value(2.0) - Math.exp(-2.0));
            assertTrue(err < prev, "n=" + n + " err=" + err);
            prev = err;
        }
        assertTrue(prev < 1e-12);
    }
}
