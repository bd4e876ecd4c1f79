package org.prism.algebra;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Packs exponents of a fixed list of symbols into one {@code long} with a field width per symbol, sized to the
 * largest exponent it may reach, and one guard bit above each field: adding two keys adds the monomials, and a
 * carry out of a field lands in its guard bit, which {@link #add} checks. For symbols whose exponents are bounded
 * unevenly (the moment $C_k$ of a covariance appears at most $K/k$ times), so that more of them fit than the eight
 * 8-bit fields of {@link ExponentPacking}.
 */
public final class GuardedPacking {
    private final List<String> symbols;
    private final int[] offset;
    private final int[] width;
    private final long guards;

    /** @param maxExponents per symbol, the largest exponent a key must hold (at least 1) */
    public GuardedPacking(List<String> symbols, int[] maxExponents) {
        if (symbols.size() != maxExponents.length) throw new IllegalArgumentException("one bound per symbol");
        symbols.forEach(Monomial::requireSymbol);
        this.symbols = List.copyOf(symbols);
        offset = new int[symbols.size()];
        width = new int[symbols.size()];
        long g = 0;
        int bit = 0;
        for (int i = 0; i < width.length; i++) {
            if (maxExponents[i] < 1) throw new IllegalArgumentException("bound " + maxExponents[i] + " for " + symbols.get(i));
            width[i] = 32 - Integer.numberOfLeadingZeros(maxExponents[i]);
            offset[i] = bit;
            bit += width[i];
            g |= 1L << bit;
            bit++;
        }
        if (bit > 63) throw new IllegalArgumentException("the fields need " + bit + " bits, more than a long holds");
        this.guards = g;
    }

    public List<String> symbols() {
        return symbols;
    }

    /** The key of {@code symbols.get(i)^exponent}. */
    public long key(int i, int exponent) {
        if (exponent < 0 || exponent >= 1 << width[i]) throw new ArithmeticException("exponent " + exponent + " of " + symbols.get(i) + " does not fit");
        return (long) exponent << offset[i];
    }

    /** The product's key; ArithmeticException when an exponent passes its field. */
    public long add(long a, long b) {
        long s = a + b;
        if ((s & guards) != 0) throw new ArithmeticException("exponent overflow in packed moments");
        return s;
    }

    public Monomial monomial(long key) {
        Map<String, Integer> e = new TreeMap<>();
        for (int i = 0; i < width.length; i++) {
            int x = (int) ((key >>> offset[i]) & ((1L << width[i]) - 1));
            if (x != 0) e.put(symbols.get(i), x);
        }
        return Monomial.of(e);
    }
}
