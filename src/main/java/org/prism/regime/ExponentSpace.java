package org.prism.regime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.prism.algebra.Monomial;
import org.prism.algebra.Rational;
import org.prism.geometry.IntVector;

/**
 * Coordinates for exponent vectors: monomials over a fixed list of symbols (for the tied
 * autoencoder sigma, d, m, n, so $\sigma^4 d^2 m n^{-1} \mapsto (4, 2, 1, -1)$) and back.
 * With {@code root} $q > 1$ the coordinates count powers of $x^{1/q}$ (every vector is $q$ times the
 * exponents), so that rational exponents, such as a covariance's moments growing as $d^{1/2}$
 * ({@link MomentGrowth}), stay integer; monomials are then written with fractional powers.
 */
public record ExponentSpace(List<String> symbols, int root) {
    /** A root of a monomial as {@link #rootRatio} writes it: {@code (MONOMIAL)^(1/K)}, spaces removed. */
    private static final Pattern ROOT = Pattern.compile("^\\((.*)\\)\\^\\(1/(\\d+)\\)$");

    public ExponentSpace {
        symbols = List.copyOf(symbols);
        if (root < 1) throw new IllegalArgumentException("root must be >= 1, got " + root);
    }

    /** Integer exponents. */
    public ExponentSpace(List<String> symbols) {
        this(symbols, 1);
    }

    public int dimension() {
        return symbols.size();
    }

    public int index(String symbol) {
        int i = symbols.indexOf(symbol);
        if (i < 0) throw new IllegalArgumentException("unknown symbol '" + symbol + "' (known: " + String.join(", ", symbols) + ")");
        return i;
    }

    public IntVector vector(Monomial m) {
        long[] x = new long[symbols.size()];
        for (Map.Entry<String, Integer> e : m.exponents().entrySet()) x[index(e.getKey())] = (long) root * e.getValue();
        return IntVector.of(x);
    }

    /** The monomial of {@code x}; its exponents must be integers (every coordinate a multiple of {@link #root}). */
    public Monomial monomial(IntVector x) {
        Map<String, Integer> e = new TreeMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            if (x.get(i) % root != 0) throw new IllegalArgumentException(ratio(x) + " has a fractional power: it is no monomial");
            e.put(symbols.get(i), Math.toIntExact(x.get(i) / root));
        }
        return Monomial.of(e);
    }

    /**
     * The exponent vector of a monomial written as {@link #ratio} writes it: {@code d/n}, {@code sigma^2*m},
     * {@code 1/(sigma^2*d)}, {@code sigma^-2}, {@code 1}; also {@code sigma2} for {@code sigma^2} (a symbol
     * followed by 2 when no symbol has that name). A root {@code (sigma^2*h)^(1/2)} gives the monomial's vector
     * (the name carries the root). One-line IllegalArgumentException otherwise.
     */
    public IntVector parseRatio(String text) {
        String t = text.replace(" ", "");
        if (t.isEmpty()) throw new IllegalArgumentException("empty monomial");
        Matcher root = ROOT.matcher(t);
        if (root.matches()) return parseRatio(root.group(1)); // a root of a monomial: its exponent vector, the root kept in the name
        int slash = t.indexOf('/');
        IntVector num = slash < 0 ? factors(t, text) : factors(t.substring(0, slash), text);
        if (slash < 0) return num.times(this.root);
        String den = t.substring(slash + 1);
        if (den.startsWith("(") && den.endsWith(")")) den = den.substring(1, den.length() - 1);
        return num.minus(factors(den, text)).times(this.root);
    }

    private IntVector factors(String product, String text) {
        long[] e = new long[symbols.size()];
        if (product.equals("1")) return IntVector.of(e);
        for (String f : product.split("\\*", -1)) {
            String name = f;
            long power = 1;
            int hat = f.indexOf('^');
            if (hat >= 0) {
                name = f.substring(0, hat);
                String p = f.substring(hat + 1);
                if (p.startsWith("(") && p.endsWith(")")) p = p.substring(1, p.length() - 1);
                try {
                    power = Long.parseLong(p);
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("malformed power '" + f + "' in '" + text.strip() + "' (integer powers only)");
                }
            } else if (!symbols.contains(name) && name.endsWith("2") && symbols.contains(name.substring(0, name.length() - 1))) {
                name = name.substring(0, name.length() - 1);
                power = 2;
            }
            if (!symbols.contains(name)) {
                throw new IllegalArgumentException("unknown symbol '" + name + "' in '" + text.strip() + "' (known: " + String.join(", ", symbols) + ")");
            }
            e[index(name)] += power;
        }
        return IntVector.of(e);
    }

    /**
     * $x^{1/k}$ as a ratio: the monomial $x/k$ when $k$ divides every exponent, else {@code (RATIO)^(1/k)},
     * which {@link #parseRatio} reads back (to $x$) and {@link #rootOrder} to $k$.
     */
    public String rootRatio(IntVector x, int k) {
        if (root > 1) return ratio(x, (long) k * root);
        boolean divisible = true;
        for (long e : x.coordinates()) divisible &= e % k == 0;
        if (!divisible) return "(" + ratio(x) + ")^(1/" + k + ")";
        long[] c = x.coordinates().clone();
        for (int i = 0; i < c.length; i++) c[i] /= k;
        return ratio(IntVector.of(c), 1);
    }

    /** The order of the root a ratio's name asks for: 2 for {@code (sigma^2*h1)^(1/2)}, else 1. */
    public static int rootOrder(String name) {
        Matcher m = ROOT.matcher(name.replace(" ", ""));
        return m.matches() ? Integer.parseInt(m.group(2)) : 1;
    }

    /** {@code "sigma^2*d^2/n"}, {@code "1"}, {@code "d/n"}, {@code "1/(sigma^2*d)"}: the monomial as a ratio. */
    public String ratio(IntVector x) {
        return ratio(x, root);
    }

    /** The monomial with exponents {@code x / q} (fractional powers written {@code d^(1/2)}). */
    private String ratio(IntVector x, long q) {
        StringBuilder num = new StringBuilder();
        StringBuilder den = new StringBuilder();
        int nDen = 0;
        for (int i = 0; i < symbols.size(); i++) {
            long e = x.get(i);
            if (e == 0) continue;
            StringBuilder b = e > 0 ? num : den;
            if (e < 0) nDen++;
            if (b.length() > 0) b.append('*');
            b.append(symbols.get(i));
            long a = Math.abs(e);
            long g = gcd(a, q);
            if (q / g != 1) {
                b.append("^(").append(a / g).append('/').append(q / g).append(')');
            } else if (a / g != 1) {
                b.append('^').append(a / g);
            }
        }
        String n = num.length() == 0 ? "1" : num.toString();
        if (den.length() == 0) return n;
        return n + "/" + (nDen > 1 || den.indexOf("*") >= 0 ? "(" + den + ")" : den);
    }

    /** Coordinate {@code i} of {@code x} as an exponent: {@code x_i / root}, an integer or a fraction {@code p/q}. */
    public Rational exponent(IntVector x, int i) {
        return Rational.of(x.get(i), root);
    }

    /** The exponents of {@code x}, e.g. {@code (0, 1/2, 0, -1)}. */
    public String exponents(IntVector x) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) parts.add(exponent(x, i).toString());
        return "(" + String.join(", ", parts) + ")";
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
