package org.prism.geometry;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Exact convex hulls of finite sets of integer points.
 *
 * <p><b>Algorithm.</b> Let $S \subset \mathbb{Z}^D$ be the (deduplicated) input and $k$ the
 * dimension of its affine hull $A$ ({@link AffineHull}). The points are projected onto the $k$
 * pivot coordinates of $A$'s echelon basis; this coordinate projection is an injective affine map
 * on $A$, so it preserves the combinatorics of the hull. The facets of the projected,
 * full-dimensional set are enumerated by the double description method in exact big-integer
 * arithmetic, which also yields, for every facet, the set of input points on it. A point is a
 * vertex iff the normals of the facets through it span $\mathbb{Q}^k$ (equivalently, it is the
 * only point of $P$ on all of them). Each facet normal is then lifted back to $\mathbb{Z}^D$ as
 * the unique primitive vector in the direction space $L$ of $A$ orthogonal to the facet and
 * pointing outwards (kernel of the facet's difference vectors together with the equations of $A$).
 *
 * <p><b>Degenerate input policy.</b>
 *
 * <ul>
 *   <li>Duplicated points collapse; points that are not vertices (interior points, points in the
 *       relative interior of an edge or higher face, e.g. coplanar or collinear extras) are
 *       silently dropped.
 *   <li>Lower-dimensional input is fine: a set spanning a $k$-dimensional affine subspace gives a
 *       $k$-polytope in $\mathbb{Z}^D$, with the affine hull's equations available.
 *   <li>A single point gives a $0$-polytope (one vertex, no facets); two or more collinear points
 *       give a segment (two vertices, the two endpoints as facets).
 *   <li>The empty collection, points of different dimensions, and dimension $D = 0$ are rejected
 *       with {@link IllegalArgumentException}.
 *   <li>Arithmetic never overflows silently: internal work is in {@link BigInteger}, and a result
 *       (such as a facet normal) that does not fit in a {@code long} throws
 *       {@link ArithmeticException}.
 * </ul>
 *
 * <p><b>Complexity.</b> $O(N D^2)$ for the affine hull; the double description method is output
 * sensitive (see {@code DoubleDescription}; roughly $O(N R k)$ plus the adjacency tests, $R$ the
 * number of facets of the partial hulls); the vertex test costs one rank computation per point
 * and lifting costs one $O(D^3)$ kernel computation per facet. For the intended sizes
 * ($N \le 200$, $k \le 6$) this is fast: a few milliseconds for small polytopes, about 2 s for
 * 200 random points in $\mathbb{Z}^6$ (7000 facets).
 */
public final class ConvexHull {

    private ConvexHull() {
    }

    /**
     * Returns $\operatorname{conv}(S)$ for a non-empty finite set $S$ of points of one dimension
     * $D \ge 1$ (degenerate cases: see the class comment).
     *
     * @throws IllegalArgumentException for empty input, mixed dimensions or $D = 0$
     */
    public static Polytope of(Collection<IntVector> points) {
        if (points == null || points.isEmpty()) {
            throw new IllegalArgumentException("convex hull of the empty set is not a polytope");
        }
        List<IntVector> pts = new ArrayList<>(new TreeSet<>(points));
        int d = pts.get(0).dimension();
        for (IntVector p : pts) {
            if (p.dimension() != d) {
                throw new IllegalArgumentException("points of different dimensions: " + pts.get(0) + ", " + p);
            }
        }
        if (d == 0) {
            throw new IllegalArgumentException("ambient dimension must be at least 1");
        }
        AffineHull hull = AffineHull.of(pts);
        int k = hull.dimension();
        if (k == 0) {
            return new Polytope(hull, pts, List.of(), List.of());
        }
        int[] chart = hull.chartCoordinates();
        List<long[]> projected = new ArrayList<>(pts.size());
        for (IntVector p : pts) {
            long[] q = new long[k];
            for (int j = 0; j < k; j++) {
                q[j] = p.get(chart[j]);
            }
            projected.add(q);
        }
        List<DoubleDescription.RawFacet> raw = DoubleDescription.facets(projected, k);

        int[] vertexIndex = new int[pts.size()];
        List<IntVector> vertices = new ArrayList<>();
        for (int i = 0; i < pts.size(); i++) {
            List<BigInteger[]> normals = new ArrayList<>();
            for (DoubleDescription.RawFacet f : raw) {
                if (f.incidentPoints().get(i)) {
                    normals.add(f.normal());
                }
            }
            boolean isVertex = ExactLinearAlgebra.rank(normals, k) == k;
            vertexIndex[i] = isVertex ? vertices.size() : -1;
            if (isVertex) {
                vertices.add(pts.get(i));
            }
        }

        record Lifted(Inequality inequality, BitSet vertexSet) {
        }
        List<Lifted> facets = new ArrayList<>();
        for (DoubleDescription.RawFacet f : raw) {
            BitSet vs = new BitSet();
            f.incidentPoints().stream().filter(i -> vertexIndex[i] >= 0).forEach(i -> vs.set(vertexIndex[i]));
            facets.add(new Lifted(liftNormal(hull, vertices, vs), vs));
        }
        facets.sort(Comparator.comparing(l -> l.inequality().normal()));
        return new Polytope(hull, vertices,
                facets.stream().map(Lifted::inequality).toList(),
                facets.stream().map(Lifted::vertexSet).toList());
    }

    /** Convenience overload of {@link #of(Collection)}. */
    public static Polytope of(IntVector... points) {
        return of(List.of(points));
    }

    /**
     * The facet inequality with primitive normal in $L$: the one-dimensional kernel of the facet's
     * difference vectors and the equation normals of the affine hull, oriented outwards.
     */
    private static Inequality liftNormal(AffineHull hull, List<IntVector> vertices, BitSet facetVertices) {
        int d = hull.ambientDimension();
        IntVector first = vertices.get(facetVertices.nextSetBit(0));
        List<BigInteger[]> rows = new ArrayList<>();
        facetVertices.stream().forEach(i -> rows.add(vertices.get(i).minus(first).toBigIntegers()));
        for (AffineEquation e : hull.equations()) {
            rows.add(e.normal().toBigIntegers());
        }
        List<BigInteger[]> kernel = ExactLinearAlgebra.nullSpace(rows, d);
        if (kernel.size() != 1) {
            throw new IllegalStateException("facet normal is not unique: kernel dimension " + kernel.size());
        }
        IntVector c = IntVector.ofBigIntegers(kernel.get(0));
        long bound = c.dot(first);
        for (int i = 0; i < vertices.size(); i++) {
            if (!facetVertices.get(i)) {
                if (c.dot(vertices.get(i)) > bound) {
                    c = c.negate();
                    bound = -bound;
                }
                break;
            }
        }
        return new Inequality(c, bound);
    }
}
