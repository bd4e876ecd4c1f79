package org.prism.geometry;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Facet enumeration for a full-dimensional point set in $\mathbb{Z}^k$ by the double description
 * method (Motzkin et al.; Fukuda and Prodon's combinatorial adjacency test), in exact arithmetic.
 *
 * <p>Lift each point to $v_i = (p_i, 1) \in \mathbb{Z}^{k+1}$. The facets of
 * $\operatorname{conv}\{p_i\}$ correspond to the extreme rays $y = (a, -b)$ of the pointed polar
 * cone $\{y : v_i \cdot y \le 0 \ \forall i\}$, i.e. to inequalities $a \cdot p \le b$. The method
 * starts from $k+1$ affinely independent points (a simplex, whose polar rays are explicit) and adds
 * one constraint at a time: rays with $v \cdot y \le 0$ are kept and each adjacent pair
 * $(y^+, y^-)$ with $v \cdot y^+ > 0 > v \cdot y^-$ yields the new ray
 * $(v \cdot y^+) y^- - (v \cdot y^-) y^+$. Two rays are adjacent iff no third ray's zero set
 * contains the intersection of their zero sets. Every ray is kept primitive.
 *
 * <p>Degenerate input (coplanar points, points on facets, non-simplicial facets) needs no special
 * treatment: a point on a facet simply joins that facet's zero set.
 *
 * <p>Cost per added point: $O(R k)$ big-integer products to classify the $R$ current rays; then,
 * for each ray $y^+$, candidate partners are the rays $y^-$ sharing at least $k-1$ zeros with it,
 * found through an index from points to the rays through them (cost: the total number of rays
 * through the zeros of $y^+$); each candidate pair is tested against the rays through the rarest
 * common zero only. Points are inserted in a fixed pseudo-random order. Typical: 200 random points
 * in $\mathbb{Z}^6$ with 7000 facets take about 2 s; small polytopes take microseconds.
 */
final class DoubleDescription {

    /**
     * A facet $a \cdot p \le b$ of the hull and the indices of the input points lying on it.
     *
     * @param normal $a$, primitive
     * @param bound $b$
     * @param incidentPoints indices of the points with $a \cdot p = b$
     */
    record RawFacet(BigInteger[] normal, BigInteger bound, BitSet incidentPoints) {
    }

    private static final class Ray {
        final BigInteger[] y;
        final BitSet zeros;

        Ray(BigInteger[] y, BitSet zeros) {
            this.y = y;
            this.zeros = zeros;
        }
    }

    /**
     * Points are inserted in a fixed pseudo-random order: a sorted sweep would make almost every
     * insertion visible from many facets, while a random order keeps most later points interior.
     * The result does not depend on the order; the fixed seed keeps runs reproducible.
     */
    private static final long INSERTION_SEED = 0x5EEDL;

    private DoubleDescription() {
    }

    /**
     * Returns the facets of the convex hull of {@code points}, which must be distinct and affinely
     * span $\mathbb{Z}^k$ with $k \ge 1$.
     */
    static List<RawFacet> facets(List<long[]> points, int k) {
        int n = points.size();
        List<BigInteger[]> lifted = new ArrayList<>(n);
        for (long[] p : points) {
            if (p.length != k) {
                throw new IllegalArgumentException("point of length " + p.length + " in dimension " + k);
            }
            BigInteger[] v = new BigInteger[k + 1];
            for (int j = 0; j < k; j++) {
                v[j] = BigInteger.valueOf(p[j]);
            }
            v[k] = BigInteger.ONE;
            lifted.add(v);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(INSERTION_SEED));
        int[] simplex = independentSubset(lifted, order, k + 1);
        List<Ray> rays = initialRays(lifted, simplex);
        boolean[] inSimplex = new boolean[n];
        for (int i : simplex) {
            inSimplex[i] = true;
        }
        for (int t : order) {
            if (!inSimplex[t]) {
                rays = addConstraint(rays, lifted.get(t), t, k + 1);
            }
        }
        List<RawFacet> result = new ArrayList<>(rays.size());
        for (Ray r : rays) {
            BigInteger[] a = new BigInteger[k];
            System.arraycopy(r.y, 0, a, 0, k);
            result.add(new RawFacet(a, r.y[k].negate(), r.zeros));
        }
        return result;
    }

    /** Greedily picks {@code size} linearly independent lifted vectors, scanning in the given order. */
    private static int[] independentSubset(List<BigInteger[]> lifted, List<Integer> order, int size) {
        int[] chosen = new int[size];
        List<BigInteger[]> rows = new ArrayList<>();
        int count = 0;
        for (int position = 0; position < order.size() && count < size; position++) {
            int i = order.get(position);
            rows.add(lifted.get(i));
            if (ExactLinearAlgebra.rank(rows, size) == count + 1) {
                chosen[count++] = i;
            } else {
                rows.remove(rows.size() - 1);
            }
        }
        if (count < size) {
            throw new IllegalArgumentException("points do not affinely span dimension " + (size - 1));
        }
        return chosen;
    }

    /** The polar rays of the simplex cone: $y_j \perp v_i$ for $i \ne j$ and $v_j \cdot y_j < 0$. */
    private static List<Ray> initialRays(List<BigInteger[]> lifted, int[] simplex) {
        int d = simplex.length;
        List<Ray> rays = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            List<BigInteger[]> others = new ArrayList<>();
            BitSet zeros = new BitSet();
            for (int i = 0; i < d; i++) {
                if (i != j) {
                    others.add(lifted.get(simplex[i]));
                    zeros.set(simplex[i]);
                }
            }
            List<BigInteger[]> kernel = ExactLinearAlgebra.nullSpace(others, d);
            if (kernel.size() != 1) {
                throw new IllegalStateException("simplex is degenerate");
            }
            BigInteger[] y = kernel.get(0);
            if (ExactLinearAlgebra.dot(y, lifted.get(simplex[j])).signum() > 0) {
                y = ExactLinearAlgebra.negate(y);
            }
            rays.add(new Ray(y, zeros));
        }
        return rays;
    }

    private static List<Ray> addConstraint(List<Ray> rays, BigInteger[] v, int index, int d) {
        int count = rays.size();
        BigInteger[] values = new BigInteger[count];
        List<Integer> plus = new ArrayList<>();
        boolean anyMinus = false;
        for (int i = 0; i < count; i++) {
            values[i] = ExactLinearAlgebra.dot(rays.get(i).y, v);
            if (values[i].signum() > 0) {
                plus.add(i);
            } else if (values[i].signum() < 0) {
                anyMinus = true;
            }
        }
        List<Ray> next = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Ray r = rays.get(i);
            int sign = values[i].signum();
            if (sign < 0) {
                next.add(r);
            } else if (sign == 0) {
                BitSet zeros = (BitSet) r.zeros.clone();
                zeros.set(index);
                next.add(new Ray(r.y, zeros));
            }
        }
        if (plus.isEmpty() || !anyMinus) {
            return next;
        }
        RayIndex rayIndex = new RayIndex(rays);
        for (int p : plus) {
            Ray plusRay = rays.get(p);
            for (int m : rayIndex.candidates(plusRay, values, d - 2)) {
                Ray minusRay = rays.get(m);
                BitSet common = (BitSet) plusRay.zeros.clone();
                common.and(minusRay.zeros);
                if (common.cardinality() < d - 2 || !rayIndex.adjacent(p, m, common)) {
                    continue;
                }
                BigInteger sp = values[p];
                BigInteger sm = values[m];
                BigInteger[] y = new BigInteger[d];
                for (int j = 0; j < d; j++) {
                    y[j] = sp.multiply(minusRay.y[j]).subtract(sm.multiply(plusRay.y[j]));
                }
                common.set(index);
                next.add(new Ray(ExactLinearAlgebra.primitive(y), common));
            }
        }
        return next;
    }

    /** For each point index, the rays (by position) whose zero set contains it (compressed rows). */
    private static final class RayIndex {
        private final List<Ray> rays;
        private final int[] start;
        private final int[] entries;
        private final int[] shared;
        private final int[] touched;

        RayIndex(List<Ray> rays) {
            this.rays = rays;
            int points = 0;
            int total = 0;
            for (Ray r : rays) {
                points = Math.max(points, r.zeros.length());
                total += r.zeros.cardinality();
            }
            start = new int[points + 1];
            for (Ray r : rays) {
                for (int t = r.zeros.nextSetBit(0); t >= 0; t = r.zeros.nextSetBit(t + 1)) {
                    start[t + 1]++;
                }
            }
            for (int t = 0; t < points; t++) {
                start[t + 1] += start[t];
            }
            entries = new int[total];
            int[] fill = start.clone();
            for (int i = 0; i < rays.size(); i++) {
                BitSet z = rays.get(i).zeros;
                for (int t = z.nextSetBit(0); t >= 0; t = z.nextSetBit(t + 1)) {
                    entries[fill[t]++] = i;
                }
            }
            shared = new int[rays.size()];
            touched = new int[rays.size()];
        }

        /**
         * The rays with negative value sharing at least {@code minShared} zeros with {@code ray}
         * (all negative rays when {@code minShared <= 0}).
         */
        List<Integer> candidates(Ray ray, BigInteger[] values, int minShared) {
            List<Integer> result = new ArrayList<>();
            if (minShared <= 0) {
                for (int i = 0; i < rays.size(); i++) {
                    if (values[i].signum() < 0) {
                        result.add(i);
                    }
                }
                return result;
            }
            int count = 0;
            BitSet z = ray.zeros;
            for (int t = z.nextSetBit(0); t >= 0; t = z.nextSetBit(t + 1)) {
                for (int e = start[t]; e < start[t + 1]; e++) {
                    int i = entries[e];
                    if (values[i].signum() < 0) {
                        if (shared[i] == 0) {
                            touched[count++] = i;
                        }
                        shared[i]++;
                    }
                }
            }
            for (int c = 0; c < count; c++) {
                int i = touched[c];
                if (shared[i] >= minShared) {
                    result.add(i);
                }
                shared[i] = 0;
            }
            return result;
        }

        /**
         * Combinatorial adjacency test: no ray other than {@code p}, {@code m} has a zero set
         * containing {@code common}. Only rays through one element of {@code common} (the one
         * with fewest rays) need to be examined; with {@code common} empty all rays are.
         */
        boolean adjacent(int p, int m, BitSet common) {
            int best = -1;
            for (int t = common.nextSetBit(0); t >= 0; t = common.nextSetBit(t + 1)) {
                if (best < 0 || start[t + 1] - start[t] < start[best + 1] - start[best]) {
                    best = t;
                }
            }
            if (best < 0) {
                for (int i = 0; i < rays.size(); i++) {
                    if (i != p && i != m && containsAll(rays.get(i).zeros, common)) {
                        return false;
                    }
                }
                return true;
            }
            for (int e = start[best]; e < start[best + 1]; e++) {
                int i = entries[e];
                if (i != p && i != m && containsAll(rays.get(i).zeros, common)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean containsAll(BitSet superset, BitSet subset) {
            for (int t = subset.nextSetBit(0); t >= 0; t = subset.nextSetBit(t + 1)) {
                if (!superset.get(t)) {
                    return false;
                }
            }
            return true;
        }
    }
}
