package org.prism.regime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.prism.geometry.ConvexHull;
import org.prism.geometry.Face;
import org.prism.geometry.IntVector;
import org.prism.geometry.Polytope;

/**
 * The per-order polytope $P$ with $N_{s+1} = N_s + P$ (Minkowski sum), derived from two
 * consecutive Newton polytopes. Every vertex $u$ of a Minkowski sum $A + B$ is $a + b$ for the
 * vertices $a$, $b$ that maximise any functional $c$ in the interior of $u$'s normal cone; so for
 * each vertex $u$ of $N_{s+1}$ we take $c$ = the sum of the normals of its facets, find the vertex
 * $a$ of $N_s$ maximising it and record the increment $u - a$ (what one more order of the flow
 * multiplies a leading term by). $P$ is the hull of the increments; the step is exact iff
 * $N_s + P = N_{s+1}$, checked exactly. Cost: one hull per order pair, a few ms.
 */
public final class FamilyPolytope {
    private FamilyPolytope() {}

    /** One order step: the derived increment polytope and whether $N_s + P = N_{s+1}$ holds exactly. */
    public record Step(int from, int to, Polytope increment, boolean exact, String reason) {}

    public static Step step(int from, Polytope lower, Polytope upper) {
        Set<IntVector> increments = new LinkedHashSet<>();
        for (Face u : upper.faces(0)) {
            Face a = lower.faceMaximising(u.normal());
            if (a.dimension() != 0) {
                return new Step(from, from + 1, null, false, "a vertex of N_" + (from + 1) + " has no unique partner vertex in N_" + from);
            }
            increments.add(u.vertices().get(0).minus(a.vertices().get(0)));
        }
        Polytope p = ConvexHull.of(new ArrayList<>(increments));
        boolean exact = lower.minkowskiSum(p).equals(upper);
        return new Step(from, from + 1, p, exact, exact ? "N_" + from + " + P = N_" + (from + 1) : "N_" + from + " + P != N_" + (from + 1));
    }

    /** Steps for every consecutive pair of the given Newton polytopes (index = order). */
    public static List<Step> steps(List<Polytope> newton) {
        List<Step> out = new ArrayList<>();
        for (int s = 0; s + 1 < newton.size(); s++) out.add(step(s, newton.get(s), newton.get(s + 1)));
        return out;
    }
}
