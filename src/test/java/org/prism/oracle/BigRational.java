package org.prism.oracle;

import java.math.BigInteger;
import java.util.Objects;

/**
 * Minimal exact rational number for the test oracles: always reduced, denominator positive, so
 * record equality is value equality. {@link #toString()} gives {@code "p/q"} or {@code "p"}.
 */
public record BigRational(BigInteger num, BigInteger den) implements Comparable<BigRational> {

    public static final BigRational ZERO = new BigRational(BigInteger.ZERO, BigInteger.ONE);
    public static final BigRational ONE = new BigRational(BigInteger.ONE, BigInteger.ONE);

    public BigRational {
        Objects.requireNonNull(num);
        Objects.requireNonNull(den);
        if (den.signum() == 0) {
            throw new ArithmeticException("zero denominator");
        }
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger g = num.gcd(den);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
        if (num.signum() == 0) {
            den = BigInteger.ONE;
        }
    }

    public static BigRational of(long p) {
        return new BigRational(BigInteger.valueOf(p), BigInteger.ONE);
    }

    public static BigRational of(long p, long q) {
        return new BigRational(BigInteger.valueOf(p), BigInteger.valueOf(q));
    }

    public static BigRational of(BigInteger p) {
        return new BigRational(p, BigInteger.ONE);
    }

    /** Parses {@code "p"} or {@code "p/q"}. */
    public static BigRational parse(String s) {
        String t = s.trim();
        int slash = t.indexOf('/');
        if (slash < 0) {
            return new BigRational(new BigInteger(t), BigInteger.ONE);
        }
        return new BigRational(new BigInteger(t.substring(0, slash).trim()),
                new BigInteger(t.substring(slash + 1).trim()));
    }

    public BigRational add(BigRational o) {
        return new BigRational(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    public BigRational subtract(BigRational o) {
        return add(o.negate());
    }

    public BigRational negate() {
        return new BigRational(num.negate(), den);
    }

    public BigRational multiply(BigRational o) {
        return new BigRational(num.multiply(o.num), den.multiply(o.den));
    }

    public BigRational divide(BigRational o) {
        return new BigRational(num.multiply(o.den), den.multiply(o.num));
    }

    public BigRational pow(int e) {
        if (e < 0) {
            return new BigRational(den.pow(-e), num.pow(-e));
        }
        return new BigRational(num.pow(e), den.pow(e));
    }

    public int signum() {
        return num.signum();
    }

    public double doubleValue() {
        // adequate for the magnitudes used in tests
        return new java.math.BigDecimal(num).divide(new java.math.BigDecimal(den),
                java.math.MathContext.DECIMAL64).doubleValue();
    }

    @Override
    public int compareTo(BigRational o) {
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    @Override
    public String toString() {
        return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
    }
}
