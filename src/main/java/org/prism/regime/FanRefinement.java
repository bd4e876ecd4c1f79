package org.prism.regime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prism.geometry.AffineHull;
import org.prism.geometry.Face;
import org.prism.geometry.IntVector;
import org.prism.geometry.Polytope;

/**
 * Which faces of a Newton polytope $N$ lead along the scalings of each face $F$ of $P$. The normal
 * fan of the Minkowski sum $Q = N + P$ is the common refinement of the fans of $N$ and $P$: every
 * face of $Q$ is $H = G + F$ with $G = \operatorname{face}_N(u)$, $F = \operatorname{face}_P(u)$
 * for $u$ in the relative interior of its normal cone. So the relative interior of $F$'s normal cone
 * is cut into the cones of the faces $H$ of $Q$ with $P$-part $F$; those of full dimension
 * ($\dim H = \dim F$) are its pieces, and on each the leading part of the coefficient is the terms
 * on $G$. Only scalings with growing sizes count ({@link Admissible}). Exact; cost one hull of
 * $|V(N)| \cdot |V(P)| (\#\text{sizes} + 1)$ points and a pass over its faces.
 */
final class FanRefinement {
    /** A piece of a face's normal cone: the leading face of $N$ and the face of $Q$ that carries it. */
    record Piece(Face leading, Face sum, IntVector direction) {
        /** Whether $x - y$ has the same growth on the whole piece (lies in the direction space of $H$). */
        boolean equivalent(IntVector x, IntVector y) {
            return AffineHull.of(sum.vertices()).containsDirection(x.minus(y));
        }
    }

    private final Map<List<IntVector>, List<Piece>> pieces = new LinkedHashMap<>();

    FanRefinement(Polytope newton, Polytope p, Admissible admissible) {
        Polytope q = newton.minkowskiSum(p);
        for (IntVector u : admissible.faces(q).values()) {
            Face h = q.faceMaximising(u);
            Face f = p.faceMaximising(u);
            if (h.dimension() != f.dimension()) continue; // a boundary between pieces
            pieces.computeIfAbsent(f.vertices(), k -> new ArrayList<>()).add(new Piece(newton.faceMaximising(u), h, u));
        }
    }

    /** The pieces of {@code f}'s normal cone, in the order of $Q$'s face lattice. */
    List<Piece> pieces(Face f) {
        return pieces.getOrDefault(f.vertices(), List.of());
    }
}
