package org.prism.algebra;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An assignment of exact rational values to symbols, written {@code "d=2, m=1, sigma2=1/2"}.
 *
 * <p>A name {@code x2} that is not itself a symbol of the polynomial gives the value of $x^2$:
 * so {@code sigma2=1/2} evaluates polynomials in sigma that have only even powers of it (as every
 * $c_s$ does) without irrational square roots.
 */
public record Point(Map<String, Rational> values) implements Serializable {
    public Point {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Parses comma-separated {@code name=value} pairs.
     *
     * @throws IllegalArgumentException naming the malformed pair
     */
    public static Point parse(String text) {
        Map<String, Rational> v = new LinkedHashMap<>();
        if (text.isBlank()) throw new IllegalArgumentException("empty point: expected name=value pairs such as d=2,m=1");
        for (String pair : text.split(",", -1)) {
            String[] kv = pair.split("=", -1);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new IllegalArgumentException("malformed pair '" + pair.strip() + "': expected name=value, e.g. sigma2=1/2");
            }
            String name = kv[0].strip();
            if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) throw new IllegalArgumentException("not a symbol name: '" + name + "'");
            Rational r;
            try {
                r = Rational.parse(kv[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("value of " + name + " is not a rational number: '" + kv[1].strip() + "'");
            }
            if (v.put(name, r) != null) throw new IllegalArgumentException("symbol " + name + " is given twice");
        }
        return new Point(v);
    }

    /** The point as {@code name=value} pairs joined by {@code separator}, e.g. {@code d=2, sigma2=1/2}. */
    public String text(String separator) {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(b.length() == 0 ? "" : separator).append(k).append('=').append(v));
        return b.toString();
    }

    /**
     * Checks that every name here is one of {@code symbols} (or {@code x2} for a symbol x) and
     * that every symbol has a value, so evaluation can't fail half-way.
     *
     * @throws IllegalArgumentException naming the first unknown or missing symbol
     */
    public Point requireExactly(java.util.Collection<String> symbols) {
        return requireExactly(symbols, java.util.List.of());
    }

    /**
     * As {@link #requireExactly(java.util.Collection)}, where the names {@code optional} may also be given but need not
     * be (a covariance's moments: only those a coefficient carries are needed, and evaluation names any missing one).
     */
    public Point requireExactly(java.util.Collection<String> symbols, java.util.Collection<String> optional) {
        for (String name : values.keySet()) {
            boolean squared = name.endsWith("2") && symbols.contains(name.substring(0, name.length() - 1));
            if (!symbols.contains(name) && !squared && !optional.contains(name)) {
                throw new IllegalArgumentException("unknown symbol '" + name + "' (expected " + String.join(", ", symbols) + ")");
            }
            if (squared && values.containsKey(name.substring(0, name.length() - 1))) {
                throw new IllegalArgumentException("give " + name + " or " + name.substring(0, name.length() - 1) + ", not both");
            }
        }
        for (String s : symbols) {
            if (optional.contains(s)) continue;
            if (!values.containsKey(s) && !values.containsKey(s + "2")) {
                throw new IllegalArgumentException("no value for " + s + " (give " + s + "=..." + ("sigma".equals(s) ? " or sigma2=..." : "") + ")");
            }
        }
        return this;
    }

    /**
     * The exact value of {@code p} here.
     *
     * @throws IllegalArgumentException if a symbol has no value, an odd power meets a squared
     *     value, or a negative power meets zero
     */
    public Rational evaluate(Polynomial p) {
        Rational sum = Rational.ZERO;
        for (Map.Entry<Monomial, Rational> t : p.terms().entrySet()) {
            Rational r = t.getValue();
            for (Map.Entry<String, Integer> f : t.getKey().exponents().entrySet()) {
                r = r.multiply(power(f.getKey(), f.getValue()));
            }
            sum = sum.add(r);
        }
        return sum;
    }

    private Rational power(String symbol, int e) {
        Rational base = values.get(symbol);
        int k = e;
        if (base == null) {
            base = values.get(symbol + "2");
            if (base == null) throw new IllegalArgumentException("no value for " + symbol + " (give " + symbol + "=..." + (Character.isDigit(symbol.charAt(symbol.length() - 1)) ? "" : " or " + symbol + "2=...") + ")");
            if (e % 2 != 0) throw new IllegalArgumentException(symbol + " appears to an odd power; give " + symbol + " instead of " + symbol + "2");
            k = e / 2;
        }
        if (base.isZero() && k < 0) throw new IllegalArgumentException(symbol + " = 0 but appears to a negative power");
        return base.pow(k);
    }
}
