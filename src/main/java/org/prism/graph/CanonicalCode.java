package org.prism.graph;

import java.util.Arrays;

/**
 * The canonical code of a vertex-coloured, edge-labelled directed multigraph, as produced by
 * {@link MultigraphCanonicalForm#code()}: two graphs have equal codes if and only if they are
 * isomorphic.
 *
 * <p>Layout of {@link #data()} for a graph with $n$ vertices and $t$ distinct edge triples:
 *
 * <pre>
 *   [ n, colour(0), ..., colour(n-1), t, from_1, to_1, label_1, mult_1, ..., from_t, to_t, label_t, mult_t ]
 * </pre>
 *
 * where positions are canonical positions, {@code colour(p)} is the colour of the vertex at
 * canonical position {@code p}, and the quadruples list every distinct relabelled edge
 * {@code (from, to, label)} with its multiplicity {@code mult >= 1}, sorted by
 * {@code (from, to, label)}. The code therefore determines the graph up to relabelling: equal
 * codes imply isomorphic graphs by construction.
 *
 * <p>Immutable: the array is copied on construction and on access. {@link #equals},
 * {@link #hashCode} and {@link #compareTo} work on the content (lexicographic order of the int
 * sequence, a shorter proper prefix first).
 */
public record CanonicalCode(int[] data) implements Comparable<CanonicalCode> {

    /** @throws NullPointerException if {@code data} is null */
    public CanonicalCode {
        data = data.clone();
    }

    /** A copy of the code's int sequence. */
    @Override
    public int[] data() {
        return data.clone();
    }

    /** Number of ints in the code. */
    public int length() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof CanonicalCode c && Arrays.equals(data, c.data));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public int compareTo(CanonicalCode o) {
        return Arrays.compare(data, o.data);
    }

    /**
     * Compact form, e.g. {@code CanonicalCode[n=3 c=0,0,1 e=0>1:5x2,1>1:0x1]} (edge
     * {@code from>to:label x multiplicity}); falls back to the raw ints if the array does not
     * have the layout above.
     */
    @Override
    public String toString() {
        if (!wellFormed()) {
            return "CanonicalCode" + Arrays.toString(data);
        }
        int n = data[0];
        StringBuilder sb = new StringBuilder("CanonicalCode[n=").append(n).append(" c=");
        for (int p = 0; p < n; p++) {
            if (p > 0) {
                sb.append(',');
            }
            sb.append(data[1 + p]);
        }
        sb.append(" e=");
        int t = data[1 + n];
        for (int i = 0, o = 2 + n; i < t; i++, o += 4) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(data[o]).append('>').append(data[o + 1]).append(':').append(data[o + 2])
                    .append('x').append(data[o + 3]);
        }
        return sb.append(']').toString();
    }

    private boolean wellFormed() {
        if (data.length < 2 || data[0] < 0 || data[0] > data.length - 2) {
            return false;
        }
        int n = data[0];
        int t = data[1 + n];
        return t >= 0 && (long) data.length == 2L + n + 4L * t;
    }
}
