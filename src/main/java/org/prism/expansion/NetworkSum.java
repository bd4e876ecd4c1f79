package org.prism.expansion;

import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;

/**
 * A linear combination $\sum_N c_N\, N$ of canonical {@link TensorNetwork}s with polynomial
 * coefficients (the empty network stands for the scalar 1). Immutable; equal networks are merged
 * when built (their coefficients added) and zero terms dropped, so cancellations between
 * different routes to the same network happen here; networks sorted by key.
 */
public final class NetworkSum {
    private final SortedMap<TensorNetwork, Polynomial> terms;

    private NetworkSum(TreeMap<TensorNetwork, Polynomial> terms) {
        this.terms = Collections.unmodifiableSortedMap(terms);
    }

    public static NetworkSum of(Map<TensorNetwork, Polynomial> terms) {
        TreeMap<TensorNetwork, Polynomial> t = new TreeMap<>();
        terms.forEach((n, c) -> {
            if (!c.isZero()) t.put(n, c);
        });
        return new NetworkSum(t);
    }

    public SortedMap<TensorNetwork, Polynomial> terms() {
        return terms;
    }

    /** $-S$. */
    public NetworkSum negate() {
        TreeMap<TensorNetwork, Polynomial> t = new TreeMap<>();
        terms.forEach((n, c) -> t.put(n, c.negate()));
        return new NetworkSum(t);
    }

    /** Number of distinct networks. */
    public int size() {
        return terms.size();
    }

    /** The lcm of the denominators of every rational in every coefficient (1 for none). */
    public BigInteger commonDenominator() {
        BigInteger lcm = BigInteger.ONE;
        for (Polynomial c : terms.values()) {
            for (Rational r : c.terms().values()) {
                BigInteger q = r.denominator();
                lcm = lcm.divide(lcm.gcd(q)).multiply(q);
            }
        }
        return lcm;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        terms.forEach((n, c) -> sb.append('(').append(c).append(") ").append(n).append('\n'));
        return sb.toString();
    }

    /** A mutable sum, merged by canonical network; safe for concurrent {@link #add}. */
    public static final class Builder {
        private final ConcurrentHashMap<TensorNetwork, Polynomial> terms = new ConcurrentHashMap<>();
        private final NetworkAlphabet alphabet;

        /** @param alphabet names the sizes of free loops (may be null if no loops are added) */
        public Builder(NetworkAlphabet alphabet) {
            this.alphabet = alphabet;
        }

        public Builder add(TensorNetwork n, Polynomial c) {
            if (!c.isZero()) terms.merge(n, c, Polynomial::add);
            return this;
        }

        /** Adds $c \prod \text{loops} \cdot N$ for a canonicalised network with its free loops. */
        public Builder add(TensorNetwork.Canonical n, Polynomial c) {
            return add(n.network(), n.loopCount() == 0 ? c : c.multiply(Rational.ONE, alphabet.loops(n.loops())));
        }

        public Builder add(NetworkSum s) {
            s.terms.forEach(this::add);
            return this;
        }

        public NetworkSum build() {
            return of(terms);
        }
    }
}
