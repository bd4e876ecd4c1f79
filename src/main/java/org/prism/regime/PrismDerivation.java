package org.prism.regime;


import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.diagram.ExpectedLoss;
import org.prism.diagram.MatrixEngine;
import org.prism.diagram.ModelEngine;
import org.prism.geometry.AffineEquation;
import org.prism.geometry.AffineHull;
import org.prism.geometry.ConvexHull;
import org.prism.geometry.Face;
import org.prism.geometry.FaceLattice;
import org.prism.geometry.IntVector;
import org.prism.geometry.Polytope;
import org.prism.model.MatrixModel;
import org.prism.regime.ScalingRelation.Behaviour;

/**
 * Derives the hierarchy of learning regimes from the exact coefficients, with nothing typed in:
 * <ol>
 * <li>Pareto-maximal terms of each $c_s$ ({@link ParetoTerms}) and their Newton polytopes $N_s$;
 * <li>the per-order polytope $P$ from consecutive orders ({@link FamilyPolytope}), checked to be
 * the same exact Minkowski step for every pair of orders from 1 on;
 * <li>its exact face lattice; each face is a regime: its normal cone gives scaling relations on
 * the ratios along the edges of $P$ (named by the model's ratios where they coincide), its
 * vertices the time scale, the order-1 Pareto terms the loss normalisation, and rules on the
 * relations the name (a model's {@link FaceNames}).
 * </ol>
 */
public final class PrismDerivation {
    private final ModelEngine model;
    private final ExponentSpace space;
    private final MomentGrowth growth;
    private final Map<String, Monomial> namedRatios;
    private final FaceNames names;
    private final int[] varianceCoordinates;
    private final int[] sizeCoordinates;

    public PrismDerivation(MatrixModel model, FaceNames names) {
        this(new MatrixEngine(model), names);
    }

    /** For any model; {@code namedRatios} name edge directions of the polytope (may be empty), no face has a name. */
    public PrismDerivation(ModelEngine model, Map<String, Monomial> namedRatios) {
        this(model, FaceNames.ratios(namedRatios));
    }

    /**
     * For any model, with its vocabulary: named ratios and rules that name facets. A covariance's moments are read as
     * bounded ({@link MomentGrowth#bounded}).
     */
    public PrismDerivation(ModelEngine model, FaceNames names) {
        this(model, names, model.moments().isEmpty() ? MomentGrowth.none() : MomentGrowth.bounded(model.momentSize(), model.moments()));
    }

    /** As above, with the moments of the model's covariance growing as {@code growth} says. */
    public PrismDerivation(ModelEngine model, FaceNames names, MomentGrowth growth) {
        Map<String, Monomial> namedRatios = names.ratios();
        this.names = names;
        this.model = model;
        this.growth = growth;
        this.space = new ExponentSpace(model.symbols().stream().filter(x -> !model.moments().contains(x)).toList(), growth.scale());
        this.namedRatios = new LinkedHashMap<>(namedRatios);
        List<Integer> variance = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < space.dimension(); i++) {
            String s = space.symbols().get(i);
            if (model.sizes().contains(s)) {
                sizes.add(i);
            } else {
                variance.add(i);
            }
        }
        this.varianceCoordinates = variance.stream().mapToInt(Integer::intValue).toArray();
        this.sizeCoordinates = sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    public ExponentSpace space() {
        return space;
    }

    /** Computes $c_0..c_S$ of {@code loss} exactly and derives; {@code orderDone} hears each order. */
    public DerivedPrism derive(String loss, int maxOrder, IntConsumer orderDone) {
        return derive(loss, maxOrder, false, orderDone);
    }

    /**
     * Computes $c_0..c_S$ of {@code loss} and derives. With {@code leading}, only the planar terms
     * ({@link LossCoefficients#leading}): the derivation reads nothing but Pareto-maximal terms, and
     * for matrix models those are planar (checked against the exact engine in the tests).
     */
    public DerivedPrism derive(String loss, int maxOrder, boolean leading, IntConsumer orderDone) {
        return derive(loss, leading ? model.leading(loss) : model.exact(loss), maxOrder, orderDone);
    }

    /** Computes $c_0..c_S$ of {@code loss} with {@code engine} and derives; {@code orderDone} (may be null) hears each order. */
    public DerivedPrism derive(String loss, ExpectedLoss engine, int maxOrder, IntConsumer orderDone) {
        List<Polynomial> cs = new ArrayList<>();
        List<Polynomial> counts = new ArrayList<>();
        for (int s = 0; s <= maxOrder; s++) {
            cs.add(engine.coefficient(s));
            counts.add(engine.pairingCounts(s));
            if (orderDone != null) orderDone.accept(s);
        }
        return derive(loss, cs, counts);
    }

    /** The Pareto-maximal terms of one coefficient $c_s$, with the model's dominance rule. */
    public ParetoTerms leadingTerms(int s, Polynomial coefficient, Polynomial pairingCounts) {
        return ParetoTerms.of(s, coefficient, pairingCounts, space, growth, varianceCoordinates, sizeCoordinates);
    }

    /** Derives from given coefficients $c_0..c_S$ and their pairing counts (same length, S >= 2). */
    public DerivedPrism derive(String loss, List<Polynomial> coefficients, List<Polynomial> pairingCounts) {
        if (coefficients.size() < 3) throw new IllegalArgumentException("the derivation needs orders 0..S with S >= 2");
        List<ParetoTerms> pareto = new ArrayList<>();
        List<Polytope> newton = new ArrayList<>();
        List<IntVector> allPareto = new ArrayList<>();
        for (int s = 0; s < coefficients.size(); s++) {
            ParetoTerms p = leadingTerms(s, coefficients.get(s), pairingCounts.get(s));
            if (p.exponents().isEmpty()) {
                throw new IllegalArgumentException("c_" + s + " of the " + loss + " loss is 0, so it has no Newton polytope to derive regimes from");
            }
            pareto.add(p);
            newton.add(ConvexHull.of(p.exponents()));
            allPareto.addAll(p.exponents());
        }
        List<AffineEquation> relations = AffineHull.of(allPareto).equations();
        Admissible admissible = new Admissible(space.dimension(), sizeCoordinates, relations);
        FamilyPolytope.Derivation families = FamilyPolytope.derive(newton, 1, admissible);
        if (newton.size() > 4) {
            // two parities of orders (odd tensor order, two variances): one order alternates between two offsets, so its
            // bound is larger than half the step of two orders; the step of two is the asymptotic one unless it is 2P
            FamilyPolytope.Derivation two = FamilyPolytope.derive(newton, 2, admissible);
            boolean twiceOne = two.perOrder().equals(ConvexHull.of(families.perOrder().vertices().stream().map(v -> v.times(2)).toList()));
            if (two.settled() ? !families.settled() || !twiceOne : !families.settled() && two.unsettled().size() < families.unsettled().size()) {
                families = two;
            }
        }
        Polytope p = families.perOrder();
        int period = families.period();
        return new DerivedPrism(loss, space, pareto, newton, families, relations, regimes(p, pareto, newton, period, admissible),
                model.sizes(), coefficients, growth);
    }

    /** Faces of P as regimes, with the leading parts of c_0 (loss scale) and c_period (change scale) on each. */
    private List<Regime> regimes(Polytope p, List<ParetoTerms> pareto, List<Polytope> newton, int period, Admissible admissible) {
        FaceLattice lattice = p.faceLattice();
        List<IntVector> ratios = ratios(p);
        FanRefinement atStart = new FanRefinement(newton.get(0), p, admissible);
        FanRefinement oneStep = newton.size() > period ? new FanRefinement(newton.get(period), p, admissible) : null;
        Map<List<IntVector>, IntVector> reachable = admissible.faces(p);
        List<Regime> out = new ArrayList<>();
        Map<Face, String> facetNames = new LinkedHashMap<>();
        for (int dim = p.dimension() - 1; dim >= 0; dim--) {
            for (Face f : lattice.faces(dim)) {
                if (!reachable.containsKey(f.vertices())) continue; // leads only where a size shrinks: no regime
                List<ScalingRelation> relations = new ArrayList<>();
                Map<String, Behaviour> byName = new LinkedHashMap<>();
                for (IntVector r : ratios) {
                    Behaviour b = behaviour(f, r);
                    String name = nameOf(r);
                    relations.add(new ScalingRelation(name, space.ratio(r), r, b));
                    if (name != null) byName.put(name, b);
                }
                String name;
                if (dim == p.dimension() - 1) {
                    name = names.name(byName);
                    facetNames.put(f, name);
                } else {
                    List<String> parts = new ArrayList<>();
                    for (Map.Entry<Face, String> e : facetNames.entrySet()) {
                        if (e.getKey().vertexIndices().containsAll(f.vertexIndices())) parts.add(e.getValue() == null ? "?" : e.getValue());
                    }
                    name = parts.stream().allMatch("?"::equals) ? null : String.join(" ∩ ", parts);
                }
                IntVector clock = Regime.clockOf(f);
                String timescale = timescale(clock, period);
                LeadingScale loss = scale(atStart.pieces(f), pareto.get(0), IntVector.zero(space.dimension()), null);
                LeadingScale change = oneStep == null ? LeadingScale.UNKNOWN : scale(oneStep.pieces(f), pareto.get(period), clock, clock);
                out.add(new Regime(f, f.vertices().stream().map(space::ratio).toList(), relations, timescale, clock,
                        loss, change, name, dim == p.dimension() - 1 ? names.statement(name) : ""));
            }
        }
        return out;
    }

    /** $T$ with $T^{-1}$ = the growth of one order: the clock vertex, or its {@code period}-th root. */
    private String timescale(IntVector clock, int period) {
        return clock.isZero() ? "1" : space.rootRatio(clock.negate(), period);
    }

    /** Edge directions of P, one per ratio up to sign (primitive), oriented as the model names them. */
    private List<IntVector> ratios(Polytope p) {
        List<IntVector> out = new ArrayList<>();
        for (Face e : p.faces(1)) {
            IntVector r = integral(e.vertices().get(1).minus(e.vertices().get(0)).primitive());
            if (out.contains(r) || out.contains(r.negate())) continue;
            IntVector named = null;
            for (Monomial m : namedRatios.values()) {
                IntVector v = space.vector(m);
                if (v.equals(r) || v.equals(r.negate())) named = v;
            }
            if (named == null) named = firstNonZero(r) < 0 ? r.negate() : r;
            out.add(named);
        }
        // named ratios first, in the model's order
        List<IntVector> sorted = new ArrayList<>();
        for (Monomial m : namedRatios.values()) if (out.contains(space.vector(m))) sorted.add(space.vector(m));
        for (IntVector r : out) if (!sorted.contains(r)) sorted.add(r);
        return sorted;
    }

    /** The least multiple of a primitive {@code r} whose exponents are integers (so ratios read d/n^2, not d^(1/2)/n). */
    private IntVector integral(IntVector r) {
        long content = 0;
        for (long x : r.coordinates()) content = gcd(content, Math.abs(x));
        long q = space.root();
        return r.times(q / gcd(q, content));
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private String nameOf(IntVector r) {
        for (Map.Entry<String, Monomial> e : namedRatios.entrySet()) if (space.vector(e.getValue()).equals(r)) return e.getKey();
        return null;
    }

    private static long firstNonZero(IntVector r) {
        for (long x : r.coordinates()) if (x != 0) return x;
        return 0;
    }


    static Behaviour behaviour(Face f, IntVector r) {
        boolean pos = false;
        boolean neg = false;
        for (IntVector g : f.facetNormals()) {
            long v = g.dot(r);
            if (v > 0) pos = true;
            if (v < 0) neg = true;
        }
        if (pos && neg) return Behaviour.EITHER;
        return pos ? Behaviour.TO_INFINITY : neg ? Behaviour.TO_ZERO : Behaviour.FIXED;
    }

    /**
     * The leading part of one order's Pareto terms on each piece of a face's normal cone, divided by
     * {@code shift} (the order's power of $T^{-1}$), written as the simplest monomial with the same
     * growth on the piece: a size ($d$), a size times a power of the clock ($d(\sigma^2 d)^2$, when
     * {@code clock} is given), else the shortest of the terms themselves.
     */
    private LeadingScale scale(List<FanRefinement.Piece> pieces, ParetoTerms terms, IntVector shift, IntVector clock) {
        List<LeadingScale.Piece> out = new ArrayList<>();
        for (FanRefinement.Piece piece : pieces) {
            IntVector u = piece.direction();
            long top = piece.leading().vertices().stream().mapToLong(u::dot).max().orElseThrow();
            Polynomial lead = Polynomial.ZERO;
            List<IntVector> exponents = new ArrayList<>();
            for (LeadingTerm t : terms.terms()) {
                if (u.dot(t.exponent()) != top) continue;
                lead = lead.add(t.terms());
                exponents.add(t.exponent().minus(shift));
            }
            exponents.sort(Comparator.comparingLong(IntVector::l1).thenComparing(Comparator.naturalOrder()));
            IntVector x = exponents.get(0);
            IntVector chosen = null;
            String text = null;
            for (int i : sizeCoordinates) {
                long[] e = new long[space.dimension()];
                e[i] = 1;
                IntVector size = IntVector.of(e);
                for (int k = 0; k <= (clock == null || clock.isZero() ? 0 : 8) && chosen == null; k++) {
                    IntVector candidate = k == 0 ? size : size.plus(clock.times(k));
                    if (piece.equivalent(candidate, x)) {
                        chosen = candidate;
                        String name = space.symbols().get(i);
                        String c = k == 0 ? "" : space.ratio(clock);
                        text = k == 0 ? name : name + "*" + (c.matches("\\w+") ? c : "(" + c + ")") + (k > 1 ? "^" + k : "");
                    }
                }
                if (chosen != null) break;
            }
            if (chosen == null) {
                chosen = x;
                text = space.ratio(x);
            }
            out.add(new LeadingScale.Piece(chosen, text, lead));
        }
        return new LeadingScale(out);
    }
}
