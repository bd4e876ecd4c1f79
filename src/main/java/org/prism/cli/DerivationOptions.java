package org.prism.cli;

import java.util.List;
import org.prism.regime.DerivedPrism;
import org.prism.regime.PrismDerivation;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the commands that derive the regime polytope: order and loss. */
final class DerivationOptions {
    static final int DEFAULT_MAX_ORDER = 6;

    @Option(names = {"-S", "--max-order"}, defaultValue = "" + DEFAULT_MAX_ORDER, paramLabel = "S",
            description = "Derive from c_0..c_S (2..." + Limits.MAX_EXACT_ORDER + ", with --leading " + Limits.LEADING_REACH
                    + "; default: ${DEFAULT-VALUE}).")
    int maxOrder;

    @Option(names = "--leading", description = "Compute only the leading (planar) terms: the derivation reads only Pareto-maximal terms, so it is the same, several times faster.")
    boolean leading;

    @Mixin
    LossOption loss;

    @Mixin
    ModelOption model;

    private ModelOption.LoadedModel loaded;

    /** The model (parsed once). */
    ModelOption.LoadedModel loaded() {
        if (loaded == null) loaded = model.load();
        return loaded;
    }

    /** The loss being derived: the one asked for or the model's default. */
    String lossName() {
        return loaded().loss(loss.loss);
    }

    DerivedPrism derive() {
        if (maxOrder < 2) throw new IllegalArgumentException("--max-order must be >= 2 (the per-order polytope compares orders 1..S), got " + maxOrder);
        ModelOption.LoadedModel m = loaded();
        Limits.require(m, List.of(lossName()), maxOrder, leading);
        PrismDerivation derivation = new PrismDerivation(m.engine(), m.ratios());
        try (Progress bar = Progress.start("c_0..c_" + maxOrder, maxOrder + 1, maxOrder >= (leading ? 10 : 7))) {
            return derivation.derive(lossName(), maxOrder, leading, s -> bar.stepBy(1));
        }
    }
}
