package org.prism.expansion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.prism.testing.RandomPermutation;

/**
 * Canonical forms of tensor networks against brute force: equal keys exactly when some
 * size-preserving relabelling of the indices maps the multiset of factors of one network onto the
 * other's, checked over all relabellings on small random networks.
 */
class TensorNetworkTest {
    // tensor id -> size id of each slot: t0 = U[p,H], t1 = v[p], t2 = C[p,p,H], t3 = S[p,p]
    static final int[][] SHAPES = {{0, 1}, {0}, {0, 0, 1}, {0, 0}};

    /** A network in raw (non-canonical) form. */
    record Raw(int[] tensor, int[][] slots, int[] sizes) {
        TensorNetwork.Canonical canonical() {
            return TensorNetwork.canonical(tensor, slots, sizes);
        }

        @Override
        public String toString() {
            return Arrays.toString(tensor) + " " + Arrays.deepToString(slots) + " sizes " + Arrays.toString(sizes);
        }
    }

    static Raw random(Random rnd, int maxFactors, int maxIndices, int tensors) {
        int indices = 1 + rnd.nextInt(maxIndices);
        int[] sizes = new int[indices];
        for (int i = 0; i < indices; i++) sizes[i] = rnd.nextInt(2);
        sizes[0] = 0;
        if (indices > 1) sizes[1] = 1;
        int factors = rnd.nextInt(maxFactors + 1);
        int[] tensor = new int[factors];
        int[][] slots = new int[factors][];
        for (int f = 0; f < factors; f++) {
            tensor[f] = rnd.nextInt(tensors);
            int[] shape = SHAPES[tensor[f]];
            slots[f] = new int[shape.length];
            for (int k = 0; k < shape.length; k++) {
                List<Integer> fit = new ArrayList<>();
                for (int i = 0; i < indices; i++) if (sizes[i] == shape[k]) fit.add(i);
                if (fit.isEmpty()) {
                    tensor[f] = 1; // v[p] fits index 0
                    slots[f] = new int[] {0};
                    break;
                }
                slots[f][k] = fit.get(rnd.nextInt(fit.size()));
            }
        }
        return new Raw(tensor, slots, sizes);
    }

    /** The same network with factors and indices renumbered at random. */
    static Raw shuffled(Raw r, Random rnd) {
        int n = r.sizes.length;
        int[] perm = RandomPermutation.of(n, rnd);
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) sizes[perm[i]] = r.sizes[i];
        int[] order = RandomPermutation.of(r.tensor.length, rnd);
        int[] tensor = new int[r.tensor.length];
        int[][] slots = new int[r.tensor.length][];
        for (int f = 0; f < tensor.length; f++) {
            tensor[order[f]] = r.tensor[f];
            slots[order[f]] = Arrays.stream(r.slots[f]).map(i -> perm[i]).toArray();
        }
        return new Raw(tensor, slots, sizes);
    }

    /** Brute force: some size-preserving bijection of the indices maps one multiset of factors onto the other. */
    static boolean isomorphic(Raw a, Raw b) {
        if (a.sizes.length != b.sizes.length || a.tensor.length != b.tensor.length) return false;
        List<String> target = factorStrings(b, identity(b.sizes.length));
        int[] perm = identity(a.sizes.length);
        do {
            boolean sizesKept = true;
            for (int i = 0; i < perm.length && sizesKept; i++) sizesKept = a.sizes[i] == b.sizes[perm[i]];
            if (sizesKept && factorStrings(a, perm).equals(target)) return true;
        } while (nextPermutation(perm));
        return false;
    }

    static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        return p;
    }

    static List<String> factorStrings(Raw r, int[] perm) {
        List<String> out = new ArrayList<>();
        for (int f = 0; f < r.tensor.length; f++) out.add(r.tensor[f] + ":" + Arrays.toString(Arrays.stream(r.slots[f]).map(i -> perm[i]).toArray()));
        out.sort(null);
        return out;
    }

    static boolean nextPermutation(int[] a) {
        int i = a.length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) i--;
        if (i < 0) return false;
        int j = a.length - 1;
        while (a[j] <= a[i]) j--;
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
            t = a[l];
            a[l] = a[r];
            a[r] = t;
        }
        return true;
    }

    static String fullKey(TensorNetwork.Canonical c) {
        return c.network().key() + "|" + Arrays.toString(c.loops());
    }

    @Test
    void keyIsInvariantUnderRelabelling() {
        Random rnd = new Random(1);
        for (int trial = 0; trial < 500; trial++) {
            Raw r = random(rnd, 12, 8, 4);
            String key = fullKey(r.canonical());
            for (int k = 0; k < 5; k++) assertEquals(key, fullKey(shuffled(r, rnd).canonical()), "trial " + trial);
        }
    }

    @Test
    void equalKeysExactlyForIsomorphicNetworks() {
        Random rnd = new Random(2);
        List<Raw> nets = new ArrayList<>();
        // small enough to try every relabelling, dense enough that many pairs are isomorphic
        for (int i = 0; i < 400; i++) nets.add(random(rnd, 4, 4, 4));
        int isomorphicPairs = 0;
        for (int i = 0; i < nets.size(); i++) {
            String ki = fullKey(nets.get(i).canonical());
            for (int j = i + 1; j < nets.size(); j++) {
                boolean iso = isomorphic(nets.get(i), nets.get(j));
                if (iso) isomorphicPairs++;
                assertEquals(iso, ki.equals(fullKey(nets.get(j).canonical())), nets.get(i) + " vs " + nets.get(j));
            }
        }
        assertNotEquals(0, isomorphicPairs);
    }

    @Test
    void canonicalNetworkIsIsomorphicToItsInput() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            Raw r = random(rnd, 4, 5, 4);
            TensorNetwork.Canonical c = r.canonical();
            TensorNetwork n = c.network();
            int[] tensor = new int[n.factorCount()];
            int[][] slots = new int[n.factorCount()][];
            for (int f = 0; f < tensor.length; f++) {
                tensor[f] = n.tensor(f);
                slots[f] = new int[n.order(f)];
                for (int k = 0; k < slots[f].length; k++) slots[f][k] = n.slot(f, k);
            }
            int[] sizes = new int[n.indexCount() + c.loopCount()];
            for (int i = 0; i < n.indexCount(); i++) sizes[i] = n.indexSize(i);
            for (int l = 0; l < c.loopCount(); l++) sizes[n.indexCount() + l] = c.loop(l);
            Raw back = new Raw(tensor, slots, sizes);
            assertEquals(true, isomorphic(r, back), r + " vs " + back);
        }
    }

    @Test
    void symmetriesMapFactorsToEquivalentFactors() {
        // what the engine relies on: marking factor f or its image under a symmetry (replacing it
        // by a new tensor id, as a gradient does) gives isomorphic networks
        Random rnd = new Random(4);
        int withSymmetry = 0;
        for (int trial = 0; trial < 300; trial++) {
            TensorNetwork n = random(rnd, 10, 6, 4).canonical().network();
            if (n.symmetryCount() > 0) withSymmetry++;
            for (int g = 0; g < n.symmetryCount(); g++) {
                for (int f = 0; f < n.factorCount(); f++) {
                    int image = n.symmetry(g, f);
                    assertEquals(n.tensor(f), n.tensor(image));
                    assertEquals(image, n.leader(image));
                    assertEquals(fullKey(n.relabel(f, 99)), fullKey(n.relabel(image, 99)), n + " generator " + g + " factor " + f);
                }
            }
        }
        assertNotEquals(0, withSymmetry);
    }

    /** Every Wick pairing of two factors of one tensor in {@code n}, as full keys with its symmetry maps. */
    private static List<String> pairings(TensorNetwork n) {
        List<String> out = new ArrayList<>();
        for (int f = 0; f < n.factorCount(); f++) {
            for (int g = f + 1; g < n.factorCount(); g++) {
                if (n.tensor(f) != n.tensor(g)) continue;
                TensorNetwork.Canonical c = TensorNetwork.join(n, f, null, g);
                out.add(fullKey(c) + " " + Arrays.deepToString(c.network().symmetries()));
            }
        }
        return out;
    }

    /**
     * join and canonical reuse a thread's work arrays from network to network (longer than the network after a
     * larger one): networks of sizes going up and down, joined one after another on this thread, give the keys,
     * loops and symmetries that each gives on a thread of its own (fresh arrays).
     */
    @Test
    void reusedWorkArraysGiveWhatFreshOnesGive() throws Exception {
        Random rnd = new Random(6);
        List<TensorNetwork> nets = new ArrayList<>();
        for (int i = 0; i < 200; i++) nets.add(random(rnd, i % 4 < 2 ? 4 : 14, i % 4 < 2 ? 3 : 9, 4).canonical().network());
        List<List<String>> reused = new ArrayList<>();
        for (TensorNetwork n : nets) reused.add(pairings(n));
        int joins = 0;
        for (int i = 0; i < nets.size(); i++) {
            TensorNetwork n = nets.get(i);
            List<List<String>> fresh = new ArrayList<>();
            Thread t = new Thread(() -> fresh.add(pairings(n)));
            t.start();
            t.join();
            assertEquals(fresh.get(0), reused.get(i), n.toString());
            joins += reused.get(i).size();
        }
        assertNotEquals(0, joins);
    }

    @Test
    void repeatedIndexDiffersFromTwoIndices() {
        // S[i,i] S[j,j] versus S[i,j] S[j,i] versus S[i,j] S[i,j]: three different networks
        String trace2 = TensorNetwork.canonical(new int[] {3, 3}, new int[][] {{0, 0}, {1, 1}}, new int[] {0, 0}).network().key();
        String cycle = TensorNetwork.canonical(new int[] {3, 3}, new int[][] {{0, 1}, {1, 0}}, new int[] {0, 0}).network().key();
        String frob = TensorNetwork.canonical(new int[] {3, 3}, new int[][] {{0, 1}, {0, 1}}, new int[] {0, 0}).network().key();
        assertNotEquals(trace2, cycle);
        assertNotEquals(cycle, frob);
        assertNotEquals(trace2, frob);
    }

    @Test
    void indicesOnNoFactorComeBackAsLoops() {
        TensorNetwork.Canonical c = TensorNetwork.canonical(new int[] {1}, new int[][] {{2}}, new int[] {1, 0, 0, 1});
        assertArrayEquals(new int[] {0, 1, 1}, c.loops());
        assertEquals(1, c.network().indexCount());
    }

    @Test
    void wickPairingOfTwoCopiesClosesBothIndices() {
        // U[i,h] U[i,h]: pairing the two copies leaves nothing but the loops i (p) and h (H)
        TensorNetwork n = TensorNetwork.canonical(new int[] {0, 0}, new int[][] {{0, 1}, {0, 1}}, new int[] {0, 1}).network();
        TensorNetwork.Canonical c = TensorNetwork.join(n, 0, null, 1);
        assertEquals(TensorNetwork.EMPTY, c.network());
        assertArrayEquals(new int[] {0, 1}, c.loops());
    }

    @Test
    void wickPairingMergesIndices() {
        // (u_h.u_g)^2 = U[i,h] U[i,g] U[j,h] U[j,g]; pairing U[i,h] with U[j,h] sets i = j and leaves
        // U[i,g] U[i,g] and h on no factor: a loop of size H
        TensorNetwork n = TensorNetwork.canonical(new int[] {0, 0, 0, 0}, new int[][] {{0, 2}, {0, 3}, {1, 2}, {1, 3}}, new int[] {0, 0, 1, 1}).network();
        int f = -1;
        int g = -1;
        // find two factors sharing their H index: the pair (U[i,h], U[j,h])
        for (int x = 0; x < 4 && f < 0; x++) {
            for (int y = x + 1; y < 4; y++) {
                if (n.slot(x, 1) == n.slot(y, 1)) {
                    f = x;
                    g = y;
                    break;
                }
            }
        }
        TensorNetwork.Canonical c = TensorNetwork.join(n, f, null, g);
        TensorNetwork expected = TensorNetwork.canonical(new int[] {0, 0}, new int[][] {{0, 1}, {0, 1}}, new int[] {0, 1}).network();
        assertEquals(expected, c.network());
        assertArrayEquals(new int[] {1}, c.loops());
    }

    @Test
    void gluingSubstitutesTheVelocity() {
        // N = v[i] v[i]; a velocity network hole(v)[j] S[j,k] v[k] (hole id 4 + 1 = 5) glued into the
        // first factor gives v[i] S[i,k] v[k]
        TensorNetwork n = TensorNetwork.canonical(new int[] {1, 1}, new int[][] {{0}, {0}}, new int[] {0}).network();
        TensorNetwork v = TensorNetwork.canonical(new int[] {5, 3, 1}, new int[][] {{0}, {0, 1}, {1}}, new int[] {0, 0}).network();
        TensorNetwork.Canonical c = TensorNetwork.join(n, 0, v, v.first(5));
        TensorNetwork expected = TensorNetwork.canonical(new int[] {1, 3, 1}, new int[][] {{0}, {0, 1}, {1}}, new int[] {0, 0}).network();
        assertEquals(expected, c.network());
    }

    @Test
    void rejectsMismatchedJoins() {
        TensorNetwork n = TensorNetwork.canonical(new int[] {0, 1}, new int[][] {{0, 1}, {0}}, new int[] {0, 1}).network();
        assertThrows(IllegalArgumentException.class, () -> TensorNetwork.join(n, 0, null, 1));
        assertThrows(IllegalArgumentException.class, () -> TensorNetwork.join(n, 0, null, 0));
        assertThrows(IllegalArgumentException.class, () -> TensorNetwork.canonical(new int[] {0}, new int[][] {{0, 3}}, new int[] {0, 1}));
    }
}
