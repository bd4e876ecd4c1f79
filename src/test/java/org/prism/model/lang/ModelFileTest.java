package org.prism.model.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.model.Tensor;
import org.prism.model.TensorFactor;
import org.prism.model.TensorModel;
import org.prism.model.TensorTerm;

/**
 * The example files and the language's semantics: term lists counted by hand, matrix sugar against
 * index notation, and every loss's expansion evaluated by brute force against the loss computed
 * directly from its formula at random integer tensors.
 */
class ModelFileTest {

    /** Every file of examples/ parses, is named after its file and is one the tests know. */
    @Test
    void everyExampleParses() throws IOException {
        try (Stream<Path> files = Files.list(Examples.DIRECTORY)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".prism")).map(n -> n.replace(".prism", "")).sorted().toList();
            List<String> known = new ArrayList<>(Examples.MATRIX);
            known.addAll(Examples.TENSOR);
            assertEquals(known.stream().sorted().toList(), names);
            for (String n : names) assertEquals(n, Examples.read(n).model().name());
        }
    }

    @Test
    void tiedAutoencoderDeclarations() {
        ModelFile f = Examples.read("tied-autoencoder");
        TensorModel m = f.model();
        assertEquals("tied-autoencoder", m.name());
        assertEquals(List.of("d", "m", "n"), m.sizes());
        assertEquals(List.of(new Tensor("W", List.of("m", "d"), Tensor.Role.PARAMETER, Monomial.of("sigma", 2)),
                new Tensor("X", List.of("d", "n"), Tensor.Role.DATA, Monomial.ONE)), m.tensors());
        assertEquals("train", m.flowLoss());
        assertEquals(List.of("train", "pop"), f.tracked());
        assertEquals(List.of("train", "pop"), List.copyOf(m.losses().keySet()));
    }

    /**
     * $\frac12\|W^TW - I\|^2 = \frac12\sum_{ij}(\sum_k W_{ki}W_{kj})^2 - \sum_{ij}\sum_k W_{ki}W_{kj}\delta_{ij} + \frac12\sum_{ij}\delta_{ij}\delta_{ij}$:
     * three networks (the cross terms $ab$ and $ba$ merge into $-2 \cdot \frac12$).
     */
    @Test
    void tiedPopulationLossByHand() {
        List<TensorTerm> pop = Examples.read("tied-autoencoder").model().loss("pop");
        assertEquals(List.of(
                term("1/2", "m=i1 d=i2 d=i3 m=i4", entry("W", "i1", "i2"), entry("W", "i1", "i3"), entry("W", "i4", "i2"), entry("W", "i4", "i3")),
                term("-1", "m=i1 d=i2 d=i3", entry("W", "i1", "i2"), entry("W", "i1", "i3"), delta("i2", "i3")),
                term("1/2", "d=i1 d=i2", delta("i1", "i2"), delta("i1", "i2"))), pop);
    }

    /** The same losses written in index notation give the same term lists as the matrix sugar. */
    @Test
    void matrixSugarEqualsIndexNotation() {
        String index = """
                size d, m, n
                param W[m, d] ~ normal(0, sigma^2)
                data X[d, n] ~ normal(0, 1)
                loss train = 1/(2n) * sum(a, i) (sum(j, k) W[k, i] W[k, j] X[j, a] - X[i, a])^2
                loss pop = 1/2 * sum(i, j) (sum(k) W[k, i] W[k, j] - delta[i, j])^2
                flow gradient(train)
                """;
        TensorModel sugar = Examples.read("tied-autoencoder").model();
        TensorModel einsum = ModelFile.parse(index, "tied-index.prism");
        assertEquals("tied-index", einsum.name());
        assertEquals(sugar.loss("train"), einsum.loss("train"));
        assertEquals(sugar.loss("pop"), einsum.loss("pop"));
    }

    /**
     * Symmetric CP, $\nu = 3$: $\frac12\sum_{ijk}(a_{ijk} - \delta_{ijk})^2$ with $a_{ijk} = \sum_h U_{ih}U_{jh}U_{kh}$
     * is three networks: $\frac12 \sum a^2$ (six U's, two h's), $-\sum a\delta$ (three U's on one
     * h and a 3-index delta), and $\frac12\sum\delta^2$, whose value is $p$.
     */
    @Test
    void cp3SymByHand() {
        List<TensorTerm> pop = Examples.read("cp3-sym").model().loss("pop");
        assertEquals(3, pop.size());
        assertEquals(List.of(Polynomial.parse("1/2"), Polynomial.parse("-1"), Polynomial.parse("1/2")), pop.stream().map(TensorTerm::coefficient).toList());
        assertEquals(List.of(6, 3, 0), pop.stream().map(t -> count(t, "U")).toList());
        assertEquals(List.of(0, 1, 2), pop.stream().map(t -> deltas(t, 3)).toList());
        // the U^3 delta network: one h shared by the three U's, the delta joining their i, j, k
        assertEquals(term("-1", "p=i1 H=i2 p=i3 p=i4", entry("U", "i1", "i2"), entry("U", "i3", "i2"), entry("U", "i4", "i2"), delta("i1", "i3", "i4")), pop.get(1));
        // sum_{ijk} delta_ijk^2 = p, at p = 3
        assertEquals(Rational.of(3), NetworkValue.of(List.of(pop.get(2)), Map.of(), Map.of("p", 3, "H", 2), Map.of()).multiply(Rational.of(2)));
    }

    /** Asymmetric CP: the same three networks with A, B, C in place of the three U's. */
    @Test
    void cp3AsymByHand() {
        List<TensorTerm> pop = Examples.read("cp3-asym").model().loss("pop");
        assertEquals(3, pop.size());
        for (String t : List.of("A", "B", "C")) assertEquals(List.of(2, 1, 0), pop.stream().map(x -> count(x, t)).toList());
        assertEquals(List.of(0, 1, 2), pop.stream().map(x -> deltas(x, 3)).toList());
        assertEquals(3, Examples.read("cp3-asym").model().tensors().size());
    }

    /** Symmetric CP, $\nu = 4$: eight U's, four U's and a 4-index delta, two 4-index deltas. */
    @Test
    void cp4SymByHand() {
        List<TensorTerm> pop = Examples.read("cp4-sym").model().loss("pop");
        assertEquals(List.of(8, 4, 0), pop.stream().map(t -> count(t, "U")).toList());
        assertEquals(List.of(0, 1, 2), pop.stream().map(t -> deltas(t, 4)).toList());
        assertEquals(List.of(Polynomial.parse("1/2"), Polynomial.parse("-1"), Polynomial.parse("1/2")), pop.stream().map(TensorTerm::coefficient).toList());
    }

    /** Each example's losses, expanded, equal the losses computed directly from their formulas. */
    @ParameterizedTest
    @ValueSource(strings = {"tied-autoencoder", "untied-autoencoder", "deep-linear", "teacher-student", "cp3-sym", "cp3-asym", "cp4-sym"})
    void expansionEqualsDirectEvaluation(String example) {
        TensorModel model = Examples.read(example).model();
        Random random = new Random(7);
        for (int trial = 0; trial < 3; trial++) {
            Map<String, Integer> sizes = new HashMap<>();
            for (String s : model.sizes()) sizes.put(s, 1 + random.nextInt(3));
            Map<String, NetworkValue.Values> tensors = NetworkValue.randomTensors(model, sizes, random);
            for (String loss : model.losses().keySet()) {
                Rational expanded = NetworkValue.of(model.loss(loss), tensors, sizes, Map.of());
                assertEquals(DirectLosses.of(example, loss, tensors, sizes), expanded, example + " " + loss + " at " + sizes);
            }
        }
    }

    @Test
    void unusedSummedIndexContributesItsSize() {
        TensorModel m = ModelFile.parse("""
                size d
                param w[d] ~ normal(0, 1)
                loss l = sum(i : d) 1 + sum(i, j : d) (w[i] + 2)^2
                flow gradient(l)
                """, "sizes.prism");
        // d + sum_ij (w_i^2 + 4 w_i + 4) = d + d w.w + 4 d sum w + 4 d^2
        assertEquals(List.of(
                term("d + 4*d^2", ""),
                term("d", "d=i1", entry("w", "i1"), entry("w", "i1")),
                term("4*d", "d=i1", entry("w", "i1"))), m.loss("l"));
    }

    /** The statements of grammars/README.md, checked. */
    @Test
    void readmeClaims() {
        TensorModel m = ModelFile.parse("""
                size d
                param w[d] ~ normal(0, sigma^2/d)
                param v[d] ~ normal(0, sigma^(-2))
                loss l = sum(i) (w[i] + 2)^2
                loss k = 0.5 * sum(i) w[i] w[i] + 4 sum(i) w[i] + 4 d
                flow gradient(l)
                """, "readme.prism");
        assertEquals(Monomial.parse("sigma^2*d^-1"), m.tensor("w").variance());
        assertEquals(Monomial.parse("sigma^-2"), m.tensor("v").variance());
        List<TensorTerm> k = m.loss("k");
        assertEquals(m.loss("l").get(0).factors(), k.get(0).factors());
        assertEquals(List.of(Polynomial.parse("1"), Polynomial.parse("4"), Polynomial.parse("4*d")), m.loss("l").stream().map(TensorTerm::coefficient).toList());
        assertEquals(Polynomial.parse("1/2"), k.get(0).coefficient());
    }

    @Test
    void headerCommentsAndTrackDefaults() {
        ModelFile f = ModelFile.read("""
                # a comment before the header
                model my-net-2  # named explicitly
                size d
                symbol lambda
                param w[d] ~ normal(0, 1/d)
                loss a = lambda * sum(i) w[i]^2   # weight decay
                loss b = sum(i) w[i] w[i]
                flow gradient(a)
                """, "dir/other.prism");
        assertEquals("my-net-2", f.model().name());
        assertEquals(List.of("a", "b"), f.tracked());
        assertEquals(Monomial.of("d", -1), f.model().tensor("w").variance());
        assertEquals(Polynomial.parse("lambda"), f.model().loss("a").get(0).coefficient());
        assertEquals(f.model().loss("a").get(0).factors(), f.model().loss("b").get(0).factors());
    }

    /** A keyword is a plain word inside a model name: tied-gradient-flow, data-2 (a parse error before). */
    @Test
    void keywordsArePlainWordsInModelNames() {
        for (String name : List.of("tied-gradient-flow", "data-2", "model", "sum-of-tr-loss")) {
            ModelFile f = ModelFile.read("model " + name + "\nsize d\nparam w[d] ~ normal(0, 1)\nloss a = sum(i) w[i]^2\nflow gradient(a)\n", "x.prism");
            assertEquals(name, f.model().name());
        }
    }

    @Test
    void identitySizeIsInferredThroughProducts() {
        TensorModel m = ModelFile.parse("""
                size d, m
                param W[m, d] ~ normal(0, 1)
                loss l = tr(I W^T W I) - ||W I||^2 + 2 * tr(W I I W^T)
                flow gradient(l)
                """, "identity.prism");
        // tr(W^T W) - tr(W^T W) + 2 tr(W W^T): the identities run over d and vanish by merging indices
        assertEquals(List.of(term("2", "m=i1 d=i2 d=i3 d=i4", entry("W", "i1", "i2"), entry("W", "i1", "i3"), delta("i2", "i4"), delta("i3", "i4"))), m.loss("l"));
        assertTrue(ModelFile.parse("""
                size d
                param A[d, d] ~ normal(0, 1)
                loss l = tr(A^2) - tr(A A)
                flow gradient(l)
                """, "power.prism").loss("l").isEmpty());
    }

    private static int count(TensorTerm t, String tensor) {
        return (int) t.factors().stream().filter(f -> f instanceof TensorFactor.Entry e && e.tensor().equals(tensor)).count();
    }

    private static int deltas(TensorTerm t, int arity) {
        return (int) t.factors().stream().filter(f -> f instanceof TensorFactor.Delta && f.indices().size() == arity).count();
    }

    static TensorFactor entry(String tensor, String... indices) {
        return new TensorFactor.Entry(tensor, List.of(indices));
    }

    static TensorFactor delta(String... indices) {
        return new TensorFactor.Delta(List.of(indices));
    }

    /** A term with sizes given as "size=index ..." pairs, e.g. "m=i1 d=i2". */
    static TensorTerm term(String coefficient, String sizes, TensorFactor... factors) {
        Map<String, String> indexSize = new TreeMap<>();
        for (String pair : sizes.split(" ")) {
            if (pair.isEmpty()) continue;
            String[] kv = pair.split("=");
            indexSize.put(kv[1], kv[0]);
        }
        return new TensorTerm(Polynomial.parse(coefficient), List.of(factors), indexSize);
    }

    /** The losses of the examples computed from their formulas with integer matrices. */
    static final class DirectLosses {
        private DirectLosses() {}

        static Rational of(String example, String loss, Map<String, NetworkValue.Values> t, Map<String, Integer> size) {
            Rational half = Rational.of(1, 2);
            Rational halfOverN = size.containsKey("n") ? Rational.of(1, 2L * size.get("n")) : null;
            return switch (example + "/" + loss) {
                case "tied-autoencoder/train" -> halfOverN.multiply(sq(minus(mul(mul(tr(m(t, "W")), m(t, "W")), m(t, "X")), m(t, "X"))));
                case "tied-autoencoder/pop" -> half.multiply(sq(minus(mul(tr(m(t, "W")), m(t, "W")), eye(size.get("d")))));
                case "untied-autoencoder/train" -> halfOverN.multiply(sq(minus(mul(mul(m(t, "D"), m(t, "E")), m(t, "X")), m(t, "X"))));
                case "untied-autoencoder/pop" -> half.multiply(sq(minus(mul(m(t, "D"), m(t, "E")), eye(size.get("d")))));
                case "deep-linear/train" -> halfOverN.multiply(sq(minus(mul(mul(mul(m(t, "W3"), m(t, "W2")), m(t, "W1")), m(t, "X")), m(t, "X"))));
                case "deep-linear/pop" -> half.multiply(sq(minus(mul(mul(m(t, "W3"), m(t, "W2")), m(t, "W1")), eye(size.get("d")))));
                case "teacher-student/train" -> halfOverN.multiply(sq(minus(mul(m(t, "W"), m(t, "X")), mul(m(t, "T"), m(t, "X")))));
                case "teacher-student/pop" -> half.multiply(sq(minus(m(t, "W"), m(t, "T"))));
                case "cp3-sym/pop" -> half.multiply(cp(size.get("p"), size.get("H"), 3, i -> t.get("U").at(i)));
                case "cp3-asym/pop" -> half.multiply(cp(size.get("p"), size.get("H"), 3, i -> t.get(List.of("A", "B", "C").get(i[2])).at(new int[] {i[0], i[1]})));
                case "cp4-sym/pop" -> half.multiply(cp(size.get("p"), size.get("H"), 4, i -> t.get("U").at(i)));
                default -> throw new IllegalArgumentException(example + "/" + loss);
            };
        }

        /**
         * $\sum_{i_1..i_\nu} (\sum_h \prod_r F_r[i_r, h] - \delta_{i_1..i_\nu})^2$, the factor
         * $F_r[i, h]$ given as {@code f({i, h, r})}.
         */
        private static Rational cp(int p, int h, int nu, ToLongFunction<int[]> f) {
            long total = 0;
            int[] i = new int[nu];
            while (true) {
                long a = 0;
                for (int k = 0; k < h; k++) {
                    long prod = 1;
                    for (int r = 0; r < nu; r++) prod *= f.applyAsLong(new int[] {i[r], k, r});
                    a += prod;
                }
                boolean diagonal = true;
                for (int x : i) diagonal &= x == i[0];
                long e = a - (diagonal ? 1 : 0);
                total += e * e;
                int r = 0;
                while (r < nu && ++i[r] == p) i[r++] = 0;
                if (r == nu) return Rational.of(total);
            }
        }

        private static long[][] m(Map<String, NetworkValue.Values> t, String name) {
            NetworkValue.Values v = t.get(name);
            long[][] a = new long[v.shape()[0]][v.shape()[1]];
            for (int r = 0; r < a.length; r++) for (int c = 0; c < a[0].length; c++) a[r][c] = v.at(new int[] {r, c});
            return a;
        }

        private static long[][] eye(int d) {
            long[][] a = new long[d][d];
            for (int i = 0; i < d; i++) a[i][i] = 1;
            return a;
        }

        private static long[][] tr(long[][] a) {
            long[][] b = new long[a[0].length][a.length];
            for (int r = 0; r < a.length; r++) for (int c = 0; c < a[0].length; c++) b[c][r] = a[r][c];
            return b;
        }

        private static long[][] mul(long[][] a, long[][] b) {
            long[][] c = new long[a.length][b[0].length];
            for (int i = 0; i < a.length; i++) for (int k = 0; k < b.length; k++) for (int j = 0; j < b[0].length; j++) c[i][j] += a[i][k] * b[k][j];
            return c;
        }

        private static long[][] minus(long[][] a, long[][] b) {
            long[][] c = new long[a.length][a[0].length];
            for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) c[i][j] = a[i][j] - b[i][j];
            return c;
        }

        private static Rational sq(long[][] a) {
            long s = 0;
            for (long[] row : a) for (long x : row) s += x * x;
            return Rational.of(s);
        }
    }
}
