package org.prism.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;

class PolynomialRootsTest {
    @Test
    void realRootsOfAFactoredCubic() {
        // (x - 1)(x - 2)(x + 3) = x^3 - 7x + 6
        Complex[] z = PolynomialRoots.ofMonic(new double[] {6, -7, 0});
        Arrays.sort(z, Comparator.comparingDouble(Complex::getReal));
        double[] expected = {-3, 1, 2};
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], z[i].getReal(), 1e-12);
            assertEquals(0, z[i].getImaginary(), 1e-12);
        }
    }

    @Test
    void aComplexPairAndARepeatedRoot() {
        // (x^2 + 1)(x - 1/2)^2 = x^4 - x^3 + 5/4 x^2 - x + 1/4
        Complex[] z = PolynomialRoots.ofMonic(new double[] {0.25, -1, 1.25, -1});
        Arrays.sort(z, Comparator.comparingDouble(Complex::getImaginary).thenComparingDouble(Complex::getReal));
        assertEquals(0, z[0].getReal(), 1e-9);
        assertEquals(-1, z[0].getImaginary(), 1e-9);
        assertEquals(0.5, z[1].getReal(), 1e-6); // a double root is found to about the square root of machine precision
        assertEquals(0.5, z[2].getReal(), 1e-6);
        assertEquals(0, z[3].getReal(), 1e-9);
        assertEquals(1, z[3].getImaginary(), 1e-9);
    }
}
