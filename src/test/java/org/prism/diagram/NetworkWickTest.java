package org.prism.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.expansion.NetworkAlphabet;
import org.prism.expansion.TensorNetwork;
import org.prism.model.Tensor;
import org.prism.model.TensorFactor;
import org.prism.model.TensorModel;
import org.prism.model.TensorTerm;

/**
 * The Wick recursion on networks against Gaussian moments derived by hand and against a plain
 * enumeration of all pairings (no memo, no canonical forms) on random networks.
 */
class NetworkWickTest {
    // U[p,H] ~ sigma^2, v[p] ~ tau^2 (parameters), C[p,p,H] ~ sigma^2, X[p,n] ~ 1 (data)
    static final TensorModel MODEL;
    static final NetworkAlphabet ALPHABET;

    static {
        List<Tensor> tensors = List.of(
                new Tensor("U", List.of("p", "H"), Tensor.Role.PARAMETER, Monomial.of("sigma", 2)),
                new Tensor("v", List.of("p"), Tensor.Role.PARAMETER, Monomial.of("tau", 2)),
                new Tensor("C", List.of("p", "p", "H"), Tensor.Role.PARAMETER, Monomial.of("sigma", 2)),
                new Tensor("X", List.of("p", "n"), Tensor.Role.DATA, Monomial.ONE));
        Map<String, List<TensorTerm>> losses = new LinkedHashMap<>();
        losses.put("loss", List.of(new TensorTerm(Polynomial.ONE, List.of(), Map.of())));
        MODEL = new TensorModel("wick-test", List.of("p", "H", "n"), tensors, losses, "loss");
        ALPHABET = new NetworkAlphabet(MODEL);
    }

    static final Map<String, String> SIZES = Map.of("i", "p", "j", "p", "k", "p", "l", "p", "h", "H", "g", "H", "a", "n");

    static TensorFactor e(String t, String... i) {
        return new TensorFactor.Entry(t, List.of(i));
    }

    static Polynomial expect(TensorFactor... f) {
        Map<String, String> used = new LinkedHashMap<>();
        for (TensorFactor x : f) for (String i : x.indices()) used.put(i, SIZES.get(i));
        TensorNetwork.Canonical c = ALPHABET.network(new TensorTerm(Polynomial.ONE, List.of(f), used));
        assertEquals(0, c.loopCount());
        return new NetworkWick(ALPHABET).expectation(c.network());
    }

    static Polynomial p(String s) {
        return Polynomial.parse(s);
    }

    @Test
    void secondMoments() {
        assertEquals(p("sigma^2*p*H"), expect(e("U", "i", "h"), e("U", "i", "h")));
        assertEquals(p("tau^2*p*n"), expect(e("v", "i"), e("X", "i", "a"), e("v", "j"), e("X", "j", "a")));
        assertEquals(p("sigma^2*p^2*H"), expect(e("C", "i", "j", "h"), e("C", "i", "j", "h")));
        // C[i,i,h] C[j,j,h]: the pairing sets i = j, one p-loop
        assertEquals(p("sigma^2*p*H"), expect(e("C", "i", "i", "h"), e("C", "j", "j", "h")));
    }

    @Test
    void oddCountsVanish() {
        assertEquals(Polynomial.ZERO, expect(e("U", "i", "h"), e("U", "i", "h"), e("U", "i", "h")));
        assertEquals(Polynomial.ZERO, expect(e("U", "i", "h"), e("U", "i", "h"), e("v", "i"), e("X", "i", "a")));
    }

    /*
     * Chi-square moments: sum_{i,h} U_ih^2 ~ sigma^2 chi^2_N with N = pH, so
     * E[(sum U^2)^2] = sigma^4 N(N+2); for one column u ~ N(0, sigma^2 I_p),
     * E|u|^6 = sigma^6 p(p+2)(p+4); E (u.w)^4 for independent u, w = 3 sigma^8 p(p+2).
     */
    @Test
    void higherMomentsByHand() {
        assertEquals(p("sigma^4*p^2*H^2 + 2*sigma^4*p*H"), expect(e("U", "i", "h"), e("U", "i", "h"), e("U", "j", "g"), e("U", "j", "g")));
        assertEquals(p("sigma^6*H").multiply(p("p")).multiply(p("p+2")).multiply(p("p+4")),
                expect(e("U", "i", "h"), e("U", "i", "h"), e("U", "j", "h"), e("U", "j", "h"), e("U", "k", "h"), e("U", "k", "h")));
        // sum_{h,g} (u_h.u_g)^4 = H E|u|^8 + H(H-1) E(u.w)^4
        Polynomial diag = p("sigma^8*H").multiply(p("p")).multiply(p("p+2")).multiply(p("p+4")).multiply(p("p+6"));
        Polynomial off = p("3*sigma^8*H^2 - 3*sigma^8*H").multiply(p("p")).multiply(p("p+2"));
        assertEquals(diag.add(off), expect(e("U", "i", "h"), e("U", "i", "g"), e("U", "j", "h"), e("U", "j", "g"),
                e("U", "k", "h"), e("U", "k", "g"), e("U", "l", "h"), e("U", "l", "g")));
        // E (sum_i v_i^2)^2 = tau^4 p(p+2)
        assertEquals(p("tau^4*p^2 + 2*tau^4*p"), expect(e("v", "i"), e("v", "i"), e("v", "j"), e("v", "j")));
    }

    /** Sum over all pairings, by plain enumeration: per pairing, union the paired slots and count classes. */
    static Polynomial bruteForce(int[] tensor, int[][] slots, int[] sizes) {
        Map<Integer, List<Integer>> byTensor = new LinkedHashMap<>();
        for (int f = 0; f < tensor.length; f++) byTensor.computeIfAbsent(tensor[f], k -> new ArrayList<>()).add(f);
        for (List<Integer> fs : byTensor.values()) if (fs.size() % 2 == 1) return Polynomial.ZERO;
        List<Integer> groups = new ArrayList<>(byTensor.keySet());
        Polynomial[] sum = {Polynomial.ZERO};
        enumerate(byTensor, groups, 0, new ArrayList<>(), tensor, slots, sizes, sum);
        return sum[0];
    }

    private static void enumerate(Map<Integer, List<Integer>> byTensor, List<Integer> groups, int g, List<int[]> pairs,
            int[] tensor, int[][] slots, int[] sizes, Polynomial[] sum) {
        if (g == groups.size()) {
            int[] parent = new int[sizes.length];
            for (int i = 0; i < parent.length; i++) parent[i] = i;
            for (int[] pr : pairs) for (int k = 0; k < slots[pr[0]].length; k++) union(parent, slots[pr[0]][k], slots[pr[1]][k]);
            Map<String, Integer> exps = new LinkedHashMap<>();
            for (int i = 0; i < sizes.length; i++) if (find(parent, i) == i) exps.merge(ALPHABET.sizes().get(sizes[i]), 1, Integer::sum);
            Monomial m = Monomial.of(exps);
            for (int[] pr : pairs) m = m.multiply(ALPHABET.variance(tensor[pr[0]]));
            sum[0] = sum[0].add(Polynomial.term(Rational.ONE, m));
            return;
        }
        matchings(new ArrayList<>(byTensor.get(groups.get(g))), pairs,
                () -> enumerate(byTensor, groups, g + 1, pairs, tensor, slots, sizes, sum));
    }

    private static void matchings(List<Integer> left, List<int[]> pairs, Runnable done) {
        if (left.isEmpty()) {
            done.run();
            return;
        }
        int a = left.get(0);
        for (int j = 1; j < left.size(); j++) {
            List<Integer> rest = new ArrayList<>(left);
            int b = rest.remove(j);
            rest.remove(0);
            pairs.add(new int[] {a, b});
            matchings(rest, pairs, done);
            pairs.remove(pairs.size() - 1);
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) i = parent[i];
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        a = find(parent, a);
        b = find(parent, b);
        if (a != b) parent[a] = b;
    }

    @Test
    void recursionEqualsEnumerationOfAllPairings() {
        // shapes by tensor id, sizes p = 0, H = 1, n = 2
        int[][] shapes = {{0, 1}, {0}, {0, 0, 1}, {0, 2}};
        Random rnd = new Random(7);
        NetworkWick wick = new NetworkWick(ALPHABET); // one memo across all trials
        int nonzero = 0;
        for (int trial = 0; trial < 300; trial++) {
            int indices = 3 + rnd.nextInt(4);
            int[] sizes = new int[indices];
            for (int i = 0; i < indices; i++) sizes[i] = i < 3 ? i : rnd.nextInt(3);
            int factors = 2 * (1 + rnd.nextInt(4));
            int[] tensor = new int[factors];
            int[][] slots = new int[factors][];
            for (int f = 0; f < factors; f += 2) {
                // pairs of one tensor, so most networks have even counts
                int t = rnd.nextInt(4);
                for (int c = 0; c < 2; c++) {
                    tensor[f + c] = t;
                    slots[f + c] = new int[shapes[t].length];
                    for (int k = 0; k < shapes[t].length; k++) {
                        List<Integer> fit = new ArrayList<>();
                        for (int i = 0; i < indices; i++) if (sizes[i] == shapes[t][k]) fit.add(i);
                        slots[f + c][k] = fit.get(rnd.nextInt(fit.size()));
                    }
                }
            }
            TensorNetwork.Canonical c = TensorNetwork.canonical(tensor, slots, sizes);
            Polynomial loops = Polynomial.term(Rational.ONE, ALPHABET.loops(c.loops()));
            Polynomial expected = bruteForce(tensor, slots, sizes);
            if (!expected.isZero()) nonzero++;
            assertEquals(expected, wick.expectation(c.network()).multiply(loops),
                    Arrays.toString(tensor) + " " + Arrays.deepToString(slots) + " " + Arrays.toString(sizes));
        }
        assertEquals(true, nonzero > 100);
    }
}
