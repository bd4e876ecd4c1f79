package org.prism.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prism.geometry.IntVector;

/** Ratio names and their roots: written by {@link ExponentSpace#rootRatio}, read back by parseRatio and rootOrder. */
class ExponentSpaceTest {
    private final ExponentSpace space = new ExponentSpace(List.of("sigma", "d", "n"));

    @Test
    void aRootThatDividesEveryExponentIsAMonomial() {
        // (sigma^4 d^2 / n^2)^(1/2) = sigma^2 d / n
        assertEquals("sigma^2*d/n", space.rootRatio(IntVector.of(4, 2, -2), 2));
        assertEquals("1", space.rootRatio(IntVector.of(0, 0, 0), 2));
        assertEquals("d/n", space.rootRatio(IntVector.of(0, 1, -1), 1));
    }

    @Test
    void anyOtherRootIsWrittenAsOne() {
        assertEquals("(sigma^2*d)^(1/2)", space.rootRatio(IntVector.of(2, 1, 0), 2));
        assertEquals("(d)^(1/2)", space.rootRatio(IntVector.of(0, 1, 0), 2));
        assertEquals("(1/(sigma^2*d))^(1/3)", space.rootRatio(IntVector.of(-2, -1, 0), 3));
    }

    @Test
    void rootsReadBack() {
        for (IntVector x : List.of(IntVector.of(2, 1, 0), IntVector.of(0, 1, 0), IntVector.of(-2, -1, 0), IntVector.of(1, 2, -1))) {
            for (int k : new int[] {2, 3}) {
                String name = space.rootRatio(x, k);
                assertEquals(k, ExponentSpace.rootOrder(name), name);
                assertEquals(x, space.parseRatio(name), name); // the name carries the root, the vector is the monomial's
            }
        }
        assertEquals(1, ExponentSpace.rootOrder("sigma^2*d/n"));
        assertEquals(2, ExponentSpace.rootOrder("( sigma^2*d )^(1/2)"));
        assertEquals(IntVector.of(2, 1, -1), space.parseRatio(space.rootRatio(IntVector.of(4, 2, -2), 2)));
    }
}
