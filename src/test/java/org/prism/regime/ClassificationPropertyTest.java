package org.prism.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.model.lang.Examples;

/**
 * classify against the coefficients, for random scalings of every example model. The growth of each $c_s$
 * along a scaling is recomputed here by brute force (every term, exponents read from the monomials, no
 * polytope), and classify's numbers must agree: the loss scale is the growth of $c_0$, the last step is the
 * growth of $c_S/c_{S-k}$, and where the derivation saw exact Minkowski steps, every one of those steps grows
 * by exactly the per-order growth classify reports; where P is settled no step grows faster.
 */
class ClassificationPropertyTest {
    /**
     * Example and order: the lowest order at which each example's P is settled, or 4 (deep-linear is settled
     * from order 5, which takes 20 s: that one runs in the slow profile, and at order 4 here).
     */
    static Stream<Arguments> examples() {
        List<Arguments> out = new ArrayList<>();
        for (String name : Examples.MATRIX) out.add(Arguments.of(name, name.equals("untied-autoencoder") ? 5 : 4));
        for (String name : Examples.TENSOR) out.add(Arguments.of(name, name.equals("cp3-sym") ? 5 : 4));
        return out.stream();
    }

    /** $\max_{x \in c} \langle u, x\rangle$ over every term, straight from the monomials. */
    static Rational growth(Polynomial c, Map<String, Rational> u) {
        Rational best = null;
        for (Monomial m : c.terms().keySet()) {
            Rational g = Rational.ZERO;
            for (Map.Entry<String, Integer> e : m.exponents().entrySet()) g = g.add(u.getOrDefault(e.getKey(), Rational.ZERO).multiply(Rational.of(e.getValue())));
            if (best == null || g.compareTo(best) > 0) best = g;
        }
        return best;
    }

    @Test
    @Tag("slow")
    void deepLinearOnceSettled() {
        classifyReadsItsGrowthsOffTheCoefficients("deep-linear", 5);
    }

    @ParameterizedTest(name = "{0}, c_0..c_{1}")
    @MethodSource("examples")
    void classifyReadsItsGrowthsOffTheCoefficients(String example, int order) {
        var file = Examples.read(example);
        String loss = file.model().flowLoss();
        if (!file.tracked().contains(loss)) loss = file.tracked().get(0);
        DerivedPrism d = new PrismDerivation(ExampleRegimesTest.engine(file.model()), Map.of()).derive(loss, order, null);
        List<String> sizes = d.sizes();
        int k = d.period();
        Random r = new Random(example.hashCode());
        for (int trial = 0; trial < 40; trial++) {
            Map<String, Rational> u = new LinkedHashMap<>();
            StringBuilder text = new StringBuilder();
            for (String s : d.space().symbols()) {
                int num = sizes.contains(s) ? r.nextInt(7) : r.nextInt(13) - 6;
                Rational p = Rational.of(num, 1 + r.nextInt(3));
                u.put(s, p);
                text.append(text.length() == 0 ? "" : ", ").append(s).append("=N^(").append(p).append(")");
            }
            Scaling sc = Scaling.parse(text.toString(), d.space(), sizes);
            Classification c = Classification.of(sc, d, Math.min(3, order));
            String at = example + " along " + text;
            List<Rational> g = new ArrayList<>();
            for (Polynomial cs : d.coefficients()) g.add(growth(cs, u));
            assertEquals(g, c.orderGrowth(), at);
            assertEquals(g.get(0), c.lossGrowth(), at + ": loss scale");
            Rational last = g.get(order).subtract(g.get(order - k)).divide(Rational.of(k));
            assertEquals(last, c.stepGrowth(), at);
            assertEquals(last.equals(c.perOrderGrowth()), c.reached(), at);
            for (FamilyPolytope.Step st : d.families().steps()) {
                Rational step = g.get(st.to()).subtract(g.get(st.from())).divide(Rational.of(k));
                if (st.exact()) assertEquals(c.perOrderGrowth(), step, at + ": exact step " + st.from() + " -> " + st.to());
                if (d.settled()) assertTrue(step.compareTo(c.perOrderGrowth()) <= 0, at + ": step " + st.from() + " -> " + st.to() + " outgrows P");
            }
            if (d.families().exactFrom() >= 0) assertTrue(c.reached(), at);
            // the loss scale's terms are c_0's terms of that growth
            for (Monomial m : c.lossTerms().terms().keySet()) assertEquals(g.get(0), growth(Polynomial.of(Map.of(m, Rational.ONE)), u), at);
        }
    }
}
