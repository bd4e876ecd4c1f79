package org.prism.algebra;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Mixed moments of free variables by the moment-cumulant formula over non-crossing partitions (Nica and Speicher,
 * Lectures on the Combinatorics of Free Probability, Theorem 14.4): for $a$ free from $\{b_i\}$,
 * $$\varphi(a b_1 a b_2 \cdots a b_k) = \sum_{\pi \in NC(k)} \prod_{V \in \pi} \kappa_{|V|}(a)
 * \prod_{W \in K(\pi)} \varphi\Big(\prod_{i \in W} b_i\Big),$$
 * with $K(\pi)$ the Kreweras complement, as permutations $K(\pi) = \pi^{-1}\gamma$, $\gamma = (1\,2\cdots k)$ and
 * each block of $\pi$ a cycle in increasing order; $b_i$ sits after the $i$-th $a$. So the moments of a free
 * multiplicative convolution, e.g. a sample covariance $C^{1/2} W C^{1/2}$ with $W$ white Wishart (free cumulants
 * $\gamma^{j-1}$), are $\varphi((aC)^k) = \sum_\pi \prod_V \gamma^{|V|-1} \prod_W C_{|W|}$.
 *
 * <p>Cost: the $B_k$ set partitions of $k$ points are listed and the non-crossing ones kept ($k \le 10$ here:
 * $B_{10} = 115975$).
 */
public final class FreeMoments {
    private FreeMoments() {}

    /** Every non-crossing partition of {0..k-1}, each a list of increasing blocks. */
    public static List<int[][]> nonCrossing(int k) {
        if (k < 1 || k > 10) throw new IllegalArgumentException("non-crossing partitions of 1..10 points, got " + k);
        List<int[][]> out = new ArrayList<>();
        partitions(new int[k], 0, 0, out);
        return out;
    }

    /** Set partitions as restricted growth strings {@code label}; keeps the non-crossing ones. */
    private static void partitions(int[] label, int i, int blocks, List<int[][]> out) {
        if (i == label.length) {
            int[][] p = blocks(label, blocks);
            if (nonCrossing(label)) out.add(p);
            return;
        }
        for (int b = 0; b <= blocks; b++) {
            label[i] = b;
            partitions(label, i + 1, Math.max(blocks, b + 1), out);
        }
    }

    private static int[][] blocks(int[] label, int count) {
        List<List<Integer>> b = new ArrayList<>();
        for (int j = 0; j < count; j++) b.add(new ArrayList<>());
        for (int i = 0; i < label.length; i++) b.get(label[i]).add(i);
        int[][] out = new int[count][];
        for (int j = 0; j < count; j++) out[j] = b.get(j).stream().mapToInt(Integer::intValue).toArray();
        return out;
    }

    /** No a < b < c < d with a, c in one block and b, d in another. */
    private static boolean nonCrossing(int[] label) {
        int n = label.length;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (label[b] == label[a]) continue;
                for (int c = b + 1; c < n; c++) {
                    if (label[c] != label[a]) continue;
                    for (int d = c + 1; d < n; d++) if (label[d] == label[b]) return false;
                }
            }
        }
        return true;
    }

    /** The Kreweras complement of {@code pi} on {0..k-1}: the cycles of $\pi^{-1}\gamma$. */
    public static int[][] kreweras(int[][] pi, int k) {
        int[] previous = new int[k]; // pi^{-1}: each block a cycle in increasing order
        for (int[] block : pi) {
            for (int j = 0; j < block.length; j++) previous[block[(j + 1) % block.length]] = block[j];
        }
        int[] k2 = new int[k];
        for (int i = 0; i < k; i++) k2[i] = previous[(i + 1) % k];
        boolean[] seen = new boolean[k];
        List<int[]> cycles = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            if (seen[i]) continue;
            List<Integer> c = new ArrayList<>();
            for (int j = i; !seen[j]; j = k2[j]) {
                seen[j] = true;
                c.add(j);
            }
            cycles.add(c.stream().mapToInt(Integer::intValue).sorted().toArray());
        }
        return cycles.toArray(new int[0][]);
    }

    /**
     * $\varphi(a b_0 a b_1 \cdots a b_{k-1})$ for $a$ with free cumulants {@code cumulant.apply(j)} ($j \ge 1$) free from
     * the $b$'s, whose products over a block of positions are {@code block.apply(positions)}.
     */
    public static Rational alternating(int k, IntFunction<Rational> cumulant, Function<int[], Rational> block) {
        Rational sum = Rational.ZERO;
        for (int[][] pi : nonCrossing(k)) {
            Rational term = Rational.ONE;
            for (int[] v : pi) term = term.multiply(cumulant.apply(v.length));
            if (term.isZero()) continue;
            for (int[] w : kreweras(pi, k)) term = term.multiply(block.apply(w));
            sum = sum.add(term);
        }
        return sum;
    }
}
