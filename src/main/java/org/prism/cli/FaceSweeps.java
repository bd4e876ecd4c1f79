package org.prism.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import org.prism.algebra.Rational;
import org.prism.regime.DerivedPrism;
import org.prism.regime.compare.FaceComparer;
import org.prism.regime.compare.FaceSweep;
import org.prism.simulation.ModelSimulator;
import org.prism.simulation.Spectrum;

/**
 * The faces of one model against their simulations as {@code prism report} and {@code prism sweep} run them: ratios at
 * {@link FaceSweep#RATIO}, the face series to {@link #FACE_ORDER} by the leading-order engine where it reaches (else
 * the derivation's exact coefficients), a covariance's data drawn from {@link #COVARIANCE_LAW}.
 */
final class FaceSweeps {
    /** The face series' order in the sweep, where the leading-order engine reaches it. */
    static final int FACE_ORDER = 10;

    /** The spectrum the face sweep draws a covariance model's data from (a law with bounded moments). */
    static final String COVARIANCE_LAW = "levels:1/2,3/2";

    private FaceSweeps() {}

    /** The faces of {@code m} that {@code wanted} accepts (none when its polytope is not settled). */
    static List<FaceSweep.Outcome> run(ModelOption.LoadedModel m, DerivedPrism md, FaceComparer.Options options, ModelSimulator simulator, long seed,
            LongConsumer steps, Predicate<String> wanted) throws InterruptedException {
        if (!md.settled()) return List.of();
        boolean covariance = !m.engine().moments().isEmpty(); // its runs draw from a spectrum with bounded moments
        var comparer = covariance ? new FaceComparer(simulator, size -> Spectrum.parse(COVARIANCE_LAW, size)) : new FaceComparer(simulator);
        Map<String, Rational> moments = new LinkedHashMap<>();
        if (covariance) {
            List<Rational> law = Spectrum.limitMoments(COVARIANCE_LAW, m.engine().moments().size()).orElseThrow();
            for (int k = 0; k < law.size(); k++) moments.put(m.engine().moments().get(k), law.get(k));
        }
        // the face series to order 10 by the leading-order engine where it reaches (the terms on a face's level are tree diagrams)
        // a covariance's moments: the leading-order engine with moments ran out of the 8 GiB heap at order 9 here (measured),
        // so such a model's faces are read from the exact coefficients of the derivation
        boolean leading = !covariance && m.engine().matrixModel().isPresent() && md.hasTreeRelation();
        int order = md.maxOrder();
        if (leading) {
            order = FACE_ORDER;
            for (String loss : m.tracked()) order = Math.min(order, Limits.highestWithinReach(m, loss, FACE_ORDER, true).order());
        }
        return FaceSweep.run(m.name(), m.source(), m.engine(), md, m.tracked(), m.ratios(), moments, order, leading, options, comparer, seed, steps,
                wanted);
    }
}
