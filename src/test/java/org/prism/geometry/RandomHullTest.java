package org.prism.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Seeded random point sets, checked against routes independent of the hull algorithm. */
class RandomHullTest {

    private static List<IntVector> randomPoints(Random rnd, int n, int d, int radius) {
        List<IntVector> pts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long[] c = new long[d];
            for (int j = 0; j < d; j++) {
                c[j] = rnd.nextInt(2 * radius + 1) - radius;
            }
            pts.add(IntVector.of(c));
        }
        return pts;
    }

    /** Determinant by Laplace expansion (independent of the elimination code). */
    private static long det(long[][] m) {
        int n = m.length;
        if (n == 0) {
            return 1;
        }
        long s = 0;
        for (int j = 0; j < n; j++) {
            if (m[0][j] == 0) {
                continue;
            }
            long[][] minor = new long[n - 1][];
            for (int i = 1; i < n; i++) {
                long[] row = new long[n - 1];
                for (int c = 0, k = 0; c < n; c++) {
                    if (c != j) {
                        row[k++] = m[i][c];
                    }
                }
                minor[i - 1] = row;
            }
            long term = Math.multiplyExact(m[0][j], det(minor));
            s = Math.addExact(s, j % 2 == 0 ? term : -term);
        }
        return s;
    }

    /**
     * Rank by minors: rows are added greedily while some maximal minor of the chosen rows is
     * non-zero (greedy is exact for the linear matroid of the rows).
     */
    private static int bruteRank(List<long[]> rows, int cols) {
        List<long[]> chosen = new ArrayList<>();
        for (long[] row : rows) {
            if (chosen.size() == cols) {
                break;
            }
            chosen.add(row);
            if (!hasNonZeroMaximalMinor(chosen, cols)) {
                chosen.remove(chosen.size() - 1);
            }
        }
        return chosen.size();
    }

    private static boolean hasNonZeroMaximalMinor(List<long[]> rows, int cols) {
        int r = rows.size();
        for (int[] ci : subsets(cols, r)) {
            long[][] m = new long[r][r];
            for (int a = 0; a < r; a++) {
                for (int b = 0; b < r; b++) {
                    m[a][b] = rows.get(a)[ci[b]];
                }
            }
            if (det(m) != 0) {
                return true;
            }
        }
        return false;
    }

    private static List<int[]> subsets(int n, int r) {
        List<int[]> out = new ArrayList<>();
        int[] idx = new int[r];
        for (int i = 0; i < r; i++) {
            idx[i] = i;
        }
        while (r <= n) {
            out.add(idx.clone());
            int i = r - 1;
            while (i >= 0 && idx[i] == n - r + i) {
                i--;
            }
            if (i < 0) {
                break;
            }
            idx[i]++;
            for (int j = i + 1; j < r; j++) {
                idx[j] = idx[j - 1] + 1;
            }
        }
        return out;
    }

    private static int bruteAffineRank(List<IntVector> pts) {
        List<long[]> diffs = new ArrayList<>();
        for (IntVector p : pts) {
            diffs.add(p.minus(pts.get(0)).coordinates());
        }
        return bruteRank(diffs, pts.get(0).dimension());
    }

    private static long gcd(long a, long b) {
        return b == 0 ? Math.abs(a) : gcd(b, a % b);
    }

    /**
     * Facets of a full-dimensional set in Z^k by brute force: every k-subset spanning a hyperplane
     * (generalised cross product) with all points on one side.
     */
    private static Set<Inequality> bruteForceFacets(List<IntVector> pts, int k) {
        Set<Inequality> facets = new HashSet<>();
        for (int[] s : subsets(pts.size(), k)) {
            IntVector p0 = pts.get(s[0]);
            long[][] rows = new long[k - 1][];
            for (int i = 1; i < k; i++) {
                rows[i - 1] = pts.get(s[i]).minus(p0).coordinates();
            }
            long[] c = new long[k];
            long g = 0;
            for (int j = 0; j < k; j++) {
                long[][] m = new long[k - 1][k - 1];
                for (int i = 0; i < k - 1; i++) {
                    for (int col = 0, t = 0; col < k; col++) {
                        if (col != j) {
                            m[i][t++] = rows[i][col];
                        }
                    }
                }
                c[j] = (j % 2 == 0 ? 1 : -1) * det(m);
                g = gcd(g, c[j]);
            }
            if (g == 0) {
                continue;
            }
            for (int j = 0; j < k; j++) {
                c[j] /= g;
            }
            IntVector normal = IntVector.of(c);
            long b = normal.dot(p0);
            boolean below = pts.stream().allMatch(p -> normal.dot(p) <= b);
            boolean above = pts.stream().allMatch(p -> normal.dot(p) >= b);
            if (below) {
                facets.add(new Inequality(normal, b));
            }
            if (above) {
                facets.add(new Inequality(normal.negate(), -b));
            }
        }
        return facets;
    }

    @Test
    void eulerRelationForRandomThreePolytopes() {
        Random rnd = new Random(20240601L);
        int checked = 0;
        for (int trial = 0; trial < 150; trial++) {
            List<IntVector> pts = randomPoints(rnd, 4 + rnd.nextInt(40), 3, 1 + rnd.nextInt(6));
            Polytope p = ConvexHull.of(pts);
            if (p.dimension() != 3) {
                continue;
            }
            int[] f = p.fVector();
            assertEquals(2, f[0] - f[1] + f[2], () -> "Euler fails for " + pts);
            assertEquals(2 * f[1], p.faceLattice().faces(2).stream().mapToInt(Face::vertexCount).sum());
            checked++;
        }
        assertTrue(checked > 100);
    }

    @Test
    void eulerRelationInDimensionsFourToSix() {
        Random rnd = new Random(77L);
        for (int trial = 0; trial < 18; trial++) {
            int d = 4 + trial % 3;
            List<IntVector> pts = randomPoints(rnd, d + 2 + rnd.nextInt(3 * d), d, 3);
            Polytope p = ConvexHull.of(pts);
            int[] f = p.fVector();
            int alternating = 0;
            for (int i = 0; i < f.length; i++) {
                alternating += (i % 2 == 0 ? 1 : -1) * f[i];
            }
            int k = p.dimension();
            assertEquals(1 - (k % 2 == 0 ? 1 : -1), alternating, () -> "Euler-Poincare fails for " + pts);
            assertLatticeIsConsistent(p);
        }
    }

    @Test
    void twoHundredPointsInDimensionsThreeAndFour() {
        checkLargeRandomSets(new int[] {3, 4}, 200);
    }

    /** 200 random points in Z^6: about 7000 facets and 70000 faces. */
    @Test
    @Tag("slow")
    void twoHundredPointsInDimensionSix() {
        checkLargeRandomSets(new int[] {6}, 200);
    }

    @Test
    void sixtyPointsInDimensionSix() {
        checkLargeRandomSets(new int[] {6}, 60);
    }

    private static void checkLargeRandomSets(int[] dims, int n) {
        Random rnd = new Random(2718L);
        for (int d : dims) {
            List<IntVector> pts = randomPoints(rnd, n, d, d == 3 ? 50 : 4);
            Polytope p = ConvexHull.of(pts);
            assertEquals(d, p.dimension());
            int[] f = p.fVector();
            int alternating = 0;
            for (int i = 0; i < f.length; i++) {
                alternating += (i % 2 == 0 ? 1 : -1) * f[i];
            }
            assertEquals(1 - (d % 2 == 0 ? 1 : -1), alternating);
            for (IntVector x : pts) {
                assertTrue(p.contains(x));
            }
        }
    }

    @Test
    void facetsAgreeWithBruteForce() {
        Random rnd = new Random(4242L);
        for (int trial = 0; trial < 60; trial++) {
            int k = 2 + trial % 3;
            List<IntVector> pts = randomPoints(rnd, k + 1 + rnd.nextInt(10), k, 2 + rnd.nextInt(3));
            Polytope p = ConvexHull.of(pts);
            if (p.dimension() != k) {
                continue;
            }
            assertEquals(bruteForceFacets(pts, k), Set.copyOf(p.facetInequalities()), () -> "facets of " + pts);
        }
    }

    @Test
    void reportedDataPassesIndependentChecks() {
        Random rnd = new Random(99L);
        for (int trial = 0; trial < 60; trial++) {
            int d = 2 + trial % 4;
            List<IntVector> pts = randomPoints(rnd, 2 + rnd.nextInt(25), d, 1 + rnd.nextInt(4));
            if (trial % 5 == 0) {
                // force a lower-dimensional set: the last coordinate copies the first
                pts = pts.stream().map(x -> {
                    long[] c = x.coordinates();
                    c[d - 1] = c[0];
                    return IntVector.of(c);
                }).toList();
            }
            checkIndependently(pts, ConvexHull.of(pts));
        }
    }

    @Test
    void injectiveAffineImagesKeepTheCombinatorics() {
        Random rnd = new Random(31337L);
        for (int trial = 0; trial < 25; trial++) {
            int k = 2 + trial % 3;
            int d = k + 1 + rnd.nextInt(3);
            List<IntVector> pts = randomPoints(rnd, k + 1 + rnd.nextInt(15), k, 3);
            long[][] a;
            do {
                a = new long[d][k];
                for (long[] row : a) {
                    for (int j = 0; j < k; j++) {
                        row[j] = rnd.nextInt(7) - 3;
                    }
                }
            } while (bruteRank(List.of(a), k) < k);
            long[] shift = randomPoints(rnd, 1, d, 5).get(0).coordinates();
            long[][] map = a;
            List<IntVector> image = pts.stream().map(x -> {
                long[] y = shift.clone();
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < k; j++) {
                        y[i] += map[i][j] * x.get(j);
                    }
                }
                return IntVector.of(y);
            }).toList();
            Polytope original = ConvexHull.of(pts);
            Polytope embedded = ConvexHull.of(image);
            assertEquals(original.dimension(), embedded.dimension());
            assertEquals(d, embedded.ambientDimension());
            assertArrayEquals(original.fVector(), embedded.fVector());
            Set<IntVector> imageOfVertices = new TreeSet<>();
            for (IntVector v : original.vertices()) {
                imageOfVertices.add(image.get(pts.indexOf(v)));
            }
            assertEquals(imageOfVertices, new TreeSet<>(embedded.vertices()));
            assertEquals(d - original.dimension(), embedded.affineHull().equations().size());
            for (AffineEquation e : embedded.affineHull().equations()) {
                for (IntVector y : image) {
                    assertTrue(e.isSatisfiedBy(y));
                }
            }
            checkIndependently(image, embedded);
        }
    }

    /** Checks facets, vertices and faces against brute-force evaluations over the input points. */
    private static void checkIndependently(List<IntVector> pts, Polytope p) {
        int k = p.dimension();
        assertEquals(bruteAffineRank(pts), k);
        assertTrue(new TreeSet<>(pts).containsAll(p.vertices()));
        for (Inequality h : p.facetInequalities()) {
            List<IntVector> tight = new ArrayList<>();
            for (IntVector x : pts) {
                assertTrue(h.isSatisfiedBy(x), () -> x + " violates " + h);
                if (h.isTightAt(x)) {
                    tight.add(x);
                }
            }
            assertEquals(k - 1, bruteAffineRank(tight), () -> "not a facet: " + h);
            assertTrue(p.affineHull().containsDirection(h.normal()));
            assertEquals(1, h.normal().content());
        }
        // every vertex is the unique maximiser, over all input points, of its face normal
        for (Face vf : p.faceLattice().faces(0)) {
            IntVector v = vf.vertices().get(0);
            for (IntVector x : pts) {
                if (!x.equals(v)) {
                    assertTrue(vf.normal().dot(x) < vf.normal().dot(v), () -> v + " is not a vertex");
                }
            }
        }
        // every input point that is not a vertex is a convex combination of others: it is never the
        // unique maximiser of a random functional, and maxima over points and vertices agree
        Random rnd = new Random(pts.hashCode());
        for (int t = 0; t < 40; t++) {
            IntVector c = randomPoints(rnd, 1, p.ambientDimension(), 20).get(0);
            long max = pts.stream().mapToLong(c::dot).max().orElseThrow();
            assertEquals(max, p.max(c));
            Set<IntVector> argmaxVertices = new TreeSet<>();
            for (IntVector x : pts) {
                if (c.dot(x) == max && p.vertices().contains(x)) {
                    argmaxVertices.add(x);
                }
            }
            assertEquals(argmaxVertices, new TreeSet<>(p.faceMaximising(c).vertices()));
        }
        assertLatticeIsConsistent(p);
    }

    private static void assertLatticeIsConsistent(Polytope p) {
        FaceLattice lattice = p.faceLattice();
        for (Face f : lattice.faces()) {
            assertEquals(f, p.faceMaximising(f.normal()));
            assertEquals(bruteAffineRank(f.vertices()), f.dimension());
            for (Face g : lattice.subfaces(f)) {
                assertEquals(f.dimension() - 1, g.dimension());
                assertTrue(f.vertexIndices().containsAll(g.vertexIndices()));
                assertTrue(lattice.superfaces(g).contains(f));
            }
            if (f.dimension() >= 1) {
                assertTrue(lattice.subfaces(f).size() >= f.dimension() + 1);
            }
        }
        // diamond property: an interval of length 2 has exactly two middle elements
        java.util.Map<List<Integer>, Set<List<Integer>>> below = new java.util.HashMap<>();
        for (Face f : lattice.faces()) {
            below.put(f.vertexIndices(), lattice.subfaces(f).stream().map(Face::vertexIndices)
                    .collect(java.util.stream.Collectors.toSet()));
        }
        for (Face f : lattice.faces()) {
            Set<List<Integer>> middle = below.get(f.vertexIndices());
            Set<List<Integer>> twoBelow = new HashSet<>();
            middle.forEach(g -> twoBelow.addAll(below.get(g)));
            for (List<Integer> h : twoBelow) {
                assertEquals(2, middle.stream().filter(g -> below.get(g).contains(h)).count());
            }
        }
        assertEquals(p.dimension(), lattice.top().dimension());
        assertEquals(p.vertices().size(), lattice.top().vertexCount());
    }
}
