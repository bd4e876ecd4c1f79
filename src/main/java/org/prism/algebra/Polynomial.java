package org.prism.algebra;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Laurent polynomial $\sum_\mu c_\mu \mu$ with exact rational coefficients over named symbols.
 *
 * <p>Canonical at creation: terms sorted by {@link Monomial#compareTo}, zero coefficients dropped,
 * so equality is structural. {@link #toString()} prints e.g. {@code "3/2*d^2*n^-1 - d + 1"} and
 * {@link #parse} inverts it. Arithmetic costs $O(t \log t)$ for $t$ terms (products: $O(t_1 t_2 \log)$).
 */
public final class Polynomial implements Serializable {
    public static final Polynomial ZERO = new Polynomial(new TreeMap<>());
    public static final Polynomial ONE = constant(Rational.ONE);

    private final NavigableMap<Monomial, Rational> terms;

    private Polynomial(TreeMap<Monomial, Rational> terms) {
        this.terms = Collections.unmodifiableNavigableMap(terms);
    }

    public static Polynomial constant(Rational c) {
        return term(c, Monomial.ONE);
    }

    public static Polynomial term(Rational c, Monomial m) {
        TreeMap<Monomial, Rational> t = new TreeMap<>();
        if (!c.isZero()) t.put(m, c);
        return new Polynomial(t);
    }

    public static Polynomial symbol(String name) {
        return term(Rational.ONE, Monomial.of(name, 1));
    }

    /** The polynomial with these terms (zero coefficients dropped). */
    public static Polynomial of(Map<Monomial, Rational> terms) {
        TreeMap<Monomial, Rational> t = new TreeMap<>();
        terms.forEach((m, c) -> {
            if (!c.isZero()) t.put(m, c);
        });
        return new Polynomial(t);
    }

    /** Monomial to coefficient, in descending monomial order; never holds a zero coefficient. */
    public SortedMap<Monomial, Rational> terms() {
        return terms;
    }

    public boolean isZero() {
        return terms.isEmpty();
    }

    public Polynomial add(Polynomial o) {
        if (o.terms.isEmpty()) return this;
        if (terms.isEmpty()) return o;
        if (terms.size() == 1 && o.terms.size() == 1) {
            // the common case of the expansions' merges: one monomial each
            Map.Entry<Monomial, Rational> a = terms.firstEntry();
            Map.Entry<Monomial, Rational> b = o.terms.firstEntry();
            if (a.getKey().equals(b.getKey())) return term(a.getValue().add(b.getValue()), a.getKey());
        }
        TreeMap<Monomial, Rational> t = new TreeMap<>(terms);
        o.terms.forEach((m, c) -> t.merge(m, c, Rational::add));
        t.values().removeIf(Rational::isZero);
        return new Polynomial(t);
    }

    public Polynomial subtract(Polynomial o) {
        return add(o.negate());
    }

    public Polynomial multiply(Polynomial o) {
        TreeMap<Monomial, Rational> t = new TreeMap<>();
        for (Map.Entry<Monomial, Rational> a : terms.entrySet()) {
            for (Map.Entry<Monomial, Rational> b : o.terms.entrySet()) {
                t.merge(a.getKey().multiply(b.getKey()), a.getValue().multiply(b.getValue()), Rational::add);
            }
        }
        t.values().removeIf(Rational::isZero);
        return new Polynomial(t);
    }

    public Polynomial multiply(Rational c) {
        return multiply(c, Monomial.ONE);
    }

    public Polynomial multiply(Rational c, Monomial m) {
        if (c.isZero()) return ZERO;
        TreeMap<Monomial, Rational> t = new TreeMap<>();
        terms.forEach((k, v) -> t.put(k.multiply(m), v.multiply(c)));
        return new Polynomial(t);
    }

    public Polynomial negate() {
        return multiply(Rational.MINUS_ONE);
    }

    /** The exact value with every symbol bound (see {@link Monomial#evaluate}). */
    public Rational evaluate(Map<String, Rational> point) {
        Rational r = Rational.ZERO;
        for (Map.Entry<Monomial, Rational> e : terms.entrySet()) {
            r = r.add(e.getValue().multiply(e.getKey().evaluate(point)));
        }
        return r;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Polynomial p && terms.equals(p.terms);
    }

    @Override
    public int hashCode() {
        return terms.hashCode();
    }

    @Override
    public String toString() {
        if (terms.isEmpty()) return "0";
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Monomial, Rational> e : terms.entrySet()) {
            Rational c = e.getValue();
            Monomial m = e.getKey();
            if (sb.length() == 0) {
                if (c.signum() < 0) sb.append('-');
            } else {
                sb.append(c.signum() < 0 ? " - " : " + ");
            }
            Rational a = c.signum() < 0 ? c.negate() : c;
            if (m.isOne()) {
                sb.append(a);
            } else {
                if (!a.equals(Rational.ONE)) sb.append(a).append('*');
                sb.append(m);
            }
        }
        return sb.toString();
    }

    /**
     * Parses the output of {@link #toString()}: terms joined by {@code +} or {@code -}, each an
     * optional rational coefficient and factors {@code sym} or {@code sym^k} ({@code k} may be
     * negative), joined by {@code *}. Blanks are ignored.
     *
     * @throws IllegalArgumentException naming the position of the first malformed character
     */
    public static Polynomial parse(String text) {
        return new Parser(text).polynomial();
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String text) {
            this.s = text.replaceAll("\\s+", "");
        }

        Polynomial polynomial() {
            if (s.isEmpty()) throw error("empty polynomial");
            TreeMap<Monomial, Rational> t = new TreeMap<>();
            boolean first = true;
            while (i < s.length() || first) {
                int sign = 1;
                if (peek('+') && !first) {
                    i++;
                } else if (peek('-')) {
                    sign = -1;
                    i++;
                } else if (!first) {
                    throw error("expected '+' or '-'");
                }
                first = false;
                Rational c = Rational.ONE;
                Monomial m = Monomial.ONE;
                boolean any = false;
                while (true) {
                    if (i < s.length() && Character.isDigit(s.charAt(i))) {
                        c = c.multiply(number());
                    } else if (i < s.length() && Character.isLetter(s.charAt(i))) {
                        m = m.multiply(factor());
                    } else {
                        throw error("expected a number or a symbol");
                    }
                    any = true;
                    if (peek('*')) {
                        i++;
                    } else {
                        break;
                    }
                }
                if (!any) throw error("empty term");
                t.merge(m, sign < 0 ? c.negate() : c, Rational::add);
            }
            t.values().removeIf(Rational::isZero);
            return new Polynomial(t);
        }

        private Rational number() {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            if (peek('/')) {
                i++;
                int ds = i;
                while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
                if (ds == i) throw error("expected a denominator");
            }
            try {
                return Rational.parse(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw error(e.getMessage());
            }
        }

        private Monomial factor() {
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
            String name = s.substring(start, i);
            int e = 1;
            if (peek('^')) {
                i++;
                int es = i;
                if (peek('-')) i++;
                while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
                try {
                    e = Integer.parseInt(s.substring(es, i));
                } catch (NumberFormatException ex) {
                    throw error("expected an integer exponent");
                }
            }
            return Monomial.of(name, e);
        }

        private boolean peek(char c) {
            return i < s.length() && s.charAt(i) == c;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("malformed polynomial '" + s + "' at position " + i + ": " + what);
        }
    }
}
