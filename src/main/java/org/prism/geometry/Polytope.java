package org.prism.geometry;

import com.google.common.base.Suppliers;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * A non-empty lattice polytope $P = \operatorname{conv}(V) \subset \mathbb{R}^D$ with vertex set
 * $V \subset \mathbb{Z}^D$, of dimension $k = \dim \operatorname{aff} P \le D$. Obtain instances
 * from {@link ConvexHull#of}.
 *
 * <p><b>Normals.</b> When $k < D$ an outer facet normal is only determined modulo $L^\perp$, where
 * $L$ is the direction space of {@link #affineHull()}. This class fixes the choice: every facet
 * normal $c$ lies in $L$ and is primitive (its entries have gcd 1), and the facet inequality is
 * $c \cdot x \le b$ with $b = \max_{x \in P} c \cdot x$. With this choice the normal is unique.
 * Together with the equations of {@link #affineHull()} the facet inequalities describe $P$
 * exactly. For $k = D$ these are the usual primitive outer normals.
 *
 * <p>Two polytopes are equal iff their vertex sets are equal (all other data is derived). The face
 * lattice is computed on first use and cached; instances are immutable and thread-safe.
 */
public final class Polytope {

    private final AffineHull affineHull;
    private final List<IntVector> vertices;
    private final List<Inequality> facetInequalities;
    private final List<BitSet> facetVertexSets;
    private final Supplier<FaceLattice> lattice;

    Polytope(AffineHull affineHull, List<IntVector> vertices, List<Inequality> facetInequalities,
            List<BitSet> facetVertexSets) {
        this.affineHull = affineHull;
        this.vertices = List.copyOf(vertices);
        this.facetInequalities = List.copyOf(facetInequalities);
        List<BitSet> sets = new ArrayList<>();
        for (BitSet s : facetVertexSets) {
            sets.add((BitSet) s.clone());
        }
        this.facetVertexSets = sets;
        this.lattice = Suppliers.memoize(
                () -> FaceLattice.build(affineHull.dimension(), this.vertices, this.facetInequalities, sets));
    }

    /** Returns $k = \dim P$, the dimension of its affine hull. */
    public int dimension() {
        return affineHull.dimension();
    }

    /** Returns $D$, the dimension of the ambient space $\mathbb{Z}^D$. */
    public int ambientDimension() {
        return affineHull.ambientDimension();
    }

    /** Returns the vertices, sorted lexicographically. */
    public List<IntVector> vertices() {
        return vertices;
    }

    /** Returns the affine hull of $P$ with its canonical integer equations. */
    public AffineHull affineHull() {
        return affineHull;
    }

    /**
     * Returns the facet inequalities $c \cdot x \le b$ (normal convention in the class comment),
     * sorted by normal. Empty iff $k = 0$ (a point has no non-empty facet).
     */
    public List<Inequality> facetInequalities() {
        return facetInequalities;
    }

    /** Returns the face lattice (non-empty faces, see {@link FaceLattice}). */
    public FaceLattice faceLattice() {
        return lattice.get();
    }

    /** Returns the faces of dimension {@code dim}, $0 \le$ {@code dim} $\le k$. */
    public List<Face> faces(int dim) {
        return faceLattice().faces(dim);
    }

    /** Returns the facets ($(k-1)$-faces); empty for a point. */
    public List<Face> facets() {
        return faces(dimension() - 1);
    }

    /** Returns the f-vector $(f_0, \dots, f_{k-1})$, see {@link FaceLattice#fVector()}. */
    public int[] fVector() {
        return faceLattice().fVector();
    }

    /**
     * Returns the face $\operatorname{argmax}_{x \in P} c \cdot x$: the face whose vertex set is
     * exactly the set of vertices maximising $c \cdot x$. The result is the lattice's {@link Face},
     * whose stored normal is the canonical one, not necessarily $c$. Cost $O(nD)$ plus a lookup.
     *
     * @throws IllegalArgumentException if $c$ has the wrong dimension
     */
    public Face faceMaximising(IntVector functional) {
        requireAmbient(functional);
        long best = Long.MIN_VALUE;
        List<Integer> argmax = new ArrayList<>();
        for (int i = 0; i < vertices.size(); i++) {
            long value = functional.dot(vertices.get(i));
            if (value > best) {
                best = value;
                argmax.clear();
            }
            if (value == best) {
                argmax.add(i);
            }
        }
        return faceLattice().faceWithVertices(argmax).orElseThrow(
                () -> new IllegalStateException("maximising vertex set is not a face: " + argmax));
    }

    /**
     * Returns the maximum of $c \cdot x$ over $P$ (attained at a vertex).
     */
    public long max(IntVector functional) {
        requireAmbient(functional);
        return vertices.stream().mapToLong(functional::dot).max().orElseThrow();
    }

    /**
     * Returns true iff $x \in P$: $x$ satisfies the affine hull equations and every facet
     * inequality. Exact; cost $O((D + m) D)$ for $m$ facets.
     */
    public boolean contains(IntVector x) {
        requireAmbient(x);
        if (!affineHull.contains(x)) {
            return false;
        }
        for (Inequality h : facetInequalities) {
            if (!h.isSatisfiedBy(x)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the Minkowski sum $P + Q = \{p + q\}$, the hull of all pairwise vertex sums. Cost
     * that of {@link ConvexHull#of} on $|V(P)| \cdot |V(Q)|$ points.
     *
     * @throws IllegalArgumentException if the ambient dimensions differ
     */
    public Polytope minkowskiSum(Polytope other) {
        if (other.ambientDimension() != ambientDimension()) {
            throw new IllegalArgumentException("ambient dimensions differ: " + ambientDimension() + " vs "
                    + other.ambientDimension());
        }
        List<IntVector> sums = new ArrayList<>();
        for (IntVector p : vertices) {
            for (IntVector q : other.vertices) {
                sums.add(p.plus(q));
            }
        }
        return ConvexHull.of(sums);
    }

    private void requireAmbient(IntVector x) {
        if (x.dimension() != ambientDimension()) {
            throw new IllegalArgumentException("dimension mismatch: " + x.dimension() + " vs " + ambientDimension());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Polytope p && vertices.equals(p.vertices);
    }

    @Override
    public int hashCode() {
        return vertices.hashCode();
    }

    @Override
    public String toString() {
        return "Polytope[dim=" + dimension() + ", vertices=" + vertices + "]";
    }
}
