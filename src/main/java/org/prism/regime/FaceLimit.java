package org.prism.regime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.algebra.Resummation;
import org.prism.diagram.ExpectedLoss;
import org.prism.diagram.ModelEngine;
import org.prism.geometry.Face;
import org.prism.geometry.IntVector;

/**
 * The limit curves of one face of any model: for each loss, its exact face series along a scaling in the
 * face's normal cone ({@link FaceLimitSeries}) at given values of the ratios the face keeps fixed, and the
 * curve they prove or their resummation ({@link Resummation}) in $\tau = t/T$.
 *
 * @param label the face's label ({@code free}, {@code F3}, {@code P} for the whole polytope)
 * @param face the face of $P$
 * @param direction the scaling along which the limit is taken
 * @param timeUnit e.g. {@code tau = (sigma^2*d) t}
 * @param params the ratio values, as given
 * @param ratios the exponent vector of each ratio named in {@code params}
 * @param series per loss, the exact face series
 * @param values per loss, $f_0..f_S$ at the parameter values
 */
public record FaceLimit(String label, Face face, IntVector direction, String timeUnit, Map<String, Rational> params,
        Map<String, IntVector> ratios, Map<String, FaceLimitSeries> series, Map<String, List<Rational>> values) {

    /**
     * Computes the face series of {@code losses} to order {@code order} (the exact engine, or the leading one:
     * the terms on a face's level are Pareto-maximal, so it suffices where it reaches further) and evaluates them.
     *
     * @param ratios names the parameters may use beside monomials such as {@code d/n} (the model's named ratios)
     * @param orderDone hears each coefficient computed (may be null)
     */
    public static FaceLimit of(ModelEngine engine, DerivedPrism prism, String label, IntVector direction, List<String> losses,
            Map<String, Rational> params, Map<String, Monomial> ratios, int order, boolean leading, IntConsumer orderDone) {
        return of(engine, prism, label, direction, losses, params, ratios, order, leading, orderDone, new LinkedHashMap<>());
    }

    /** The same, reusing (and filling) {@code cache}: per loss and engine, the coefficients computed so far. */
    public static FaceLimit of(ModelEngine engine, DerivedPrism prism, String label, IntVector direction, List<String> losses,
            Map<String, Rational> params, Map<String, Monomial> ratios, int order, boolean leading, IntConsumer orderDone,
            Map<String, List<Polynomial>> cache) {
        ExponentSpace space = prism.space();
        Map<String, IntVector> vectors = new LinkedHashMap<>();
        for (String name : params.keySet()) {
            if (engine.moments().contains(name)) continue; // a moment's value, not a ratio
            vectors.put(name, ratios.containsKey(name) ? space.vector(ratios.get(name)) : space.parseRatio(name));
        }
        Map<String, FaceLimitSeries> series = new LinkedHashMap<>();
        Map<String, List<Rational>> values = new LinkedHashMap<>();
        for (String loss : losses) {
            List<Polynomial> cs = new ArrayList<>();
            String key = loss + (leading ? "/leading" : "/exact");
            List<Polynomial> known = cache.getOrDefault(key, List.of());
            if (!leading && loss.equals(prism.loss()) && order <= prism.maxOrder()) {
                cs.addAll(prism.coefficients().subList(0, order + 1));
            } else if (known.size() > order) {
                cs.addAll(known.subList(0, order + 1));
            } else {
                ExpectedLoss e = leading ? engine.leading(loss) : engine.exact(loss);
                for (int s = 0; s <= order; s++) {
                    cs.add(s < known.size() ? known.get(s) : e.coefficient(s));
                    if (orderDone != null) orderDone.accept(s);
                }
                cache.put(key, List.copyOf(cs));
            }
            FaceLimitSeries f = FaceLimitSeries.of(prism, direction, loss, cs, vectors);
            series.put(loss, f);
            values.put(loss, f.at(params));
        }
        Face face = prism.perOrder().faceMaximising(direction);
        return new FaceLimit(label, face, direction, timeUnit(prism, face), Collections.unmodifiableMap(new LinkedHashMap<>(params)),
                Collections.unmodifiableMap(vectors), series, values);
    }

    /**
     * The same face series at other values of some of its ratios (the rest as here), without computing a coefficient
     * again.
     *
     * @throws IllegalArgumentException when {@code values} names a ratio this limit does not have
     */
    public FaceLimit with(Map<String, Rational> values) {
        if (!params.keySet().containsAll(values.keySet())) {
            throw new IllegalArgumentException("every point must give the ratios " + String.join(", ", params.keySet()) + ", got "
                    + String.join(", ", values.keySet()));
        }
        Map<String, Rational> at = new LinkedHashMap<>(params);
        at.putAll(values);
        Map<String, List<Rational>> v = new LinkedHashMap<>();
        series.forEach((loss, f) -> v.put(loss, f.at(at)));
        return new FaceLimit(label, face, direction, timeUnit, Collections.unmodifiableMap(at), ratios, series, v);
    }

    /**
     * The ratios the face series of {@code losses} need values for along {@code direction} (names as {@code regimes}
     * writes them), to order {@code order}; empty when none.
     */
    public static List<String> ratiosNeeded(ModelEngine engine, DerivedPrism prism, IntVector direction, List<String> losses, int order,
            boolean leading) {
        return ratiosNeeded(engine, prism, direction, losses, order, leading, new LinkedHashMap<>());
    }

    /** The same, reusing {@code cache} (see {@link #of}). */
    public static List<String> ratiosNeeded(ModelEngine engine, DerivedPrism prism, IntVector direction, List<String> losses, int order,
            boolean leading, Map<String, List<Polynomial>> cache) {
        return ratiosNeeded(engine, prism, direction, losses, order, leading, cache, Map.of());
    }

    /** The same for a model with a covariance, whose face series also need {@code moments} (values of C_1, ..). */
    public static List<String> ratiosNeeded(ModelEngine engine, DerivedPrism prism, IntVector direction, List<String> losses, int order,
            boolean leading, Map<String, List<Polynomial>> cache, Map<String, Rational> moments) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        Map<String, Rational> given = new LinkedHashMap<>(moments);
        for (int round = 0; round < 4; round++) {
            try {
                of(engine, prism, "", direction, losses, given, Map.of(), order, leading, null, cache);
                return List.copyOf(out);
            } catch (FaceLimitSeries.MissingRatios m) {
                // a basis of everything needed so far: it replaces the earlier one
                out.clear();
                given.clear();
                given.putAll(moments);
                for (String name : m.names()) {
                    out.add(name);
                    given.put(name, Rational.of(1, 2));
                }
            }
        }
        return List.copyOf(out);
    }

    /** {@code tau = t} at clock 1, {@code tau = (d/n) t}, or with period 2 {@code tau = (sigma^8*p^4)^(1/2) t}. */
    static String timeUnit(DerivedPrism prism, Face face) {
        IntVector clock = Regime.clockOf(face);
        if (clock.isZero()) return "tau = t";
        int k = prism.period();
        String root = prism.space().rootRatio(clock, k);
        boolean rooted = ExponentSpace.rootOrder(root) > 1;
        String c = rooted ? prism.space().ratio(clock) : root;
        String unit = c.matches("\\w+") ? c : "(" + c + ")"; // a single symbol takes its root unbracketed: d^(1/2)
        return "tau = " + unit + (rooted ? "^(1/" + k + ")" : "") + " t";
    }

    /** The clock: the face's vertex whose growth sets $T$ ($T^{-k}$ is its monomial, $k$ the period). */
    public IntVector clock() {
        return Regime.clockOf(face);
    }

    /** Each loss's curve at {@code taus}: its closed form when the series proves one, else its resummation. */
    public Map<String, Resummation.Curve> curves(double[] taus) {
        Map<String, Resummation.Curve> out = new LinkedHashMap<>();
        values.forEach((loss, f) -> out.put(loss, Resummation.of(f, taus)));
        return out;
    }
}
