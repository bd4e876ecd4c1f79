package org.prism.expansion;

import java.util.Arrays;
import org.prism.graph.MultigraphCanonicalForm;
import org.prism.graph.UnionFind;

/**
 * A closed tensor network in canonical form: factors $T_f[i_{f,1}, \dots, i_{f,k_f}]$ (tensor ids,
 * see {@link NetworkAlphabet}; a hole id marks the free slots of a gradient) and index vertices,
 * each with a size id, every index summed. Kronecker deltas never occur (they are eliminated by
 * identifying indices), so an index vertex may meet any number of slots, and every index vertex
 * meets at least one slot: an index on no factor is a free loop, a factor $\text{size}$ that
 * {@link #canonical} hands back separately ({@link Canonical#loops()}).
 *
 * <h2>Canonical form</h2>
 *
 * Two networks are equal as sums (for all tensor values) when some size-preserving bijection of
 * their index vertices maps the multiset of factors (tensor, slot indices) of one onto the other's.
 * The network is encoded as a vertex-coloured, edge-labelled directed multigraph on the index
 * vertices (colour $2k$ for size $k$): a factor of order 2, $T[i,j]$, is an edge $i \to j$ with
 * label $3t$ ($T[i,i]$ a loop); a factor of order 1, $v[i]$, a loop at $i$ with label $3t+1$; a
 * factor of order $\ge 3$ a vertex of its own (colour $2t+1$) with an edge to the index of slot $k$
 * labelled $3k+2$. Encoding matrices as edges keeps the graph small and turns copies of one entry
 * into an edge multiplicity rather than interchangeable vertices the search would have to
 * individualise (a 3-10x speed-up on CP networks). {@link MultigraphCanonicalForm}
 * (individualisation-refinement with automorphism pruning) gives the canonical order of the
 * vertices; the relabelled network is written as the {@link #key()}: index count, factor count,
 * the size of each index, then per factor its tensor and the indices of its slots, factors
 * sorted by tensor, then by position (vertex factors) or relabelled slots (edge factors). The key
 * is a bijective re-encoding of the canonically relabelled graph, so equal keys if and only if
 * isomorphic networks. Canonical positions are sorted by colour, so indices come sorted by size.
 *
 * <p>Cost: one canonical labelling of a graph with $I + F_{\ge 3}$ vertices and at most
 * $\sum_f k_f$ edges, polynomial in practice (see {@link MultigraphCanonicalForm}), plus sorting
 * the factors, $O(F \log F)$. Immutable; equality is by key.
 */
public final class TensorNetwork implements Comparable<TensorNetwork> {
    private static final int[][] NONE = new int[0][]; // before EMPTY: its constructor reads it

    /** The network with no factors (the scalar 1). */
    public static final TensorNetwork EMPTY = new TensorNetwork(new int[0], new int[1], new int[0], new int[0]);

    private final int[] tensor;
    private final int[] start; // factor f's slots are slot[start[f] .. start[f + 1])
    private final int[] slot;
    private final int[] indexSize;
    private final String key;
    private final int hash;
    private final int[] leader; // first factor of each factor's copy class
    private volatile int[][] symmetries = NONE; // null until first asked: then computed from source
    private Symmetries source; // what canonical() found, until the symmetries are asked for

    private TensorNetwork(int[] tensor, int[] start, int[] slot, int[] indexSize) {
        this.tensor = tensor;
        this.start = start;
        this.slot = slot;
        this.indexSize = indexSize;
        leader = new int[tensor.length];
        for (int f = 0; f < tensor.length; f++) leader[f] = f > 0 && sameSlots(f - 1, f) ? leader[f - 1] : f;
        char[] k = new char[2 + indexSize.length + tensor.length + slot.length];
        int o = 0;
        k[o++] = (char) indexSize.length;
        k[o++] = (char) tensor.length;
        for (int s : indexSize) k[o++] = (char) s;
        for (int f = 0; f < tensor.length; f++) {
            k[o++] = (char) tensor[f];
            for (int j = start[f]; j < start[f + 1]; j++) k[o++] = (char) slot[j];
        }
        this.key = new String(k);
        this.hash = key.hashCode();
    }

    /** A canonical network and the sizes of the index loops that were left on no factor. */
    public record Canonical(TensorNetwork network, int[] loops) {
        public Canonical {
            loops = loops.clone();
        }

        @Override
        public int[] loops() {
            return loops.clone();
        }

        /** Number of free loops. */
        public int loopCount() {
            return loops.length;
        }

        /** Size id of free loop {@code j}. */
        public int loop(int j) {
            return loops[j];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Canonical c && network.equals(c.network) && Arrays.equals(loops, c.loops);
        }

        @Override
        public int hashCode() {
            return 31 * network.hashCode() + Arrays.hashCode(loops);
        }
    }

    /**
     * Canonicalises a network given by its factors and index sizes.
     *
     * @param tensor    tensor (or hole) id of each factor, {@code >= 0}
     * @param slots     {@code slots[f][k]}: the index vertex at slot {@code k} of factor {@code f}
     * @param indexSize size id of each index vertex, {@code >= 0}
     * @throws IllegalArgumentException on a negative id, a slot out of range or a too large network
     */
    public static Canonical canonical(int[] tensor, int[][] slots, int[] indexSize) {
        if (slots.length != tensor.length) throw new IllegalArgumentException("one slot array per factor needed");
        int[] start = new int[slots.length + 1];
        for (int f = 0; f < slots.length; f++) start[f + 1] = start[f] + slots[f].length;
        int[] slot = new int[start[slots.length]];
        for (int f = 0; f < slots.length; f++) System.arraycopy(slots[f], 0, slot, start[f], slots[f].length);
        return canonical(tensor.length, indexSize.length, tensor, start, slot, indexSize);
    }

    /**
     * Per thread, the work arrays of {@link #join} and {@link #canonical}, reused from network to network (the
     * tensor-network engine makes tens of millions): longer than any one network, so read over explicit counts.
     * Nothing a result keeps is one of them.
     */
    private static final class Work {
        private static final ThreadLocal<Work> OF_THREAD = ThreadLocal.withInitial(Work::new);
        // join: the merged indices and the remaining factors
        int[] parent = new int[0];
        int[] size = new int[0];
        int[] root = new int[0];
        int[] id = new int[0];
        int[] mergedSize = new int[0];
        int[] tensor = new int[0];
        int[] start = new int[0];
        int[] slot = new int[0];
        // canonical: the graph handed to the labelling, and the relabelling
        boolean[] used = new boolean[0];
        int[] vertex = new int[0];
        int[] colours = new int[0];
        int[] factorVertex = new int[0];
        int[] from = new int[0];
        int[] to = new int[0];
        int[] label = new int[0];
        int[] atPosition = new int[0];
        int[] newIndex = new int[0];
        int[] newFactor = new int[0];
        int[] relabelled = new int[0];
        long[] order = new long[0];

        static int[] atLeast(int[] a, int size) {
            return a.length >= size ? a : new int[Math.max(size, a.length + (a.length >> 1))];
        }
    }

    /**
     * {@link #canonical(int[], int[][], int[])} with the slots flat: factor f's are {@code slot[start[f] .. start[f + 1])},
     * for the first {@code factors} factors and {@code indices} indices of the arrays (which may be longer).
     */
    private static Canonical canonical(int factors, int indices, int[] tensor, int[] start, int[] slot, int[] indexSize) {
        if (factors > Character.MAX_VALUE || indices > Character.MAX_VALUE) throw new IllegalArgumentException("network too large");
        Work w = Work.OF_THREAD.get();
        int slots = start[factors];
        // indices on no factor are free loops: drop them from the graph
        if (w.used.length < indices) w.used = new boolean[Math.max(indices, 2 * w.used.length)];
        boolean[] used = w.used;
        Arrays.fill(used, 0, indices, false);
        for (int f = 0; f < factors; f++) {
            // ids are written as chars in the key, as 3t + 2 in edge labels and in the top 16 bits of a sort key
            if (tensor[f] < 0 || tensor[f] > Short.MAX_VALUE) throw new IllegalArgumentException("bad tensor id " + tensor[f]);
            for (int j = start[f]; j < start[f + 1]; j++) {
                int i = slot[j];
                if (i < 0 || i >= indices) throw new IllegalArgumentException("slot index " + i + " out of range");
                used[i] = true;
            }
        }
        int[] vertex = w.vertex = Work.atLeast(w.vertex, indices);
        int kept = 0;
        int loops = 0;
        for (int i = 0; i < indices; i++) {
            if (indexSize[i] < 0) throw new IllegalArgumentException("negative size id");
            if (used[i]) vertex[i] = kept++;
            else loops++;
        }
        int[] loopSizes = new int[loops];
        int l = 0;
        for (int i = 0; i < indices; i++) if (!used[i]) loopSizes[l++] = indexSize[i];
        Arrays.sort(loopSizes);
        if (factors == 0) return new Canonical(EMPTY, loopSizes);

        // graph: index vertices first; a factor of order 2 is an edge between its two indices
        // (label 3t, a loop for T[i,i]), of order 1 a loop at its index (label 3t+1), of higher
        // order a vertex of its own with one edge per slot (label 3k+2). Edges rather than
        // vertices for matrices keeps the graph small, and parallel copies of one entry become a
        // multiplicity instead of interchangeable vertices the search would have to individualise.
        int big = 0;
        for (int f = 0; f < factors; f++) if (start[f + 1] - start[f] > 2) big++;
        int n = kept + big;
        if (n > Character.MAX_VALUE) throw new IllegalArgumentException("network too large");
        int[] colours = w.colours = Work.atLeast(w.colours, n);
        for (int i = 0; i < indices; i++) if (used[i]) colours[vertex[i]] = 2 * indexSize[i];
        int[] factorVertex = w.factorVertex = Work.atLeast(w.factorVertex, factors);
        int edgeCount = 0;
        int b = kept;
        for (int f = 0; f < factors; f++) {
            if (start[f + 1] - start[f] > 2) {
                factorVertex[f] = b;
                colours[b++] = 2 * tensor[f] + 1;
                edgeCount += start[f + 1] - start[f];
            } else {
                factorVertex[f] = -1;
                edgeCount++;
            }
        }
        int[] from = w.from = Work.atLeast(w.from, edgeCount);
        int[] to = w.to = Work.atLeast(w.to, edgeCount);
        int[] label = w.label = Work.atLeast(w.label, edgeCount);
        int j = 0;
        for (int f = 0; f < factors; f++) {
            int s = start[f];
            int order = start[f + 1] - s;
            if (order == 0) throw new IllegalArgumentException("factor " + f + " has no slots");
            if (order <= 2) {
                from[j] = vertex[slot[s]];
                to[j] = vertex[slot[s + order - 1]];
                label[j++] = order == 2 ? 3 * tensor[f] : 3 * tensor[f] + 1;
            } else {
                for (int k = 0; k < order; k++) {
                    from[j] = factorVertex[f];
                    to[j] = vertex[slot[s + k]];
                    label[j++] = 3 * k + 2;
                }
            }
        }
        MultigraphCanonicalForm form = MultigraphCanonicalForm.of(colours, n, from, to, label, edgeCount);
        int[] position = form.labelling();
        // positions are sorted by colour: index vertices (even colours) by size, factor vertices
        // (odd colours) by tensor; number the indices in position order
        int[] atPosition = w.atPosition = Work.atLeast(w.atPosition, n);
        for (int v = 0; v < n; v++) atPosition[position[v]] = v;
        int[] newIndex = w.newIndex = Work.atLeast(w.newIndex, kept);
        int[] newSize = new int[kept];
        int ni = 0;
        for (int p = 0; p < n; p++) {
            int v = atPosition[p];
            if (v < kept) {
                newSize[ni] = colours[v] / 2;
                newIndex[v] = ni++;
            }
        }
        // factors sorted by tensor; within a tensor, vertex factors by position, edge and loop
        // factors by their relabelled slots (equal ones are interchangeable, so ties are harmless):
        // one long per factor, tensor, then position or slots, then the factor, 16 bits each
        if (w.order.length < factors) w.order = new long[Math.max(factors, 2 * w.order.length)];
        long[] order = w.order;
        int[] relabelled = w.relabelled = Work.atLeast(w.relabelled, slots);
        for (int x = 0; x < slots; x++) relabelled[x] = newIndex[vertex[slot[x]]];
        for (int f = 0; f < factors; f++) {
            int s = start[f];
            long rest = factorVertex[f] >= 0 ? (long) position[factorVertex[f]] << 32
                    : start[f + 1] - s == 2 ? ((long) relabelled[s] << 32) | ((long) relabelled[s + 1] << 16)
                    : (long) relabelled[s] << 32;
            order[f] = ((long) tensor[f] << 48) | rest | f;
        }
        Arrays.sort(order, 0, factors);
        int[] newTensor = new int[factors];
        int[] newStart = new int[factors + 1];
        int[] newSlot = new int[slots];
        int[] newFactor = w.newFactor = Work.atLeast(w.newFactor, factors);
        for (int q = 0; q < factors; q++) {
            int f = (int) (order[q] & 0xffff);
            int length = start[f + 1] - start[f];
            newTensor[q] = tensor[f];
            System.arraycopy(relabelled, start[f], newSlot, newStart[q], length);
            newStart[q + 1] = newStart[q] + length;
            newFactor[f] = q;
        }
        TensorNetwork network = new TensorNetwork(newTensor, newStart, newSlot, newSize);
        if (form.hasAutomorphisms()) {
            // most networks are only looked up, never expanded: their symmetries (and the graph's automorphisms
            // behind them) are made when first asked for
            network.source = new Symmetries(form, kept, Arrays.copyOf(newIndex, kept), Arrays.copyOf(factorVertex, factors),
                    Arrays.copyOf(newFactor, factors));
            network.symmetries = null;
        }
        return new Canonical(network, loopSizes);
    }

    /**
     * What canonicalising found, in the graph's numbering: the form (with at least one automorphism), the number
     * of index vertices, the new index of each, the graph vertex of each old factor (-1 for an edge or a loop) and
     * the new factor of each old one.
     */
    private record Symmetries(MultigraphCanonicalForm form, int kept, int[] newIndex, int[] factorVertex, int[] newFactor) {}

    /** The symmetry maps, made from {@link #source} on first use. */
    private int[][] symmetryMaps() {
        int[][] s = symmetries;
        if (s != null) return s;
        synchronized (this) {
            if (symmetries == null) {
                symmetries = symmetries(source);
                source = null;
            }
            return symmetries;
        }
    }

    /**
     * The automorphisms of the graph as maps on the network's copy classes: {@code map[q]} is the
     * leader (first factor) of the class that factor {@code q}'s class goes to.
     */
    private int[][] symmetries(Symmetries x) {
        int factors = tensor.length;
        int[][] automorphisms = x.form().automorphisms();
        int[] vertexFactor = new int[x.form().vertexCount()]; // graph vertex of a factor -> new factor
        for (int f = 0; f < factors; f++) if (x.factorVertex()[f] >= 0) vertexFactor[x.factorVertex()[f]] = x.newFactor()[f];
        int[] oldIndex = new int[x.kept()];
        for (int v = 0; v < x.kept(); v++) oldIndex[x.newIndex()[v]] = v;
        int[] oldFactor = new int[factors];
        for (int f = 0; f < factors; f++) oldFactor[x.newFactor()[f]] = f;
        int[][] out = new int[automorphisms.length][];
        for (int g = 0; g < out.length; g++) {
            int[] gamma = automorphisms[g];
            int[] map = new int[factors];
            for (int q = 0; q < factors; q++) {
                int f = oldFactor[q];
                if (x.factorVertex()[f] >= 0) {
                    map[q] = leader[vertexFactor[gamma[x.factorVertex()[f]]]];
                } else {
                    int[] image = new int[start[q + 1] - start[q]];
                    for (int k = 0; k < image.length; k++) image[k] = x.newIndex()[gamma[oldIndex[slot[start[q] + k]]]];
                    map[q] = leader[findEdgeFactor(tensor[q], image)];
                }
            }
            out[g] = map;
        }
        return out;
    }

    /**
     * A factor of order at most 2 with this tensor and these slots, by binary search (such factors
     * are sorted by tensor, then slots).
     */
    private int findEdgeFactor(int t, int[] s) {
        int lo = 0;
        int hi = tensor.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = tensor[mid] != t ? Integer.compare(tensor[mid], t) : Arrays.compare(slot, start[mid], start[mid + 1], s, 0, s.length);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        throw new IllegalStateException("a graph automorphism maps a factor outside " + this);
    }

    /**
     * Removes factor {@code fa} of {@code a} and factor {@code fb} of {@code b}, identifies slot
     * $k$ of the one with slot $k$ of the other for every $k$, and canonicalises the rest. With
     * {@code b == null} both factors are taken from {@code a} (a Wick pairing:
     * $E[T_{i\dots}T_{j\dots}] \propto \prod_k \delta_{i_k j_k}$); otherwise the result is the
     * disjoint union of the two remainders glued along those slots (substituting the gradient
     * network {@code b}, whose hole is {@code fb}, for the factor {@code fa} of {@code a}).
     * Index identification is a union-find over the index vertices: $O((F + I)\,\alpha)$ plus the
     * canonical labelling.
     *
     * @throws IllegalArgumentException if the two factors have different numbers of slots or
     *                                  {@code b == null} and {@code fa == fb}
     */
    public static Canonical join(TensorNetwork a, int fa, TensorNetwork b, int fb) {
        boolean same = b == null;
        TensorNetwork other = same ? a : b;
        if (same && fa == fb) throw new IllegalArgumentException("a factor cannot pair with itself");
        int order = a.order(fa);
        if (order != other.order(fb)) throw new IllegalArgumentException("factors of different orders cannot be joined");
        int offset = same ? 0 : a.indexSize.length;
        int total = offset + other.indexSize.length;
        Work w = Work.OF_THREAD.get();
        int[] parent = w.parent = Work.atLeast(w.parent, total);
        for (int i = 0; i < total; i++) parent[i] = i;
        for (int k = 0; k < order; k++) {
            UnionFind.union(parent, a.slot(fa, k), offset + other.slot(fb, k));
        }
        int[] size = w.size = Work.atLeast(w.size, total);
        System.arraycopy(a.indexSize, 0, size, 0, a.indexSize.length);
        if (!same) System.arraycopy(b.indexSize, 0, size, offset, b.indexSize.length);
        int[] root = w.root = Work.atLeast(w.root, total);
        int[] id = w.id = Work.atLeast(w.id, total);
        Arrays.fill(id, 0, total, -1);
        int count = 0;
        for (int i = 0; i < total; i++) {
            root[i] = UnionFind.find(parent, i);
            if (id[root[i]] < 0) id[root[i]] = count++;
        }
        int[] indexSize = w.mergedSize = Work.atLeast(w.mergedSize, count);
        for (int i = 0; i < total; i++) indexSize[id[root[i]]] = size[i];
        int factors = a.tensor.length + (same ? -2 : other.tensor.length - 2);
        int[] tensor = w.tensor = Work.atLeast(w.tensor, factors);
        int[] start = w.start = Work.atLeast(w.start, factors + 1);
        start[0] = 0;
        int[] slot = w.slot = Work.atLeast(w.slot, a.slot.length + (same ? 0 : other.slot.length) - 2 * order);
        int q = 0;
        for (int f = 0; f < a.tensor.length; f++) {
            if (f == fa || (same && f == fb)) continue;
            tensor[q] = a.tensor[f];
            start[q + 1] = remap(a, f, 0, root, id, slot, start[q]);
            q++;
        }
        if (!same) {
            for (int f = 0; f < b.tensor.length; f++) {
                if (f == fb) continue;
                tensor[q] = b.tensor[f];
                start[q + 1] = remap(b, f, offset, root, id, slot, start[q]);
                q++;
            }
        }
        return canonical(factors, count, tensor, start, slot, indexSize);
    }

    /**
     * This network with the tensor of factor {@code f} replaced by {@code newTensor} (same slots),
     * canonicalised: $\partial/\partial T$ at that factor when {@code newTensor} is $T$'s hole.
     */
    public Canonical relabel(int f, int newTensor) {
        int[] t = tensor.clone();
        t[f] = newTensor;
        return canonical(t.length, indexSize.length, t, start, slot, indexSize);
    }

    /** Writes factor f's slots of n, merged, at {@code out[at..]}; returns the end. */
    private static int remap(TensorNetwork n, int f, int offset, int[] root, int[] id, int[] out, int at) {
        for (int j = n.start[f]; j < n.start[f + 1]; j++) out[at++] = id[root[offset + n.slot[j]]];
        return at;
    }

    public int factorCount() {
        return tensor.length;
    }

    public int indexCount() {
        return indexSize.length;
    }

    /** Tensor (or hole) id of factor {@code f}; factors are sorted by it. */
    public int tensor(int f) {
        return tensor[f];
    }

    /** The index vertex at slot {@code k} of factor {@code f}. */
    public int slot(int f, int k) {
        return slot[start[f] + k];
    }

    public int order(int f) {
        return start[f + 1] - start[f];
    }

    /** Size id of index vertex {@code i}; indices are sorted by it. */
    public int indexSize(int i) {
        return indexSize[i];
    }

    /**
     * The first factor of {@code f}'s copy class: adjacent factors that are copies of one entry
     * (same tensor, same indices) form a class. All copies of an order-1 or order-2 entry are
     * adjacent; copies of higher-order entries may be split over several classes, which only
     * makes the classes finer.
     */
    public int leader(int f) {
        return leader[f];
    }

    /**
     * Symmetries of the network found while canonicalising it, as maps on copy classes:
     * {@code symmetries()[g][f]} is the leader of the class that automorphism {@code g} sends
     * {@code f}'s class to. They generate a group of automorphisms (a subgroup of the full group,
     * see {@link MultigraphCanonicalForm#automorphisms()}), so two factors in one orbit of it are
     * equivalent: removing or replacing either gives isomorphic networks.
     */
    public int[][] symmetries() {
        int[][] maps = symmetryMaps();
        int[][] c = new int[maps.length][];
        for (int g = 0; g < c.length; g++) c[g] = maps[g].clone();
        return c;
    }

    /** Number of symmetry generators. */
    public int symmetryCount() {
        return symmetryMaps().length;
    }

    /** Image of {@code f}'s class under generator {@code g}, as a leader. */
    public int symmetry(int g, int f) {
        return symmetryMaps()[g][f];
    }

    /** Whether factors {@code f} and {@code g} are copies of one entry (same tensor, same indices). */
    public boolean sameSlots(int f, int g) {
        return tensor[f] == tensor[g] && Arrays.equals(slot, start[f], start[f + 1], slot, start[g], start[g + 1]);
    }

    /** Number of factors with tensor (or hole) id {@code t}. */
    public int count(int t) {
        int c = 0;
        for (int x : tensor) if (x == t) c++;
        return c;
    }

    /** The first factor with tensor id {@code t}, or -1. */
    public int first(int t) {
        for (int f = 0; f < tensor.length; f++) if (tensor[f] == t) return f;
        return -1;
    }

    /** The canonical key: equal for two networks if and only if they are isomorphic. */
    public String key() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof TensorNetwork n && hash == n.hash && key.equals(n.key));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Order of the keys: fewer indices first, then fewer factors, then lexicographic. */
    @Override
    public int compareTo(TensorNetwork o) {
        return key.compareTo(o.key);
    }

    /** E.g. {@code t0[i0,i1] t0[i0,i2] (sizes 0,1,1)}; {@link NetworkAlphabet#format} names them. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int f = 0; f < tensor.length; f++) {
            if (f > 0) sb.append(' ');
            sb.append('t').append(tensor[f]).append('[');
            for (int k = 0; k < order(f); k++) {
                if (k > 0) sb.append(',');
                sb.append('i').append(slot(f, k));
            }
            sb.append(']');
        }
        return sb.append(" (sizes ").append(Arrays.toString(indexSize)).append(')').toString();
    }
}
