package org.prism.regime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.geometry.AffineEquation;
import org.prism.geometry.Face;
import org.prism.geometry.IntVector;
import org.prism.geometry.Polytope;

/**
 * Everything the regime derivation computes, from the coefficients up: Pareto terms and Newton
 * polytopes per order, the per-order polytope $P$ with its evidence and verdict ({@code families}),
 * the linear relations all Pareto exponents satisfy, and the regimes (faces of $P$, facets first);
 * {@code coefficients} are the $c_0..c_S$ it was derived from (their face series come from them).
 */
public record DerivedPrism(
        String loss,
        ExponentSpace space,
        List<ParetoTerms> pareto,
        List<Polytope> newton,
        FamilyPolytope.Derivation families,
        List<AffineEquation> paretoRelations,
        List<Regime> regimes,
        List<String> sizes,
        List<Polynomial> coefficients,
        MomentGrowth growth) {

    public DerivedPrism {
        coefficients = List.copyOf(coefficients);
    }

    /** The exponent vector of a monomial of the coefficients, its moments read as powers of the size ({@link MomentGrowth}). */
    public IntVector vector(Monomial m) {
        return growth.vector(m, space);
    }

    /** $P$: what {@link #period()} more orders multiply a leading term by. */
    public Polytope perOrder() {
        return families.perOrder();
    }

    /** 1, or 2 when only two orders at a time grow by one polytope (odd tensor order, two variances). */
    public int period() {
        return families.period();
    }

    /** The scalings this model allows (sizes grow), with the positive relation when there is one. */
    Admissible admissible() {
        return new Admissible(space.dimension(), sizeCoordinates(), paretoRelations);
    }

    /** The coordinates of the sizes that occur in the exponent space. */
    int[] sizeCoordinates() {
        return sizes.stream().filter(space.symbols()::contains).mapToInt(space::index).toArray();
    }

    /**
     * A scaling in the relative interior of the admissible normal cone of {@code face} (sizes growing strictly
     * where the cone allows), or empty when the face leads along no admissible scaling. For $P$ itself: the
     * positive relation, or any scaling that keeps every ratio of $P$ fixed.
     */
    public Optional<IntVector> centre(Face face) {
        Admissible a = admissible();
        if (face.dimension() == perOrder().dimension() && a.lineality() != null) return Optional.of(a.lineality());
        IntVector u = a.faces(perOrder()).get(face.vertices());
        if (u == null) return Optional.empty();
        u = a.lift(u);
        // every size growing strictly, when the positive relation allows it (it keeps the face)
        for (int guard = 0; guard < 64 && a.lineality() != null && !strictlyGrowing(u); guard++) {
            u = u.plus(a.lineality());
        }
        return Optional.of(u);
    }

    /**
     * The simplest scaling that takes the limit of {@code face}: integer powers at most {@code 3} in absolute value
     * (fewest and smallest first), every size growing, selecting exactly this face, and along which the leading terms
     * of every computed $c_s$ are those of the face's limit (the lexicographic levels of {@link FaceLimitSeries}), so a
     * simulation along it converges to that limit. Empty when no such scaling is that simple.
     */
    public Optional<IntVector> simplestScaling(Face face) {
        Admissible a = admissible();
        IntVector lineality = a.lineality();
        int dim = space.dimension();
        Set<Integer> sizeSet = new HashSet<>();
        for (int i : sizeCoordinates()) sizeSet.add(i);
        for (int bound = 1; bound <= 3; bound++) {
            List<IntVector> candidates = new ArrayList<>();
            long[] u = new long[dim];
            enumerate(u, 0, bound, sizeSet, candidates);
            candidates.sort(Comparator.comparingLong(IntVector::maxAbs).thenComparingLong(IntVector::l1)
                    .thenComparing(Comparator.reverseOrder()));
            for (IntVector c : candidates) {
                if (!perOrder().faceMaximising(c).vertices().equals(face.vertices())) continue;
                if (lineality == null || sameLeaders(c, lineality)) return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static void enumerate(long[] u, int i, int bound, Set<Integer> sizes, List<IntVector> out) {
        if (i == u.length) {
            out.add(IntVector.of(u.clone()));
            return;
        }
        for (long x = sizes.contains(i) ? 1 : -bound; x <= bound; x++) {
            u[i] = x;
            enumerate(u, i + 1, bound, sizes, out);
        }
    }

    /** Whether along {@code u} alone every c_s has the same leading terms as along (lineality, then u). */
    private boolean sameLeaders(IntVector u, IntVector lineality) {
        for (Polynomial c : coefficients) {
            long bestU = Long.MIN_VALUE;
            FaceLimitSeries.Key bestLex = null;
            for (Monomial m : c.terms().keySet()) {
                IntVector x = vector(m);
                bestU = Math.max(bestU, u.dot(x));
                FaceLimitSeries.Key k = FaceLimitSeries.key(x, lineality, u);
                if (bestLex == null || k.compareTo(bestLex) > 0) bestLex = k;
            }
            for (Monomial m : c.terms().keySet()) {
                IntVector x = vector(m);
                boolean pure = u.dot(x) == bestU;
                boolean lex = FaceLimitSeries.key(x, lineality, u).equals(bestLex);
                if (pure != lex) return false;
            }
        }
        return true;
    }

    /**
     * Whether every Pareto exponent satisfies a relation positive on every size (the tree relation
     * $d + m + n - \sigma/2 = 1$ of the tied autoencoder): then the terms on a face's level are tree diagrams, and the
     * leading-order (planar) engine gives the face series.
     */
    public boolean hasTreeRelation() {
        return admissible().lineality() != null;
    }

    private boolean strictlyGrowing(IntVector u) {
        for (int i : sizeCoordinates()) if (u.get(i) <= 0) return false;
        return true;
    }

    /** The highest order computed. */
    public int maxOrder() {
        return pareto.size() - 1;
    }

    /**
     * Whether orders $0..S$ settle $P$: every step stays inside $N_s + P$ and the last step reaches
     * $P$ at the centre of every face ({@link FamilyPolytope}).
     */
    public boolean settled() {
        return families.settled();
    }

    /** The symbols that are not sizes (variances, weights): dominance keeps their powers equal. */
    public List<String> varianceSymbols() {
        return space.symbols().stream().filter(x -> !sizes.contains(x)).toList();
    }

    /** The monomial a vertex of $P$ multiplies a leading term by, e.g. "sigma^2*m" or "d/n". */
    public String familyName(IntVector vertex) {
        return space.ratio(vertex);
    }

    public List<String> familyNames() {
        return perOrder().vertices().stream().map(this::familyName).toList();
    }

    /**
     * How a face is called in tables and figures: its name, or for an unnamed facet "F" and its
     * position among the facets (F1, F2, ...), for an unnamed lower face the facets it lies on
     * (F1 ∩ F3); the same label in every output.
     */
    public String label(Regime r) {
        if (r.name() != null) return r.name();
        List<Regime> facets = regimes(perOrder().dimension() - 1);
        int i = facets.indexOf(r);
        if (i >= 0) return "F" + (i + 1);
        List<String> parts = new ArrayList<>();
        for (Regime f : facets) if (f.face().vertexIndices().containsAll(r.face().vertexIndices())) parts.add(label(f));
        return parts.isEmpty() ? "(unnamed)" : String.join(" ∩ ", parts);
    }

    /**
     * The regime called {@code name}: its label ({@code free}, {@code F3}, {@code F1 ∩ F2}, spaces optional) or its
     * set of families ({@code {1, d/n}}, in any order); empty when none is.
     */
    public Optional<Regime> regime(String name) {
        String key = name.replace(" ", "");
        for (Regime r : regimes) if (label(r).replace(" ", "").equals(key)) return Optional.of(r);
        if (key.startsWith("{") && key.endsWith("}")) {
            Set<String> fam = new HashSet<>(List.of(key.substring(1, key.length() - 1).split(",")));
            for (Regime r : regimes) {
                if (new HashSet<>(r.families().stream().map(x -> x.replace(" ", "")).toList()).equals(fam)) return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public List<Regime> regimes(int dimension) {
        return regimes.stream().filter(r -> r.dimension() == dimension).toList();
    }
}
