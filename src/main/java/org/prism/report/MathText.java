package org.prism.report;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-text mathematics as figures show it: Greek names become letters ({@code sigma} to σ, {@code Sigma} to Σ),
 * integer powers superscripts ({@code ^2} to ², {@code ^-1} to ⁻¹), subscripts of letters and digits subscript
 * characters ({@code L_tr} to Lₜᵣ, {@code sigma_12} to σ₁₂), {@code *} juxtaposition, {@code ->} an arrow, {@code +-}
 * ± and {@code inf} ∞. A subscript with a character that has no subscript form stays as written. The charts draw text as
 * glyph outlines, so the PNG, SVG and PDF show the same symbols. Linear in the length of the text.
 */
final class MathText {
    private static final Map<String, String> GREEK = Map.ofEntries(Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"),
            Map.entry("delta", "δ"), Map.entry("eps", "ε"), Map.entry("epsilon", "ε"), Map.entry("theta", "θ"), Map.entry("kappa", "κ"),
            Map.entry("lambda", "λ"), Map.entry("mu", "μ"), Map.entry("nu", "ν"), Map.entry("rho", "ρ"), Map.entry("sigma", "σ"),
            Map.entry("Sigma", "Σ"), Map.entry("tau", "τ"), Map.entry("psi", "ψ"), Map.entry("Psi", "Ψ"));
    private static final Pattern NAME = Pattern.compile("(?<![A-Za-z])(" + String.join("|", GREEK.keySet()) + ")(?![A-Za-z])");
    private static final Pattern POWER = Pattern.compile("\\^\\(?(-?[0-9]+)\\)?");
    private static final Pattern SUBSCRIPT = Pattern.compile("_([a-z0-9]+)");
    private static final String SUPER_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final String SUB_DIGITS = "₀₁₂₃₄₅₆₇₈₉";
    private static final Map<Character, Character> SUB_LETTERS = Map.ofEntries(Map.entry('a', 'ₐ'), Map.entry('e', 'ₑ'), Map.entry('h', 'ₕ'),
            Map.entry('i', 'ᵢ'), Map.entry('j', 'ⱼ'), Map.entry('k', 'ₖ'), Map.entry('l', 'ₗ'), Map.entry('m', 'ₘ'), Map.entry('n', 'ₙ'),
            Map.entry('o', 'ₒ'), Map.entry('p', 'ₚ'), Map.entry('r', 'ᵣ'), Map.entry('s', 'ₛ'), Map.entry('t', 'ₜ'), Map.entry('u', 'ᵤ'),
            Map.entry('v', 'ᵥ'), Map.entry('x', 'ₓ'));

    private MathText() {}

    static String of(String plain) {
        String s = replace(SUBSCRIPT, plain, MathText::subscript);
        s = replace(NAME, s, m -> GREEK.get(m.group(1)));
        s = replace(POWER, s, m -> superscript(m.group(1)));
        s = s.replace("->", "→").replace("+-", "±").replaceAll("(?<![A-Za-z])inf(?![A-Za-z])", "∞");
        return s.replace("*", ""); // a product is juxtaposition, as on paper
    }

    private static String superscript(String digits) {
        StringBuilder sb = new StringBuilder();
        for (char c : digits.toCharArray()) sb.append(c == '-' ? '⁻' : SUPER_DIGITS.charAt(c - '0'));
        return sb.toString();
    }

    private static String subscript(Matcher m) {
        StringBuilder sb = new StringBuilder();
        for (char c : m.group(1).toCharArray()) {
            if (Character.isDigit(c)) sb.append(SUB_DIGITS.charAt(c - '0'));
            else if (SUB_LETTERS.containsKey(c)) sb.append(SUB_LETTERS.get(c));
            else return m.group(); // no subscript form: as written
        }
        return sb.toString();
    }

    private static String replace(Pattern p, String s, Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
        m.appendTail(sb);
        return sb.toString();
    }
}
