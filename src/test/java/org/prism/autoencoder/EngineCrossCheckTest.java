package org.prism.autoencoder;

import org.prism.regime.Scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prism.autoencoder.LimitTestSupport.exact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.diagram.LossCoefficients;
import org.prism.model.Models;

/**
 * Each regime's exact Taylor coefficients against the leading term of the exact finite-size
 * coefficients c_s(sigma, d, m, n) of the diagram engine under the regime's scaling (an
 * independent route: Wick diagrams, no limit formula). Orders s <= 4.
 */
class EngineCrossCheckTest {
    static final int S = 4;
    static List<Polynomial> train = new ArrayList<>();
    static List<Polynomial> pop = new ArrayList<>();

    @BeforeAll
    static void compute() {
        LossCoefficients t = new LossCoefficients(Models.tiedAutoencoder(), "train");
        LossCoefficients p = new LossCoefficients(Models.tiedAutoencoder(), "pop");
        for (int s = 0; s <= S; s++) {
            train.add(t.coefficient(s));
            pop.add(p.coefficient(s));
        }
    }

    /**
     * Substitutes sigma^2 = S2 d^a2, m = M d^am, n = N d^an for a term and collects by the exponents
     * (power of d, extra exponent of a second small parameter) -> coefficient. {@code second} gives
     * each term's exponent of the second parameter.
     */
    interface Scaling {
        /** [power of d, power of the secondary parameter] of a monomial. */
        int[] powers(Monomial m);

        /** The value of the monomial with the d- and secondary powers removed. */
        Rational value(Monomial m);
    }

    /** Collects a polynomial by (d power, secondary power), keeping the lexicographically largest key. */
    static Map.Entry<List<Integer>, Rational> leading(Polynomial c, Scaling sc, boolean secondaryLargest) {
        TreeMap<List<Integer>, Rational> byPower = new TreeMap<>((a, b) -> {
            int cmp = Integer.compare(a.get(0), b.get(0));
            if (cmp != 0) return cmp;
            return secondaryLargest ? Integer.compare(a.get(1), b.get(1)) : Integer.compare(b.get(1), a.get(1));
        });
        for (Map.Entry<Monomial, Rational> t : c.terms().entrySet()) {
            int[] pw = sc.powers(t.getKey());
            byPower.merge(List.of(pw[0], pw[1]), t.getValue().multiply(sc.value(t.getKey())), Rational::add);
        }
        byPower.values().removeIf(Rational::isZero);
        return byPower.lastEntry();
    }

    private static int sig(Monomial m) {
        int a = m.exponent("sigma");
        assertEquals(0, a % 2);
        return a / 2;
    }

    @Test
    void largeData() {
        // sigma^2 = g/d, m = y d, n -> infinity (terms with n^-k dropped)
        Rational g = Rational.of(3, 7), y = Rational.of(2, 5);
        List<Rational> f = new LargeDataLimit().taylor(Map.of("g", g, "y", y), S).train();
        for (int s = 0; s <= S; s++) {
            for (Polynomial full : List.of(train.get(s), pop.get(s))) {
                Polynomial nInfinite = Polynomial.ZERO; // n -> infinity first: only the n^0 terms survive
                for (Map.Entry<Monomial, Rational> t : full.terms().entrySet()) {
                    assertTrue(t.getKey().exponent("n") <= 0);
                    if (t.getKey().exponent("n") == 0) nInfinite = nInfinite.add(Polynomial.term(t.getValue(), t.getKey()));
                }
                var lead = leading(nInfinite, new Scaling() {
                    public int[] powers(Monomial m) {
                        return new int[] {m.exponent("d") + m.exponent("m") - sig(m), 0};
                    }

                    public Rational value(Monomial m) {
                        return g.pow(sig(m)).multiply(y.pow(m.exponent("m")));
                    }
                }, true);
                assertEquals(List.of(1, 0), lead.getKey(), "s=" + s);
                assertEquals(f.get(s), lead.getValue(), "s=" + s);
            }
        }
    }

    @Test
    void meanField() {
        // sigma^2 = a0/m, n = d/gamma, m = Y d: leading d^1, then Y^0 as Y -> infinity
        Rational a0 = Rational.of(7, 4), gamma = Rational.of(5, 3);
        LimitSeries f = new MeanFieldLimit().taylor(Map.of("a0", a0, "gamma", gamma), S);
        for (int s = 0; s <= S; s++) {
            for (int which = 0; which < 2; which++) {
                Polynomial c = (which == 0 ? train : pop).get(s);
                var lead = leading(c, new Scaling() {
                    public int[] powers(Monomial m) {
                        int e = m.exponent("n");
                        return new int[] {m.exponent("d") + e + m.exponent("m") - sig(m), m.exponent("m") - sig(m)};
                    }

                    public Rational value(Monomial m) {
                        return a0.pow(sig(m)).multiply(gamma.pow(-m.exponent("n")));
                    }
                }, true);
                assertEquals(List.of(1, 0), lead.getKey(), "s=" + s);
                assertEquals((which == 0 ? f.train() : f.pop()).get(s), lead.getValue(), "s=" + s + " which=" + which);
            }
        }
    }

    @Test
    void narrowLatent() {
        // sigma^2 = g/d, n = d/gamma, m fixed: the d^0 part must be m * f_s (after removing d/2 from c_0)
        Rational g0 = Rational.of(3, 7), gamma = Rational.of(5, 3);
        LimitSeries f = new NarrowLatentLimit().taylor(Map.of("g", g0, "gamma", gamma), S);
        for (int s = 0; s <= S; s++) {
            for (int which = 0; which < 2; which++) {
                Polynomial c = (which == 0 ? train : pop).get(s);
                if (s == 0) c = c.subtract(Polynomial.parse("1/2*d"));
                // keep m symbolic: collect d^k m^j
                Map<List<Integer>, Rational> by = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0)) ? Integer.compare(a.get(1), b.get(1)) : Integer.compare(a.get(0), b.get(0)));
                for (Map.Entry<Monomial, Rational> t : c.terms().entrySet()) {
                    Monomial m = t.getKey();
                    int e = m.exponent("n");
                    List<Integer> key = List.of(m.exponent("d") + e - sig(m), m.exponent("m"));
                    by.merge(key, t.getValue().multiply(g0.pow(sig(m))).multiply(gamma.pow(-e)), Rational::add);
                }
                by.values().removeIf(Rational::isZero);
                for (List<Integer> k : by.keySet()) assertTrue(k.get(0) <= 0, "no growing powers of d: " + k);
                Rational linear = by.getOrDefault(List.of(0, 1), Rational.ZERO);
                assertEquals((which == 0 ? f.train() : f.pop()).get(s), linear, "s=" + s + " which=" + which);
                for (List<Integer> k : by.keySet()) if (k.get(0) == 0) assertEquals(1, k.get(1), "only m^1 at d^0: " + k);
            }
        }
    }

    @Test
    void smallData() {
        // sigma^2 = g/d, m = y d, n = eps d: leading d^1; then train ~ eps^-s f_s, pop ~ eps^(1-s) f_s (s >= 1)
        Rational g = Rational.of(3, 7), y = Rational.of(2, 5);
        LimitSeries f = new SmallDataLimit().taylor(exact("g", "3/7", "y", "2/5"), S);
        for (int s = 0; s <= S; s++) {
            for (int which = 0; which < 2; which++) {
                if (which == 1 && s == 0) continue;
                Polynomial c = (which == 0 ? train : pop).get(s);
                var lead = leading(c, new Scaling() {
                    public int[] powers(Monomial m) {
                        int e = m.exponent("n");
                        return new int[] {m.exponent("d") + m.exponent("m") + e - sig(m), e};
                    }

                    public Rational value(Monomial m) {
                        return g.pow(sig(m)).multiply(y.pow(m.exponent("m")));
                    }
                }, false);
                assertEquals(List.of(1, which == 0 ? -s : 1 - s), lead.getKey(), "s=" + s + " which=" + which);
                assertEquals((which == 0 ? f.train() : f.pop()).get(s), lead.getValue(), "s=" + s + " which=" + which);
            }
        }
    }
}
