package org.prism.diagram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prism.algebra.Rational;

class TruncatedSeriesTest {
    @Test
    void valueIsTheSumOfCsTimesTToTheSOverSFactorial() {
        // 1 + 2 t + 3 t^2/2 + 4 t^3/6 at t = 1/2: 1 + 1 + 3/8 + 1/12 = 59/24 (by hand)
        TruncatedSeries s = new TruncatedSeries(List.of(Rational.of(1), Rational.of(2), Rational.of(3), Rational.of(4)));
        assertEquals(3, s.order());
        assertEquals(59.0 / 24, s.value(0.5), 1e-15);
        // at t = 0 the series is c_0; at t = -1: 1 - 2 + 3/2 - 4/6 = -1/6
        assertArrayEquals(new double[] {1, -1.0 / 6}, s.values(new double[] {0, -1}), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new TruncatedSeries(List.of()));
    }
}
