package org.prism.graph;

/**
 * Disjoint sets over {@code 0..n-1} stored in a parent array ({@code parent[i] == i} for a root),
 * shared by index contractions, network gluing and canonical forms. The root of a merged class is
 * its smallest element, so class representatives do not depend on the order of the unions.
 * Amortised nearly constant time per operation (path halving).
 */
public final class UnionFind {
    private UnionFind() {}

    /** The root of {@code i}'s class; halves the path on the way. */
    public static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Merges the classes of {@code a} and {@code b} under the smaller root. */
    public static void union(int[] parent, int a, int b) {
        a = find(parent, a);
        b = find(parent, b);
        if (a != b) parent[Math.max(a, b)] = Math.min(a, b);
    }
}
