package org.prism.regime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.prism.algebra.LinearSystem;
import org.prism.algebra.Monomial;
import org.prism.algebra.Point;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.geometry.Face;
import org.prism.geometry.IntVector;

/**
 * The face series of one loss of any model on one face $F$ of the per-order polytope: the Taylor
 * coefficients of its limit curve. Along a scaling $u$ in the relative interior of $F$'s admissible
 * normal cone (every symbol $x_i = N^{u_i} x_{0,i}$), with $T = N^{-h_P(u)/k}$ ($k$ the period) and a
 * scale $\Lambda$ (a monomial),
 * $$ c_s(x(N))\, T^s / \Lambda = f_s + o(1), \qquad f_s = \sum_{x \in c_s,\ \text{on the level}} c_x \prod_i p_i^{a_i},
 * \quad x - \Lambda - \tfrac{s}{k}\,\text{clock} = \sum_i a_i r_i, $$
 * where the clock is a vertex of $F$, $r_i$ the exponent vectors of ratios constant along $u$ given
 * with their values $p_i$, and the level is the growth of $\Lambda T^{-s}$. So the limit curve in
 * $\tau = t/T$ is $\ell(\tau) = \sum_s f_s \tau^s/s!$.
 *
 * <p>$\Lambda$ is the size of the loss's change: the leading part of $c_k T^k$ (a term of it divided by
 * the clock). When it grows like the loss itself ($c_0$ has terms on its level), the curve is $E L/\Lambda$;
 * when the change is smaller than the loss (the constant $d/2$ in the narrow-latent regime, the population
 * loss in the small-data one), the curve is $(E L - E L(0))/\Lambda$ and $f_0 = 0$. Levels are compared
 * lexicographically, first along the relation positive on every size when the model has one (tree
 * diagrams before loops), then along $u$: the limit with every size growing. The bound of
 * {@link FamilyPolytope} guarantees no term lies above the level; one that does is reported.
 */
public final class FaceLimitSeries {
    /** Exponents by l1 norm, ties broken by the natural order: "the simplest" wherever a choice is made. */
    private static final Comparator<IntVector> SIMPLEST_FIRST = Comparator.comparingLong(IntVector::l1).thenComparing(Comparator.naturalOrder());

    private final String loss;
    private final IntVector direction;
    private final IntVector scale;
    private final IntVector clock;
    private final boolean relative;
    private final List<String> parameters;
    private final List<Polynomial> series;

    private FaceLimitSeries(String loss, IntVector direction, IntVector scale, IntVector clock, boolean relative, List<String> parameters,
            List<Polynomial> series) {
        this.loss = loss;
        this.direction = direction;
        this.scale = scale;
        this.clock = clock;
        this.relative = relative;
        this.parameters = List.copyOf(parameters);
        this.series = List.copyOf(series);
    }

    /**
     * The face series of {@code loss} (coefficients {@code cs}, $c_0..c_S$) along {@code direction} on the face the
     * direction selects in {@code prism}'s polytope, in the ratios {@code ratios} (name to exponent vector).
     *
     * @throws IllegalArgumentException when the ratios given do not express every surviving term (the message
     *     names a basis that does), or a ratio given is not constant along the direction
     */
    public static FaceLimitSeries of(DerivedPrism prism, IntVector direction, String loss, List<Polynomial> cs, Map<String, IntVector> ratios) {
        ExponentSpace space = prism.space();
        IntVector lineality = prism.admissible().lineality();
        int k = prism.period();
        Face face = prism.perOrder().faceMaximising(direction);
        IntVector clock = Regime.clockOf(face);
        for (Map.Entry<String, IntVector> r : ratios.entrySet()) {
            if (direction.dot(r.getValue()) != 0 || (lineality != null && lineality.dot(r.getValue()) != 0)) {
                throw new IllegalArgumentException("'" + r.getKey() + "' is not fixed along this face's scaling: it grows like N^"
                        + direction.dot(r.getValue()) + "; the face keeps fixed only ratios of its own families");
            }
        }
        if (cs.size() <= k) throw new IllegalArgumentException("the face series needs c_0..c_" + k + " at least");
        // the change scale: a term of c_k on its level, divided by the clock; the loss scale: c_0's level
        IntVector lambda = simplestLeading(cs.get(k), lineality, direction, prism).minus(clock);
        IntVector start = simplestLeading(cs.get(0), lineality, direction, prism);
        int cmp = key(start, lineality, direction).compareTo(key(lambda, lineality, direction));
        if (cmp < 0) {
            throw new IllegalStateException("c_" + k + " T^" + k + " outgrows c_0 along " + direction + ": the bound of the per-order polytope fails");
        }
        boolean relative = cmp == 0;
        // when the loss grows like its change, the scale is a term of c_0 itself (the loss scale, never a monomial c_0 lacks)
        if (relative) lambda = start;
        List<String> names = new ArrayList<>(ratios.keySet());
        // every ratio in units of 1/k of an exponent: a root ratio "(MONOMIAL)^(1/k)" is MONOMIAL itself there
        List<IntVector> basis = new ArrayList<>();
        for (String name : names) {
            int root = ExponentSpace.rootOrder(name);
            if (k % root != 0) throw new IllegalArgumentException("'" + name + "': a root of order " + root + " fits a polytope of period " + k + " only if it divides it");
            basis.add(ratios.get(name).times(k / root));
        }
        lambda = simplest(lambda, basis, clock, k, prism.sizeCoordinates(), space);
        List<Polynomial> series = new ArrayList<>();
        List<IntVector> missing = new ArrayList<>();
        for (int s = 0; s < cs.size(); s++) {
            if (s == 0 && !relative) {
                series.add(Polynomial.of(Map.of()));
                continue;
            }
            Map<Monomial, Rational> f = new HashMap<>();
            for (Map.Entry<Monomial, Rational> t : cs.get(s).terms().entrySet()) {
                IntVector x = prism.vector(t.getKey());
                // k (x - lambda) - s clock, scaled by k so that odd orders of a period-2 polytope stay integral
                IntVector offset = x.minus(lambda).times(k).minus(clock.times(s));
                long ell = lineality == null ? 0 : lineality.dot(offset);
                long along = direction.dot(offset);
                if (ell > 0 || (ell == 0 && along > 0)) {
                    if (k > 1) {
                        // one order of a period-k polytope may step further than 1/k of P: then no single time scale fits
                        throw new IllegalArgumentException("c_" + s + " of the " + loss + " loss grows faster along this face than " + s + "/" + k
                                + " of its step of " + k + " orders (term " + t.getKey() + "): one order alone steps unevenly, so the limit is no"
                                + " single curve in tau = t/T");
                    }
                    throw new IllegalStateException("term " + t.getKey() + " of c_" + s + " of the " + loss + " loss lies above the face's level");
                }
                if (ell < 0 || along < 0) continue;
                Rational[] a = basis.isEmpty() ? (offset.isZero() ? new Rational[0] : null) : solve(basis, offset);
                if (a == null || !allIntegers(a)) {
                    missing.add(offset);
                    continue;
                }
                Map<String, Integer> e = new LinkedHashMap<>();
                for (int i = 0; i < a.length; i++) if (!a[i].isZero()) e.put(symbol(i), a[i].numerator().intValueExact());
                // a covariance's moments stay in the series as parameters of their own (O(1) constants on the face)
                f.merge(Monomial.of(e).multiply(prism.growth().momentPart(t.getKey())), t.getValue(), Rational::add);
            }
            series.add(Polynomial.of(f));
        }
        if (!missing.isEmpty()) {
            List<IntVector> fixed = new ArrayList<>();
            for (Regime r : prism.regimes()) {
                if (!r.face().vertices().equals(face.vertices())) continue;
                for (ScalingRelation rel : r.relations()) if (rel.behaviour() == ScalingRelation.Behaviour.FIXED) fixed.add(rel.exponent());
            }
            List<IntVector> need = needed(missing, fixed.stream().map(v -> v.times(k)).toList(), basis);
            List<String> needNames = new ArrayList<>();
            List<IntVector> needVectors = new ArrayList<>();
            for (IntVector v : need) {
                boolean whole = v.content() % k == 0 || v.isZero();
                needVectors.add(whole ? v.primitive().times(v.content() / k) : v);
                needNames.add(space.rootRatio(v, k));
            }
            throw new MissingRatios(loss, needNames, needVectors);
        }
        return new FaceLimitSeries(loss, direction, lambda, clock, relative, names, series);
    }

    /**
     * The simplest monomial equal to {@code lambda} up to the fixed ratios: a size ({@code m} rather than
     * {@code sigma^2*d*m} when {@code sigma^2*d} is given), a size times a power of the clock ({@code d*(sigma^2*d)^2}),
     * else {@code lambda} itself.
     */
    private static IntVector simplest(IntVector lambda, List<IntVector> basis, IntVector clock, int k, int[] sizes, ExponentSpace space) {
        for (int c = 0; c <= (clock.isZero() ? 0 : 8); c++) {
            for (int i : sizes) {
                long[] e = new long[space.dimension()];
                e[i] = 1;
                IntVector candidate = IntVector.of(e).plus(clock.times(c));
                IntVector diff = lambda.minus(candidate);
                Rational[] a = diff.isZero() ? new Rational[0] : basis.isEmpty() ? null : solve(basis, diff.times(k));
                if (a != null && allIntegers(a)) return candidate;
            }
        }
        return lambda;
    }

    /** The polynomials' symbol for the i-th parameter (a ratio's text such as d/n is no symbol name). */
    private static String symbol(int i) {
        return "r" + i;
    }

    /** A lexicographic level: along the positive relation first (0 without one), then along the scaling. */
    record Key(long relation, long along) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return relation != o.relation ? Long.compare(relation, o.relation) : Long.compare(along, o.along);
        }
    }

    static Key key(IntVector x, IntVector lineality, IntVector direction) {
        return new Key(lineality == null ? 0 : lineality.dot(x), direction.dot(x));
    }

    /** The simplest exponent of a term of {@code p} on its top level. */
    private static IntVector simplestLeading(Polynomial p, IntVector lineality, IntVector direction, DerivedPrism prism) {
        List<IntVector> exponents = p.terms().keySet().stream().map(prism::vector).toList();
        Key top = exponents.stream().map(x -> key(x, lineality, direction)).max(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalArgumentException("a coefficient is 0: no level to read a face series from"));
        return exponents.stream().filter(x -> key(x, lineality, direction).equals(top)).min(SIMPLEST_FIRST).orElseThrow();
    }

    /** The coefficients of {@code offset} in the basis (integer-valued when it is an integer combination); null when it is no combination. */
    private static Rational[] solve(List<IntVector> basis, IntVector offset) {
        Rational[][] m = new Rational[offset.dimension()][basis.size() + 1];
        for (int r = 0; r < offset.dimension(); r++) {
            for (int j = 0; j < basis.size(); j++) m[r][j] = Rational.of(basis.get(j).get(r));
            m[r][basis.size()] = Rational.of(offset.get(r));
        }
        return LinearSystem.solveUnique(m);
    }

    private static boolean allIntegers(Rational[] a) {
        for (Rational x : a) if (!x.isInteger()) return false;
        return true;
    }

    /** The ratios a face series needs values for (a basis), when they were not all given. */
    public static final class MissingRatios extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient List<IntVector> ratios;
        private final List<String> names;

        MissingRatios(String loss, List<String> names, List<IntVector> ratios) {
            super("the face series of the " + loss + " loss needs the values of a basis of its fixed ratios, such as " + String.join(", ", names)
                    + " (give each as -p RATIO=VALUE, replacing any given)");
            this.names = List.copyOf(names);
            this.ratios = List.copyOf(ratios);
        }

        /** The ratios, written as {@code regimes} writes them (each parses back with {@link ExponentSpace#parseRatio}). */
        public List<String> names() {
            return names;
        }

        public List<IntVector> ratios() {
            return ratios;
        }
    }

    /**
     * A basis of what the offsets span (in units of 1/k of an exponent): the face's fixed ratios (as {@code regimes}
     * prints them, scaled by k) where they serve, else the offsets themselves (shortest first).
     */
    private static List<IntVector> needed(List<IntVector> offsets, List<IntVector> fixed, List<IntVector> given) {
        List<IntVector> all = new ArrayList<>(given);
        all.addAll(offsets);
        List<IntVector> lattice = latticeBasis(all);
        // the face's own fixed ratios when some of them are a basis of exactly this lattice, else the lattice's own basis
        List<IntVector> candidates = new ArrayList<>(fixed);
        candidates.sort(SIMPLEST_FIRST);
        List<IntVector> chosen = new ArrayList<>();
        for (IntVector c : candidates) {
            if (chosen.size() == lattice.size()) break;
            if (!integral(lattice, c) || (!chosen.isEmpty() && solve(chosen, c) != null)) continue;
            chosen.add(c);
        }
        if (chosen.size() == lattice.size() && lattice.stream().allMatch(v -> integral(chosen, v))) return chosen;
        lattice.sort(SIMPLEST_FIRST);
        return lattice;
    }

    /** Whether v is an integer combination of the (independent) basis. */
    private static boolean integral(List<IntVector> basis, IntVector v) {
        if (v.isZero()) return true;
        if (basis.isEmpty()) return false;
        Rational[] a = solve(basis, v);
        return a != null && allIntegers(a);
    }

    /**
     * A basis of the lattice the vectors generate (integer row reduction: Euclid on each column, the Hermite normal
     * form up to signs), so every vector is an integer combination of it.
     */
    static List<IntVector> latticeBasis(List<IntVector> vectors) {
        List<long[]> rows = new ArrayList<>();
        for (IntVector v : vectors) if (!v.isZero()) rows.add(v.coordinates().clone());
        if (rows.isEmpty()) return new ArrayList<>();
        int dim = rows.get(0).length;
        List<long[]> basis = new ArrayList<>();
        for (int col = 0; col < dim && !rows.isEmpty(); col++) {
            // Euclid down the column until one row holds its gcd and the others 0 there
            while (true) {
                int pivot = -1;
                for (int r = 0; r < rows.size(); r++) {
                    if (rows.get(r)[col] != 0 && (pivot < 0 || Math.abs(rows.get(r)[col]) < Math.abs(rows.get(pivot)[col]))) pivot = r;
                }
                if (pivot < 0) break;
                boolean done = true;
                for (int r = 0; r < rows.size(); r++) {
                    if (r == pivot || rows.get(r)[col] == 0) continue;
                    long q = rows.get(r)[col] / rows.get(pivot)[col];
                    for (int j = 0; j < dim; j++) rows.get(r)[j] = Math.subtractExact(rows.get(r)[j], Math.multiplyExact(q, rows.get(pivot)[j]));
                    if (rows.get(r)[col] != 0) done = false;
                }
                if (done) {
                    basis.add(rows.remove(pivot));
                    break;
                }
            }
            rows.removeIf(r -> Arrays.stream(r).allMatch(x -> x == 0));
        }
        List<IntVector> out = new ArrayList<>();
        for (long[] b : basis) out.add(IntVector.of(b));
        return out;
    }


    public String loss() {
        return loss;
    }

    public IntVector direction() {
        return direction;
    }

    /** $\Lambda$, the monomial the curve is measured in. */
    public IntVector scale() {
        return scale;
    }

    /** True when the curve is $E L/\Lambda$; false when it is the change $(E L - E L(0))/\Lambda$. */
    public boolean relative() {
        return relative;
    }

    public List<String> parameters() {
        return parameters;
    }

    /** The moments of a covariance the series carries as parameters of their own ({@code C_1, ..}), in name order. */
    public List<String> moments() {
        TreeSet<String> out = new TreeSet<>();
        for (Polynomial f : series) for (Monomial m : f.terms().keySet()) for (String x : m.exponents().keySet()) if (!x.matches("r\\d+")) out.add(x);
        return List.copyOf(out);
    }

    /** $f_0..f_S$ as polynomials in the parameters, the i-th named {@code r<i>}. */
    public List<Polynomial> series() {
        return series;
    }

    /**
     * The series' content as text (loss, parameters, moments and every coefficient polynomial): equal texts give equal
     * values {@link #at} every point.
     */
    public String identity() {
        return loss + "|" + parameters + "|" + moments() + "|" + series;
    }

    /** $f_0..f_S$ at the given parameter values (every parameter needed). */
    public List<Rational> at(Map<String, Rational> values) {
        Map<String, Rational> bySymbol = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            Rational v = values.get(parameters.get(i));
            if (v == null) throw new IllegalArgumentException("no value for " + parameters.get(i));
            bySymbol.put(symbol(i), v);
        }
        for (String m : moments()) {
            Rational v = values.get(m);
            if (v == null) throw new IllegalArgumentException("the " + loss + " face series carries the moment " + m + ": give it a value (-p " + m + "=...)");
            bySymbol.put(m, v);
        }
        Point p = new Point(bySymbol);
        List<Rational> out = new ArrayList<>();
        for (Polynomial f : series) out.add(p.evaluate(f));
        return out;
    }

    /** E.g. {@code E L_train / (k*d)}, {@code (E L_pop - E L_pop(0)) / n}, {@code E L / (d*(sigma^2*d)^2)}. */
    public String normalisation(ExponentSpace space) {
        String l = space.ratio(scale);
        if (!clock.isZero() && !l.matches("\\w+")) {
            for (int c = 1; c <= 8; c++) {
                IntVector size = scale.minus(clock.times(c));
                if (size.content() == 1 && Arrays.stream(size.coordinates()).filter(x -> x != 0).count() == 1
                        && Arrays.stream(size.coordinates()).sum() == 1) {
                    String ck = space.ratio(clock);
                    l = space.ratio(size) + "*" + (ck.matches("\\w+") ? ck : "(" + ck + ")") + (c > 1 ? "^" + c : "");
                }
            }
        }
        String unit = l.contains("*") || l.contains("/") ? "(" + l + ")" : l;
        return relative ? "E L_" + loss + " / " + unit : "(E L_" + loss + " - E L_" + loss + "(0)) / " + unit;
    }
}
