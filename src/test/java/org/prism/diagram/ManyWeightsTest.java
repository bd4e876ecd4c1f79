package org.prism.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.model.lang.ModelFile;

/**
 * A loss with many weight symbols, each coefficient its own group in the exact engine (the groups were once summed
 * one by one into a growing polynomial, quadratic in their number: 300 weights took a minute at order 1).
 */
class ManyWeightsTest {
    /**
     * L = (a_0 + .. + a_59) ||W||^2 with W d x d ~ N(0, sigma^2): by hand, dW/dt = -2 A W with A the sum of the weights,
     * so c_0 = E L = A sigma^2 d^2 and c_1 = E dL/dt = -|grad L|^2 = -4 A^2 E||W||^2 = -4 A^2 sigma^2 d^2: 1830 terms.
     */
    @Test
    void sixtyWeightsGiveTheHandDerivedCoefficients() {
        int k = 60;
        List<String> names = new ArrayList<>();
        StringBuilder loss = new StringBuilder();
        for (int i = 0; i < k; i++) {
            names.add("a" + i);
            loss.append(i == 0 ? "" : " + ").append("a").append(i).append(" * tr(W W^T)");
        }
        String text = "model many-weights\nsize d\nsymbol " + String.join(", ", names) + "\nparam W[d, d] ~ normal(0, sigma^2)\nloss pop = "
                + loss + "\nflow gradient(pop)\n";
        ExpectedLoss engine = ModelEngine.of(ModelFile.parse(text, "many.prism")).exact("pop");
        Polynomial a = Polynomial.ZERO;
        for (String n : names) a = a.add(Polynomial.symbol(n));
        Polynomial scale = Polynomial.term(Rational.ONE, Monomial.of(Map.of("sigma", 2, "d", 2)));
        assertEquals(a.multiply(scale), engine.coefficient(0));
        Polynomial c1 = a.multiply(a).multiply(scale).multiply(Rational.of(-4));
        assertEquals(k + k * (k - 1) / 2, c1.terms().size());
        assertEquals(c1, engine.coefficient(1));
    }
}
