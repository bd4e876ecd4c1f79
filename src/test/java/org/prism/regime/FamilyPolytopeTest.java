package org.prism.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.prism.geometry.ConvexHull;
import org.prism.geometry.IntVector;
import org.prism.geometry.Polytope;

/**
 * The per-order polytope on Newton polytopes built by hand from the offset model
 * $N_s = \operatorname{conv}\{q_p + s p\}$ (one offset point per family $p$), where the truth is known by
 * construction: $P = \operatorname{conv}\{p\}$, and the order from which a face's centre is reached is found
 * by brute force, computing $N_s$ far beyond the orders the derivation sees.
 */
class FamilyPolytopeTest {
    private static final Admissible ANY = new Admissible(2, new int[0]);

    private static IntVector v(long... x) {
        return IntVector.of(x);
    }

    /** $N_s$ for $s = 0..S$ from families and their offsets (same order). */
    private static List<Polytope> offsetModel(List<IntVector> families, List<IntVector> offsets, int top) {
        List<Polytope> n = new ArrayList<>();
        for (int s = 0; s <= top; s++) {
            List<IntVector> pts = new ArrayList<>();
            for (int i = 0; i < families.size(); i++) pts.add(offsets.get(i).plus(families.get(i).times(s)));
            n.add(ConvexHull.of(pts));
        }
        return n;
    }

    @Test
    void equalOffsetsGiveExactMinkowskiStepsAndNothingLagging() {
        List<IntVector> fam = List.of(v(0, 0), v(1, 0), v(0, 1));
        List<IntVector> q = List.of(v(2, 3), v(2, 3), v(2, 3));
        FamilyPolytope.Derivation d = FamilyPolytope.derive(offsetModel(fam, q, 4), 1, ANY);
        assertTrue(d.settled());
        assertEquals(new HashSet<>(fam), new HashSet<>(d.perOrder().vertices()));
        assertEquals(0, d.exactFrom());
        assertTrue(d.lagging().isEmpty());
    }

    /**
     * Families 1 = (0,0), a = (1,0), b = (0,1); a starts ten orders behind: q_a = (-10, 0). Along the centre of
     * a's normal cone, u = (1,0) (the sum of the two edge normals (0,-1) and (1,1) at a), the chains are worth
     * 0 (family 1), 0 (b) and s - 10 (a): a ties at s = 10 and leads after, so the first step that grows by
     * h_P(u) = 1 is 10 -> 11. At the centre of family 1's cone, u = (-1,-1), the chains are worth 0 (1), -s (b)
     * and 10 - s (a): 1 leads from s = 11 too. So with S = 6 neither 1 nor a leads anywhere with its own growth:
     * their chains are the only evidence, P is not settled, and the chains say order 11. With S = 12 it is;
     * no step is ever an exact Minkowski step: N_s + P holds (1, s), which N_{s+1} = conv{0, (s-9, 0), (0, s+1)}
     * lacks once s >= 10.
     */
    @Test
    void aFamilyThatStartsLateIsNoEvidenceUntilItLeads() {
        List<IntVector> fam = List.of(v(0, 0), v(1, 0), v(0, 1));
        List<IntVector> q = List.of(v(0, 0), v(-10, 0), v(0, 0));
        FamilyPolytope.Derivation d = FamilyPolytope.derive(offsetModel(fam, q, 6), 1, ANY);
        assertFalse(d.settled());
        assertEquals(new HashSet<>(fam), new HashSet<>(d.perOrder().vertices()), "the chains are seen");
        assertEquals(2, d.unsettled().size(), () -> d.unsettled().toString());
        for (FamilyPolytope.Unsettled u : d.unsettled()) {
            assertEquals(FamilyPolytope.Kind.UNWITNESSED, u.kind());
            assertEquals(11, u.settleBy(), u.toString());
            assertEquals(u.expected() - 1, u.grown(), "one step behind the family's growth: " + u);
        }
        assertEquals(Set.of(v(0, 0), v(1, 0)), new HashSet<>(d.unsettled().stream().map(u -> u.face().vertices().get(0)).toList()));
        assertEquals(-1, d.exactFrom(), "no step is a Minkowski step while a trails");
        FamilyPolytope.Derivation later = FamilyPolytope.derive(offsetModel(fam, q, 12), 1, ANY);
        assertTrue(later.settled(), () -> later.unsettled().toString());
        assertTrue(later.lagging().isEmpty());
        assertEquals(-1, later.exactFrom());
    }

    /**
     * Sizes may not shrink. Coordinates (coupling, size): N_0 = {(0,0)} and N_s = conv{(0,0), (s,0), (0,-5)} for
     * s >= 1. The point (0,-5) of N_1 lies outside N_0 + P = [(0,0), (1,0)], but only along scalings that shrink
     * the size (u = (0,-1)); along the others (0,0) dominates it. So P is settled when sizes grow, and outgrown
     * at order 1 when every direction counts.
     */
    @Test
    void onlyScalingsWithGrowingSizesAreCompared() {
        List<Polytope> n = new ArrayList<>();
        n.add(ConvexHull.of(List.of(v(0, 0))));
        for (int s = 1; s <= 4; s++) n.add(ConvexHull.of(List.of(v(0, 0), v(s, 0), v(0, -5))));
        FamilyPolytope.Derivation grown = FamilyPolytope.derive(n, 1, new Admissible(2, new int[] {1}));
        assertTrue(grown.settled(), () -> grown.unsettled().toString());
        assertEquals(Set.of(v(0, 0), v(1, 0)), new HashSet<>(grown.perOrder().vertices()));
        FamilyPolytope.Derivation any = FamilyPolytope.derive(n, 1, ANY);
        assertFalse(any.settled());
        assertTrue(any.unsettled().stream().anyMatch(u -> u.kind() == FamilyPolytope.Kind.OUTGROWN && u.atOrder() == 1
                && u.direction().get(1) < 0), () -> any.unsettled().toString());
    }

    /**
     * Random offset models in Z^3: 3 to 5 families with offsets in [-4, 4]^3. The data can only show a family
     * whose chain is visible (its points are vertices of the last three N_s; a family with a thin normal cone
     * and a poor offset may hide for hundreds of orders, and then no method can see it). So: P always lies
     * inside the truth, no step of an offset model outgrows it, and when every true family's chain is visible
     * and P is settled, P is the truth. Every lagging face's predicted order is at most the first order at which
     * its centre truly grows by h_P (brute force on N_s to s = 300), and it is not reached by S.
     */
    @Test
    void randomOffsetModels() {
        Random r = new Random(20261206);
        Admissible any = new Admissible(3, new int[0]);
        int settledAtForty = 0;
        int checkedLags = 0;
        for (int trial = 0; trial < 120; trial++) {
            List<IntVector> fam = new ArrayList<>();
            List<IntVector> q = new ArrayList<>();
            int k = 3 + r.nextInt(3);
            while (fam.size() < k) {
                IntVector p = v(r.nextInt(5) - 2, r.nextInt(5) - 2, r.nextInt(5) - 2);
                if (!fam.contains(p)) fam.add(p);
            }
            for (int i = 0; i < k; i++) q.add(v(r.nextInt(9) - 4, r.nextInt(9) - 4, r.nextInt(9) - 4));
            Polytope truth = ConvexHull.of(fam);
            for (int top : new int[] {6, 40}) {
                List<Polytope> n = offsetModel(fam, q, top);
                FamilyPolytope.Derivation d = FamilyPolytope.derive(n, 1, any);
                String at = "trial " + trial + ", S = " + top;
                assertTrue(d.steps().stream().allMatch(FamilyPolytope.Step::bounded), at + ": offset models never outgrow P");
                for (IntVector p : d.perOrder().vertices()) assertTrue(truth.contains(p), at + ": " + p + " is no family");
                boolean visible = true;
                for (IntVector p : truth.vertices()) {
                    int i = fam.indexOf(p);
                    for (int s = top - 2; s <= top; s++) visible &= n.get(s).vertices().contains(q.get(i).plus(p.times(s)));
                }
                if (d.settled() && visible) assertEquals(truth, d.perOrder(), at);
                if (top == 40 && d.settled() && visible) settledAtForty++;
                if (top != 6 || !d.settled()) continue;
                List<Polytope> longRun = offsetModel(fam, q, 300);
                for (FamilyPolytope.Unsettled lag : d.lagging()) {
                    IntVector u = lag.direction();
                    long h = d.perOrder().max(u);
                    int first = -1;
                    for (int s = 1; s <= 300 && first < 0; s++) if (longRun.get(s).max(u) - longRun.get(s - 1).max(u) == h) first = s;
                    assertTrue(first > 6, at + ": a lagging face is reached by order 6");
                    assertTrue(lag.settleBy() <= first, at + ": predicted " + lag.settleBy() + ", truly " + first);
                    checkedLags++;
                }
            }
        }
        assertTrue(settledAtForty > 100, "most random models settle by order 40: " + settledAtForty);
        assertTrue(checkedLags > 0, "the sample has lagging faces to check");
    }
}
