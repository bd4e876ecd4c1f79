package org.prism.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prism.algebra.Rational;

/** The spectra a covariance's data are drawn from, and the moments of the laws they tend to. */
class SpectrumTest {
    @Test
    void levelsCycleAndTheirLawsMomentsAreExact() {
        assertArrayEquals(new double[] {0.5, 1.5, 0.5, 1.5}, Spectrum.parse("levels:1/2,3/2", 4).eigenvalues());
        // uniform on {1/2, 3/2}: C_k = ((1/2)^k + (3/2)^k)/2
        assertEquals(List.of(Rational.ONE, Rational.of(5, 4), Rational.of(7, 4)), Spectrum.limitMoments("levels:1/2,3/2", 3).orElseThrow());
        // at every d that the number of levels divides, the finite spectrum has the law's moments
        double[] c = Spectrum.parse("levels:1/2,3/2", 6).moments(3);
        assertEquals(1.75, c[2], 1e-15);
        assertEquals(List.of(Rational.ONE, Rational.ONE), Spectrum.limitMoments("spiked:k=2,theta=3", 2).orElseThrow());
        assertTrue(Spectrum.limitMoments("power:alpha=1", 2).isEmpty());
    }
}
