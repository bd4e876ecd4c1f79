package org.prism.expansion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.graph.UnionFind;

/**
 * The Lie derivative $D$ along gradient flow on a loss $L_{\text{flow}} = \sum_G c_G\, G$ (closed
 * networks), acting on sums of closed networks.
 *
 * <h2>Definition</h2>
 *
 * Every parameter tensor $\theta$ moves by $\dot\theta = -\partial L_{\text{flow}}/\partial\theta$.
 * The <em>gradient</em> of a network $G$ with respect to $\theta$ is the sum, over the factors of
 * $G$ that are entries of $\theta$, of $G$ with that factor replaced by a <em>hole</em> (same
 * slots, free): an open network whose free indices are the hole's slots. By the product rule
 * $D N = \sum_{f:\ \theta_f \text{ trained}} N|_{f \to \dot\theta_f}$, i.e. for every trained
 * factor $f$ of $N$ and every term $c_V V$ of the velocity $\dot\theta_f$: remove $f$ from $N$,
 * remove the hole from $V$, and identify slot $k$ of $f$ with slot $k$ of the hole for every $k$
 * (the "star product" merging of Yarotsky, Golikov and Gusev, arXiv:2602.04548, Sec. 3, here for
 * any number of parameter and data tensors). Data tensors have no velocity. The results are
 * canonicalised and merged in a {@link NetworkSum}, so cancellations happen at every order.
 *
 * <h2>Complexity</h2>
 *
 * {@link #apply} costs $\sum_N (\#\text{orbits of trained factors of } N) \cdot |V|$ gluings,
 * each a union-find plus one canonical labelling ({@link TensorNetwork#join}), plus polynomial
 * additions per distinct result: factors in one orbit of the symmetries of $N$
 * ({@link TensorNetwork#symmetries()}, copies of one entry included) give isomorphic results, so
 * each orbit is glued once and counted with its size. The networks of $D^s L$ have $O(s)$ factors and their number grows
 * exponentially in $s$. Networks are processed in parallel; the merge is a concurrent map.
 */
public final class NetworkLieDerivative {
    private final NetworkAlphabet alphabet;
    private final NetworkSum[] velocity;
    private final List<List<Map.Entry<TensorNetwork, Polynomial>>> velocityTerms = new ArrayList<>();

    /** @param flowLoss the loss of the flow, as closed networks over {@code alphabet} */
    public NetworkLieDerivative(NetworkAlphabet alphabet, NetworkSum flowLoss) {
        this.alphabet = alphabet;
        velocity = new NetworkSum[alphabet.tensorCount()];
        for (int t = 0; t < velocity.length; t++) {
            velocity[t] = alphabet.trained(t) ? gradient(flowLoss, t).negate() : NetworkSum.of(Map.of());
            velocityTerms.add(List.copyOf(velocity[t].terms().entrySet()));
        }
    }

    public NetworkAlphabet alphabet() {
        return alphabet;
    }

    /**
     * $\partial S/\partial\theta$ for tensor {@code t}: every factor of $\theta$ in every network
     * of {@code sum} replaced by $\theta$'s hole in turn (networks with exactly one hole).
     */
    public NetworkSum gradient(NetworkSum sum, int t) {
        NetworkSum.Builder b = new NetworkSum.Builder(alphabet);
        int hole = alphabet.holeOf(t);
        sum.terms().forEach((n, c) -> {
            for (int f = 0; f < n.factorCount(); f++) {
                if (n.tensor(f) == t) b.add(n.relabel(f, hole), c);
            }
        });
        return b.build();
    }

    /** $\dot\theta = -\partial L_{\text{flow}}/\partial\theta$ for tensor {@code t} (empty for data). */
    public NetworkSum velocity(int t) {
        return velocity[t];
    }

    /** $D S$. */
    public NetworkSum apply(NetworkSum sum) {
        return apply(sum, null);
    }

    /**
     * $D S$, calling {@code checkpoint} (may be null) before each network of {@code sum}; a
     * checkpoint may throw to cancel (e.g. when the caller is interrupted).
     */
    public NetworkSum apply(NetworkSum sum, Runnable checkpoint) {
        List<Map.Entry<TensorNetwork, Polynomial>> terms = List.copyOf(sum.terms().entrySet());
        NetworkSum.Builder out = new NetworkSum.Builder(alphabet);
        // networks are independent and the builder is concurrent
        IntStream.range(0, terms.size()).parallel().forEach(i -> {
            if (checkpoint != null) checkpoint.run();
            derive(terms.get(i).getKey(), terms.get(i).getValue(), out);
        });
        return out.build();
    }

    /** A glued network, which velocity term made it, and its free loops (as chars). */
    private record Glued(TensorNetwork network, int tensor, int term, String loops) {}

    private void derive(TensorNetwork n, Polynomial c, NetworkSum.Builder out) {
        // count each result first: one polynomial product per distinct (result, velocity term)
        Map<Glued, int[]> counts = new HashMap<>();
        // trained factors grouped by orbit of their copy class under the network's symmetries:
        // substituting into factors of one orbit gives isomorphic results, so each orbit is
        // glued once and counted with its size
        int size = n.factorCount();
        int[] orbit = new int[size];
        for (int f = 0; f < size; f++) orbit[f] = n.leader(f);
        for (int g = 0; g < n.symmetryCount(); g++) {
            for (int f = 0; f < size; f++) if (n.leader(f) == f) UnionFind.union(orbit, f, n.symmetry(g, f));
        }
        int[] multiplicity = new int[size];
        for (int f = 0; f < size; f++) multiplicity[UnionFind.find(orbit, f)]++;
        for (int f = 0; f < size; f++) {
            int t = n.tensor(f);
            if (!alphabet.trained(t) || UnionFind.find(orbit, f) != f) continue;
            List<Map.Entry<TensorNetwork, Polynomial>> v = velocityTerms.get(t);
            for (int j = 0; j < v.size(); j++) {
                TensorNetwork g = v.get(j).getKey();
                TensorNetwork.Canonical r = TensorNetwork.join(n, f, g, g.first(alphabet.holeOf(t)));
                char[] loops = new char[r.loopCount()];
                for (int l = 0; l < loops.length; l++) loops[l] = (char) r.loop(l);
                counts.computeIfAbsent(new Glued(r.network(), t, j, new String(loops)), k -> new int[1])[0] += multiplicity[f];
            }
        }
        counts.forEach((g, k) -> {
            Polynomial vc = velocityTerms.get(g.tensor).get(g.term).getValue();
            int[] loops = new int[g.loops.length()];
            for (int l = 0; l < loops.length; l++) loops[l] = g.loops.charAt(l);
            out.add(g.network, c.multiply(vc).multiply(Rational.of(k[0]), alphabet.loops(loops)));
        });
    }
}
