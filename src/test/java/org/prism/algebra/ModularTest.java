package org.prism.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Modular helpers against BigInteger arithmetic (an independent route for every operation). */
class ModularTest {
    @Test
    void primesArePrimeDescendingAndBelowTheBound() {
        long previous = Modular.PRIME_BOUND;
        for (int i = 0; i < 12; i++) {
            long p = Modular.prime(i);
            assertTrue(BigInteger.valueOf(p).isProbablePrime(60), p + " is not prime");
            assertTrue(p < previous);
            previous = p;
        }
        // no prime skipped between the first two
        for (long c = Modular.prime(1) + 1; c < Modular.prime(0); c++) assertTrue(!BigInteger.valueOf(c).isProbablePrime(60));
    }

    @Property(tries = 2000, seed = "42")
    void reduceIsTheRemainder(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long x, @ForAll @IntRange(min = 0, max = 11) int which) {
        long p = Modular.prime(which);
        assertEquals(x % p, Modular.reduce(x, p, 1.0 / p));
    }

    /** The sum that {@link Modular#products} allows, worst case, stays where reduce is exact; one more product would not. */
    @Property(tries = 2000, seed = "7")
    void productsBoundTheLazySum(@ForAll @LongRange(min = 1, max = 1L << 32) long weight, @ForAll @IntRange(min = 0, max = 11) int which) {
        long p = Modular.prime(which);
        long k = Modular.products(weight, p);
        BigInteger worst = BigInteger.valueOf(p - 1).add(BigInteger.valueOf(k).multiply(BigInteger.valueOf(weight - 1)).multiply(BigInteger.valueOf(p - 1)));
        BigInteger limit = BigInteger.valueOf(Long.MAX_VALUE);
        assertTrue(worst.compareTo(limit) <= 0, "weight " + weight + ": " + k + " products pass 2^63");
        BigInteger oneMore = BigInteger.valueOf(p).add(BigInteger.valueOf(k + 1).multiply(BigInteger.valueOf(weight)).multiply(BigInteger.valueOf(p)));
        assertTrue(oneMore.compareTo(limit.subtract(BigInteger.valueOf(p))) > 0, "weight " + weight + ": the bound is loose");
        if (k > 0) {
            long sum = worst.longValueExact();
            assertEquals(sum % p, Modular.reduce(sum, p, 1.0 / p));
        }
    }

    @Test
    void reduceAtTheEdges() {
        long p = Modular.prime(0);
        for (long x : new long[] {0, 1, p - 1, p, p + 1, Long.MAX_VALUE, Long.MAX_VALUE - 1, (Long.MAX_VALUE / p) * p, (Long.MAX_VALUE / p) * p - 1}) {
            assertEquals(x % p, Modular.reduce(x, p, 1.0 / p), "x = " + x);
        }
    }

    @Test
    void interpolationRecoversARandomPolynomial() {
        Random r = new Random(7);
        long p = Modular.prime(2);
        for (int k = 1; k <= 20; k++) {
            long[] coefficients = new long[k];
            for (int j = 0; j < k; j++) coefficients[j] = Math.floorMod(r.nextLong(), p);
            long[] values = new long[k];
            for (int x = 1; x <= k; x++) {
                BigInteger v = BigInteger.ZERO;
                for (int j = k - 1; j >= 0; j--) v = v.multiply(BigInteger.valueOf(x)).add(BigInteger.valueOf(coefficients[j]));
                values[x - 1] = v.mod(BigInteger.valueOf(p)).longValue();
            }
            Modular.interpolate(values, 0, k, p);
            assertEquals(java.util.Arrays.toString(coefficients), java.util.Arrays.toString(values), "degree " + (k - 1));
        }
    }

    @Test
    void liftInvertsReductionInTheSymmetricRange() {
        Random r = new Random(11);
        for (int k = 1; k <= 6; k++) {
            long[] primes = new long[k];
            BigInteger product = BigInteger.ONE;
            for (int i = 0; i < k; i++) {
                primes[i] = Modular.prime(i);
                product = product.multiply(BigInteger.valueOf(primes[i]));
            }
            BigInteger half = product.shiftRight(1);
            for (int t = 0; t < 200; t++) {
                BigInteger x = new BigInteger(product.bitLength() - 1, r);
                if (r.nextBoolean()) x = x.negate();
                if (x.abs().compareTo(half) > 0) continue;
                long[] residues = new long[k];
                for (int i = 0; i < k; i++) residues[i] = x.mod(BigInteger.valueOf(primes[i])).longValue();
                assertEquals(x, Modular.lift(residues, primes));
            }
        }
    }

    @Test
    void primesForCoverTwiceTheBound() {
        BigInteger bound = BigInteger.TWO.pow(100);
        int k = Modular.primesFor(bound);
        BigInteger product = BigInteger.ONE;
        for (int i = 0; i < k; i++) product = product.multiply(BigInteger.valueOf(Modular.prime(i)));
        assertTrue(product.compareTo(bound.shiftLeft(1)) > 0);
        assertTrue(product.divide(BigInteger.valueOf(Modular.prime(k - 1))).compareTo(bound.shiftLeft(1)) <= 0, "one prime too many");
    }

    @Test
    void powersAndInverses() {
        long p = Modular.prime(0);
        assertEquals(BigInteger.valueOf(3).modPow(BigInteger.valueOf(1000), BigInteger.valueOf(p)).longValue(), Modular.pow(3, 1000, p));
        assertEquals(BigInteger.valueOf(12345).modInverse(BigInteger.valueOf(p)).longValue(), Modular.inverse(12345, p));
        assertEquals(BigInteger.valueOf(7).modInverse(BigInteger.valueOf(p)).modPow(BigInteger.valueOf(3), BigInteger.valueOf(p)).longValue(),
                Modular.power(7, -3, p));
    }
}
