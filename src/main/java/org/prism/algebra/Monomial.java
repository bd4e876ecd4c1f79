package org.prism.algebra;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Laurent monomial $\prod_i x_i^{e_i}$ over named symbols, $e_i \in \mathbb{Z} \setminus \{0\}$.
 *
 * <p>Canonical at creation: symbols sorted by name, zero exponents dropped, so equality is
 * structural. Order ({@link #compareTo}): lexicographic in the exponents over the union of the two
 * symbol sets in name order, larger exponent first, so {@code d^2 > d*m > d > 1 > n^-1}.
 * Printing: {@code "d^2*m*n^-1"}, {@code "1"} for the empty monomial; {@link #parse} inverts it.
 */
public final class Monomial implements Comparable<Monomial>, Serializable {
    public static final Monomial ONE = new Monomial(new String[0], new int[0]);

    private final String[] symbols;
    private final int[] exponents;
    private final int hash;

    private Monomial(String[] symbols, int[] exponents) {
        this.symbols = symbols;
        this.exponents = exponents;
        this.hash = 31 * Arrays.hashCode(symbols) + Arrays.hashCode(exponents);
    }

    /** The monomial {@code symbol^exponent}. */
    public static Monomial of(String symbol, int exponent) {
        requireSymbol(symbol);
        return exponent == 0 ? ONE : new Monomial(new String[] {symbol}, new int[] {exponent});
    }

    /** The monomial with the given exponents (zero exponents are dropped). */
    public static Monomial of(Map<String, Integer> exponents) {
        TreeMap<String, Integer> sorted = new TreeMap<>();
        exponents.forEach((s, e) -> {
            requireSymbol(s);
            if (e != 0) sorted.put(s, e);
        });
        return fromSorted(sorted);
    }

    private static Monomial fromSorted(SortedMap<String, Integer> sorted) {
        if (sorted.isEmpty()) return ONE;
        String[] s = new String[sorted.size()];
        int[] e = new int[sorted.size()];
        int i = 0;
        for (Map.Entry<String, Integer> en : sorted.entrySet()) {
            s[i] = en.getKey();
            e[i++] = en.getValue();
        }
        return new Monomial(s, e);
    }

    static String requireSymbol(String symbol) {
        if (symbol == null || !symbol.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a symbol name: '" + symbol + "'");
        }
        return symbol;
    }

    /** The exponent of {@code symbol} (0 if absent). */
    public int exponent(String symbol) {
        int i = Arrays.binarySearch(symbols, symbol);
        return i >= 0 ? exponents[i] : 0;
    }

    /** Symbol to exponent, in name order. */
    public SortedMap<String, Integer> exponents() {
        TreeMap<String, Integer> m = new TreeMap<>();
        for (int i = 0; i < symbols.length; i++) m.put(symbols[i], exponents[i]);
        return m;
    }

    public boolean isOne() {
        return symbols.length == 0;
    }

    public int degree() {
        int s = 0;
        for (int e : exponents) s += e;
        return s;
    }

    public Monomial multiply(Monomial o) {
        if (o.isOne()) return this;
        if (isOne()) return o;
        TreeMap<String, Integer> m = new TreeMap<>(exponents());
        for (int i = 0; i < o.symbols.length; i++) m.merge(o.symbols[i], o.exponents[i], Integer::sum);
        m.values().removeIf(e -> e == 0);
        return fromSorted(m);
    }

    public Monomial pow(int k) {
        if (k == 0) return ONE;
        int[] e = new int[exponents.length];
        for (int i = 0; i < e.length; i++) e[i] = Math.multiplyExact(exponents[i], k);
        return new Monomial(symbols, e);
    }

    /** The value at a point; every symbol must be bound and nonzero where its exponent is negative. */
    public Rational evaluate(Map<String, Rational> point) {
        Rational r = Rational.ONE;
        for (int i = 0; i < symbols.length; i++) {
            Rational v = point.get(symbols[i]);
            if (v == null) throw new IllegalArgumentException("no value for symbol '" + symbols[i] + "'");
            r = r.multiply(v.pow(exponents[i]));
        }
        return r;
    }

    @Override
    public int compareTo(Monomial o) {
        int i = 0;
        int j = 0;
        while (i < symbols.length || j < o.symbols.length) {
            int c = i == symbols.length ? 1 : j == o.symbols.length ? -1 : symbols[i].compareTo(o.symbols[j]);
            int a;
            int b;
            if (c == 0) {
                a = exponents[i++];
                b = o.exponents[j++];
            } else if (c < 0) {
                a = exponents[i++];
                b = 0;
            } else {
                a = 0;
                b = o.exponents[j++];
            }
            if (a != b) return a > b ? -1 : 1;
        }
        return 0;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Monomial m && hash == m.hash && Arrays.equals(symbols, m.symbols)
                && Arrays.equals(exponents, m.exponents);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        if (isOne()) return "1";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < symbols.length; i++) {
            if (i > 0) sb.append('*');
            sb.append(symbols[i]);
            if (exponents[i] != 1) sb.append('^').append(exponents[i]);
        }
        return sb.toString();
    }

    /** Parses {@code "1"} or factors {@code sym} / {@code sym^k} joined by {@code *}. */
    public static Monomial parse(String text) {
        Polynomial p = Polynomial.parse(text);
        if (p.terms().size() != 1 || !p.terms().values().iterator().next().equals(Rational.ONE)) {
            throw new IllegalArgumentException("not a monomial: '" + text + "'");
        }
        return p.terms().firstKey();
    }
}
