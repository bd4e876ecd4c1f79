package org.prism.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Contraction} against the definition: a brute-force sum over every assignment of every
 * index, on random networks with hyperedges (an index on three or more factors), repeated indices
 * inside a factor, lone indices, outputs that repeat (a diagonal result) and outputs on no factor
 * (broadcast); the exact tree (up to {@value Contraction#EXACT_LIMIT} factors) and the greedy one.
 */
class ContractionTest {
    /** sum over all indices not in output of prod_f T_f[slots], at one output assignment. */
    private static double bruteForce(Contraction.Network n, double[][] tensors, int[] output, int[] outValue) {
        int indices = n.indexSize().length;
        int[] value = new int[indices];
        boolean[] fixed = new boolean[indices];
        boolean[] used = new boolean[indices];
        for (int[] slots : n.slots()) for (int s : slots) used[s] = true;
        for (int i = 0; i < indices; i++) fixed[i] = !used[i]; // an index on no factor is not summed (a network has none)
        boolean[] set = new boolean[indices];
        for (int k = 0; k < output.length; k++) {
            if (set[output[k]] && value[output[k]] != outValue[k]) return 0; // off the diagonal
            set[output[k]] = true;
            fixed[output[k]] = true;
            value[output[k]] = outValue[k];
        }
        double sum = 0;
        while (true) {
            double prod = 1;
            for (int f = 0; f < n.tensor().length; f++) {
                int[] slots = n.slots()[f];
                int off = 0;
                for (int s : slots) off = off * n.indexSize()[s] + value[s];
                prod *= tensors[n.tensor()[f]][off];
            }
            sum += prod;
            int i = indices - 1;
            for (; i >= 0; i--) {
                if (fixed[i]) continue;
                if (++value[i] < n.indexSize()[i]) break;
                value[i] = 0;
            }
            if (i < 0) return sum;
        }
    }

    private static void check(Contraction.Network n, int[] output, double[][] tensors, SplittableRandom rng) {
        double coefficient = 0.5 + rng.nextDouble();
        boolean[] constant = new boolean[tensors.length];
        constant[0] = true; // tensor 0 is data: its steps are cached per data set, which must not change the values
        Contraction c = new Contraction(coefficient, n, output, constant);
        Contraction.Buffers b = c.new Buffers();
        int outSize = 1;
        for (int o : output) outSize *= n.indexSize()[o];
        for (int round = 0; round < 2; round++) { // twice: the second evaluation reuses cached constant steps
            double[] out = new double[outSize];
            double before = 0.25;
            java.util.Arrays.fill(out, before);
            b.addTo(out, tensors, round + 1, 1, false); // a new state each round
            int[] outValue = new int[output.length];
            for (int e = 0; e < outSize; e++) {
                int r = e;
                for (int k = output.length - 1; k >= 0; k--) {
                    outValue[k] = r % n.indexSize()[output[k]];
                    r /= n.indexSize()[output[k]];
                }
                double want = before + coefficient * bruteForce(n, tensors, output, outValue);
                assertEquals(want, out[e], 1e-12 * (1 + Math.abs(want)), "entry " + e + " of " + describe(n, output));
            }
            for (int f = 1; f < n.tensor().length; f++) {
                double[] t = tensors[n.tensor()[f]];
                for (int e = 0; e < t.length; e++) t[e] = rng.nextGaussian(); // new state, same data
            }
        }
    }

    private static String describe(Contraction.Network n, int[] output) {
        StringBuilder sb = new StringBuilder();
        for (int f = 0; f < n.tensor().length; f++) sb.append('T').append(n.tensor()[f]).append(java.util.Arrays.toString(n.slots()[f])).append(' ');
        return sb + "-> " + java.util.Arrays.toString(output) + " sizes " + java.util.Arrays.toString(n.indexSize());
    }

    /** A random network: F factors, each its own tensor, of 1-3 slots over I indices of sizes 1-3. */
    private static void randomCase(SplittableRandom rng, int factors) {
        int indices = 1 + rng.nextInt(5);
        int[] size = new int[indices];
        for (int i = 0; i < indices; i++) size[i] = 1 + rng.nextInt(3);
        int[] tensor = new int[factors];
        int[][] slots = new int[factors][];
        double[][] tensors = new double[factors][];
        for (int f = 0; f < factors; f++) {
            tensor[f] = f;
            slots[f] = new int[1 + rng.nextInt(3)];
            int entries = 1;
            for (int k = 0; k < slots[f].length; k++) {
                slots[f][k] = rng.nextInt(indices);
                entries *= size[slots[f][k]];
            }
            tensors[f] = new double[entries];
            for (int e = 0; e < entries; e++) tensors[f][e] = rng.nextGaussian();
        }
        int[] output = new int[rng.nextInt(3)];
        for (int k = 0; k < output.length; k++) output[k] = rng.nextInt(indices);
        check(new Contraction.Network(tensor, slots, size), output, tensors, rng);
    }

    @Test
    void randomNetworksAgreeWithTheBruteForceSum() {
        SplittableRandom rng = new SplittableRandom(20261123);
        for (int trial = 0; trial < 400; trial++) randomCase(rng, 1 + rng.nextInt(6));
    }

    @Test
    void largeNetworksUseTheGreedyTreeAndAgreeToo() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) randomCase(rng, Contraction.EXACT_LIMIT + 1 + rng.nextInt(2));
    }

    /**
     * The CP-like network G = sum_{i,j,k} U[i,h] U[j,h] U[k,h] U[i,g] U[j,g] U[k,g] (sum_{h,g} (U^T U)_{hg}^3):
     * the plan's cost is polynomial, three products of p x H^2 and one H^2 cube, not p^3 H^2.
     */
    @Test
    void theTreeAvoidsTheNaiveCost() {
        int p = 30;
        int h = 20;
        int[] tensor = {0, 0, 0, 0, 0, 0};
        int[][] slots = {{0, 3}, {1, 3}, {2, 3}, {0, 4}, {1, 4}, {2, 4}};
        Contraction c = new Contraction(1, new Contraction.Network(tensor, slots, new int[] {p, p, p, h, h}), new int[0], new boolean[1]);
        double cost = c.scatterCost();
        for (int k = 0; k < c.steps(); k++) cost += c.stepCost(k);
        assertTrue(cost <= 4.0 * p * h * h, "cost " + cost);
        SplittableRandom rng = new SplittableRandom(3);
        double[] u = new double[p * h];
        for (int e = 0; e < u.length; e++) u[e] = rng.nextGaussian();
        double want = 0;
        for (int a = 0; a < h; a++) {
            for (int b = 0; b < h; b++) {
                double g = 0;
                for (int i = 0; i < p; i++) g += u[i * h + a] * u[i * h + b];
                want += g * g * g;
            }
        }
        double got = c.new Buffers().scalar(new double[][] {u}, 1, 1, false);
        assertEquals(want, got, 1e-10 * Math.abs(want));
    }
}
