package org.prism.cli;

import java.util.List;
import org.prism.diagram.ModelEngine;
import org.prism.algebra.Rational;
import org.prism.regime.AlphaScan;
import org.prism.regime.DerivedPrism;
import org.prism.regime.MomentGrowth;
import org.prism.regime.PrismDerivation;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import java.io.PrintWriter;

/** Options shared by the commands that derive the regime polytope: order and loss. */
final class DerivationOptions {
    static final int DEFAULT_MAX_ORDER = 6;

    @Option(names = {"-S", "--max-order"}, paramLabel = "S",
            description = "Derive from c_0..c_S (2..." + Limits.MAX_EXACT_ORDER + ", with --leading " + Limits.LEADING_REACH
                    + "; default: " + DEFAULT_MAX_ORDER + ", or the highest order within the engine's reach when " + DEFAULT_MAX_ORDER
                    + " is not, said in one line).")
    Integer maxOrder;

    /** Takes a command's {@code --order}, the same as -S/--max-order there (null: not given). */
    void orderAlias(Integer order) {
        if (order == null) return;
        if (maxOrder != null) throw new IllegalArgumentException("give either --order or -S/--max-order, not both");
        maxOrder = order;
    }

    @Option(names = "--leading", description = "Compute only the leading (planar) terms: the derivation reads only Pareto-maximal terms, so it is the same, several times faster.")
    boolean leading;

    @Option(names = "--spectrum", paramLabel = "LAW", description = "A model with a covariance: how its moments C_k = tr(C^k)/d grow with d:"
            + " bounded (default; a spectrum with a limiting law) or power:alpha=A (eigenvalues i^-A normalised to mean 1, C_k ~ d^(k min(1,A) -"
            + " min(1,kA))).")
    String spectrum;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

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

    /** The losses a face's limit follows: the one --loss names, else every loss the model tracks. */
    List<String> faceLosses() {
        return loss.loss != null ? List.of(lossName()) : loaded().tracked();
    }

    /**
     * S: the order given, else {@link #DEFAULT_MAX_ORDER} or, when that is out of the engine's reach
     * for this model and loss ({@link Limits#require}), the highest order below it that is not (one
     * line on stderr says so).
     */
    int maxOrder() {
        if (maxOrder != null) {
            if (maxOrder < 2) throw new IllegalArgumentException("--max-order must be >= 2 (the per-order polytope compares orders 1..S), got " + maxOrder);
            return maxOrder;
        }
        Limits.Reach reach = Limits.highestWithinReach(loaded(), lossName(), DEFAULT_MAX_ORDER, leading);
        if (reach.whyNotHigher() != null) {
            PrintWriter err = command.commandLine().getErr();
            err.println("prism " + command.name() + ": deriving from c_0..c_" + reach.order() + " (" + reach.whyNotHigher() + ")");
            err.flush();
        }
        maxOrder = reach.order();
        return maxOrder;
    }

    DerivedPrism derive() {
        int top = maxOrder();
        ModelOption.LoadedModel m = loaded();
        Limits.require(m, List.of(lossName()), top, leading);
        MomentGrowth growth = growth();
        if (leading && !growth.isBounded()) {
            throw new IllegalArgumentException("--leading reads the planar pairings, which lead only while the moments stay bounded; with --spectrum "
                    + spectrum + " a pairing that closes a long loop of C can lead: leave out --leading");
        }
        PrismDerivation derivation = new PrismDerivation(m.engine(), m.names(), growth);
        try (Progress bar = Progress.start("c_0..c_" + top, top + 1, top >= (leading ? 10 : 7) || m.engine().matrixModel().isEmpty())) {
            return derivation.derive(lossName(), top, leading, s -> bar.stepBy(1));
        }
    }

    /** The alpha scan of --spectrum power, from c_0..c_S computed here once; S is {@link #maxOrder()}. */
    AlphaScan.Outcome alphaScan(Rational resolution) {
        ModelEngine e = loaded().engine();
        if (e.moments().isEmpty()) throw new IllegalArgumentException("--alpha-scan: model " + loaded().name() + " declares no covariance");
        if (spectrum != null && !spectrum.strip().equals("power")) {
            throw new IllegalArgumentException("--alpha-scan scans the power law itself: give --spectrum power (no alpha) or leave --spectrum out");
        }
        if (leading) throw new IllegalArgumentException("--alpha-scan: the leading-order engine carries no moments; leave out --leading");
        int top = maxOrder();
        Limits.require(loaded(), List.of(lossName()), top, false);
        try (Progress bar = Progress.start("c_0..c_" + top, top + 1, top >= 5)) {
            return AlphaScan.run(e, loaded().names(), lossName(), top, resolution, s -> bar.stepBy(1));
        }
    }

    /** How the model's moments grow (--spectrum); none for a model without a covariance. */
    MomentGrowth growth() {
        ModelEngine e = loaded().engine();
        if (e.moments().isEmpty()) {
            if (spectrum != null) throw new IllegalArgumentException("--spectrum: model " + loaded().name() + " declares no covariance (covariance C[d] and"
                    + " data X[d, n] ~ normal(0, C), as examples/tied-autoencoder-covariance.prism)");
            return MomentGrowth.none();
        }
        return MomentGrowth.parse(spectrum == null ? "bounded" : spectrum, e.momentSize(), e.moments());
    }

    /** Refuses a polytope that c_0..c_S do not settle, unless the user allows it. */
    static void requireSettled(DerivedPrism d, boolean allowed, String command) {
        if (d.settled() || allowed) return;
        throw new IllegalArgumentException("P is not settled by c_0..c_" + d.maxOrder() + " (" + d.families().unsettled().size()
                + " unsettled direction" + (d.families().unsettled().size() == 1 ? "" : "s") + "; 'prism prism' lists them): raise --max-order,"
                + " or pass --allow-unsettled to " + command + " anyway");
    }
}
