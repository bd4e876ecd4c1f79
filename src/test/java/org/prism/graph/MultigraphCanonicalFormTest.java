package org.prism.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.prism.testing.RandomPermutation;

class MultigraphCanonicalFormTest {

    // ------------------------------------------------------------------ helpers

    /** A test graph: colours and {from, to, label} edges. */
    record G(int[] colours, int[][] edges) {
        int n() {
            return colours.length;
        }
    }

    private static CanonicalCode code(G g) {
        return MultigraphCanonicalForm.of(g.colours(), g.edges()).code();
    }

    private static G uniform(int n, int[][] edges) {
        return new G(new int[n], edges);
    }

    /** Symmetric (both directions, label 0) version of an undirected edge list. */
    private static int[][] undirected(int[][] pairs) {
        int[][] e = new int[2 * pairs.length][];
        for (int i = 0; i < pairs.length; i++) {
            e[2 * i] = new int[] {pairs[i][0], pairs[i][1], 0};
            e[2 * i + 1] = new int[] {pairs[i][1], pairs[i][0], 0};
        }
        return e;
    }

    private static int[][] directedCycle(int n, int offset, int label) {
        int[][] e = new int[n][];
        for (int i = 0; i < n; i++) {
            e[i] = new int[] {offset + i, offset + (i + 1) % n, label};
        }
        return e;
    }

    private static int[][] concat(int[][]... parts) {
        List<int[]> all = new ArrayList<>();
        for (int[][] p : parts) {
            all.addAll(Arrays.asList(p));
        }
        return all.toArray(new int[0][]);
    }

    /** The image of g under vertex map perm (v -> perm[v]), edges shuffled. */
    private static G relabel(G g, int[] perm, Random rnd) {
        int n = g.n();
        int[] c = new int[n];
        for (int v = 0; v < n; v++) {
            c[perm[v]] = g.colours()[v];
        }
        int m = g.edges().length;
        int[][] e = new int[m][];
        for (int i = 0; i < m; i++) {
            int[] x = g.edges()[i];
            e[i] = new int[] {perm[x[0]], perm[x[1]], x[2]};
        }
        if (rnd != null) Collections.shuffle(Arrays.asList(e), rnd); // the array, through its list view
        return new G(c, e);
    }

    private static G randomGraph(Random rnd, int n, int m, int colours, int labels) {
        int[] c = new int[n];
        for (int v = 0; v < n; v++) {
            c[v] = rnd.nextInt(colours);
        }
        int[][] e = new int[m][];
        for (int i = 0; i < m; i++) {
            if (i > 0 && rnd.nextInt(4) == 0) {
                e[i] = e[rnd.nextInt(i)].clone(); // parallel copy
            } else {
                e[i] = new int[] {rnd.nextInt(n), rnd.nextInt(n), rnd.nextInt(labels)};
            }
        }
        return new G(c, e);
    }

    /** A copy of g with one edge changed: direction, label, loop-ness or a multiplicity shift. */
    private static G mutate(G g, Random rnd, int labels) {
        int n = g.n();
        int[][] e = new int[g.edges().length][];
        for (int i = 0; i < e.length; i++) {
            e[i] = g.edges()[i].clone();
        }
        if (e.length == 0) {
            return new G(g.colours().clone(), e);
        }
        int i = rnd.nextInt(e.length);
        switch (rnd.nextInt(4)) {
            case 0 -> { // reverse direction
                int t = e[i][0];
                e[i][0] = e[i][1];
                e[i][1] = t;
            }
            case 1 -> e[i][2] = (e[i][2] + 1 + rnd.nextInt(Math.max(1, labels - 1))) % labels;
            case 2 -> { // loop <-> edge
                if (e[i][0] == e[i][1]) {
                    e[i][1] = (e[i][1] + 1 + rnd.nextInt(Math.max(1, n - 1))) % n;
                } else {
                    e[i][1] = e[i][0];
                }
            }
            default -> e[i] = e[rnd.nextInt(e.length)].clone(); // shift multiplicity
        }
        return new G(g.colours().clone(), e);
    }

    /** Labels between each ordered pair, as a sorted array (the multiset), for brute force. */
    private static int[][][] pairLabels(G g) {
        int n = g.n();
        List<List<Integer>> tmp = new ArrayList<>();
        for (int k = 0; k < n * n; k++) {
            tmp.add(new ArrayList<>());
        }
        for (int[] x : g.edges()) {
            tmp.get(x[0] * n + x[1]).add(x[2]);
        }
        int[][][] r = new int[n][n][];
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                r[u][v] = tmp.get(u * n + v).stream().mapToInt(Integer::intValue).sorted().toArray();
            }
        }
        return r;
    }

    /** Brute force: try all colour-preserving bijections, with partial-assignment pruning. */
    private static boolean bruteForceIsomorphic(G a, G b) {
        if (a.n() != b.n() || a.edges().length != b.edges().length) {
            return false;
        }
        return extend(a, b, pairLabels(a), pairLabels(b), new int[a.n()], new boolean[a.n()], 0);
    }

    private static boolean extend(G a, G b, int[][][] la, int[][][] lb, int[] map, boolean[] used,
            int i) {
        int n = a.n();
        if (i == n) {
            return true;
        }
        for (int w = 0; w < n; w++) {
            if (used[w] || a.colours()[i] != b.colours()[w]) {
                continue;
            }
            map[i] = w;
            boolean ok = true;
            for (int j = 0; j <= i && ok; j++) {
                ok = Arrays.equals(la[i][j], lb[w][map[j]]) && Arrays.equals(la[j][i], lb[map[j]][w]);
            }
            if (ok) {
                used[w] = true;
                if (extend(a, b, la, lb, map, used, i + 1)) {
                    return true;
                }
                used[w] = false;
            }
        }
        return false;
    }

    /** The graph encoded by a code (positions as vertices). */
    private static G decode(CanonicalCode c) {
        int[] d = c.data();
        int n = d[0];
        int[] colours = Arrays.copyOfRange(d, 1, 1 + n);
        int t = d[1 + n];
        List<int[]> e = new ArrayList<>();
        for (int k = 0, o = 2 + n; k < t; k++, o += 4) {
            for (int r = 0; r < d[o + 3]; r++) {
                e.add(new int[] {d[o], d[o + 1], d[o + 2]});
            }
        }
        return new G(colours, e.toArray(new int[0][]));
    }

    private static boolean isPermutation(int[] p) {
        boolean[] seen = new boolean[p.length];
        for (int x : p) {
            if (x < 0 || x >= p.length || seen[x]) {
                return false;
            }
            seen[x] = true;
        }
        return true;
    }

    /** Sorted aggregated quadruples (from, to, label, mult) of a graph, flattened. */
    private static int[] sortedQuads(G g) {
        int[][] e = g.edges().clone();
        Arrays.sort(e, (x, y) -> Arrays.compare(x, y));
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < e.length; i++) {
            if (i > 0 && Arrays.equals(e[i], e[i - 1])) {
                out.set(out.size() - 1, out.get(out.size() - 1) + 1);
            } else {
                out.addAll(List.of(e[i][0], e[i][1], e[i][2], 1));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * For {@code trials} pairs made by {@code pair} (given the trial number), asserts that the two
     * graphs have equal codes exactly when brute force finds them isomorphic, and that more than
     * {@code min} pairs of each kind came up.
     */
    private static void codesAgreeWithBruteForce(int trials, int min, IntFunction<G[]> pair) {
        int iso = 0;
        int nonIso = 0;
        for (int trial = 0; trial < trials; trial++) {
            G[] ab = pair.apply(trial);
            G a = ab[0];
            G b = ab[1];
            boolean expected = bruteForceIsomorphic(a, b);
            assertEquals(expected, code(a).equals(code(b)),
                    () -> Arrays.deepToString(a.edges()) + " vs " + Arrays.deepToString(b.edges()));
            if (expected) {
                iso++;
            } else {
                nonIso++;
            }
        }
        assertTrue(iso > min && nonIso > min, "iso=" + iso + " nonIso=" + nonIso);
    }

    // ------------------------------------------------------------------ random checks

    @Test
    void codeIsInvariantUnderVertexPermutationAndEdgeShuffleSmall() {
        Random rnd = new Random(1);
        for (int trial = 0; trial < 3000; trial++) {
            int n = 1 + rnd.nextInt(7);
            G g = randomGraph(rnd, n, rnd.nextInt(15), 1 + rnd.nextInt(2), 1 + rnd.nextInt(3));
            G h = relabel(g, RandomPermutation.of(n, rnd), rnd);
            assertEquals(code(g), code(h), () -> "trial with " + Arrays.deepToString(g.edges()));
        }
    }

    @Test
    void codeIsInvariantUnderVertexPermutationLarger() {
        Random rnd = new Random(2);
        for (int trial = 0; trial < 400; trial++) {
            int n = 8 + rnd.nextInt(23);
            G g = randomGraph(rnd, n, 4 + rnd.nextInt(57), 1 + rnd.nextInt(3), 1 + rnd.nextInt(3));
            G h = relabel(g, RandomPermutation.of(n, rnd), rnd);
            assertEquals(code(g), code(h));
        }
    }

    @Test
    void codeEqualityMatchesBruteForceIsomorphism() {
        Random rnd = new Random(1);
        codesAgreeWithBruteForce(6000, 2000, trial -> {
            int n = 1 + rnd.nextInt(7);
            int m = rnd.nextInt(13);
            int colours = 1 + rnd.nextInt(2);
            int labels = 1 + rnd.nextInt(2);
            G a = randomGraph(rnd, n, m, colours, labels);
            G b = switch (trial % 3) {
                case 0 -> randomGraph(rnd, n, m, colours, labels);
                case 1 -> relabel(mutate(a, rnd, labels), RandomPermutation.of(n, rnd), rnd);
                default -> relabel(a, RandomPermutation.of(n, rnd), rnd);
            };
            return new G[] {a, b};
        });
    }

    @Test
    void codeEqualityMatchesBruteForceOnRegularGraphs() {
        // Each vertex has in- and out-degree d (unions of d random permutations): refinement
        // separates nothing, so equality rests entirely on the branching.
        Random rnd = new Random(3);
        codesAgreeWithBruteForce(1500, 300, trial -> {
            int n = 3 + rnd.nextInt(5);
            int d = 1 + rnd.nextInt(2);
            G a = regularDigraph(rnd, n, d);
            G b = trial % 2 == 0 ? regularDigraph(rnd, n, d)
                    : relabel(a, RandomPermutation.of(n, rnd), rnd);
            return new G[] {a, b};
        });
    }

    private static G regularDigraph(Random rnd, int n, int d) {
        List<int[]> e = new ArrayList<>();
        for (int k = 0; k < d; k++) {
            int[] p = RandomPermutation.of(n, rnd);
            for (int v = 0; v < n; v++) {
                e.add(new int[] {v, p[v], 0});
            }
        }
        return uniform(n, e.toArray(new int[0][]));
    }

    @Test
    void codeIsInvariantOnSymmetricFamilies() {
        // Inputs with many automorphisms and little for refinement to split: this is where the
        // search tree branches and the automorphism pruning acts.
        Random rnd = new Random(10);
        for (int trial = 0; trial < 1200; trial++) {
            G g = switch (trial % 3) {
                case 0 -> permutationUnion(rnd, 3 + rnd.nextInt(12), 1 + rnd.nextInt(3));
                case 1 -> disjointCopies(rnd, 2 + rnd.nextInt(4), 2 + rnd.nextInt(4));
                default -> cayleyLike(rnd, 2 + rnd.nextInt(5), 1 + rnd.nextInt(4));
            };
            CanonicalCode c = code(g);
            for (int rep = 0; rep < 3; rep++) {
                assertEquals(c, code(relabel(g, RandomPermutation.of(g.n(), rnd), rnd)),
                        () -> Arrays.deepToString(g.edges()));
            }
        }
    }

    /** Union of d random permutations (labels 0/1), optionally symmetrised. */
    private static G permutationUnion(Random rnd, int n, int d) {
        boolean symmetric = rnd.nextBoolean();
        List<int[]> e = new ArrayList<>();
        for (int k = 0; k < d; k++) {
            int[] p = RandomPermutation.of(n, rnd);
            int label = rnd.nextInt(2) * (k % 2);
            for (int v = 0; v < n; v++) {
                e.add(new int[] {v, p[v], label});
                if (symmetric) {
                    e.add(new int[] {p[v], v, label});
                }
            }
        }
        return uniform(n, e.toArray(new int[0][]));
    }

    /** c copies of a random graph on s vertices, plus up to two random extra edges. */
    private static G disjointCopies(Random rnd, int s, int c) {
        int m = 1 + rnd.nextInt(2 * s);
        int[][] base = new int[m][];
        for (int i = 0; i < m; i++) {
            base[i] = new int[] {rnd.nextInt(s), rnd.nextInt(s), rnd.nextInt(2)};
        }
        List<int[]> e = new ArrayList<>();
        for (int k = 0; k < c; k++) {
            for (int[] b : base) {
                e.add(new int[] {b[0] + k * s, b[1] + k * s, b[2]});
            }
        }
        int n = s * c;
        for (int i = rnd.nextInt(3); i > 0; i--) {
            e.add(new int[] {rnd.nextInt(n), rnd.nextInt(n), 0});
        }
        return uniform(n, e.toArray(new int[0][]));
    }

    /** Cayley-like digraph of Z_a x Z_b with k random labelled shifts (vertex-transitive). */
    private static G cayleyLike(Random rnd, int a, int b) {
        List<int[]> e = new ArrayList<>();
        for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
            int sa = rnd.nextInt(a);
            int sb = rnd.nextInt(b);
            int label = rnd.nextInt(2);
            for (int x = 0; x < a; x++) {
                for (int y = 0; y < b; y++) {
                    e.add(new int[] {x * b + y, ((x + sa) % a) * b + (y + sb) % b, label});
                }
            }
        }
        return uniform(a * b, e.toArray(new int[0][]));
    }

    @Test
    void labellingIsAPermutationAndCodeIsTheRelabelledGraph() {
        Random rnd = new Random(4);
        for (int trial = 0; trial < 1500; trial++) {
            int n = 1 + rnd.nextInt(12);
            G g = randomGraph(rnd, n, rnd.nextInt(25), 1 + rnd.nextInt(3), 1 + rnd.nextInt(4));
            MultigraphCanonicalForm f = MultigraphCanonicalForm.of(g.colours(), g.edges());
            int[] lab = f.labelling();
            assertTrue(isPermutation(lab), Arrays.toString(lab));
            G relabelled = relabel(g, lab, rnd);
            // code() is exactly the graph relabelled by labelling() ...
            int[] d = f.code().data();
            assertEquals(n, d[0]);
            assertArrayEquals(relabelled.colours(), Arrays.copyOfRange(d, 1, 1 + n));
            assertArrayEquals(sortedQuads(relabelled), Arrays.copyOfRange(d, 2 + n, d.length));
            // ... so relabelling is idempotent and decoding gives the same class.
            assertEquals(f.code(), code(relabelled));
            assertEquals(f.code(), code(decode(f.code())));
            if (n <= 7) {
                assertTrue(bruteForceIsomorphic(g, decode(f.code())));
            }
        }
    }

    /**
     * A graph full of twins: each vertex of a random base graph (on k vertices) blown up into a class
     * of 1-3 copies, every base edge (loops included) joining every copy of its tail to every copy of
     * its head (a base loop is a loop at each copy), and, half the time, one random edge more, which
     * may split a class.
     */
    private static G blownUp(Random rnd, int k) {
        G base = randomGraph(rnd, k, rnd.nextInt(2 * k + 1), 1 + rnd.nextInt(2), 1 + rnd.nextInt(2));
        int[] first = new int[k + 1];
        for (int v = 0; v < k; v++) {
            first[v + 1] = first[v] + 1 + rnd.nextInt(3);
        }
        int n = first[k];
        int[] colours = new int[n];
        for (int v = 0; v < k; v++) {
            for (int x = first[v]; x < first[v + 1]; x++) {
                colours[x] = base.colours()[v];
            }
        }
        List<int[]> e = new ArrayList<>();
        for (int[] b : base.edges()) {
            for (int x = first[b[0]]; x < first[b[0] + 1]; x++) {
                if (b[0] == b[1]) {
                    e.add(new int[] {x, x, b[2]});
                    continue;
                }
                for (int y = first[b[1]]; y < first[b[1] + 1]; y++) {
                    e.add(new int[] {x, y, b[2]});
                }
            }
        }
        if (rnd.nextBoolean()) {
            e.add(new int[] {rnd.nextInt(n), rnd.nextInt(n), rnd.nextInt(2)});
        }
        return new G(colours, e.toArray(new int[0][]));
    }

    @Test
    void codeEqualityMatchesBruteForceOnGraphsWithTwins() {
        // twins are contracted before the search: the quotient and the class sizes must still
        // tell isomorphic graphs from the rest
        Random rnd = new Random(11);
        codesAgreeWithBruteForce(3000, 900, trial -> {
            G a = blownUp(rnd, 1 + rnd.nextInt(4));
            G b = switch (trial % 3) {
                case 0 -> relabel(a, RandomPermutation.of(a.n(), rnd), rnd);
                case 1 -> relabel(mutate(a, rnd, 2), RandomPermutation.of(a.n(), rnd), rnd);
                default -> blownUp(rnd, 1 + rnd.nextInt(4));
            };
            return new G[] {a, b};
        });
    }

    @Test
    void canonicalPositionsAreSortedByColour() {
        // TensorNetwork numbers its indices in position order and relies on this
        Random rnd = new Random(12);
        for (int trial = 0; trial < 2000; trial++) {
            G g = trial % 2 == 0 ? blownUp(rnd, 1 + rnd.nextInt(5))
                    : randomGraph(rnd, 1 + rnd.nextInt(12), rnd.nextInt(20), 1 + rnd.nextInt(4), 2);
            int[] lab = MultigraphCanonicalForm.of(g.colours(), g.edges()).labelling();
            int[] colourAt = new int[g.n()];
            for (int v = 0; v < g.n(); v++) {
                colourAt[lab[v]] = g.colours()[v];
            }
            for (int p = 1; p < g.n(); p++) {
                assertTrue(colourAt[p - 1] <= colourAt[p], () -> Arrays.toString(colourAt));
            }
        }
    }

    @Test
    void automorphismsGenerateTheWholeGroupByBruteForce() {
        // each generator maps the graph onto itself, and together they generate every
        // automorphism brute force finds (the twins' symmetric groups and the quotient's, lifted)
        Random rnd = new Random(13);
        int symmetric = 0;
        for (int trial = 0; trial < 1500; trial++) {
            G g = trial % 2 == 0 ? blownUp(rnd, 1 + rnd.nextInt(3))
                    : randomGraph(rnd, 1 + rnd.nextInt(6), rnd.nextInt(10), 1 + rnd.nextInt(2), 2);
            if (g.n() > 7) {
                continue;
            }
            int[][] gens = MultigraphCanonicalForm.of(g.colours(), g.edges()).automorphisms();
            int[] identity = new int[g.n()];
            for (int v = 0; v < g.n(); v++) {
                identity[v] = v;
            }
            for (int[] gamma : gens) {
                assertTrue(isAutomorphism(g, gamma), () -> Arrays.toString(gamma));
            }
            // the group the generators generate, by closure from the identity
            java.util.Set<List<Integer>> group = new java.util.HashSet<>();
            java.util.ArrayDeque<int[]> queue = new java.util.ArrayDeque<>();
            group.add(asList(identity));
            queue.add(identity);
            while (!queue.isEmpty()) {
                int[] x = queue.poll();
                for (int[] gamma : gens) {
                    int[] y = new int[g.n()];
                    for (int v = 0; v < g.n(); v++) {
                        y[v] = gamma[x[v]];
                    }
                    if (group.add(asList(y))) {
                        queue.add(y);
                    }
                }
            }
            long all = countAutomorphisms(g, new int[g.n()], new boolean[g.n()], 0);
            assertEquals(all, group.size(), () -> Arrays.deepToString(g.edges()));
            if (all > 1) {
                symmetric++;
            }
        }
        assertTrue(symmetric > 500, "symmetric=" + symmetric);
    }

    private static List<Integer> asList(int[] p) {
        return Arrays.stream(p).boxed().toList();
    }

    private static boolean isAutomorphism(G g, int[] gamma) {
        return isPermutation(gamma) && Arrays.equals(sortedQuads(g), sortedQuads(relabel(g, gamma, null)))
                && Arrays.equals(g.colours(), relabel(g, gamma, null).colours());
    }

    /** Number of colour-preserving bijections that map g onto itself, by brute force. */
    private static long countAutomorphisms(G g, int[] map, boolean[] used, int i) {
        if (i == g.n()) {
            return isAutomorphism(g, map) ? 1 : 0;
        }
        long count = 0;
        for (int w = 0; w < g.n(); w++) {
            if (!used[w] && g.colours()[w] == g.colours()[i]) {
                used[w] = true;
                map[i] = w;
                count += countAutomorphisms(g, map, used, i + 1);
                used[w] = false;
            }
        }
        return count;
    }

    @Test
    void resultIsDeterministic() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            G g = randomGraph(rnd, 1 + rnd.nextInt(15), rnd.nextInt(30), 2, 2);
            MultigraphCanonicalForm a = MultigraphCanonicalForm.of(g.colours(), g.edges());
            MultigraphCanonicalForm b = MultigraphCanonicalForm.of(g.colours(), g.edges());
            assertArrayEquals(a.labelling(), b.labelling());
            assertEquals(a.code(), b.code());
        }
    }

    /**
     * A thread reuses its work arrays from one graph to the next (longer than the graph after a larger one):
     * graphs of sizes going up and down, labelled one after another on this thread, give the labelling, code,
     * automorphisms and their presence that each gives on a thread of its own (fresh arrays); the lazily made
     * code and automorphisms are asked for only after the later graphs have reused the arrays.
     */
    @Test
    void reusedWorkArraysGiveWhatFreshOnesGive() throws Exception {
        Random rnd = new Random(17);
        List<G> graphs = new ArrayList<>();
        for (int trial = 0; trial < 300; trial++) {
            int size = trial % 10 < 5 ? 1 + rnd.nextInt(3) : 4 + rnd.nextInt(6); // small and large in turn
            graphs.add(trial % 2 == 0 ? blownUp(rnd, size) : randomGraph(rnd, 2 * size, rnd.nextInt(6 * size), 1 + rnd.nextInt(3), 2));
        }
        List<MultigraphCanonicalForm> reused = new ArrayList<>();
        for (G g : graphs) {
            reused.add(MultigraphCanonicalForm.of(g.colours(), g.edges()));
        }
        for (int i = 0; i < graphs.size(); i++) {
            G g = graphs.get(i);
            MultigraphCanonicalForm[] fresh = new MultigraphCanonicalForm[1];
            Thread t = new Thread(() -> fresh[0] = MultigraphCanonicalForm.of(g.colours(), g.edges()));
            t.start();
            t.join();
            MultigraphCanonicalForm a = reused.get(i);
            assertArrayEquals(fresh[0].labelling(), a.labelling());
            assertEquals(fresh[0].code(), a.code());
            assertEquals(fresh[0].hasAutomorphisms(), a.hasAutomorphisms());
            assertTrue(Arrays.deepEquals(fresh[0].automorphisms(), a.automorphisms()));
            assertEquals(a.automorphisms().length > 0, a.hasAutomorphisms());
            for (int[] gamma : a.automorphisms()) {
                assertTrue(isAutomorphism(g, gamma));
            }
        }
    }

    @Test
    void inputArraysAreNotModified() {
        int[] colours = {1, 0, 1};
        int[][] edges = {{2, 0, 3}, {0, 1, 1}, {2, 0, 3}, {1, 1, 0}};
        int[][] copy = Arrays.stream(edges).map(int[]::clone).toArray(int[][]::new);
        MultigraphCanonicalForm.of(colours, edges);
        assertArrayEquals(new int[] {1, 0, 1}, colours);
        assertTrue(Arrays.deepEquals(copy, edges));
    }

    // ------------------------------------------------------------------ named cases

    @Test
    void emptyEdgeSet() {
        MultigraphCanonicalForm f = MultigraphCanonicalForm.of(new int[] {2, 0, 1}, new int[0][]);
        assertArrayEquals(new int[] {3, 0, 1, 2, 0}, f.code().data());
        assertArrayEquals(new int[] {2, 0, 1}, f.labelling());
        assertEquals(f.code(), code(new G(new int[] {1, 2, 0}, new int[0][])));
        assertNotEquals(f.code(), code(new G(new int[] {1, 1, 0}, new int[0][])));
        assertNotEquals(f.code(), code(new G(new int[] {0, 1, 2, 3}, new int[0][])));
    }

    @Test
    void emptyGraph() {
        MultigraphCanonicalForm f = MultigraphCanonicalForm.of(new int[0], new int[0][]);
        assertArrayEquals(new int[] {0, 0}, f.code().data());
        assertEquals(0, f.labelling().length);
    }

    @Test
    void singleVertexWithLoops() {
        G a = new G(new int[] {4}, new int[][] {{0, 0, 1}, {0, 0, 2}, {0, 0, 1}});
        assertArrayEquals(new int[] {1, 4, 2, 0, 0, 1, 2, 0, 0, 2, 1}, code(a).data());
        G b = new G(new int[] {4}, new int[][] {{0, 0, 2}, {0, 0, 1}, {0, 0, 2}});
        G c = new G(new int[] {4}, new int[][] {{0, 0, 1}, {0, 0, 2}});
        G d = new G(new int[] {3}, new int[][] {{0, 0, 1}, {0, 0, 2}, {0, 0, 1}});
        assertNotEquals(code(a), code(b));
        assertNotEquals(code(a), code(c));
        assertNotEquals(code(a), code(d));
        assertEquals(code(a), code(new G(new int[] {4}, new int[][] {{0, 0, 2}, {0, 0, 1},
                {0, 0, 1}})));
    }

    @Test
    void threeParallelEdgesVersusTwoPlusOneReversed() {
        G three = uniform(2, new int[][] {{0, 1, 0}, {0, 1, 0}, {0, 1, 0}});
        G twoOne = uniform(2, new int[][] {{0, 1, 0}, {0, 1, 0}, {1, 0, 0}});
        G oneTwo = uniform(2, new int[][] {{0, 1, 0}, {1, 0, 0}, {1, 0, 0}});
        assertNotEquals(code(three), code(twoOne));
        assertEquals(code(twoOne), code(oneTwo));
        assertArrayEquals(new int[] {2, 0, 0, 1, 0, 1, 0, 3}, code(three).data());
        assertFalse(bruteForceIsomorphic(three, twoOne));
        assertTrue(bruteForceIsomorphic(twoOne, oneTwo));
    }

    @Test
    void edgesThatDifferOnlyInMultiplicityDirectionOrLoop() {
        int[][] base = {{0, 1, 0}, {1, 2, 0}, {1, 2, 0}, {2, 0, 1}};
        G g = uniform(3, base);
        G multiplicity = uniform(3, new int[][] {{0, 1, 0}, {0, 1, 0}, {1, 2, 0}, {2, 0, 1}});
        G direction = uniform(3, new int[][] {{0, 1, 0}, {1, 2, 0}, {2, 1, 0}, {2, 0, 1}});
        G loop = uniform(3, new int[][] {{0, 1, 0}, {1, 2, 0}, {2, 2, 0}, {2, 0, 1}});
        G label = uniform(3, new int[][] {{0, 1, 0}, {1, 2, 0}, {1, 2, 1}, {2, 0, 1}});
        for (G h : List.of(multiplicity, direction, loop, label)) {
            assertNotEquals(code(g), code(h));
            assertFalse(bruteForceIsomorphic(g, h));
        }
    }

    @Test
    void directedCycleIsIsomorphicToItsReverse() {
        for (int n = 1; n <= 9; n++) {
            int[][] cycle = directedCycle(n, 0, 5);
            int[][] reverse = new int[n][];
            for (int i = 0; i < n; i++) {
                reverse[i] = new int[] {cycle[i][1], cycle[i][0], 5};
            }
            assertEquals(code(uniform(n, cycle)), code(uniform(n, reverse)));
        }
    }

    @Test
    void labelledCycleWithThreeLabelsIsChiral() {
        // (0->1:a, 1->2:b, 2->0:c) read backwards is the cyclic word a c b, not a b c.
        G abc = uniform(3, new int[][] {{0, 1, 0}, {1, 2, 1}, {2, 0, 2}});
        G reversed = uniform(3, new int[][] {{1, 0, 0}, {2, 1, 1}, {0, 2, 2}});
        assertNotEquals(code(abc), code(reversed));
        assertFalse(bruteForceIsomorphic(abc, reversed));
        G rotated = uniform(3, new int[][] {{1, 2, 0}, {2, 0, 1}, {0, 1, 2}});
        assertEquals(code(abc), code(rotated));
    }

    @Test
    void twoTrianglesVersusHexagon() {
        // Every vertex looks alike to refinement: only the branching can separate these.
        G triangles = uniform(6, concat(directedCycle(3, 0, 0), directedCycle(3, 3, 0)));
        G hexagon = uniform(6, directedCycle(6, 0, 0));
        assertNotEquals(code(triangles), code(hexagon));
        assertFalse(bruteForceIsomorphic(triangles, hexagon));

        G undirectedTriangles = uniform(6, undirected(new int[][] {{0, 1}, {1, 2}, {2, 0}, {3, 4},
                {4, 5}, {5, 3}}));
        G undirectedHexagon = uniform(6, undirected(new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 4},
                {4, 5}, {5, 0}}));
        assertNotEquals(code(undirectedTriangles), code(undirectedHexagon));

        Random rnd = new Random(6);
        for (int i = 0; i < 20; i++) {
            assertEquals(code(triangles), code(relabel(triangles, RandomPermutation.of(6, rnd), rnd)));
            assertEquals(code(hexagon), code(relabel(hexagon, RandomPermutation.of(6, rnd), rnd)));
        }
    }

    private static final int[][] PETERSEN = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}, {0, 5}, {1, 6},
        {2, 7}, {3, 8}, {4, 9}, {5, 7}, {7, 9}, {9, 6}, {6, 8}, {8, 5}};
    private static final int[][] PENTAGONAL_PRISM = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0},
        {0, 5}, {1, 6}, {2, 7}, {3, 8}, {4, 9}, {5, 6}, {6, 7}, {7, 8}, {8, 9}, {9, 5}};

    @Test
    void petersenVersusPentagonalPrism() {
        // Both cubic on 10 vertices; refinement leaves a single cell in each.
        G petersen = uniform(10, undirected(PETERSEN));
        G prism = uniform(10, undirected(PENTAGONAL_PRISM));
        assertNotEquals(code(petersen), code(prism));
        Random rnd = new Random(7);
        for (int i = 0; i < 50; i++) {
            assertEquals(code(petersen), code(relabel(petersen, RandomPermutation.of(10, rnd), rnd)));
            assertEquals(code(prism), code(relabel(prism, RandomPermutation.of(10, rnd), rnd)));
        }
    }

    @Test
    void shrikhandeVersusRookGraph() {
        // Both strongly regular (16, 6, 2, 2): not even 2-dimensional WL separates them.
        List<int[]> shrikhande = new ArrayList<>();
        List<int[]> rook = new ArrayList<>();
        int[][] shifts = {{0, 1}, {1, 0}, {1, 1}};
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                for (int[] s : shifts) {
                    shrikhande.add(new int[] {4 * a + b, 4 * ((a + s[0]) % 4) + (b + s[1]) % 4});
                }
                for (int c = b + 1; c < 4; c++) {
                    rook.add(new int[] {4 * a + b, 4 * a + c}); // same row
                    rook.add(new int[] {4 * b + a, 4 * c + a}); // same column
                }
            }
        }
        G s = uniform(16, undirected(shrikhande.toArray(new int[0][])));
        G r = uniform(16, undirected(rook.toArray(new int[0][])));
        assertEquals(96, s.edges().length);
        assertEquals(96, r.edges().length);
        assertNotEquals(code(s), code(r));
        Random rnd = new Random(8);
        for (int i = 0; i < 20; i++) {
            assertEquals(code(s), code(relabel(s, RandomPermutation.of(16, rnd), rnd)));
            assertEquals(code(r), code(relabel(r, RandomPermutation.of(16, rnd), rnd)));
        }
    }

    @Test
    void highlySymmetricInputsStayFast() {
        // Without automorphism pruning these would explore n! leaves.
        Random rnd = new Random(9);
        List<G> graphs = new ArrayList<>();
        graphs.add(uniform(30, new int[0][]));
        int[][][] triangles = new int[10][][];
        for (int k = 0; k < 10; k++) {
            triangles[k] = directedCycle(3, 3 * k, 0);
        }
        graphs.add(uniform(30, concat(triangles)));
        List<int[]> pairs = new ArrayList<>();
        for (int k = 0; k < 15; k++) {
            pairs.add(new int[] {2 * k, 2 * k + 1, 0});
            pairs.add(new int[] {2 * k, 2 * k + 1, 0});
            pairs.add(new int[] {2 * k + 1, 2 * k, 1});
            pairs.add(new int[] {2 * k, 2 * k, 2});
        }
        graphs.add(uniform(30, pairs.toArray(new int[0][])));
        List<int[]> complete = new ArrayList<>();
        for (int u = 0; u < 12; u++) {
            for (int v = 0; v < 12; v++) {
                complete.add(new int[] {u, v, 0});
            }
        }
        graphs.add(uniform(12, complete.toArray(new int[0][])));
        graphs.add(uniform(30, directedCycle(30, 0, 0)));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (G g : graphs) {
                for (int i = 0; i < 5; i++) {
                    assertEquals(code(g), code(relabel(g, RandomPermutation.of(g.n(), rnd), rnd)));
                }
            }
        });
    }

    // ------------------------------------------------------------------ validation

    @Test
    void rejectsNegativeColour() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultigraphCanonicalForm.of(new int[] {0, -2}, new int[0][]));
        assertEquals("negative colour -2 at vertex 1", e.getMessage());
    }

    @Test
    void rejectsEndpointOutOfRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultigraphCanonicalForm.of(new int[] {0, 0}, new int[][] {{0, 1, 0},
                    {1, 2, 0}}));
        assertEquals("edge 1 [1, 2, 0]: endpoint to=2 out of range [0, 2)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MultigraphCanonicalForm.of(new int[] {0, 0}, new int[][] {{-1, 1, 0}}));
        assertEquals("edge 0 [-1, 1, 0]: endpoint from=-1 out of range [0, 2)", e.getMessage());
    }

    @Test
    void rejectsMalformedEdges() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultigraphCanonicalForm.of(new int[] {0, 0}, new int[][] {{0, 1}}));
        assertEquals("edge 0 has 2 entries, expected {from, to, label}: [0, 1]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MultigraphCanonicalForm.of(new int[] {0, 0}, new int[][] {{0, 1, 0}, null}));
        assertEquals("edge 1 is null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MultigraphCanonicalForm.of(new int[] {0, 0}, new int[][] {{0, 1, -3}}));
        assertEquals("edge 0 [0, 1, -3]: negative label -3", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> MultigraphCanonicalForm.of(null, new int[0][]));
        assertThrows(IllegalArgumentException.class,
                () -> MultigraphCanonicalForm.of(new int[1], null));
    }
}
