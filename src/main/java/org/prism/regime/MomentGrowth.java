package org.prism.regime;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.prism.algebra.Monomial;
import org.prism.algebra.Rational;
import org.prism.geometry.IntVector;

/**
 * How the moments $C_k = \operatorname{tr}(C^k)/s$ of a model's covariance scale with its size $s$:
 * $C_k \sim s^{g_k}$ times an $O(1)$ constant. The regime derivation reads a term
 * $\mu \prod_k C_k^{e_k}$ as the monomial $\mu\, s^{\sum_k e_k g_k}$ (its exponent vector, {@link #vector}) with
 * the moment monomial $\prod_k C_k^{e_k}$ as part of its coefficient ({@link #momentPart}); so terms that differ
 * only in their moments add up to one coefficient, a polynomial in the moments, which is nonzero exactly when
 * one of them is (distinct moment monomials are independent functions of the spectrum).
 *
 * <ul>
 * <li>{@link #bounded}: a spectrum with a limiting law, every $g_k = 0$;</li>
 * <li>{@link #powerLaw}: $\lambda_i = i^{-\alpha}$, $i = 1..s$, divided by their mean (so $C_1 = 1$, as
 * {@code simulate --spectrum power} draws them). Then $\operatorname{tr}(C^k) / s \sim s^{-\min(1, \alpha k)}$ before
 * normalising and the mean is $\sim s^{-\min(1,\alpha)}$, so $g_k = k\min(1, \alpha) - \min(1, \alpha k)$: 0 while
 * $\alpha k < 1$, $\alpha k - 1$ for $\alpha \le 1 < \alpha k$, $k - 1$ for $\alpha \ge 1$. At $\alpha k = 1$ and at
 * $\alpha = 1$ a logarithm multiplies the power; the derivation, which reads powers, ignores it.</li>
 * </ul>
 * Growth exponents are rational; the derivation works with integer exponent vectors, so it multiplies every vector
 * by {@link #scale} (the common denominator), which scales every Newton polytope and P alike and keeps their faces.
 *
 * @param size the covariance's size symbol
 * @param growth per moment symbol ($C_1, C_2, \dots$ in order) its exponent $g_k$
 * @param description how the growth was stated, e.g. {@code power:alpha=1/2}
 */
public record MomentGrowth(String size, Map<String, Rational> growth, String description) {
    public MomentGrowth {
        growth = new TreeMap<>(growth);
    }

    /** Moments bounded as the size grows: a spectrum with a limiting law. */
    public static MomentGrowth bounded(String size, List<String> moments) {
        Map<String, Rational> g = new TreeMap<>();
        for (String m : moments) g.put(m, Rational.ZERO);
        return new MomentGrowth(size, g, "bounded");
    }

    /** The normalised power law $\lambda_i \propto i^{-\alpha}$, $\alpha > 0$; {@code moments} are $C_1, C_2, \dots$ in order. */
    public static MomentGrowth powerLaw(String size, List<String> moments, Rational alpha) {
        if (alpha.signum() <= 0) throw new IllegalArgumentException("a power law needs alpha > 0, got " + alpha);
        Map<String, Rational> g = new TreeMap<>();
        Rational one = Rational.ONE;
        Rational a = min(one, alpha);
        for (int k = 1; k <= moments.size(); k++) g.put(moments.get(k - 1), a.multiply(k).subtract(min(one, alpha.multiply(k))));
        return new MomentGrowth(size, g, "power:alpha=" + alpha);
    }

    /** The values of alpha at which some $g_k$, $k \le K$, changes slope: $1/k$ for $k = 1..K$. */
    public static List<Rational> breakpoints(int moments) {
        List<Rational> out = new ArrayList<>();
        for (int k = moments; k >= 1; k--) out.add(Rational.of(1, k));
        return out;
    }

    private static Rational min(Rational a, Rational b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The moment symbols. */
    public List<String> moments() {
        return List.copyOf(growth.keySet());
    }

    /** The common denominator of the growth exponents: exponent vectors are multiplied by it to stay integer. */
    public int scale() {
        BigInteger q = BigInteger.ONE;
        for (Rational g : growth.values()) q = q.divide(q.gcd(g.denominator())).multiply(g.denominator());
        return q.intValueExact();
    }

    /** Whether every growth exponent is 0. */
    public boolean isBounded() {
        return growth.values().stream().allMatch(Rational::isZero);
    }

    /**
     * The exponent vector of {@code m}, its moments read as powers of the size, in {@code space}, whose
     * {@link ExponentSpace#root} must be a multiple of {@link #scale}.
     */
    public IntVector vector(Monomial m, ExponentSpace space) {
        int q = space.root();
        if (q % scale() != 0) throw new IllegalArgumentException("the exponent space's root " + q + " is no multiple of " + scale());
        long[] x = new long[space.dimension()];
        Rational extra = Rational.ZERO;
        for (Map.Entry<String, Integer> e : m.exponents().entrySet()) {
            Rational g = growth.get(e.getKey());
            if (g != null) {
                extra = extra.add(g.multiply(e.getValue()));
            } else {
                x[space.index(e.getKey())] += (long) q * e.getValue();
            }
        }
        Rational s = extra.multiply(q);
        if (!s.isZero()) x[space.index(size)] += s.numerator().longValueExact();
        return IntVector.of(x);
    }

    /** The moments of {@code m}: the part of its coefficient that the derivation does not scale. */
    public Monomial momentPart(Monomial m) {
        Map<String, Integer> e = new TreeMap<>();
        m.exponents().forEach((k, v) -> {
            if (growth.containsKey(k)) e.put(k, v);
        });
        return Monomial.of(e);
    }

    /**
     * {@code bounded} or {@code power:alpha=A} (A a number or fraction), for the moments {@code moments} of a covariance
     * over {@code size}; a spectrum with a limiting law as {@code simulate} takes it ({@code levels:..}, {@code spiked:..},
     * {@code file:..}) is bounded.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static MomentGrowth parse(String text, String size, List<String> moments) {
        String t = text.strip();
        // a spectrum with a limiting law (simulate's levels, spiked, file) has bounded moments
        if (t.equals("bounded") || t.startsWith("levels:") || t.startsWith("spiked:") || t.startsWith("file:")) return bounded(size, moments);
        if (t.startsWith("power:alpha=")) {
            Rational alpha;
            try {
                alpha = Rational.parse(t.substring("power:alpha=".length()).strip());
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("--spectrum '" + text + "': alpha is not a number");
            }
            return powerLaw(size, moments, alpha);
        }
        throw new IllegalArgumentException("--spectrum '" + text + "': expected bounded, power:alpha=A, levels:L1,.., spiked:k=K,theta=T or file:PATH");
    }

    /** The moments of no model: every symbol is scaled as it is. */
    public static MomentGrowth none() {
        return new MomentGrowth("", Map.of(), "none");
    }
}
