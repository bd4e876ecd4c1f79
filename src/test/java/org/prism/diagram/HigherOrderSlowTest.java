package org.prism.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prism.algebra.Point;
import org.prism.algebra.Polynomial;
import org.prism.model.Models;
import org.prism.oracle.BigRational;
import org.prism.oracle.EntrywiseTaylorOracle;

/** Higher orders against the entrywise oracle (mvn -Pslow test). */
@Tag("slow")
class HigherOrderSlowTest {
    @ParameterizedTest(name = "d={0} m={1} n={2} up to c_{3}")
    @CsvSource({"1,1,1,9", "2,1,1,6", "2,2,2,5", "1,2,3,5"})
    void exactCoefficientsAgreeWithTheOracle(int d, int m, int n, int maxOrder) {
        for (String loss : new String[] {"train", "pop"}) {
            LossCoefficients engine = new LossCoefficients(Models.tiedAutoencoder(), loss);
            BigRational[] oracle = EntrywiseTaylorOracle.coefficients(d, m, n, BigRational.of(2, 5), maxOrder, loss.equals("train"));
            Point at = Point.parse("d=" + d + ",m=" + m + ",n=" + n + ",sigma2=2/5");
            for (int s = 0; s <= maxOrder; s++) {
                Polynomial c = engine.coefficient(s);
                assertEquals(oracle[s].toString(), at.evaluate(c).toString(), loss + " c_" + s);
            }
        }
    }

    @ParameterizedTest(name = "pop c_{0}")
    @CsvSource({"4"})
    void diagramSumEqualsRecursionAtOrderFour(int s) {
        LossCoefficients exact = new LossCoefficients(Models.tiedAutoencoder(), "pop");
        assertEquals(exact.coefficient(s), DiagramExpansion.of(exact.expansion(), "pop", s, null).total());
    }
}
