package org.prism.regime;

import org.prism.geometry.IntVector;

/**
 * How a ratio of hyperparameters (an exponent vector $r$, e.g. $d/n$) behaves on a face's normal
 * cone: with generators $f_i$ (outer facet normals), it stays fixed if every $\langle f_i, r\rangle
 * = 0$, grows if all are $\ge 0$ and one $> 0$, vanishes in the mirror case, and is otherwise not
 * determined by the face alone.
 */
public record ScalingRelation(String name, String ratio, IntVector exponent, Behaviour behaviour) {
    public enum Behaviour {
        FIXED("fixed"), TO_INFINITY("-> inf"), TO_ZERO("-> 0"), EITHER("either way");

        private final String text;

        Behaviour(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    @Override
    public String toString() {
        return (name == null ? ratio : name + " = " + ratio) + " " + behaviour.text();
    }
}
