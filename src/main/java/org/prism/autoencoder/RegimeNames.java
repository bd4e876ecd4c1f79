package org.prism.autoencoder;

import java.util.Map;
import org.prism.algebra.Monomial;
import org.prism.model.Models;
import org.prism.regime.FaceNames;
import org.prism.regime.ScalingRelation.Behaviour;

/**
 * Names of the 2-faces of the tied autoencoder's prism as in the literature (Golikov, Gusev,
 * Yarotsky, arXiv 2606.05335), given by rules on the scaling relations of the face, never by
 * position: with $\gamma = d/n$, $y = m/d$, $g = \sigma^2 d$,
 * <ul>
 * <li>large-data: $\gamma \to 0$; small-data: $\gamma \to \infty$;
 * <li>mean-field: $\gamma$ fixed, $y \to \infty$; narrow-latent: $\gamma$ fixed, $y \to 0$;
 * <li>free: $\gamma$, $y$ fixed and $g \to \infty$.
 * </ul>
 * A face that meets none of the rules (or a model without these ratios) has no name and is
 * described by its relations alone.
 */
public final class RegimeNames implements FaceNames {
    /** The tied autoencoder's vocabulary: its ratios g, a0, y, gamma and the names of its five regimes. */
    public static final RegimeNames TIED_AUTOENCODER = new RegimeNames();

    private RegimeNames() {}

    @Override
    public Map<String, Monomial> ratios() {
        return Models.tiedAutoencoderRatios();
    }

    @Override
    public String name(Map<String, Behaviour> b) {
        Behaviour gamma = b.get("gamma");
        Behaviour y = b.get("y");
        Behaviour g = b.get("g");
        if (gamma == null || y == null || g == null) return null;
        if (gamma == Behaviour.TO_ZERO) return "large-data";
        if (gamma == Behaviour.TO_INFINITY) return "small-data";
        if (gamma != Behaviour.FIXED) return null;
        if (y == Behaviour.TO_INFINITY) return "mean-field";
        if (y == Behaviour.TO_ZERO) return "narrow-latent";
        if (y == Behaviour.FIXED && g == Behaviour.TO_INFINITY) return "free";
        return null;
    }

    /** What the limit on a named face describes (the paper's limit formulas). */
    @Override
    public String statement(String name) {
        if (name == null) return "";
        return switch (name) {
            case "large-data" -> "train loss = population loss (n effectively infinite); E L/d -> 1/2 + g Psi(-t, y, g) in closed form";
            case "small-data" -> "n << d: the training set is fitted in the span of its n points; X^T A^k X/n -> kappa_k I_n, a scalar moment hierarchy";
            case "mean-field" -> "m >> d with sigma^2 m = a0: A(0) -> a0 I, each eigendirection l of Sigma learns alone, a_l(t) = a0/(a0 + (1-a0) e^{-4lt})";
            case "narrow-latent" -> "m << d with sigma^2 d = g0: W(t) = W(0) exp(-alpha Sigma - beta), two scalar ODEs driven by the MP law";
            case "free" -> "sigma^2 d ~ sigma^2 m >> 1: large initialisation; no closed form known, end laws (1 + 4 sigma^2 d t)^-2 at m << d and m >> d";
            default -> "";
        };
    }
}
