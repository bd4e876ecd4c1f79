package org.prism.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.prism.geometry.Shapes.v;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {

    @Test
    void simpleFrontInThePlane() {
        List<IntVector> pts = List.of(v(0, 3), v(1, 1), v(2, 2), v(3, 0), v(2, 2), v(1, 3), v(0, 0));
        assertEquals(List.of(v(1, 3), v(2, 2), v(3, 0)), ParetoFront.maximal(pts, new int[0], new int[] {0, 1}));
    }

    @Test
    void equalCoordinatesSplitIntoGroups() {
        // coordinate 0 must agree, coordinates 1 and 2 are maximised
        List<IntVector> pts = List.of(v(0, 1, 1), v(0, 2, 2), v(1, 1, 1), v(1, 0, 5), v(1, 1, 0));
        assertEquals(List.of(v(0, 2, 2), v(1, 0, 5), v(1, 1, 1)),
                ParetoFront.maximal(pts, new int[] {0}, new int[] {1, 2}));
    }

    @Test
    void ignoredCoordinatesDoNotCreateDominance() {
        List<IntVector> pts = List.of(v(1, 7), v(1, 9), v(0, 8));
        assertEquals(List.of(v(1, 7), v(1, 9)), ParetoFront.maximal(pts, new int[0], new int[] {0}));
    }

    @Test
    void edgeCases() {
        assertEquals(List.of(), ParetoFront.maximal(List.of(), new int[0], new int[0]));
        assertEquals(List.of(v(1, 2)), ParetoFront.maximal(List.of(v(1, 2), v(1, 2)), new int[] {0}, new int[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> ParetoFront.maximal(List.of(v(1, 2)), new int[] {2}, new int[0]));
        assertThrows(IllegalArgumentException.class,
                () -> ParetoFront.maximal(List.of(v(1, 2), v(1, 2, 3)), new int[0], new int[] {0}));
    }

    /**
     * Sorting-based reference: within each group of equal E-coordinates, scan by decreasing sum of
     * the M-coordinates; a point is maximal iff no already accepted maximal point beats it.
     */
    private static List<IntVector> referenceFront(List<IntVector> points, int[] eq, int[] max) {
        Comparator<IntVector> byGroup = (a, b) -> {
            for (int i : eq) {
                int c = Long.compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        Comparator<IntVector> bySumDesc = Comparator.comparingLong((IntVector a) -> {
            long s = 0;
            for (int j : max) {
                s += a.get(j);
            }
            return -s;
        });
        List<IntVector> sorted = new ArrayList<>(new TreeSet<>(points));
        sorted.sort(byGroup.thenComparing(bySumDesc));
        List<IntVector> front = new ArrayList<>();
        List<IntVector> groupFront = new ArrayList<>();
        IntVector groupKey = null;
        for (IntVector p : sorted) {
            if (groupKey == null || byGroup.compare(groupKey, p) != 0) {
                front.addAll(groupFront);
                groupFront = new ArrayList<>();
                groupKey = p;
            }
            boolean beaten = false;
            for (IntVector q : groupFront) {
                boolean geq = true;
                boolean gt = false;
                for (int j : max) {
                    geq &= q.get(j) >= p.get(j);
                    gt |= q.get(j) > p.get(j);
                }
                beaten |= geq && gt;
            }
            if (!beaten) {
                groupFront.add(p);
            }
        }
        front.addAll(groupFront);
        front.sort(Comparator.naturalOrder());
        return front;
    }

    @Test
    void agreesWithSortingReference() {
        Random rnd = new Random(123456789L);
        for (int trial = 0; trial < 300; trial++) {
            int d = 2 + rnd.nextInt(4);
            int n = rnd.nextInt(60);
            List<IntVector> pts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long[] c = new long[d];
                for (int j = 0; j < d; j++) {
                    c[j] = rnd.nextInt(5);
                }
                pts.add(IntVector.of(c));
            }
            // random partition of the coordinates into E and M
            List<Integer> eq = new ArrayList<>();
            List<Integer> max = new ArrayList<>();
            for (int j = 0; j < d; j++) {
                (rnd.nextInt(3) == 0 ? eq : max).add(j);
            }
            int[] e = eq.stream().mapToInt(Integer::intValue).toArray();
            int[] m = max.stream().mapToInt(Integer::intValue).toArray();
            assertEquals(referenceFront(pts, e, m), ParetoFront.maximal(pts, e, m), () -> "points " + pts);
        }
    }
}
