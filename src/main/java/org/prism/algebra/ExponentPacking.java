package org.prism.algebra;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Packs a vector of nonnegative exponents over a fixed list of at most 8 symbols into one
 * {@code long}, 8 bits per symbol (exponents 0..255), so that multiplying monomials is adding
 * keys and the integer order of keys is a fixed monomial order.
 *
 * <p>The hot loops of the Wick recursion work on packed keys; {@link #monomial} converts back.
 * Adding two keys is exact as long as no exponent exceeds 255, which {@link #add} checks.
 */
public final class ExponentPacking {
    public static final int MAX_SYMBOLS = 8;
    public static final int MAX_EXPONENT = 255;

    private final List<String> symbols;

    public ExponentPacking(List<String> symbols) {
        if (symbols.size() > MAX_SYMBOLS) {
            throw new IllegalArgumentException("at most " + MAX_SYMBOLS + " symbols can be packed, got " + symbols.size());
        }
        symbols.forEach(Monomial::requireSymbol);
        if (symbols.stream().distinct().count() != symbols.size()) {
            throw new IllegalArgumentException("repeated symbol in " + symbols);
        }
        this.symbols = List.copyOf(symbols);
    }

    public List<String> symbols() {
        return symbols;
    }

    public int index(String symbol) {
        int i = symbols.indexOf(symbol);
        if (i < 0) throw new IllegalArgumentException("symbol '" + symbol + "' is not in " + symbols);
        return i;
    }

    /** The key of {@code symbol^exponent}. */
    public long key(String symbol, int exponent) {
        if (exponent < 0 || exponent > MAX_EXPONENT) {
            throw new IllegalArgumentException("exponent " + exponent + " outside 0.." + MAX_EXPONENT);
        }
        return ((long) exponent) << (8 * index(symbol));
    }

    /** The key of a monomial with nonnegative exponents over these symbols. */
    public long key(Monomial m) {
        long k = 0;
        for (Map.Entry<String, Integer> e : m.exponents().entrySet()) k = add(k, key(e.getKey(), e.getValue()));
        return k;
    }

    public int exponent(long key, int symbolIndex) {
        return (int) ((key >>> (8 * symbolIndex)) & 0xFF);
    }

    /** The key of the product; throws ArithmeticException if an exponent would pass 255. */
    public static long add(long a, long b) {
        long s = a + b;
        // a carry out of some byte shows as a byte of the sum smaller than that byte of a
        for (int i = 0; i < MAX_SYMBOLS; i++) {
            if (((s >>> (8 * i)) & 0xFF) < ((a >>> (8 * i)) & 0xFF)) {
                throw new ArithmeticException("exponent overflow in packed monomial");
            }
        }
        return s;
    }

    public Monomial monomial(long key) {
        TreeMap<String, Integer> m = new TreeMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            int e = exponent(key, i);
            if (e != 0) m.put(symbols.get(i), e);
        }
        return Monomial.of(m);
    }
}
