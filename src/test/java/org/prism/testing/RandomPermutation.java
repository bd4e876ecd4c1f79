package org.prism.testing;

import java.util.Random;

/** Uniform random permutations for the relabelling tests (Fisher-Yates, reproducible from the seed). */
public final class RandomPermutation {
    private RandomPermutation() {}

    /** A uniform random permutation of 0..n-1. */
    public static int[] of(int n, Random rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
