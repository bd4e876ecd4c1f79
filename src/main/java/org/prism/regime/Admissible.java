package org.prism.regime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prism.geometry.AffineEquation;
import org.prism.geometry.ConvexHull;
import org.prism.geometry.Face;
import org.prism.geometry.Inequality;
import org.prism.geometry.IntVector;
import org.prism.geometry.Polytope;

/**
 * The scalings a model allows: sizes never shrink, couplings (variances, weights, noise levels) go
 * either way, so a scaling is a functional $u$ in the cone $U = \{u : u_i \ge 0$ for every size
 * $i\}$. The Newton polytopes of Pareto terms only mean something along $U$, so every comparison of
 * support functions is made there.
 *
 * <p>The tool is the simplex $\Delta = \operatorname{conv}(0, -e_i : i \text{ a size})$, whose
 * support function $h_\Delta(u) = \max(0, \max_i -u_i)$ vanishes exactly on $U$. For a polytope
 * $X$: (1) the faces of $X + \Delta$ whose canonical normal lies in $U$ are $F + \operatorname{face}_\Delta$
 * with $F$ a face of $X$ that leads along some admissible scaling, and that normal is one such
 * scaling; (2) $X + \Delta$'s facets with normals in $U$, with its equations, describe
 * $X - \operatorname{cone}(e_i)$ exactly, so a point satisfies them iff some point of $X$ has the same
 * couplings and sizes at least as large: $h_{\{v\}} \le h_X$ on all of $U$. Exact; one hull of
 * $|V(X)| (\#\text{sizes} + 1)$ points.
 *
 * <p>Shortcut: when the Pareto exponents of every order satisfy an affine relation $\ell \cdot x = b$
 * with $\ell_i > 0$ for every size (the tree relation $d + m + n - \sigma/2 = 1$ of the tied
 * autoencoder), adding $t\ell$ to a scaling shifts every $h_{N_s}$ by $tb$ and leaves $h_P$ alone
 * ($P$'s points are differences of Pareto exponents), so every direction is as good as an
 * admissible one and $\Delta$ is not needed; {@link #lift} then makes a direction admissible for
 * display.
 */
final class Admissible {
    private final int[] sizes;
    private final Polytope shrink;
    /** A relation normal positive on every size, or null. */
    private final IntVector lineality;

    Admissible(int dimension, int[] sizes) {
        this(dimension, sizes, List.of());
    }

    /** With the affine relations every Pareto exponent satisfies (for the shortcut). */
    Admissible(int dimension, int[] sizes, List<AffineEquation> relations) {
        this.sizes = sizes.clone();
        this.lineality = positiveCombination(relations);
        List<IntVector> pts = new ArrayList<>();
        pts.add(IntVector.zero(dimension));
        for (int i : sizes) {
            long[] e = new long[dimension];
            e[i] = -1;
            pts.add(IntVector.of(e));
        }
        this.shrink = ConvexHull.of(pts);
    }

    /** The relation normal positive on every size, or null (see the class comment). */
    IntVector lineality() {
        return lineality;
    }

    /** Whether $u$ is (as good as) a scaling in $U$. */
    boolean contains(IntVector u) {
        if (lineality != null) return true;
        for (int i : sizes) if (u.get(i) < 0) return false;
        return true;
    }

    /** $X + \Delta$ ($X$ itself under the shortcut). */
    Polytope widen(Polytope x) {
        return sizes.length == 0 || lineality != null ? x : x.minkowskiSum(shrink);
    }

    /** $u + t\ell$ with the least $t \ge 0$ that makes every size's power nonnegative ($u$ without the shortcut). */
    IntVector lift(IntVector u) {
        if (lineality == null) return u;
        long t = 0;
        for (int i : sizes) if (u.get(i) < 0) t = Math.max(t, (-u.get(i) + lineality.get(i) - 1) / lineality.get(i));
        return u.plus(lineality.times(t)); // not reduced: growth figures along u stay those along u + t l
    }

    /** A combination of relation normals (coefficients -2..2, up to five relations) positive on every size, or null. */
    private IntVector positiveCombination(List<AffineEquation> relations) {
        int r = Math.min(relations.size(), 5);
        if (r == 0 || sizes.length == 0) return null;
        int[] c = new int[r];
        int combos = (int) Math.pow(5, r);
        for (int k = 0; k < combos; k++) {
            int x = k;
            IntVector sum = IntVector.zero(relations.get(0).normal().dimension());
            for (int j = 0; j < r; j++) {
                c[j] = x % 5 - 2;
                x /= 5;
                sum = sum.plus(relations.get(j).normal().times(c[j]));
            }
            boolean positive = true;
            for (int i : sizes) positive &= sum.get(i) > 0;
            if (positive) return sum.primitive();
        }
        return null;
    }

    /**
     * The faces of {@code x} that lead along some admissible scaling, keyed by their vertex lists,
     * each with one such scaling: the canonical normal of the smallest face of $X + \Delta$ above
     * it (sizes growing strictly where possible).
     */
    Map<List<IntVector>, IntVector> faces(Polytope x) {
        Polytope w = widen(x);
        Map<List<IntVector>, IntVector> out = new LinkedHashMap<>();
        Map<List<IntVector>, Integer> best = new LinkedHashMap<>();
        for (Face h : w.faceLattice().faces()) {
            IntVector u = h.normal();
            if (!contains(u)) continue;
            Face f = x.faceMaximising(u);
            int extra = h.dimension() - f.dimension(); // sizes left fixed along u
            Integer b = best.get(f.vertices());
            if (b == null || extra < b) {
                best.put(f.vertices(), extra);
                out.put(f.vertices(), u);
            }
        }
        return out;
    }

    /**
     * An admissible functional $u$ with $u \cdot v > h_X(u)$, given $X + \Delta$ ({@link #widen}),
     * or null when no admissible scaling lets $v$ outgrow $X$.
     */
    IntVector violated(Polytope widened, IntVector v) {
        for (AffineEquation e : widened.affineHull().equations()) {
            long a = e.normal().dot(v);
            if (a > e.constant()) return e.normal();
            if (a < e.constant()) return e.normal().negate();
        }
        for (Inequality h : widened.facetInequalities()) if (contains(h.normal()) && !h.isSatisfiedBy(v)) return h.normal();
        return null;
    }
}
