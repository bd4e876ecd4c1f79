package org.prism.regime;

import java.util.Map;
import org.prism.algebra.Monomial;
import org.prism.regime.ScalingRelation.Behaviour;

/**
 * How a model's regimes are called: names for the ratios along the edges of its polytope (the tied
 * autoencoder's {@code g = sigma^2 d}, {@code y = m/d}, ...) and rules that name a facet from the behaviour of
 * those ratios on it. A model without a vocabulary ({@link #NONE}) has its faces described by their scaling
 * relations and labelled F1, F2, ....
 */
public interface FaceNames {
    /** Names of edge directions of the polytope (may be empty). */
    Map<String, Monomial> ratios();

    /** The name of a facet whose named ratios behave as given, or null. */
    String name(Map<String, Behaviour> behaviourByRatioName);

    /** What the limit on a named facet describes ("" when nothing is known). */
    String statement(String name);

    /** No names: faces are labelled by position. */
    FaceNames NONE = ratios(Map.of());

    /** Named ratios only, no names for faces. */
    static FaceNames ratios(Map<String, Monomial> ratios) {
        Map<String, Monomial> copy = Map.copyOf(ratios);
        return new FaceNames() {
            @Override
            public Map<String, Monomial> ratios() {
                return copy;
            }

            @Override
            public String name(Map<String, Behaviour> behaviourByRatioName) {
                return null;
            }

            @Override
            public String statement(String name) {
                return "";
            }
        };
    }
}
