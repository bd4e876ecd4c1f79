package org.prism.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.model.MatrixLowering;
import org.prism.model.MatrixModel;
import org.prism.model.TensorModel;
import org.prism.model.lang.Examples;
import org.prism.oracle.CpEntrywiseOracle;

/**
 * The network engine on the model files of {@code examples/}, as the grammar writes them in the IR:
 * the matrix examples against the matrix engine on their lowering (trace words, cyclic-word Wick
 * recursion), the CP examples against the entrywise CP oracle.
 */
class NetworkEngineTest {
    private static TensorModel model(String name) {
        return Examples.read(name).model();
    }

    @ParameterizedTest(name = "{0} up to c_{1}")
    @CsvSource({"tied-autoencoder,3", "untied-autoencoder,3", "teacher-student,3", "deep-linear,2"})
    void matrixExamplesAgreeWithTheMatrixEngine(String name, int maxOrder) {
        TensorModel model = model(name);
        MatrixModel matrix = MatrixLowering.lower(model).orElseThrow();
        NetworkEngine networks = new NetworkEngine(model);
        MatrixEngine words = new MatrixEngine(matrix);
        assertEquals(words.losses(), networks.losses());
        for (String loss : networks.losses()) {
            ExpectedLoss a = networks.exact(loss);
            ExpectedLoss b = words.exact(loss);
            for (int s = 0; s <= maxOrder; s++) assertEquals(b.coefficient(s), a.coefficient(s), name + " " + loss + " c_" + s);
        }
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0} up to c_{1}")
    @CsvSource({"untied-autoencoder,4", "deep-linear,3", "teacher-student,5"})
    void matrixExamplesAgreeWithTheMatrixEngineAtHigherOrders(String name, int maxOrder) {
        matrixExamplesAgreeWithTheMatrixEngine(name, maxOrder);
    }

    /** $c$ at integer $p, H$: power of $\sigma$ to exact value. */
    private static Map<Integer, String> atSizes(Polynomial c, int p, int h) {
        Map<Integer, Rational> bySigma = new TreeMap<>();
        for (Map.Entry<Monomial, Rational> t : c.terms().entrySet()) {
            Monomial m = t.getKey();
            bySigma.merge(m.exponent("sigma"), t.getValue().multiply(Rational.of(p).pow(m.exponent("p"))).multiply(Rational.of(h).pow(m.exponent("H"))), Rational::add);
        }
        Map<Integer, String> out = new TreeMap<>();
        bySigma.forEach((k, v) -> {
            if (!v.isZero()) out.put(k, v.numerator() + "/" + v.denominator());
        });
        return out;
    }

    @ParameterizedTest(name = "{0} up to c_{3}")
    @CsvSource({"cp3-sym,3,true,2", "cp3-asym,3,false,2", "cp4-sym,4,true,2"})
    void cpExamplesAgreeWithTheEntrywiseOracle(String name, int nu, boolean symmetric, int maxOrder) {
        ExpectedLoss engine = new NetworkEngine(model(name)).exact("pop");
        for (int s = 0; s <= maxOrder; s++) {
            Map<Integer, String> oracle = new TreeMap<>();
            CpEntrywiseOracle.coefficient(nu, symmetric, 2, 2, s).forEach((k, v) -> oracle.put(k, v.num() + "/" + v.den()));
            assertEquals(oracle, atSizes(engine.coefficient(s), 2, 2), name + " c_" + s);
        }
    }

    @Test
    void symbolsAndEngineChoices() {
        NetworkEngine e = new NetworkEngine(model("deep-linear"));
        assertEquals(List.of("sigma_1", "sigma_2", "sigma_3", "d", "h1", "h2", "n"), e.symbols());
        assertTrue(e.matrixModel().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> e.leading("pop"));
        assertThrows(IllegalArgumentException.class, () -> e.exact("nope"));
    }
}
