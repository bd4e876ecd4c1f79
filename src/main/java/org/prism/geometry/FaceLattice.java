package org.prism.geometry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lattice of <em>non-empty</em> faces of a $k$-polytope $P$, ordered by inclusion.
 *
 * <p>Policy: the empty face (the bottom of the full face lattice, dimension $-1$) is <em>not</em>
 * included, since it is not the maximiser of any linear functional and has no normal. The top
 * element $P$ itself is included (dimension $k$, normal $0$). Faces are listed by increasing
 * dimension, then lexicographically by vertex indices.
 *
 * <p>Construction (top-down, purely combinatorial from the vertex-facet incidences): the faces
 * covered by $P$ are its facets; for a face $G$ of dimension $\ge 1$, the faces it covers are
 * the inclusion-maximal sets $G \cap H$ over the facets $H$ of $P$ meeting $G$ but not containing
 * it (every facet of $G$ is such a set, and every such set is a proper face of $G$). Dimensions
 * follow from the grading. Cost about $O(\sum_G (m_G \cdot n/64 + c_G \cdot s_G))$ bit
 * operations, where $m_G$ counts the facets of $P$ meeting $G$, $c_G$ the distinct candidate
 * sets and $s_G$ the facets of $G$; in practice roughly linear in the number of faces.
 */
public final class FaceLattice {

    private final int dimension;
    private final List<Face> faces;
    private final Map<List<Integer>, Integer> indexByVertices;
    private final List<List<Face>> subfaces;
    private final List<List<Face>> superfaces;

    private FaceLattice(int dimension, List<Face> faces, List<List<Integer>> down) {
        this.dimension = dimension;
        this.faces = List.copyOf(faces);
        this.indexByVertices = new HashMap<>();
        for (int i = 0; i < faces.size(); i++) {
            indexByVertices.put(faces.get(i).vertexIndices(), i);
        }
        List<List<Face>> sub = new ArrayList<>();
        List<List<Face>> sup = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            sub.add(new ArrayList<>());
            sup.add(new ArrayList<>());
        }
        for (int g = 0; g < faces.size(); g++) {
            for (int f : down.get(g)) {
                sub.get(g).add(faces.get(f));
                sup.get(f).add(faces.get(g));
            }
        }
        this.subfaces = sub.stream().map(l -> List.copyOf(sortFaces(l))).toList();
        this.superfaces = sup.stream().map(l -> List.copyOf(sortFaces(l))).toList();
    }

    static FaceLattice build(int dimension, List<IntVector> vertices, List<Inequality> facets,
            List<BitSet> facetVertexSets) {
        int n = vertices.size();
        int m = facets.size();
        List<BitSet> facetsAt = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            facetsAt.add(new BitSet(m));
        }
        for (int j = 0; j < m; j++) {
            BitSet h = facetVertexSets.get(j);
            for (int v = h.nextSetBit(0); v >= 0; v = h.nextSetBit(v + 1)) {
                facetsAt.get(v).set(j);
            }
        }
        List<BitSet> sets = new ArrayList<>();
        List<Integer> dims = new ArrayList<>();
        List<List<Integer>> down = new ArrayList<>();
        Map<VertexSet, Integer> index = new HashMap<>();
        BitSet all = new BitSet(n);
        all.set(0, n);
        addFace(all, dimension, sets, dims, down, index);
        Deque<Integer> queue = new ArrayDeque<>();
        for (BitSet h : facetVertexSets) {
            int f = addFace(h, dimension - 1, sets, dims, down, index);
            down.get(0).add(f);
            queue.add(f);
        }
        long[] scratch = new long[m];
        int[][] facetLists = new int[n][];
        for (int v = 0; v < n; v++) {
            facetLists[v] = facetsAt.get(v).stream().toArray();
        }
        while (!queue.isEmpty()) {
            int g = queue.poll();
            if (dims.get(g) == 0) {
                continue;
            }
            for (BitSet c : facetsOfFace(sets.get(g), facetsAt, facetLists, facetVertexSets, scratch)) {
                Integer known = index.get(new VertexSet(c));
                int f = known != null ? known : addFace(c, dims.get(g) - 1, sets, dims, down, index);
                if (known == null) {
                    queue.add(f);
                }
                down.get(g).add(f);
            }
        }
        List<Face> unsorted = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            unsorted.add(makeFace(sets.get(i), dims.get(i), vertices, facets, facetsAt, m));
        }
        Integer[] order = new Integer[unsorted.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> ORDER.compare(unsorted.get(a), unsorted.get(b)));
        int[] position = new int[order.length];
        List<Face> faces = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            position[order[i]] = i;
            faces.add(unsorted.get(order[i]));
        }
        List<List<Integer>> sortedDown = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            sortedDown.add(down.get(order[i]).stream().map(j -> position[j]).toList());
        }
        return new FaceLattice(dimension, faces, sortedDown);
    }

    private static int addFace(BitSet s, int dim, List<BitSet> sets, List<Integer> dims, List<List<Integer>> down,
            Map<VertexSet, Integer> index) {
        int i = sets.size();
        sets.add(s);
        dims.add(dim);
        down.add(new ArrayList<>());
        index.put(new VertexSet(s), i);
        return i;
    }

    /** A vertex set as a hash key; {@link BitSet#hashCode()} collides too often for small sets. */
    private record VertexSet(long[] words) {

        VertexSet(BitSet s) {
            this(s.toLongArray());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof VertexSet v && java.util.Arrays.equals(words, v.words);
        }

        @Override
        public int hashCode() {
            long h = 0x9E3779B97F4A7C15L;
            for (long w : words) {
                h = (h ^ w) * 0xBF58476D1CE4E5B9L;
                h ^= h >>> 31;
            }
            return (int) (h ^ (h >>> 32));
        }
    }

    /**
     * The facets of a face $G$ (of dimension at least 1): the inclusion-maximal sets $G \cap H$ over
     * the facets $H$ of $P$ that meet $G$ without containing it.
     */
    private static List<BitSet> facetsOfFace(BitSet g, List<BitSet> facetsAt, int[][] facetLists,
            List<BitSet> facetVertexSets, long[] scratch) {
        int size = g.cardinality();
        if (size <= 64) {
            return smallFacetsOfFace(g, size, facetLists, scratch);
        }
        BitSet meeting = new BitSet();
        for (int v = g.nextSetBit(0); v >= 0; v = g.nextSetBit(v + 1)) {
            meeting.or(facetsAt.get(v));
        }
        Set<BitSet> candidates = new LinkedHashSet<>();
        for (int j = meeting.nextSetBit(0); j >= 0; j = meeting.nextSetBit(j + 1)) {
            BitSet c = (BitSet) g.clone();
            c.and(facetVertexSets.get(j));
            if (!c.equals(g)) {
                candidates.add(c);
            }
        }
        List<BitSet> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt(BitSet::cardinality).reversed());
        List<BitSet> maximal = new ArrayList<>();
        for (BitSet c : sorted) {
            boolean contained = false;
            for (BitSet k : maximal) {
                BitSet rest = (BitSet) c.clone();
                rest.andNot(k);
                if (rest.isEmpty()) {
                    contained = true;
                    break;
                }
            }
            if (!contained) {
                maximal.add(c);
            }
        }
        return maximal;
    }

    /**
     * {@link #facetsOfFace} for a face with at most 64 vertices: each $G \cap H$ is encoded as a
     * bit mask over the vertices of $G$, accumulated in {@code scratch} (indexed by facet, all zero
     * on entry and on exit).
     */
    private static List<BitSet> smallFacetsOfFace(BitSet g, int size, int[][] facetsAt, long[] scratch) {
        int[] local = g.stream().toArray();
        long full = size == 64 ? -1L : (1L << size) - 1;
        int[] touched = new int[64];
        int count = 0;
        for (int i = 0; i < size; i++) {
            for (int j : facetsAt[local[i]]) {
                if (scratch[j] == 0) {
                    if (count == touched.length) {
                        touched = java.util.Arrays.copyOf(touched, 2 * count);
                    }
                    touched[count++] = j;
                }
                scratch[j] |= 1L << i;
            }
        }
        // inclusion-maximal masks, kept in an antichain updated in place
        long[] maximal = new long[8];
        int kept = 0;
        for (int c = 0; c < count; c++) {
            int j = touched[c];
            long mask = scratch[j];
            scratch[j] = 0;
            if (mask == full) {
                continue;
            }
            boolean contained = false;
            for (int q = 0; q < kept; q++) {
                if ((mask & ~maximal[q]) == 0) {
                    contained = true;
                    break;
                }
            }
            if (contained) {
                continue;
            }
            int w = 0;
            for (int q = 0; q < kept; q++) {
                if ((maximal[q] & ~mask) != 0) {
                    maximal[w++] = maximal[q];
                }
            }
            kept = w;
            if (kept == maximal.length) {
                maximal = java.util.Arrays.copyOf(maximal, 2 * kept);
            }
            maximal[kept++] = mask;
        }
        List<BitSet> result = new ArrayList<>(kept);
        for (int q = 0; q < kept; q++) {
            long c = maximal[q];
            BitSet b = new BitSet();
            for (int i = 0; i < size; i++) {
                if ((c >>> i & 1) != 0) {
                    b.set(local[i]);
                }
            }
            result.add(b);
        }
        return result;
    }

    private static Face makeFace(BitSet s, int dim, List<IntVector> vertices, List<Inequality> facets,
            List<BitSet> facetsAt, int m) {
        List<Integer> idx = s.stream().boxed().toList();
        List<IntVector> pts = idx.stream().map(vertices::get).toList();
        BitSet containing = new BitSet(m);
        containing.set(0, m);
        for (int v : idx) {
            containing.and(facetsAt.get(v));
        }
        List<IntVector> normals = new ArrayList<>();
        IntVector sum = IntVector.zero(vertices.get(0).dimension());
        for (int j = containing.nextSetBit(0); j >= 0; j = containing.nextSetBit(j + 1)) {
            normals.add(facets.get(j).normal());
            sum = sum.plus(facets.get(j).normal());
        }
        return new Face(dim, idx, pts, sum.primitive(), normals);
    }

    private static final Comparator<Face> ORDER = Comparator.comparingInt(Face::dimension)
            .thenComparing(Face::vertexIndices, FaceLattice::compareLists);

    private static int compareLists(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static List<Face> sortFaces(List<Face> faces) {
        faces.sort(ORDER);
        return faces;
    }

    /** Returns $k$, the dimension of the polytope (the top face). */
    public int dimension() {
        return dimension;
    }

    /** Returns all non-empty faces, by increasing dimension. */
    public List<Face> faces() {
        return faces;
    }

    /** Returns the faces of dimension {@code dim} (empty if {@code dim} is out of $[0, k]$). */
    public List<Face> faces(int dim) {
        return faces.stream().filter(f -> f.dimension() == dim).toList();
    }

    /** Returns the polytope itself as a face. */
    public Face top() {
        return faces.get(faces.size() - 1);
    }

    /** Returns the number of non-empty faces (including the top). */
    public int size() {
        return faces.size();
    }

    /**
     * Returns the f-vector $(f_0, \dots, f_{k-1})$: $f_i$ is the number of $i$-dimensional faces.
     * Following the usual convention neither the empty face nor $P$ is counted, so a point has
     * the empty f-vector and a triangular prism has $(6, 9, 5)$.
     */
    public int[] fVector() {
        int[] f = new int[dimension];
        for (Face face : faces) {
            if (face.dimension() < dimension) {
                f[face.dimension()]++;
            }
        }
        return f;
    }

    /** Returns the face with exactly the given vertex indices, if there is one. */
    public Optional<Face> faceWithVertices(Collection<Integer> vertexIndices) {
        List<Integer> key = vertexIndices.stream().sorted().distinct().toList();
        Integer i = indexByVertices.get(key);
        return i == null ? Optional.empty() : Optional.of(faces.get(i));
    }

    /** Returns the faces $G$ covered by $F$: $G \subset F$, $\dim G = \dim F - 1$ (none for vertices). */
    public List<Face> subfaces(Face face) {
        return subfaces.get(indexOf(face));
    }

    /** Returns the faces $G$ covering $F$: $F \subset G$, $\dim G = \dim F + 1$ (none for the top). */
    public List<Face> superfaces(Face face) {
        return superfaces.get(indexOf(face));
    }

    private int indexOf(Face face) {
        Integer i = indexByVertices.get(face.vertexIndices());
        if (i == null || !faces.get(i).equals(face)) {
            throw new IllegalArgumentException("not a face of this lattice: " + face);
        }
        return i;
    }

    @Override
    public String toString() {
        return "FaceLattice[dim=" + dimension + ", f=" + java.util.Arrays.toString(fVector()) + "]";
    }
}
