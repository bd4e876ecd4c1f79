package org.prism.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.prism.algebra.Polynomial;
import org.prism.expansion.NetworkAlphabet;
import org.prism.expansion.TensorNetwork;

/**
 * One term of $D^s L$ for a model in index notation: a canonical closed tensor network $N$, its
 * coefficient $c_N$ (a polynomial in the model's symbols) and its exact Gaussian expectation
 * $E[N]$, so that $c_s = \sum_N c_N E[N]$. The id is {@code LOSS.S.K}, K the position of $N$ in
 * the canonical order of the networks of that order.
 */
public record NetworkTerm(String id, TensorNetwork network, String text, Polynomial coefficient, Polynomial expectation, Graph<Vertex, Slot> graph) {

    /** A vertex of the network's graph: a factor (tensor entry) or an index (summed over its size). */
    public record Vertex(int number, String name, boolean factor, boolean data) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Slot {@code k} of a factor, as an edge from the factor to the index it carries. */
    public record Slot(int factor, int k) {}

    /** $c_N E[N]$: this term's part of $c_s$. */
    public Polynomial contribution() {
        return coefficient.multiply(expectation);
    }

    /**
     * The terms of $D^s L$ of one loss with their expectations.
     * Cost: the expansion to order s and one Wick recursion per network (memoised).
     */
    static List<NetworkTerm> of(NetworkAlphabet alphabet, NetworkWick wick, String loss, int s, Map<TensorNetwork, Polynomial> terms) {
        List<NetworkTerm> out = new ArrayList<>();
        int k = 0;
        for (Map.Entry<TensorNetwork, Polynomial> e : terms.entrySet()) {
            TensorNetwork n = e.getKey();
            out.add(new NetworkTerm(loss + "." + s + "." + k++, n, alphabet.format(n), e.getValue(), wick.expectation(n), graph(alphabet, n)));
        }
        return out;
    }

    /** Factors and indices as vertices, one directed edge per slot (factor -> index); parallel edges where a factor repeats an index. */
    private static Graph<Vertex, Slot> graph(NetworkAlphabet alphabet, TensorNetwork n) {
        DirectedPseudograph<Vertex, Slot> g = new DirectedPseudograph<>(Slot.class);
        List<Vertex> indices = new ArrayList<>();
        int[] seen = new int[alphabet.sizes().size()];
        for (int i = 0; i < n.indexCount(); i++) {
            Vertex v = new Vertex(i, alphabet.sizes().get(n.indexSize(i)) + seen[n.indexSize(i)]++, false, false);
            indices.add(v);
            g.addVertex(v);
        }
        for (int f = 0; f < n.factorCount(); f++) {
            var t = alphabet.tensor(n.tensor(f));
            Vertex v = new Vertex(n.indexCount() + f, t.name() + "_" + f, true, !t.trained());
            g.addVertex(v);
            for (int k = 0; k < n.order(f); k++) g.addEdge(v, indices.get(n.slot(f, k)), new Slot(f, k));
        }
        return g;
    }
}
