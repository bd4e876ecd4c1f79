package org.prism.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prism.algebra.Rational;
import org.prism.geometry.Face;
import org.prism.geometry.IntVector;
import org.prism.regime.DerivedPrism;
import org.prism.regime.FaceLimit;
import org.prism.regime.Regime;
import org.prism.regime.Scaling;
import org.prism.report.PrismReport;
import picocli.CommandLine.Option;

/** The options that choose a face of any model's polytope and the scaling its limit is taken along (limit, compare). */
final class FaceOptions {
    @Option(names = "--face", paramLabel = "NAME",
            description = "A face of the model's polytope: a label of 'prism regimes' (free, F3, 'F1 ∩ F2'), a family set ('{1, d/n}'), or P.")
    String face;

    @Option(names = "--scaling", paramLabel = "SCALING", description = "The limit along this scaling (as for classify), on the face it selects.")
    String scaling;

    @Option(names = "--allow-unsettled", description = "Read a face of a polytope that c_0..c_S do not settle (otherwise refused, exit code 2).")
    boolean allowUnsettled;

    @Option(names = "--fixed-ratios", paramLabel = "VALUE",
            description = "Every ratio the face keeps fixed that -p does not give takes this value (e.g. 1/2); the output lists them.")
    String fixedRatios;

    boolean given() {
        return face != null || scaling != null;
    }

    /** A face chosen and the scaling along which its limit is taken. */
    record Choice(String label, IntVector direction) {}

    /**
     * The face and scaling asked for: by name, along the simplest scaling that takes its limit (else its centre); by
     * scaling, the face it selects; both, the scaling when it selects that face.
     */
    Choice choose(DerivedPrism d) {
        DerivationOptions.requireSettled(d, allowUnsettled, "read its faces");
        Face f = null;
        String label = null;
        IntVector direction = null;
        if (face != null) {
            if (face.strip().equals("P")) {
                f = d.perOrder().faceLattice().top();
                label = "P";
            } else {
                Regime r = d.regime(face).orElseThrow(() -> new IllegalArgumentException("no face '" + face + "' (faces: "
                        + String.join(", ", d.regimes().stream().map(d::label).toList()) + ", P, or a family set such as {1, d/n})"));
                f = r.face();
                label = d.label(r);
            }
            Face chosen = f;
            direction = d.simplestScaling(f).or(() -> d.centre(chosen))
                    .orElseThrow(() -> new IllegalArgumentException("face " + face + " leads along no scaling with growing sizes"));
        }
        if (scaling != null) {
            IntVector u = Scaling.parse(scaling, d.space(), d.sizes()).functional(d.space());
            Face selected = d.perOrder().faceMaximising(u);
            if (f != null && !selected.vertices().equals(f.vertices())) {
                throw new IllegalArgumentException("the scaling selects another face than " + face + ": " + PrismReport.faceText(d, selected));
            }
            direction = u;
            if (label == null) {
                label = selected.dimension() == d.perOrder().dimension() ? "P"
                        : d.regimes().stream().filter(r -> r.face().vertices().equals(selected.vertices())).map(d::label).findFirst().orElse("(a face)");
            }
        }
        return new Choice(label, direction);
    }

    /**
     * The face limit of {@code losses} to order {@code order}, with a progress bar from order 8 on; ratios not in
     * {@code params} take the value of --fixed-ratios when it is given.
     */
    FaceLimit limit(ModelOption.LoadedModel loaded, DerivedPrism d, Choice choice, List<String> losses, Map<String, Rational> given,
            int order, boolean leading) {
        if (order < 1) throw new IllegalArgumentException("the face series needs orders 0..S with S >= 1, got " + order);
        Limits.require(loaded, losses, order, leading);
        Map<String, Rational> params = new LinkedHashMap<>(given);
        if (fixedRatios != null) {
            Rational value = LimitInput.parseNumber(fixedRatios, "--fixed-ratios");
            if (value.signum() <= 0) throw new IllegalArgumentException("--fixed-ratios must be > 0, got " + fixedRatios);
            List<String> needed = FaceLimit.ratiosNeeded(loaded.engine(), d, choice.direction(), losses, order, leading);
            for (String name : needed) {
                var v = d.space().parseRatio(name);
                boolean covered = given.keySet().stream().anyMatch(k -> loaded.ratios().containsKey(k) ? d.space().vector(loaded.ratios().get(k)).equals(v)
                        : d.space().parseRatio(k).equals(v));
                if (!covered) params.putIfAbsent(name, value);
            }
        }
        try (Progress bar = Progress.start("face series c_0..c_" + order, (long) losses.size() * (order + 1), order >= 8)) {
            return FaceLimit.of(loaded.engine(), d, choice.label(), choice.direction(), losses, params, loaded.ratios(), order, leading,
                    x -> bar.stepBy(1));
        }
    }
}
