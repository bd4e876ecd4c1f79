package org.prism.regime;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.prism.algebra.Rational;
import org.prism.geometry.IntVector;

/**
 * A scaling path: every hyperparameter a power of a large parameter N, written
 * {@code "d=N, m=N^2, sigma2=N^-2, n=N^1.5"} (rational exponents: {@code 3/2} or {@code 1.5};
 * {@code sigma=N^a} or {@code sigma2=N^b} with $b = 2a$; a symbol left out stays fixed). As a
 * functional on exponent vectors: a term $x$ grows like $N^{\langle \alpha, x\rangle}$.
 */
public record Scaling(Map<String, Rational> exponents) {
    public Scaling {
        exponents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(exponents));
    }

    public static Scaling parse(String text, ExponentSpace space, java.util.Collection<String> sizes) {
        Map<String, Rational> e = new LinkedHashMap<>();
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty scaling: expected e.g. \"d=N, m=N^2, sigma2=N^-2, n=N^1.5\"");
        for (String part : text.split(",", -1)) {
            String[] kv = part.split("=", -1);
            if (kv.length != 2) throw new IllegalArgumentException("malformed scaling term '" + part.strip() + "': expected name=N^power");
            String name = kv[0].strip();
            String value = kv[1].replace(" ", "");
            Rational power;
            if (value.equals("N")) {
                power = Rational.ONE;
            } else if (value.equals("1")) {
                power = Rational.ZERO;
            } else if (value.startsWith("N^")) {
                power = parsePower(value.substring(2), part);
            } else {
                throw new IllegalArgumentException("malformed scaling term '" + part.strip() + "': the value must be N, 1 or N^power");
            }
            String symbol = name;
            if (name.endsWith("2") && !space.symbols().contains(name) && space.symbols().contains(name.substring(0, name.length() - 1))) {
                symbol = name.substring(0, name.length() - 1);
                power = power.multiply(Rational.of(1, 2));
            }
            if (!space.symbols().contains(symbol)) {
                throw new IllegalArgumentException("unknown symbol '" + name + "' in scaling (known: " + String.join(", ", space.symbols())
                        + "; any of them also squared, written with a 2: " + space.symbols().get(0) + "2 = " + space.symbols().get(0) + "^2)");
            }
            if (sizes.contains(symbol) && power.signum() < 0) {
                throw new IllegalArgumentException("size " + symbol + " may not shrink (power " + power + " < 0): sizes are >= 1");
            }
            if (e.put(symbol, power) != null) throw new IllegalArgumentException("symbol " + symbol + " is given twice");
        }
        return new Scaling(e);
    }

    private static Rational parsePower(String p, String part) {
        String s = p.startsWith("(") && p.endsWith(")") ? p.substring(1, p.length() - 1) : p;
        Rational r;
        try {
            r = Rational.parse(s);
        } catch (NumberFormatException | ArithmeticException ex) {
            throw new IllegalArgumentException("malformed power '" + p + "' in '" + part.strip() + "'");
        }
        // the functional is an integer vector of longs: keep powers to what a scaling means
        if ((r.signum() < 0 ? r.negate() : r).compareTo(Rational.of(1000)) > 0 || r.denominator().compareTo(BigInteger.valueOf(1_000_000)) > 0) {
            throw new IllegalArgumentException("power '" + p + "' in '" + part.strip() + "' is out of range (|power| <= 1000, denominator <= 10^6)");
        }
        return r;
    }

    /** $\langle\alpha, x\rangle$ exactly. */
    public Rational growth(IntVector x, ExponentSpace space) {
        Rational g = Rational.ZERO;
        for (Map.Entry<String, Rational> e : exponents.entrySet()) g = g.add(e.getValue().multiply(x.get(space.index(e.getKey()))));
        return g;
    }

    /** The functional as a primitive integer vector (a positive multiple of $\alpha$). */
    public IntVector functional(ExponentSpace space) {
        BigInteger lcm = BigInteger.ONE;
        for (Rational r : exponents.values()) lcm = lcm.divide(lcm.gcd(r.denominator())).multiply(r.denominator());
        long[] c = new long[space.dimension()];
        for (Map.Entry<String, Rational> e : exponents.entrySet()) {
            c[space.index(e.getKey())] = e.getValue().multiply(Rational.of(lcm)).numerator().longValueExact();
        }
        IntVector v = IntVector.of(c);
        return v.isZero() ? v : v.primitive();
    }
}
