package org.prism.regime.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.diagram.ModelEngine;
import org.prism.geometry.IntVector;
import org.prism.model.TensorModel;
import org.prism.regime.DerivedPrism;
import org.prism.regime.FaceLimit;
import org.prism.regime.Regime;
import org.prism.simulation.DivergenceException;

/**
 * Cross-check B over every regime of one model: each facet of its polytope, its ratios all at {@link #RATIO}, its
 * limit from the face series of every tracked loss to {@code order} (exact, or {@code leading}; coefficients
 * computed once for all faces) against the
 * simulation ({@link FaceComparer}). A face that cannot be compared (no scaling with growing sizes, a run that
 * diverges at every step size) is recorded as inconclusive with why.
 */
public final class FaceSweep {
    /** The value every fixed ratio of a face takes in the sweep. */
    public static final Rational RATIO = Rational.of(1, 2);

    /** One face's outcome: its comparison, or why there is none. */
    public record Outcome(String face, List<String> families, FaceLimit limit, FaceComparison comparison, String skipped) {}

    private FaceSweep() {}

    public static List<Outcome> run(String name, TensorModel model, ModelEngine engine, DerivedPrism d, List<String> losses, Map<String, Monomial> ratios,
            int order, boolean leading, FaceComparer.Options options, FaceComparer comparer, long seed, LongConsumer steps) throws InterruptedException {
        return run(name, model, engine, d, losses, ratios, Map.of(), order, leading, options, comparer, seed, steps);
    }

    /** The same for a model with a covariance: every face's limit at these moments (those of the law the comparer's runs draw from). */
    public static List<Outcome> run(String name, TensorModel model, ModelEngine engine, DerivedPrism d, List<String> losses, Map<String, Monomial> ratios,
            Map<String, Rational> moments, int order, boolean leading, FaceComparer.Options options, FaceComparer comparer, long seed, LongConsumer steps)
            throws InterruptedException {
        return run(name, model, engine, d, losses, ratios, moments, order, leading, options, comparer, seed, steps, label -> true);
    }

    /** The same for the faces whose label {@code wanted} accepts. */
    public static List<Outcome> run(String name, TensorModel model, ModelEngine engine, DerivedPrism d, List<String> losses, Map<String, Monomial> ratios,
            Map<String, Rational> moments, int order, boolean leading, FaceComparer.Options options, FaceComparer comparer, long seed, LongConsumer steps,
            Predicate<String> wanted) throws InterruptedException {
        Map<String, List<Polynomial>> cache = new LinkedHashMap<>();
        List<Outcome> out = new ArrayList<>();
        for (Regime r : d.regimes(d.perOrder().dimension() - 1)) {
            String label = d.label(r);
            if (!wanted.test(label)) continue;
            IntVector u = d.simplestScaling(r.face()).or(() -> d.centre(r.face())).orElse(null);
            if (u == null) {
                out.add(new Outcome(label, r.families(), null, null, "it leads along no scaling with growing sizes"));
                continue;
            }
            try {
                Map<String, Rational> params = new LinkedHashMap<>();
                for (String ratio : FaceLimit.ratiosNeeded(engine, d, u, losses, order, leading, cache, moments)) params.put(ratio, RATIO);
                params.putAll(moments);
                FaceLimit limit = FaceLimit.of(engine, d, label, u, losses, params, ratios, order, leading, null, cache);
                FaceComparison c = comparer.run(name, model, engine.matrixModel().orElse(null), d, limit, options, seed, steps);
                out.add(new Outcome(label, r.families(), limit, c, null));
            } catch (DivergenceException e) {
                out.add(new Outcome(label, r.families(), null, null, "the simulation diverges: " + e.getMessage()));
            } catch (IllegalArgumentException | IllegalStateException e) {
                out.add(new Outcome(label, r.families(), null, null, e.getMessage()));
            }
        }
        return out;
    }
}
