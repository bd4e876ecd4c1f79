package org.prism.expansion;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.prism.algebra.Polynomial;

/**
 * A linear combination $\sum_w c_w \operatorname{tr}(w)$ of canonical trace words with polynomial
 * coefficients (the empty word stands for the scalar 1). Immutable; zero terms dropped; words
 * sorted (length, then letters).
 */
public final class TraceSum {
    private final SortedMap<CyclicWord, Polynomial> terms;

    private TraceSum(TreeMap<CyclicWord, Polynomial> terms) {
        this.terms = Collections.unmodifiableSortedMap(terms);
    }

    public static TraceSum of(Map<CyclicWord, Polynomial> terms) {
        TreeMap<CyclicWord, Polynomial> t = new TreeMap<>();
        terms.forEach((w, c) -> {
            if (!c.isZero()) t.put(w, c);
        });
        return new TraceSum(t);
    }

    public SortedMap<CyclicWord, Polynomial> terms() {
        return terms;
    }

    public int size() {
        return terms.size();
    }

    /** The lcm of the denominators of every rational in every coefficient (1 for none). */
    public java.math.BigInteger commonDenominator() {
        java.math.BigInteger lcm = java.math.BigInteger.ONE;
        for (Polynomial c : terms.values()) {
            for (org.prism.algebra.Rational r : c.terms().values()) {
                java.math.BigInteger q = r.denominator();
                lcm = lcm.divide(lcm.gcd(q)).multiply(q);
            }
        }
        return lcm;
    }

    /** A mutable sum, merged by canonical word. */
    public static final class Builder {
        private final Map<CyclicWord, Polynomial> terms = new HashMap<>();

        public Builder add(CyclicWord w, Polynomial c) {
            terms.merge(w, c, Polynomial::add);
            return this;
        }

        public TraceSum build() {
            return of(terms);
        }
    }
}
