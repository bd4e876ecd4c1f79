package org.prism.diagram;

import java.util.Arrays;
import java.util.function.Consumer;
import org.prism.expansion.Alphabet;
import org.prism.expansion.CyclicWord;

/**
 * Enumerates the Wick pairings of a word: the perfect matchings of its letter positions in which
 * every pair holds two letters of the same random matrix (plain or transposed). For $2k_i$
 * letters of matrix $i$ there are $\prod_i (2k_i - 1)!!$ pairings, each visited once, in
 * $O(L)$ time apiece. The array passed to the consumer maps each position to its partner and is
 * reused between calls.
 */
public final class WickPairingEnumerator {
    private WickPairingEnumerator() {}

    /** Number of pairings, $\prod_i (2k_i-1)!!$ over the random matrices, or 0 if one has an odd letter count. */
    public static long count(CyclicWord w, Alphabet alphabet) {
        long total = 1;
        for (int i = 0; i < alphabet.matrixCount(); i++) {
            if (alphabet.isConstant(2 * i)) continue;
            int c = w.count(i);
            if ((c & 1) == 1) return 0;
            for (int k = c - 1; k > 1; k -= 2) total = Math.multiplyExact(total, k);
        }
        return total;
    }

    /** Visits every pairing; a covariance letter (never paired) is its own partner. */
    public static void forEach(CyclicWord w, Alphabet alphabet, Consumer<int[]> consumer) {
        int n = w.length();
        int[] partner = new int[n];
        Arrays.fill(partner, -1);
        byte[] letters = w.letters();
        for (int p = 0; p < n; p++) if (alphabet.isConstant(letters[p])) partner[p] = p;
        recurse(letters, partner, 0, consumer);
    }

    private static void recurse(byte[] letters, int[] partner, int from, Consumer<int[]> consumer) {
        int p = from;
        while (p < letters.length && partner[p] >= 0) p++;
        if (p == letters.length) {
            consumer.accept(partner);
            return;
        }
        for (int q = p + 1; q < letters.length; q++) {
            if (partner[q] >= 0 || (letters[q] >> 1) != (letters[p] >> 1)) continue;
            partner[p] = q;
            partner[q] = p;
            recurse(letters, partner, p + 1, consumer);
            partner[p] = -1;
            partner[q] = -1;
        }
    }
}
