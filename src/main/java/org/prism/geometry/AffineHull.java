package org.prism.geometry;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The affine hull $\operatorname{aff}(S) = p_0 + L$ of a finite non-empty set $S \subset
 * \mathbb{Z}^D$, where $L = \operatorname{span}\{p - p_0 : p \in S\}$ is the direction space and
 * $k = \dim L$ the dimension.
 *
 * <p>Both descriptions are canonical (they depend only on the affine hull, not on the points or
 * their order):
 *
 * <ul>
 *   <li>{@link #directionBasis()}: the reduced row echelon basis of $L$ (over $\mathbb{Q}$), each
 *       vector scaled to a primitive integer vector with positive leading entry. It is a
 *       $\mathbb{Q}$-basis of $L$, not necessarily a lattice basis of $L \cap \mathbb{Z}^D$.
 *   <li>{@link #equations()}: $D - k$ equations $a_j \cdot x = b_j$ whose normals form the reduced
 *       row echelon basis of $L^\perp$ (the linear functionals constant on $S$), each scaled to a
 *       primitive integer vector with positive leading entry; $b_j = a_j \cdot p_0$. The affine
 *       hull is exactly the solution set of these equations.
 * </ul>
 *
 * <p>Cost: $O(N D^2)$ exact operations for $N$ points.
 *
 * @param basePoint $p_0$, the lexicographically smallest point of $S$
 * @param directionBasis the canonical integer basis of $L$ ($k$ vectors)
 * @param equations the canonical integer equations ($D - k$ of them)
 */
public record AffineHull(IntVector basePoint, List<IntVector> directionBasis, List<AffineEquation> equations) {

    /** Makes the lists immutable. */
    public AffineHull {
        directionBasis = List.copyOf(directionBasis);
        equations = List.copyOf(equations);
    }

    /**
     * Computes the affine hull of a non-empty set of points of equal dimension.
     *
     * @throws IllegalArgumentException if {@code points} is empty or dimensions differ
     */
    public static AffineHull of(Collection<IntVector> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("the affine hull of the empty set is not represented");
        }
        IntVector base = points.stream().min(IntVector::compareTo).orElseThrow();
        int d = base.dimension();
        List<BigInteger[]> diffs = new ArrayList<>();
        for (IntVector p : points) {
            if (p.dimension() != d) {
                throw new IllegalArgumentException("points of different dimensions: " + base + ", " + p);
            }
            diffs.add(p.minus(base).toBigIntegers());
        }
        ExactLinearAlgebra.Echelon direction = ExactLinearAlgebra.reducedEchelon(diffs, d);
        List<IntVector> basis = new ArrayList<>();
        for (BigInteger[] row : direction.rows()) {
            basis.add(IntVector.ofBigIntegers(row));
        }
        List<BigInteger[]> annihilator = ExactLinearAlgebra.nullSpace(direction);
        ExactLinearAlgebra.Echelon canonical = ExactLinearAlgebra.reducedEchelon(annihilator, d);
        List<AffineEquation> equations = new ArrayList<>();
        for (BigInteger[] row : canonical.rows()) {
            IntVector a = IntVector.ofBigIntegers(row);
            equations.add(new AffineEquation(a, a.dot(base)));
        }
        return new AffineHull(base, basis, equations);
    }

    /** Returns $k = \dim L$. */
    public int dimension() {
        return directionBasis.size();
    }

    /** Returns $D$. */
    public int ambientDimension() {
        return basePoint.dimension();
    }

    /** Returns true iff $x$ satisfies every equation, i.e. $x \in \operatorname{aff}(S)$. */
    public boolean contains(IntVector x) {
        if (x.dimension() != ambientDimension()) {
            throw new IllegalArgumentException("dimension mismatch: " + x.dimension() + " vs " + ambientDimension());
        }
        return equations.stream().allMatch(e -> e.isSatisfiedBy(x));
    }

    /**
     * Returns true iff the direction vector $v$ lies in $L$ (it is annihilated by every equation
     * normal).
     */
    public boolean containsDirection(IntVector v) {
        return equations.stream().allMatch(e -> e.normal().dot(v) == 0);
    }

    /**
     * The pivot (leading) coordinates of the direction basis: $k$ coordinate indices such that the
     * coordinate projection onto them is injective on the affine hull.
     */
    int[] chartCoordinates() {
        int[] chart = new int[directionBasis.size()];
        for (int i = 0; i < chart.length; i++) {
            IntVector v = directionBasis.get(i);
            int j = 0;
            while (v.get(j) == 0) {
                j++;
            }
            chart[i] = j;
        }
        return chart;
    }
}
