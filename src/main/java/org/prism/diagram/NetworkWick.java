package org.prism.diagram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.prism.algebra.ExponentPacking;
import org.prism.algebra.IntegerPolynomial;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.expansion.NetworkAlphabet;
import org.prism.expansion.TensorNetwork;
import org.prism.graph.UnionFind;

/**
 * Gaussian expectation of a closed {@link TensorNetwork} by a memoised Wick recursion over
 * canonical networks, without listing pairings.
 *
 * <h2>Definition</h2>
 *
 * Every tensor $T$ of the model (parameters at initialisation and data alike) has iid centred
 * Gaussian entries of variance $v_T$, so $E[T_{a_1\dots a_k} T_{b_1\dots b_k}] = v_T \prod_k
 * \delta_{a_k b_k}$ and, by Wick's theorem, $E[N] = \sum_{\text{pairings}} \prod v \cdot
 * \prod_{\text{index classes}} \text{size}$: pair the factors of each tensor among themselves, merge
 * the indices that the deltas identify (union-find), and count one size per class of merged
 * indices. A tensor occurring an odd number of times gives $E[N] = 0$. The variance factor is the
 * same for every pairing, $\prod_T v_T^{n_T/2}$ for $n_T$ occurrences of $T$
 * ({@link #variance}), so the recursion counts sizes only: {@link #sizeExpectation} is
 * $E[N] / \prod_T v_T^{n_T/2}$, a polynomial in the size symbols with nonnegative integer
 * coefficients (variances may be any Laurent monomials).
 *
 * <h2>Recursion</h2>
 *
 * Take the tensor with the fewest occurrences in $N$ and its first factor $f$; for every other
 * factor $g$ of that tensor, remove $f$ and $g$, identify their slots pairwise, and canonicalise
 * ({@link TensorNetwork#join}); indices left on no factor are closed loops and contribute their
 * sizes. Then $E'[N] = \sum_{\text{children}} \text{multiplicity}\cdot\text{loops}\cdot
 * E'[\text{child}]$. Pivoting on the rarest tensor keeps the branching (at most $n_T - 1$) small.
 * Partners that give isomorphic children are joined once: copies of one entry (same slots), and
 * partners in one orbit of the symmetries of $N$ that fix $f$ ({@link TensorNetwork#symmetries()},
 * found for free while canonicalising $N$); on CP networks this halves the canonical labellings.
 * Children are then grouped by (canonical network, loops), so each distinct child costs one memo
 * lookup.
 *
 * <h2>Complexity</h2>
 *
 * The number of distinct reachable networks times the branching times (one canonical labelling
 * plus a polynomial combination). Without memoisation the cost would be the number of pairings,
 * $\prod_T (n_T - 1)!!$. The memo is shared by every network asked of this instance (all orders,
 * all losses of the model) and is thread-safe. The recursion is run breadth-first
 * ({@link #sizeExpectations}): the new states of a level (a number of factors) are expanded in
 * parallel, then valued from the fewest factors up, each level in parallel. Memory: one polynomial
 * per state for the life of the instance (3.9 million states peak at 6.9 GiB). Compare
 * {@link WickRecursion}, the same recursion on trace words for matrix models, where canonical forms are cheap rotations.
 */
public final class NetworkWick {
    private final NetworkAlphabet alphabet;
    private final ExponentPacking packing;
    private final long[] loopKey; // per size id: packed size symbol
    private final Map<String, IntegerPolynomial> memo = new ConcurrentHashMap<>();
    private final IntegerPolynomial.SupportPool supports = new IntegerPolynomial.SupportPool();

    /** @throws IllegalArgumentException if the model has more than {@value ExponentPacking#MAX_SYMBOLS} sizes */
    public NetworkWick(NetworkAlphabet alphabet) {
        this.alphabet = alphabet;
        this.packing = new ExponentPacking(alphabet.sizes());
        loopKey = new long[alphabet.sizes().size()];
        for (int k = 0; k < loopKey.length; k++) loopKey[k] = packing.key(alphabet.sizes().get(k), 1);
    }

    public NetworkAlphabet alphabet() {
        return alphabet;
    }

    /** The size symbols of {@link #sizeExpectation}. */
    public ExponentPacking packing() {
        return packing;
    }

    /** Number of memoised networks so far. */
    public int states() {
        return memo.size();
    }

    /**
     * $\prod_T v_T^{n_T/2}$, or null if some tensor occurs an odd number of times ($E[N] = 0$).
     *
     * @throws IllegalArgumentException if the network has a hole (it is not closed)
     */
    public Monomial variance(TensorNetwork n) {
        Monomial v = Monomial.ONE;
        for (int f = 0; f < n.factorCount();) {
            int t = n.tensor(f);
            if (alphabet.isHole(t)) throw new IllegalArgumentException("a network with free slots has no expectation: " + n);
            int g = f;
            while (g < n.factorCount() && n.tensor(g) == t) g++;
            if (((g - f) & 1) == 1) return null;
            v = v.multiply(alphabet.variance(t).pow((g - f) / 2));
            f = g;
        }
        return v;
    }

    /** $E[N]$ as a polynomial in the model's symbols. */
    public Polynomial expectation(TensorNetwork n) {
        Monomial v = variance(n);
        if (v == null) return Polynomial.ZERO;
        return sizeExpectation(n).toPolynomial(packing, Rational.ONE).multiply(Rational.ONE, v);
    }

    /** $E[N]/\prod_T v_T^{n_T/2}$ (0 if a tensor occurs an odd number of times); honours the thread's interrupt flag. */
    public IntegerPolynomial sizeExpectation(TensorNetwork n) {
        Thread caller = Thread.currentThread();
        return sizeExpectation(n, caller::isInterrupted);
    }

    /**
     * As {@link #sizeExpectation(TensorNetwork)}, polling {@code cancelled} (from any thread) while it works.
     *
     * @throws WickRecursion.CancellationException when {@code cancelled} answers true
     */
    public IntegerPolynomial sizeExpectation(TensorNetwork n, BooleanSupplier cancelled) {
        return sizeExpectations(List.of(n), cancelled, null)[0];
    }

    /**
     * {@link #sizeExpectation(TensorNetwork)} of several networks at once: their new states are
     * found level by level (a Wick step removes two factors), the children of a level's states
     * joined and canonicalised in parallel, then valued from the fewest factors up, each level in
     * parallel. {@code done}, if not null, runs once per network as soon as its value is known.
     *
     * @throws WickRecursion.CancellationException when {@code cancelled} answers true
     */
    public IntegerPolynomial[] sizeExpectations(List<TensorNetwork> networks, BooleanSupplier cancelled, Runnable done) {
        IntegerPolynomial[] out = new IntegerPolynomial[networks.size()];
        // new states by number of factors, most first: every parent is expanded before its children's level
        TreeMap<Integer, List<State>> levels = new TreeMap<>(Comparator.reverseOrder());
        Map<String, State> registered = new ConcurrentHashMap<>();
        Map<String, List<Integer>> asked = new HashMap<>();
        for (int i = 0; i < out.length; i++) {
            TensorNetwork n = networks.get(i);
            IntegerPolynomial known = variance(n) == null ? IntegerPolynomial.ZERO : known(n.key(), n.factorCount());
            if (known != null) {
                out[i] = known;
                if (done != null) done.run();
                continue;
            }
            asked.computeIfAbsent(n.key(), k -> new ArrayList<>()).add(i);
            if (!registered.containsKey(n.key())) {
                State st = new State(n);
                registered.put(n.key(), st);
                levels.computeIfAbsent(n.factorCount(), f -> new ArrayList<>()).add(st);
            }
        }
        List<List<State>> expanded = new ArrayList<>();
        while (!levels.isEmpty()) {
            Map.Entry<Integer, List<State>> top = levels.pollFirstEntry();
            List<State> level = top.getValue();
            // a child is resolved as soon as its parent is expanded: to its value when it is known, else to its
            // state, registered once; known children (most of them) are dropped at once, with their networks
            Queue<State> next = new ConcurrentLinkedQueue<>();
            level.parallelStream().forEach(st -> {
                if (cancelled.getAsBoolean()) throw new WickRecursion.CancellationException();
                Map<Child, long[]> children = children(st.network);
                st.network = null;
                int k = children.size();
                st.children = new Object[k];
                st.loops = new long[k];
                st.multiplicity = new long[k];
                int j = 0;
                for (Map.Entry<Child, long[]> e : children.entrySet()) {
                    TensorNetwork c = e.getKey().network();
                    Object child = known(c.key(), c.factorCount());
                    if (child == null) {
                        State fresh = new State(c);
                        State had = registered.putIfAbsent(fresh.key, fresh);
                        if (had == null) {
                            // its expansion needs its symmetries: made now, so that the labelling's form behind
                            // them is not kept while the state waits for its level
                            c.symmetryCount();
                            next.add(fresh);
                        }
                        child = had == null ? fresh : had;
                    }
                    st.children[j] = child;
                    st.loops[j] = e.getKey().loops();
                    st.multiplicity[j++] = e.getValue()[0];
                }
            });
            // every child has two factors fewer than its parent (the order of a level's states does not matter: values are exact)
            if (!next.isEmpty()) levels.computeIfAbsent(top.getKey() - 2, f -> new ArrayList<>()).addAll(next);
            expanded.add(level);
        }
        for (int l = expanded.size() - 1; l >= 0; l--) {
            List<State> level = expanded.get(l);
            level.parallelStream().forEach(st -> {
                if (cancelled.getAsBoolean()) throw new WickRecursion.CancellationException();
                IntegerPolynomial[] subs = new IntegerPolynomial[st.children.length];
                for (int c = 0; c < subs.length; c++) subs[c] = st.children[c] instanceof State child ? child.value : (IntegerPolynomial) st.children[c];
                IntegerPolynomial v = supports.share(IntegerPolynomial.linearCombination(subs, st.multiplicity, st.loops));
                IntegerPolynomial had = memo.putIfAbsent(st.key, v);
                st.value = had != null ? had : v;
                st.children = null; // valued: its children are needed no more
                st.loops = null;
                st.multiplicity = null;
            });
            for (State st : level) {
                List<Integer> which = asked.get(st.key);
                if (which == null) continue;
                for (int i : which) {
                    out[i] = st.value;
                    if (done != null) done.run();
                }
            }
        }
        return out;
    }

    /** The memoised value of a network with this key, ONE for the empty network, else null. */
    private IntegerPolynomial known(String key, int factors) {
        return factors == 0 ? IntegerPolynomial.ONE : memo.get(key);
    }

    /**
     * A state being worked on: its network until it is expanded; then its distinct children, each its
     * value (known before) or its state (new), with the loops they closed (packed size monomials) and
     * their multiplicities; then its value.
     */
    private static final class State {
        final String key;
        TensorNetwork network;
        Object[] children;
        long[] loops;
        long[] multiplicity;
        IntegerPolynomial value;

        State(TensorNetwork network) {
            this.key = network.key();
            this.network = network;
        }
    }

    private record Child(TensorNetwork network, long loops) {}

    /** The distinct children of one Wick step on {@code n}, with their multiplicities. */
    private Map<Child, long[]> children(TensorNetwork n) {
        // factors are sorted by tensor: find the shortest run (the rarest tensor)
        int start = -1;
        int best = Integer.MAX_VALUE;
        for (int f = 0; f < n.factorCount();) {
            int g = f;
            while (g < n.factorCount() && n.tensor(g) == n.tensor(f)) g++;
            if (g - f < best) {
                best = g - f;
                start = f;
            }
            f = g;
        }
        int end = start + best;
        // the pivot: the leader of the run's largest copy class (the first of them). Which factor is
        // the pivot decides which networks the recursion meets: on the example models the first factor
        // of the run met up to 30% more states and at best 5% fewer (docs/benchmarks.md); the factor
        // fixed by the most symmetry generators gave coarser orbits but more states
        int[] copies = new int[best];
        int pivot = start;
        for (int f = start; f < end; f++) {
            int c = ++copies[n.leader(f) - start];
            if (c > copies[pivot - start]) pivot = n.leader(f);
        }
        // partners grouped by orbit of their copy class under the generators fixing the pivot:
        // partners in one orbit give isomorphic children, so each orbit is joined once
        int[] orbit = new int[best];
        for (int i = 0; i < best; i++) orbit[i] = n.leader(start + i) - start;
        for (int g = 0; g < n.symmetryCount(); g++) {
            if (n.symmetry(g, pivot) != pivot) continue;
            for (int f = start; f < end; f++) {
                if (n.leader(f) != f) continue;
                UnionFind.union(orbit, f - start, n.symmetry(g, f) - start);
            }
        }
        long[] multiplicity = new long[best];
        int[] representative = new int[best];
        Arrays.fill(representative, -1);
        for (int f = start; f < end; f++) {
            if (f == pivot) continue;
            int r = UnionFind.find(orbit, f - start);
            multiplicity[r]++;
            if (representative[r] < 0) representative[r] = f;
        }
        Map<Child, long[]> children = new LinkedHashMap<>();
        for (int r = 0; r < best; r++) {
            if (multiplicity[r] == 0) continue;
            TensorNetwork.Canonical c = TensorNetwork.join(n, pivot, null, representative[r]);
            long loops = 0;
            for (int l = 0; l < c.loopCount(); l++) loops = ExponentPacking.add(loops, loopKey[c.loop(l)]);
            children.computeIfAbsent(new Child(c.network(), loops), k -> new long[1])[0] += multiplicity[r];
        }
        return children;
    }
}
