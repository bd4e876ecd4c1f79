package org.prism.geometry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Pareto-maximal points under a partial order given by "equal" and "maximise" coordinates.
 *
 * <p>Given index sets $E$ (coordinates that must agree) and $M$ (coordinates to maximise), $q$
 * <em>dominates</em> $p$ iff $q_i = p_i$ for all $i \in E$, $q_j \ge p_j$ for all $j \in M$, and
 * $q_j > p_j$ for some $j \in M$. When $E \cup M$ covers every coordinate this is the same as
 * "$q \ne p$" in place of the last condition. Coordinates in neither set are ignored: points that
 * differ only there do not dominate each other and are all kept. Since dominance is a strict
 * partial order on a finite set, every dominated point is dominated by a maximal one.
 */
public final class ParetoFront {

    private ParetoFront() {
    }

    /**
     * Returns the points not dominated by any other point, duplicates collapsed, sorted
     * lexicographically. Cost $O(N F (|E| + |M|))$ for $F$ maximal points, plus a sort.
     *
     * @param points points of a common dimension $D$ (may be empty)
     * @param equalCoords $E$, indices in $[0, D)$
     * @param maxCoords $M$, indices in $[0, D)$
     * @throws IllegalArgumentException on mixed dimensions or an index out of range
     */
    public static List<IntVector> maximal(Collection<IntVector> points, int[] equalCoords, int[] maxCoords) {
        List<IntVector> distinct = new ArrayList<>(new TreeSet<>(points));
        if (distinct.isEmpty()) {
            return List.of();
        }
        int d = distinct.get(0).dimension();
        for (IntVector p : distinct) {
            if (p.dimension() != d) {
                throw new IllegalArgumentException("points of different dimensions: " + distinct.get(0) + ", " + p);
            }
        }
        checkIndices(equalCoords, d);
        checkIndices(maxCoords, d);
        // A dominator has a strictly larger sum over M, and every dominated point is dominated by a maximal
        // one, so within each class of equal E-coordinates, visiting points by decreasing M-sum and testing
        // them against the front found so far is enough: O(N F) instead of O(N^2).
        Map<List<Long>, List<IntVector>> classes = new HashMap<>();
        for (IntVector p : distinct) {
            List<Long> key = new ArrayList<>(equalCoords.length);
            for (int i : equalCoords) key.add(p.get(i));
            classes.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        Set<IntVector> maximal = new HashSet<>();
        for (List<IntVector> members : classes.values()) {
            members.sort(Comparator.comparingLong((IntVector p) -> sum(p, maxCoords)).reversed());
            List<IntVector> front = new ArrayList<>();
            for (IntVector p : members) {
                boolean dominated = false;
                for (IntVector q : front) {
                    if (dominates(q, p, equalCoords, maxCoords)) {
                        dominated = true;
                        break;
                    }
                }
                if (!dominated) {
                    front.add(p);
                }
            }
            maximal.addAll(front);
        }
        return distinct.stream().filter(maximal::contains).toList();
    }

    private static long sum(IntVector p, int[] coords) {
        long s = 0;
        for (int j : coords) {
            s += p.get(j);
        }
        return s;
    }

    /** Returns true iff $q$ dominates $p$ (definition in the class comment). */
    public static boolean dominates(IntVector q, IntVector p, int[] equalCoords, int[] maxCoords) {
        for (int i : equalCoords) {
            if (q.get(i) != p.get(i)) {
                return false;
            }
        }
        boolean strict = false;
        for (int j : maxCoords) {
            if (q.get(j) < p.get(j)) {
                return false;
            }
            if (q.get(j) > p.get(j)) {
                strict = true;
            }
        }
        return strict;
    }

    private static void checkIndices(int[] indices, int d) {
        for (int i : indices) {
            if (i < 0 || i >= d) {
                throw new IllegalArgumentException("coordinate index " + i + " out of range [0, " + d + ")");
            }
        }
    }
}
