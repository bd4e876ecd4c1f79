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
        return step(from, from + 1, lower, upper);
    }

    /** The step from order {@code from} to order {@code to} ({@code N_to = N_from + P}). */
    public static Step step(int from, int to, Polytope lower, Polytope upper) {
        Set<IntVector> increments = new LinkedHashSet<>();
        for (Face u : upper.faces(0)) {
            Face a = lower.faceMaximising(u.normal());
            if (a.dimension() != 0) {
                return new Step(from, to, null, false, "a vertex of N_" + to + " has no unique partner vertex in N_" + from);
            }
            increments.add(u.vertices().get(0).minus(a.vertices().get(0)));
        }
        Polytope p = ConvexHull.of(new ArrayList<>(increments));
        boolean exact = lower.minkowskiSum(p).equals(upper);
        return new Step(from, to, p, exact, exact ? "N_" + from + " + P = N_" + to : "N_" + from + " + P != N_" + to);
    }

    /** Steps for every consecutive pair of the given Newton polytopes (index = order). */
    public static List<Step> steps(List<Polytope> newton) {
        return steps(newton, 1);
    }

    /** Steps from every order to the order {@code period} above it. */
    public static List<Step> steps(List<Polytope> newton, int period) {
        List<Step> out = new ArrayList<>();
        for (int s = 0; s + period < newton.size(); s++) out.add(step(s, s + period, newton.get(s), newton.get(s + period)));
        return out;
    }

    /** Whether every step from order 1 on is exact with one and the same increment (and there are at least two). */
    public static boolean consistent(List<Step> steps) {
        List<Step> from1 = steps.stream().filter(st -> st.from() >= 1).toList();
        if (from1.size() < 2) return false;
        Polytope p = from1.get(0).increment();
        return p != null && from1.stream().allMatch(st -> st.exact() && p.equals(st.increment()));
    }
}
