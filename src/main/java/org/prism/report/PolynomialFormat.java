package org.prism.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.geometry.IntVector;

/** Renders polynomials for people: plain text in a fixed symbol order, or LaTeX. */
public final class PolynomialFormat {
    private PolynomialFormat() {}

    /**
     * {@code "sigma^4*d^2*m*n^-1"} with symbols in the given order, then any others of {@code m} (such as the moments
     * C_k of a covariance) in name order; {@code "1"} if empty.
     */
    public static String monomial(Monomial m, List<String> order) {
        StringBuilder sb = new StringBuilder();
        for (String s : withOthers(m, order)) {
            int e = m.exponent(s);
            if (e == 0) continue;
            if (sb.length() > 0) sb.append('*');
            sb.append(s);
            if (e != 1) sb.append('^').append(e);
        }
        return sb.length() == 0 ? "1" : sb.toString();
    }

    public static String latexMonomial(Monomial m, List<String> order) {
        StringBuilder sb = new StringBuilder();
        for (String s : withOthers(m, order)) {
            int e = m.exponent(s);
            if (e == 0) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(latexSymbol(s));
            if (e != 1) sb.append("^{").append(e).append('}');
        }
        return sb.toString();
    }

    /** {@code order}, then the symbols of {@code m} it lacks: no symbol of a monomial is ever left out of its text. */
    private static List<String> withOthers(Monomial m, List<String> order) {
        if (order.containsAll(m.exponents().keySet())) return order;
        List<String> all = new ArrayList<>(order);
        for (String s : m.exponents().keySet()) if (!all.contains(s)) all.add(s);
        return all;
    }

    /** A monomial's exponent vector over {@code symbols} as a LaTeX ratio, e.g. {@code \sigma^{2} d^{2}/n}. */
    public static String latexRatio(List<String> symbols, IntVector x) {
        StringBuilder num = new StringBuilder();
        StringBuilder den = new StringBuilder();
        for (int i = 0; i < symbols.size(); i++) {
            long e = x.get(i);
            if (e == 0) continue;
            StringBuilder b = e > 0 ? num : den;
            if (b.length() > 0) b.append(' ');
            b.append(latexSymbol(symbols.get(i)));
            if (Math.abs(e) != 1) b.append("^{").append(Math.abs(e)).append('}');
        }
        String n = num.length() == 0 ? "1" : num.toString();
        return den.length() == 0 ? n : n + "/" + (den.indexOf(" ") >= 0 ? "(" + den + ")" : den);
    }

    public static String latexSymbol(String s) {
        int u = s.indexOf('_');
        if (u > 0 && u + 1 < s.length()) return latexSymbol(s.substring(0, u)) + "_{" + escape(s.substring(u + 1)) + "}"; // sigma_d -> \sigma_{d}
        if (GREEK.contains(s)) return "\\" + s;
        return s.length() == 1 ? s : "\\mathrm{" + escape(s) + "}";
    }

    private static final java.util.Set<String> GREEK = java.util.Set.of("alpha", "beta", "gamma", "delta", "epsilon", "eta", "theta", "kappa",
            "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "phi", "chi", "psi", "omega");

    private static String escape(String s) {
        return s.replace("_", "\\_");
    }

    public static String latexRational(Rational r) {
        Rational a = r.signum() < 0 ? r.negate() : r;
        String body = a.isInteger() ? a.toString() : "\\tfrac{" + a.numerator() + "}{" + a.denominator() + "}";
        return (r.signum() < 0 ? "-" : "") + body;
    }

    /** Text, terms in the polynomial's canonical order, symbols in {@code order}. */
    public static String text(Polynomial p, List<String> order) {
        return render(p, order, false);
    }

    public static String latex(Polynomial p, List<String> order) {
        return render(p, order, true, 0);
    }

    /**
     * The same for an {@code align} environment: after every {@code perLine} terms the line breaks ({@code \\}) and
     * continues indented ({@code &\quad}), so that a long coefficient stays inside the page.
     */
    public static String latexLines(Polynomial p, List<String> order, int perLine) {
        return render(p, order, true, perLine);
    }

    private static String render(Polynomial p, List<String> order, boolean latex) {
        return render(p, order, latex, 0);
    }

    private static String render(Polynomial p, List<String> order, boolean latex, int perLine) {
        if (p.isZero()) return "0";
        StringBuilder sb = new StringBuilder();
        // terms in descending order of their exponents read in the given symbol order
        java.util.List<Map.Entry<Monomial, Rational>> terms = new java.util.ArrayList<>(p.terms().entrySet());
        java.util.Comparator<Map.Entry<Monomial, Rational>> byExponents = (a, b) -> {
            for (String s : order) {
                int c = Integer.compare(b.getKey().exponent(s), a.getKey().exponent(s));
                if (c != 0) return c;
            }
            return b.getKey().compareTo(a.getKey());
        };
        terms.sort(byExponents);
        int written = 0;
        for (Map.Entry<Monomial, Rational> e : terms) {
            Rational c = e.getValue();
            boolean first = sb.length() == 0;
            if (perLine > 0 && written > 0 && written % perLine == 0) sb.append(" \\\\\n  &\\quad");
            written++;
            if (first) {
                if (c.signum() < 0) sb.append('-');
            } else {
                sb.append(c.signum() < 0 ? " - " : " + ");
            }
            Rational a = c.signum() < 0 ? c.negate() : c;
            String mono = latex ? latexMonomial(e.getKey(), order) : monomial(e.getKey(), order);
            boolean one = e.getKey().isOne();
            if (latex) {
                if (one || !a.equals(Rational.ONE)) sb.append(latexRational(a));
                if (!one) sb.append(a.equals(Rational.ONE) ? "" : " ").append(mono);
            } else {
                if (one) {
                    sb.append(a);
                } else {
                    if (!a.equals(Rational.ONE)) sb.append(a).append('*');
                    sb.append(mono);
                }
            }
        }
        return sb.toString();
    }

    /** {@code "p/q"} always (integers as {@code "p/1"}): the JSON contract's coefficient form. */
    public static String fraction(Rational r) {
        return r.numerator() + "/" + r.denominator();
    }
}
