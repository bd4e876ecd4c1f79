package org.prism.regime;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.diagram.ModelEngine;
import org.prism.geometry.Face;
import org.prism.geometry.IntVector;

/**
 * The regime polytope $P$ of a model with a covariance along the power-law family of spectra
 * $\lambda_i \propto i^{-\alpha}$ ({@link MomentGrowth#powerLaw}): the values of $\alpha$ at which $P$ changes and
 * $P$ on each interval between them.
 *
 * <p>The growth exponents $g_k(\alpha)$ are piecewise linear with breaks at $\alpha = 1/k$, so between breaks every
 * exponent vector moves linearly in $\alpha$ and $P$ keeps its combinatorial type except where points cross. The scan
 * derives $P$ at the breaks, at points between them and beyond 1, compares their {@link Signature}s, and refines every
 * pair of neighbours that differ, at the simplest fraction between them, down to {@code resolution}. A change at a
 * simple fraction is therefore hit exactly: $P$ there is a third type, neither side's, and the change is reported as
 * exact. Each derivation reuses the
 * same coefficients, so a scan costs its number of derivations times one derivation (milliseconds to a second).
 */
public final class AlphaScan {
    /** How $P$ is compared: its face lattice with every vertex named by its exponents outside the covariance's size (those do not move with $\alpha$). */
    public record Signature(List<List<Rational>> vertices, Set<List<Integer>> facets, List<Integer> fVector, boolean settled) {}

    /**
     * $P$ as derived at every sample from {@code from} to {@code to} (the first piece from 0: below $1/K$ every growth
     * exponent is 0; the last, {@code to} null, on to infinity: above 1 they are $k - 1$), shown as derived at {@code at}.
     */
    public record Piece(Rational from, Rational to, Rational at, DerivedPrism prism) {}

    /**
     * A change of $P$: in the bracket ({@code below}, {@code above}), exactly at {@code exact} when that was found (one
     * sample of a third type between the two sides); {@code between} lists the samples in the bracket, each of a type
     * seen only there (several: the change is a cluster the resolution does not separate).
     */
    public record Change(Rational below, Rational above, Rational exact, List<Rational> between) {}

    /**
     * The pieces in order, the changes between them, the breaks $1/k$ of the growth exponents, every sample, and the
     * points inside a piece where $P$ alone is of another type (the same $P$ on both sides).
     */
    public record Result(List<Piece> pieces, List<Change> changes, List<Rational> breaks, List<Sample> samples, List<Rational> degenerate) {}

    /** $P$ derived at one $\alpha$. */
    public record Sample(Rational alpha, DerivedPrism prism, Signature signature) {}

    private final Function<Rational, DerivedPrism> derive;
    private final String size;
    private final Rational resolution;
    private int derivations;

    /**
     * @param derive $P$ at one $\alpha$ (the coefficients computed once, outside)
     * @param size the covariance's size symbol, whose exponent moves with $\alpha$
     * @param resolution the width at which refinement stops
     */
    public AlphaScan(Function<Rational, DerivedPrism> derive, String size, Rational resolution) {
        this.derive = derive;
        this.size = size;
        this.resolution = resolution;
    }

    /**
     * The scan of a model's loss from its coefficients $c_0..c_S$ and their pairing counts (computed once by the
     * caller), every $P$ derived as {@link PrismDerivation} does with the power-law growth of the moments.
     */
    public static AlphaScan of(ModelEngine engine, FaceNames names, String loss, List<Polynomial> coefficients, List<Polynomial> pairingCounts,
            Rational resolution) {
        if (engine.moments().isEmpty()) throw new IllegalArgumentException("model " + engine.name() + " has no covariance: there is no spectrum to scan");
        String size = engine.momentSize();
        return new AlphaScan(alpha -> new PrismDerivation(engine, names, MomentGrowth.powerLaw(size, engine.moments(), alpha))
                .derive(loss, coefficients, pairingCounts), size, resolution);
    }

    /** A finished scan and the number of derivations it took. */
    public record Outcome(Result result, int derivations) {}

    /**
     * Computes $c_0..c_S$ of {@code loss} and their pairing counts once (exactly; {@code orderDone}, may be null,
     * hears each order) and scans them down to {@code resolution}.
     */
    public static Outcome run(ModelEngine engine, FaceNames names, String loss, int order, Rational resolution, IntConsumer orderDone) {
        List<Polynomial> cs = new ArrayList<>();
        List<Polynomial> counts = new ArrayList<>();
        for (int s = 0; s <= order; s++) {
            cs.add(engine.exact(loss).coefficient(s));
            counts.add(engine.exact(loss).pairingCounts(s));
            if (orderDone != null) orderDone.accept(s);
        }
        AlphaScan scan = of(engine, names, loss, cs, counts, resolution);
        Result r = scan.scan(highestMoment(cs, engine.moments()));
        return new Outcome(r, scan.derivations());
    }

    /** The highest $k$ with $C_k$ in one of {@code coefficients} (moments named as {@code moments}, in order): the scan's K. */
    public static int highestMoment(List<Polynomial> coefficients, List<String> moments) {
        int k = 1;
        for (Polynomial c : coefficients) {
            for (Monomial m : c.terms().keySet()) {
                for (int j = 0; j < moments.size(); j++) if (m.exponent(moments.get(j)) != 0) k = Math.max(k, j + 1);
            }
        }
        return k;
    }

    /** Number of derivations so far. */
    public int derivations() {
        return derivations;
    }

    /** Scans $\alpha > 0$ for a covariance whose coefficients carry the moments $C_1..C_K$. */
    public Result scan(int moments) {
        List<Rational> degenerate = new ArrayList<>();
        List<Rational> breaks = MomentGrowth.breakpoints(moments);
        TreeMap<Rational, Sample> samples = new TreeMap<>();
        add(samples, breaks.get(0).multiply(Rational.of(1, 2)));
        for (int i = 0; i < breaks.size(); i++) {
            Rational a = breaks.get(i);
            Rational b = i + 1 < breaks.size() ? breaks.get(i + 1) : Rational.of(2);
            add(samples, a);
            for (int j = 1; j <= 3; j++) add(samples, a.add(b.subtract(a).multiply(Rational.of(j, 4))));
        }
        add(samples, Rational.of(2));
        add(samples, Rational.of(4));
        // refine every neighbouring pair that differs, at the simplest fraction between them, down to the resolution
        boolean refined = true;
        while (refined) {
            refined = false;
            List<Rational> keys = new ArrayList<>(samples.keySet());
            for (int i = 0; i + 1 < keys.size(); i++) {
                Rational a = keys.get(i);
                Rational b = keys.get(i + 1);
                if (samples.get(a).signature().equals(samples.get(b).signature()) || b.subtract(a).compareTo(resolution) <= 0) continue;
                add(samples, simplestBetween(a, b));
                refined = true;
            }
        }
        // runs of equal signatures; a run of one sample whose neighbours are within the resolution on both sides is a
        // point where P is of another type (the exact place of a change, or a degenerate point inside a piece)
        List<Sample> all = new ArrayList<>(samples.values());
        List<List<Sample>> runs = new ArrayList<>();
        for (Sample x : all) {
            if (runs.isEmpty() || !runs.get(runs.size() - 1).get(0).signature().equals(x.signature())) runs.add(new ArrayList<>());
            runs.get(runs.size() - 1).add(x);
        }
        List<List<Sample>> kept = new ArrayList<>();
        List<List<Rational>> pointsBefore = new ArrayList<>(); // per kept run: the isolated points just before it
        List<Rational> pending = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            List<Sample> run = runs.get(r);
            boolean isolated = r > 0 && r + 1 < runs.size() && run.size() == 1
                    && run.get(0).alpha().subtract(last(runs.get(r - 1)).alpha()).compareTo(resolution) <= 0
                    && runs.get(r + 1).get(0).alpha().subtract(run.get(0).alpha()).compareTo(resolution) <= 0;
            if (isolated) {
                pending.add(run.get(0).alpha());
            } else if (!kept.isEmpty() && last(kept).get(0).signature().equals(run.get(0).signature())) {
                last(kept).addAll(run); // the same P on both sides of an isolated point: one piece
                degenerate.addAll(pending);
                pending.clear();
            } else {
                kept.add(new ArrayList<>(run));
                pointsBefore.add(List.copyOf(pending));
                pending.clear();
            }
        }
        List<Piece> pieces = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (int r = 0; r < kept.size(); r++) {
            List<Sample> run = kept.get(r);
            if (r > 0) {
                List<Rational> between = pointsBefore.get(r);
                changes.add(new Change(last(kept.get(r - 1)).alpha(), run.get(0).alpha(), between.size() == 1 ? between.get(0) : null, between));
            }
            Sample shown = run.get(run.size() / 2);
            pieces.add(new Piece(r == 0 ? Rational.ZERO : run.get(0).alpha(), r + 1 < kept.size() ? last(run).alpha() : null, shown.alpha(), shown.prism()));
        }
        return new Result(pieces, changes, breaks, all, List.copyOf(degenerate));
    }


    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    private void add(TreeMap<Rational, Sample> samples, Rational alpha) {
        if (samples.containsKey(alpha)) return;
        DerivedPrism d = at(alpha);
        samples.put(alpha, new Sample(alpha, d, signature(d)));
    }

    /** The fraction with the least denominator in the open interval (a, b) (Stern-Brocot). */
    static Rational simplestBetween(Rational a, Rational b) {
        for (long q = 1; q <= 1 << 20; q++) {
            // least p with p/q > a
            BigInteger p = a.numerator().multiply(BigInteger.valueOf(q)).divide(a.denominator()).add(BigInteger.ONE);
            Rational c = Rational.of(p, BigInteger.valueOf(q));
            if (c.compareTo(b) < 0) return c;
        }
        return a.add(b).multiply(Rational.of(1, 2));
    }

    private DerivedPrism at(Rational alpha) {
        derivations++;
        return derive.apply(alpha);
    }

    /** The signature of a derived $P$. */
    public Signature signature(DerivedPrism d) {
        ExponentSpace space = d.space();
        int skip = space.symbols().indexOf(size);
        List<IntVector> vs = d.perOrder().vertices();
        List<List<Rational>> labels = new ArrayList<>();
        for (IntVector v : vs) labels.add(label(space, v, skip));
        List<List<Rational>> sorted = new ArrayList<>(labels);
        sorted.sort(AlphaScan::compare);
        Set<List<Integer>> facets = new HashSet<>();
        for (Face f : d.perOrder().facets()) {
            TreeSet<Integer> ids = new TreeSet<>();
            for (IntVector v : f.vertices()) ids.add(sorted.indexOf(label(space, v, skip)));
            facets.add(List.copyOf(ids));
        }
        List<Integer> f = new ArrayList<>();
        for (int x : d.perOrder().fVector()) f.add(x);
        return new Signature(sorted, facets, f, d.settled());
    }

    private static List<Rational> label(ExponentSpace space, IntVector v, int skip) {
        List<Rational> l = new ArrayList<>();
        for (int i = 0; i < space.dimension(); i++) if (i != skip) l.add(space.exponent(v, i));
        return l;
    }

    private static int compare(List<Rational> x, List<Rational> y) {
        for (int i = 0; i < x.size(); i++) {
            int c = x.get(i).compareTo(y.get(i));
            if (c != 0) return c;
        }
        return 0;
    }
}
