package org.prism.algebra;

import java.io.Serializable;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact rational number $p/q$ in lowest terms with $q > 0$.
 *
 * <p>Canonical at creation: every factory reduces by the gcd and normalises the sign, so
 * {@link #equals} compares fields. Values whose numerator and denominator fit in a {@code long}
 * are held in two longs (the fast path); all others in {@link BigInteger}s. The fast path never
 * wraps: every long operation uses {@code Math.*Exact} and falls back to BigInteger on overflow.
 * A value that fits in longs is always stored in longs, so the two forms never describe the same
 * number.
 *
 * <p>{@link #toString()} prints {@code p} or {@code p/q}; {@link #parse} is its inverse.
 */
public final class Rational implements Comparable<Rational>, Serializable {
    public static final Rational ZERO = new Rational(0, 1);
    public static final Rational ONE = new Rational(1, 1);
    public static final Rational MINUS_ONE = new Rational(-1, 1);

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    // Small form: bigNum == null. Long.MIN_VALUE is excluded from the small form so that
    // negation and abs never overflow.
    private final long num;
    private final long den;
    private final BigInteger bigNum;
    private final BigInteger bigDen;

    private Rational(long num, long den) {
        this.num = num;
        this.den = den;
        this.bigNum = null;
        this.bigDen = null;
    }

    private Rational(BigInteger num, BigInteger den) {
        this.num = 0;
        this.den = 0;
        this.bigNum = num;
        this.bigDen = den;
    }

    /** The integer {@code n}. */
    public static Rational of(long n) {
        if (n == 0) return ZERO;
        if (n == 1) return ONE;
        if (n == Long.MIN_VALUE) return new Rational(BigInteger.valueOf(n), BigInteger.ONE);
        return new Rational(n, 1);
    }

    /** The reduced fraction {@code p/q}; throws ArithmeticException if {@code q == 0}. */
    public static Rational of(long p, long q) {
        if (q == 0) throw new ArithmeticException("zero denominator");
        if (p == Long.MIN_VALUE || q == Long.MIN_VALUE) return of(BigInteger.valueOf(p), BigInteger.valueOf(q));
        if (q < 0) {
            p = -p;
            q = -q;
        }
        long g = gcd(Math.abs(p), q);
        return canonicalSmall(p / g, q / g);
    }

    public static Rational of(BigInteger n) {
        return of(n, BigInteger.ONE);
    }

    /** The reduced fraction {@code p/q}; throws ArithmeticException if {@code q == 0}. */
    public static Rational of(BigInteger p, BigInteger q) {
        if (q.signum() == 0) throw new ArithmeticException("zero denominator");
        if (q.signum() < 0) {
            p = p.negate();
            q = q.negate();
        }
        BigInteger g = p.gcd(q);
        if (!g.equals(BigInteger.ONE)) {
            p = p.divide(g);
            q = q.divide(g);
        }
        return fromReduced(p, q);
    }

    private static Rational fromReduced(BigInteger p, BigInteger q) {
        if (fitsSmall(p) && fitsSmall(q)) return canonicalSmall(p.longValue(), q.longValue());
        return new Rational(p, q);
    }

    private static boolean fitsSmall(BigInteger b) {
        return b.bitLength() < 64 && b.compareTo(LONG_MIN) > 0 && b.compareTo(LONG_MAX) <= 0;
    }

    private static Rational canonicalSmall(long p, long q) {
        if (p == 0) return ZERO;
        if (q == 1 && p == 1) return ONE;
        return new Rational(p, q);
    }

    /**
     * Parses {@code "p"}, {@code "-p"}, {@code "p/q"} or a decimal such as {@code "0.25"} or {@code "1e-3"}
     * (exactly; optional surrounding blanks). Inverse of {@link #toString()}.
     *
     * @throws NumberFormatException if the text is not a rational or the denominator is zero
     */
    public static Rational parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        try {
            if (slash < 0 && (s.contains(".") || s.contains("e") || s.contains("E"))) return decimal(s);
            if (slash < 0) return of(new BigInteger(s));
            BigInteger q = new BigInteger(s.substring(slash + 1).strip());
            if (q.signum() == 0) throw new NumberFormatException("zero denominator in '" + text + "'");
            return of(new BigInteger(s.substring(0, slash).strip()), q);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("not a rational number: '" + text + "'");
        }
    }

    /** A decimal such as {@code 0.25} or {@code 1e-3}, exactly; exponents beyond +-1000 are refused rather than expanded. */
    private static Rational decimal(String s) {
        java.math.BigDecimal d = new java.math.BigDecimal(s);
        if (Math.abs((long) d.scale()) > 1000 || d.precision() > 1000) throw new NumberFormatException("exponent out of range");
        return d.scale() >= 0 ? of(d.unscaledValue(), BigInteger.TEN.pow(d.scale()))
                : of(d.unscaledValue().multiply(BigInteger.TEN.pow(-d.scale())));
    }

    /**
     * The decimal a double prints as ({@code 0.02}, not the nearest binary fraction), exactly: what a
     * user typed as a double option.
     *
     * @throws NumberFormatException if {@code x} is not finite
     */
    public static Rational exactDecimal(double x) {
        if (!Double.isFinite(x)) throw new NumberFormatException("not a finite number: " + x);
        java.math.BigDecimal b = java.math.BigDecimal.valueOf(x);
        return b.scale() <= 0 ? of(b.toBigIntegerExact()) : of(b.unscaledValue(), BigInteger.TEN.pow(b.scale()));
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }

    private boolean small() {
        return bigNum == null;
    }

    public BigInteger numerator() {
        return small() ? BigInteger.valueOf(num) : bigNum;
    }

    public BigInteger denominator() {
        return small() ? BigInteger.valueOf(den) : bigDen;
    }

    public int signum() {
        return small() ? Long.signum(num) : bigNum.signum();
    }

    public boolean isZero() {
        return small() && num == 0;
    }

    public boolean isInteger() {
        return small() ? den == 1 : bigDen.equals(BigInteger.ONE);
    }

    public Rational negate() {
        return small() ? canonicalSmall(-num, den) : of(bigNum.negate(), bigDen);
    }

    public Rational reciprocal() {
        if (isZero()) throw new ArithmeticException("reciprocal of zero");
        return small() ? of(den, num) : of(bigDen, bigNum);
    }

    public Rational add(Rational o) {
        if (isZero()) return o;
        if (o.isZero()) return this;
        if (small() && o.small()) {
            // Knuth 4.5.1: with g = gcd(b, d), a/b + c/d = (a*(d/g) + c*(b/g)) / (b*(d/g)), then
            // reduce by gcd(numerator, g). Any intermediate overflow throws and takes the slow path.
            try {
                long g = gcd(den, o.den);
                long dg = o.den / g;
                long t = Math.addExact(Math.multiplyExact(num, dg), Math.multiplyExact(o.num, den / g));
                if (t == Long.MIN_VALUE) throw new ArithmeticException("|t| does not fit"); // Math.abs would wrap
                long g2 = gcd(Math.abs(t), g);
                return of(t / g2, Math.multiplyExact(den / g, o.den / g2));
            } catch (ArithmeticException overflow) {
                // fall through
            }
        }
        return of(numerator().multiply(o.denominator()).add(o.numerator().multiply(denominator())),
                denominator().multiply(o.denominator()));
    }

    public Rational subtract(Rational o) {
        return add(o.negate());
    }

    public Rational multiply(Rational o) {
        if (isZero() || o.isZero()) return ZERO;
        if (small() && o.small()) {
            // cross-reduce first so the products are as small as possible
            long g1 = gcd(Math.abs(num), o.den);
            long g2 = gcd(Math.abs(o.num), den);
            try {
                return of(Math.multiplyExact(num / g1, o.num / g2), Math.multiplyExact(den / g2, o.den / g1));
            } catch (ArithmeticException overflow) {
                // fall through
            }
        }
        return of(numerator().multiply(o.numerator()), denominator().multiply(o.denominator()));
    }

    public Rational multiply(long k) {
        return multiply(of(k));
    }

    public Rational divide(Rational o) {
        return multiply(o.reciprocal());
    }

    /** $x^e$ for any integer $e$ (negative powers of zero throw ArithmeticException). */
    public Rational pow(int e) {
        if (e < 0) return reciprocal().pow(-e);
        Rational r = ONE;
        Rational b = this;
        while (e > 0) {
            if ((e & 1) == 1) r = r.multiply(b);
            e >>= 1;
            if (e > 0) b = b.multiply(b);
        }
        return r;
    }

    public double doubleValue() {
        if (small()) return (double) num / den;
        return new java.math.BigDecimal(bigNum).divide(new java.math.BigDecimal(bigDen), java.math.MathContext.DECIMAL64)
                .doubleValue();
    }

    @Override
    public int compareTo(Rational o) {
        if (small() && o.small()) {
            try {
                return Long.compare(Math.multiplyExact(num, o.den), Math.multiplyExact(o.num, den));
            } catch (ArithmeticException overflow) {
                // fall through
            }
        }
        return numerator().multiply(o.denominator()).compareTo(o.numerator().multiply(denominator()));
    }

    @Override
    public boolean equals(Object obj) {
        if (this == obj) return true;
        if (!(obj instanceof Rational r)) return false;
        if (small() != r.small()) return false;
        return small() ? num == r.num && den == r.den : bigNum.equals(r.bigNum) && bigDen.equals(r.bigDen);
    }

    @Override
    public int hashCode() {
        return small() ? Long.hashCode(num) * 31 + Long.hashCode(den) : Objects.hash(bigNum, bigDen);
    }

    @Override
    public String toString() {
        if (small()) return den == 1 ? Long.toString(num) : num + "/" + den;
        return bigDen.equals(BigInteger.ONE) ? bigNum.toString() : bigNum + "/" + bigDen;
    }
}
