package org.prism.geometry;

import java.util.ArrayList;
import java.util.List;

/** Named point sets used by several tests. */
final class Shapes {

    private Shapes() {
    }

    static IntVector v(long... c) {
        return IntVector.of(c);
    }

    /** The vertices of $[0, s]^d$. */
    static List<IntVector> cube(int d, long s) {
        List<IntVector> pts = new ArrayList<>();
        for (int mask = 0; mask < (1 << d); mask++) {
            long[] c = new long[d];
            for (int i = 0; i < d; i++) {
                c[i] = ((mask >> i) & 1) * s;
            }
            pts.add(IntVector.of(c));
        }
        return pts;
    }

    /** The vertices $0, e_1, \dots, e_d$ of the standard simplex. */
    static List<IntVector> simplex(int d) {
        List<IntVector> pts = new ArrayList<>();
        pts.add(IntVector.zero(d));
        for (int i = 0; i < d; i++) {
            long[] c = new long[d];
            c[i] = 1;
            pts.add(IntVector.of(c));
        }
        return pts;
    }

    /** The cross-polytope $\operatorname{conv}\{\pm e_i\}$. */
    static List<IntVector> crossPolytope(int d) {
        List<IntVector> pts = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            for (long s : new long[] {1, -1}) {
                long[] c = new long[d];
                c[i] = s;
                pts.add(IntVector.of(c));
            }
        }
        return pts;
    }

    /** The triangular prism $\Delta_2 \times [0, 1]$. */
    static List<IntVector> prism() {
        return List.of(v(0, 0, 0), v(1, 0, 0), v(0, 1, 0), v(0, 0, 1), v(1, 0, 1), v(0, 1, 1));
    }

    /** A square pyramid with apex above the centre of $[0, 2]^2$. */
    static List<IntVector> squarePyramid() {
        return List.of(v(0, 0, 0), v(2, 0, 0), v(0, 2, 0), v(2, 2, 0), v(1, 1, 1));
    }

    /** The injective affine map $x \mapsto (x_1, x_2, x_3, 1 + x_1 + x_2 - x_3)$. */
    static IntVector embed(IntVector x) {
        return v(x.get(0), x.get(1), x.get(2), 1 + x.get(0) + x.get(1) - x.get(2));
    }
}
