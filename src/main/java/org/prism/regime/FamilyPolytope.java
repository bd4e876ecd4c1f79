package org.prism.regime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.prism.geometry.ConvexHull;
import org.prism.geometry.Face;
import org.prism.geometry.IntVector;
import org.prism.geometry.Polytope;

/**
 * The per-order polytope $P$: what $k$ more orders of the flow multiply a leading term by ($k$ the
 * period, 1 or 2), derived from the Newton polytopes $N_0, \dots, N_S$ of the Pareto terms.
 *
 * <p><b>Definition.</b> $P = \lim_s N_s / s$ (times $k$): its support function is the asymptotic
 * growth of one step, $h_P(u) = \lim_{s\to\infty} h_{N_{s+k}}(u) - h_{N_s}(u)$, where
 * $h_N(u) = \max_{x\in N} u\cdot x$. Each vertex of $P$ is a family: a term of the velocity that one
 * more order can bring. Families need not enter at the same order: with weight decay the family
 * $\lambda$ multiplies every term but the constant $\tfrac12 d$ from order 1 on, the data family
 * $d/n$ only terms that already contain $\sigma^2$. So the model is
 * $N_s = \operatorname{conv}\bigcup_p (Q_p + s p)$ with an offset $Q_p$ per family, and
 * $N_{s+k} = N_s + P$ (a Minkowski step) holds only when the offsets agree; it is reported, not
 * assumed. Vertex differences of consecutive polytopes are not $P$ either: near the boundary of two
 * families' normal cones the family with the larger offset leads for the first orders.
 *
 * <p><b>Derivation.</b>
 * <ol>
 * <li><em>Families</em>: an increment $p$ is a family when a vertex $v$ of $N_S$ continues a chain of
 * vertices, $v - p$ a vertex of $N_{S-k}$ and $v - 2p$ one of $N_{S-2k}$ (the same family leading
 * for two steps). $P$ is the hull of the families.
 * <li><em>Bound</em>: no step outgrows $P$: $N_{s+k} \subseteq N_s + P$ for every $s$, checked
 * exactly; a vertex outside names the direction (a facet normal of $N_s + P$) where some term grows
 * faster than every family, so a family is missing.
 * <li><em>Witness</em>: every vertex $p$ of $P$ leads somewhere: at the normal $u$ of the top vertex of
 * one of its chains, $p$ maximises $u$ over $P$ and the last step grows by exactly
 * $h_{N_S}(u) - h_{N_{S-k}}(u) = u \cdot p$. A chain that is a coincidence of lattice points has no
 * witness.
 * <li><em>Reach</em> (per face, not part of the verdict): at the centre $u_F$ of the normal cone of
 * a face $F$ of $P$ (its canonical normal), whether the last step grows as $P$ says,
 * $h_{N_S}(u_F) - h_{N_{S-k}}(u_F) = h_P(u_F)$. Where it grows less, the families of $F$ have not yet
 * overtaken a family with a larger offset (weight decay's $\lambda$ ahead of the data family $d/n$
 * on the population loss); the chains' offsets estimate the order from which they lead, and the
 * face's limit needs that many orders.
 * </ol>
 * $P$ is <em>settled</em> when the bound holds at every step and every family has a witness. That
 * the chains and the bound go on beyond $S$ is the one assumption, stated in the output. Cost: one
 * Minkowski sum and hull per step, a few ms for the examples.
 */
public final class FamilyPolytope {
    private FamilyPolytope() {}

    /**
     * A family seen as a chain of vertices: {@code top} is a vertex of $N_S$, and
     * {@code top - j * family} a vertex of $N_{S - jk}$ for $j = 1..$ {@code length - 1}.
     */
    public record Chain(IntVector family, IntVector top, int length) {}

    /** One step $s \to s + k$: whether it is an exact Minkowski step $N_{s+k} = N_s + P$, and whether it stays inside. */
    public record Step(int from, int to, boolean exact, boolean bounded) {}

    /**
     * A direction (a functional on exponents) along which orders $0..S$ do not settle $P$.
     *
     * @param direction the functional $u$
     * @param face the face of $P$ that $u$ selects
     * @param kind what is wrong there
     * @param atOrder the step's upper order where it shows
     * @param grown the step's growth $h_{N_{s+k}}(u) - h_{N_s}(u)$ along $u$
     * @param expected $h_P(u)$
     * @param settleBy the order from which the chains predict the step to reach $h_P$ (kind
     *     {@link Kind#NOT_REACHED}), or the next order that can show more
     */
    public record Unsettled(IntVector direction, Face face, Kind kind, int atOrder, long grown, long expected, int settleBy) {}

    /** Why a direction is unsettled. */
    public enum Kind {
        /** some term of $c_{s+k}$ grows faster than every family: a family is missing from $P$. */
        OUTGROWN,
        /** the last step grows less than $P$ says: the face's families do not lead yet (a lagging face). */
        NOT_REACHED,
        /** a vertex of $P$ whose chains never lead with its growth: no evidence that it is a family. */
        UNWITNESSED,
        /** no vertex chain of three orders: too few orders to see any family recur. */
        NO_CHAIN
    }

    /**
     * The outcome: $P$ (of {@code period} orders), its evidence, the verdict ({@code unsettled}, empty
     * when settled) and the faces whose centre the last step does not reach yet ({@code lagging}).
     */
    public record Derivation(Polytope perOrder, int period, List<Chain> chains, List<Step> steps, List<Unsettled> unsettled,
            List<Unsettled> lagging) {
        public Derivation {
            chains = List.copyOf(chains);
            steps = List.copyOf(steps);
            unsettled = List.copyOf(unsettled);
            lagging = List.copyOf(lagging);
        }

        /** The lag of one face of $P$, if the last step does not reach its centre. */
        public Optional<Unsettled> lag(Face face) {
            return lagging.stream().filter(u -> u.face().vertices().equals(face.vertices())).findFirst();
        }

        public boolean settled() {
            return unsettled.isEmpty();
        }

        /** The first order from which every step up to $S$ is an exact Minkowski step, or -1. */
        public int exactFrom() {
            int from = -1;
            for (int i = steps.size() - 1; i >= 0 && steps.get(i).exact(); i--) from = steps.get(i).from();
            return from;
        }
    }

    /**
     * Derives $P$ of {@code period} orders from $N_0..N_S$ ({@code newton.get(s)} = $N_s$), comparing
     * growth along the scalings {@code admissible} allows.
     *
     * @throws IllegalArgumentException if fewer than {@code period + 1} polytopes are given
     */
    public static Derivation derive(List<Polytope> newton, int period, Admissible admissible) {
        int top = newton.size() - 1;
        if (top < period) throw new IllegalArgumentException("need N_0..N_S with S >= " + period);
        List<Chain> chains = chains(newton, period);
        Set<IntVector> families = new LinkedHashSet<>();
        for (Chain c : chains) if (c.length() >= 3) families.add(c.family());
        boolean chained = !families.isEmpty();
        if (!chained) {
            // too few orders for a family to recur: the last step's increments, unconfirmed
            for (Chain c : chains) families.add(c.family());
        }
        if (families.isEmpty()) {
            throw new IllegalArgumentException("no vertex of N_" + top + " continues a vertex of N_" + (top - period)
                    + ": the Newton polytopes do not grow by families");
        }
        Polytope p = ConvexHull.of(new ArrayList<>(families));
        List<Step> steps = new ArrayList<>();
        List<Unsettled> unsettled = new ArrayList<>();
        Map<IntVector, Unsettled> outgrown = new LinkedHashMap<>();
        for (int s = 0; s + period <= top; s++) {
            Polytope lower = newton.get(s);
            Polytope upper = newton.get(s + period);
            Polytope sum = lower.minkowskiSum(p);
            Polytope widened = admissible.widen(sum);
            boolean bounded = true;
            for (IntVector v : upper.vertices()) {
                IntVector u = admissible.violated(widened, v);
                if (u == null) continue;
                bounded = false;
                u = u.primitive();
                if (!outgrown.containsKey(u)) {
                    outgrown.put(u, new Unsettled(admissible.lift(u), p.faceMaximising(u), Kind.OUTGROWN, s + period, upper.max(u) - lower.max(u), p.max(u),
                            top + period));
                }
            }
            steps.add(new Step(s, s + period, sum.equals(upper), bounded));
        }
        unsettled.addAll(outgrown.values());
        if (!chained) {
            Face whole = p.faceLattice().top();
            unsettled.add(new Unsettled(whole.normal(), whole, Kind.NO_CHAIN, top, 0, 0, Math.max(2 * period, top + period)));
        } else {
            unsettled.addAll(unwitnessed(newton, period, p, chains, admissible));
        }
        return new Derivation(p, period, chains, steps, unsettled, chained ? unreached(newton, period, p, chains, admissible) : List.of());
    }

    /**
     * For every vertex of $N_S$, the longest chain of vertices below it with one increment:
     * $v, v - p, v - 2p, \dots$ vertices of $N_S, N_{S-k}, N_{S-2k}, \dots$; one chain per
     * (vertex, increment), longest first. Cost $O(|V_S| \cdot |V_{S-k}| \cdot S/k)$ lookups.
     */
    static List<Chain> chains(List<Polytope> newton, int period) {
        int top = newton.size() - 1;
        List<Set<IntVector>> vertexSets = new ArrayList<>();
        for (Polytope n : newton) vertexSets.add(new HashSet<>(n.vertices()));
        List<Chain> out = new ArrayList<>();
        for (IntVector v : newton.get(top).vertices()) {
            for (IntVector w : newton.get(top - period).vertices()) {
                IntVector p = v.minus(w);
                int length = 2;
                IntVector x = w;
                for (int s = top - 2 * period; s >= 0; s -= period) {
                    x = x.minus(p);
                    if (!vertexSets.get(s).contains(x)) break;
                    length++;
                }
                out.add(new Chain(p, v, length));
            }
        }
        // keep, per top vertex, only its longest chains (the rest are differences to unrelated vertices)
        List<Chain> kept = new ArrayList<>();
        for (IntVector v : newton.get(top).vertices()) {
            int best = out.stream().filter(c -> c.top().equals(v)).mapToInt(Chain::length).max().orElse(0);
            for (Chain c : out) if (c.top().equals(v) && c.length() == best && best >= 3) kept.add(c);
        }
        if (kept.isEmpty()) {
            // no chain of three: each top vertex's partner maximising its normal, when unique
            Polytope upper = newton.get(top);
            Polytope lower = newton.get(top - period);
            for (Face f : upper.faces(0)) {
                Face a = lower.faceMaximising(f.normal());
                if (a.dimension() == 0) kept.add(new Chain(f.vertices().get(0).minus(a.vertices().get(0)), f.vertices().get(0), 2));
            }
        }
        return kept;
    }

    /** Vertices of $P$ with no chain that leads, at its top vertex's normal, by the family's own growth. */
    private static List<Unsettled> unwitnessed(List<Polytope> newton, int period, Polytope p, List<Chain> chains, Admissible admissible) {
        int top = newton.size() - 1;
        Polytope upper = newton.get(top);
        Polytope lower = newton.get(top - period);
        List<Unsettled> out = new ArrayList<>();
        Map<List<IntVector>, IntVector> leading = admissible.faces(p);
        List<Map<List<IntVector>, IntVector>> leadingAt = new ArrayList<>();
        for (int j = 0; j * period <= top; j++) leadingAt.add(null);
        for (Face vertex : p.faces(0)) {
            IntVector family = vertex.vertices().get(0);
            IntVector centre = leading.get(vertex.vertices());
            if (centre == null) continue; // leads along no scaling with growing sizes: not a regime, nothing to witness
            boolean witnessed = false;
            for (Chain c : chains) {
                if (c.length() < 3 || !c.family().equals(family)) continue;
                // the normal of each vertex of the chain (a lower one's cone is often the narrower, inside the others)
                for (int j = 0; j < c.length() && !witnessed; j++) {
                    if (leadingAt.get(j) == null) leadingAt.set(j, admissible.faces(newton.get(top - j * period)));
                    IntVector u = leadingAt.get(j).get(List.of(c.top().minus(family.times(j))));
                    if (u != null && u.dot(family) == p.max(u) && upper.max(u) - lower.max(u) == u.dot(family)) witnessed = true;
                }
            }
            if (!witnessed) {
                out.add(new Unsettled(admissible.lift(centre), vertex, Kind.UNWITNESSED, top, upper.max(centre) - lower.max(centre), p.max(centre),
                        reachedBy(newton, period, chains, vertex, centre)));
            }
        }
        return out;
    }

    /**
     * Faces whose centre the last step does not reach; the order from which the chains of their
     * families, extended with the family's growth, pass the current top growth.
     */
    private static List<Unsettled> unreached(List<Polytope> newton, int period, Polytope p, List<Chain> chains, Admissible admissible) {
        int top = newton.size() - 1;
        Polytope upper = newton.get(top);
        Polytope lower = newton.get(top - period);
        List<Unsettled> out = new ArrayList<>();
        Map<List<IntVector>, IntVector> leading = admissible.faces(p);
        for (Face f : p.faceLattice().faces()) {
            IntVector u = leading.get(f.vertices());
            if (f.dimension() == p.dimension() || u == null) continue;
            long expected = p.max(u);
            long grown = upper.max(u) - lower.max(u);
            if (grown >= expected) continue; // above: an OUTGROWN step, reported by the bound
            int settleBy = reachedBy(newton, period, chains, f, u);
            out.add(new Unsettled(admissible.lift(u), f, Kind.NOT_REACHED, top, grown, expected, settleBy));
        }
        return out;
    }

    /**
     * The order from which the last step along $u$ is expected to grow by $h_P(u)$: the chains of the
     * families leading along $u$, each extended by its family's growth, pass the envelope of $N_S$
     * extended by the last step's growth; the first step that ends with a chain in the lead shows it.
     * The current top order when the last step already does.
     */
    public static int reachedBy(List<Polytope> newton, Derivation derivation, IntVector u) {
        return reachedBy(newton, derivation.period(), derivation.chains(), derivation.perOrder().faceMaximising(u), u);
    }

    private static int reachedBy(List<Polytope> newton, int period, List<Chain> chains, Face f, IntVector u) {
        int top = newton.size() - 1;
        Polytope upper = newton.get(top);
        long grown = upper.max(u) - newton.get(top - period).max(u);
        long ahead = Long.MAX_VALUE;
        for (Chain c : chains) {
            if (c.length() < 3 || !f.vertices().contains(c.family())) continue;
            long gap = upper.max(u) - u.dot(c.top());
            long gain = u.dot(c.family()) - grown;
            if (gain <= 0) return top; // this chain already grows no faster than the top: reached
            ahead = Math.min(ahead, Math.max(0, (gap + gain - 1) / gain));
        }
        return ahead == Long.MAX_VALUE ? top + period : (int) Math.min(Integer.MAX_VALUE, top + (ahead + 1) * (long) period);
    }
}
