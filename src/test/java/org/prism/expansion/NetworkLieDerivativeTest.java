package org.prism.expansion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.model.Tensor;
import org.prism.model.TensorFactor;
import org.prism.model.TensorModel;
import org.prism.model.TensorTerm;

/** Lie derivatives of small losses, each derived by hand from the flow in matrix form. */
class NetworkLieDerivativeTest {
    static TensorFactor e(String t, String... i) {
        return new TensorFactor.Entry(t, List.of(i));
    }

    /** The term with the sizes of the index variables it uses (every variable listed is summed). */
    static TensorTerm term(String c, Map<String, String> sizes, TensorFactor... f) {
        Map<String, String> used = new LinkedHashMap<>();
        for (TensorFactor x : f) for (String i : x.indices()) used.put(i, sizes.get(i));
        return new TensorTerm(Polynomial.parse(c), List.of(f), used);
    }

    static TensorModel model(List<Tensor> tensors, List<TensorTerm> loss) {
        Map<String, List<TensorTerm>> losses = new LinkedHashMap<>();
        losses.put("loss", loss);
        return new TensorModel("test", List.of("p", "n"), tensors, losses, "loss");
    }

    /** The single-network sum {@code c * network(term)}. */
    static NetworkSum single(NetworkAlphabet a, String c, TensorTerm t) {
        return new NetworkSum.Builder(a).add(a.network(t), Polynomial.parse(c)).build();
    }

    @Test
    void squaredNormDecaysGeometrically() {
        // L = |w|^2/2, dw/dt = -w: D^s L = (-2)^s |w|^2 / 2
        Tensor w = new Tensor("w", List.of("p"), Tensor.Role.PARAMETER, Monomial.of("sigma", 2));
        Map<String, String> sizes = Map.of("i", "p");
        TensorTerm ww = term("1/2", sizes, e("w", "i"), e("w", "i"));
        NetworkExpansion x = new NetworkExpansion(model(List.of(w), List.of(ww)), "loss");
        NetworkAlphabet a = x.alphabet();
        assertEquals(single(a, "-1", ww).terms(), x.derivative(1).terms());
        assertEquals(single(a, "2", ww).terms(), x.derivative(2).terms());
        assertEquals(single(a, "-4", ww).terms(), x.derivative(3).terms());
        // velocity: -hole(w)[i] w[i]
        assertEquals(1, x.lieDerivative().velocity(0).size());
        assertEquals(Polynomial.parse("-1"), x.lieDerivative().velocity(0).terms().values().iterator().next());
    }

    @Test
    void traceOfAMatrixParameterLeavesAFreeLoop() {
        // L = tr(S) = sum_i S[i,i], dS/dt = -I: D L = -tr(I) = -p, a network with no factors
        Tensor s = new Tensor("S", List.of("p", "p"), Tensor.Role.PARAMETER, Monomial.of("sigma", 2));
        TensorTerm tr = term("1", Map.of("i", "p"), e("S", "i", "i"));
        NetworkExpansion x = new NetworkExpansion(model(List.of(s), List.of(tr)), "loss");
        assertEquals(Map.of(TensorNetwork.EMPTY, Polynomial.parse("-p")), x.derivative(1).terms());
        assertEquals(0, x.derivative(2).size());
    }

    @Test
    void dataTensorsDoNotMoveAndCancellationsMerge() {
        // linear regression without a target: L = 1/2 sum_a (sum_i w_i X_ia)^2 = 1/2 w^T X X^T w,
        // dw/dt = -X X^T w, so D L = -|X X^T w|^2 = -w^T X X^T X X^T w; the data X has no velocity
        Tensor w = new Tensor("w", List.of("p"), Tensor.Role.PARAMETER, Monomial.of("sigma", 2));
        Tensor xd = new Tensor("X", List.of("p", "n"), Tensor.Role.DATA, Monomial.ONE);
        Map<String, String> sizes = Map.of("i", "p", "j", "p", "k", "p", "a", "n", "b", "n");
        TensorTerm loss = term("1/2", sizes, e("w", "i"), e("X", "i", "a"), e("w", "j"), e("X", "j", "a"));
        NetworkExpansion x = new NetworkExpansion(model(List.of(w, xd), List.of(loss)), "loss");
        TensorTerm expected = term("1", sizes, e("w", "i"), e("X", "i", "a"), e("X", "j", "a"), e("X", "j", "b"), e("X", "k", "b"), e("w", "k"));
        assertEquals(single(x.alphabet(), "-1", expected).terms(), x.derivative(1).terms());
        assertEquals(0, x.lieDerivative().velocity(1).size());
        // L - L = 0: equal networks written differently merge and cancel
        TensorTerm same = term("-1/2", sizes, e("X", "j", "a"), e("w", "j"), e("w", "i"), e("X", "i", "a"));
        assertEquals(0, NetworkExpansion.sum(x.alphabet(), List.of(loss, same)).size());
    }

    @Test
    void deltasAreEliminatedByIdentifyingIndices() {
        // sum_{i,j,k} delta[i,j,k] U_i U_j U_k = sum_i U_i^3; sum_{i,j} delta[i,j] delta[i,j] = p
        Tensor u = new Tensor("u", List.of("p"), Tensor.Role.PARAMETER, Monomial.of("sigma", 2));
        Map<String, String> sizes = Map.of("i", "p", "j", "p", "k", "p");
        NetworkAlphabet a = new NetworkAlphabet(model(List.of(u), List.of(term("1", sizes, e("u", "i")))));
        TensorNetwork.Canonical cube = a.network(term("1", sizes, e("u", "i"), e("u", "j"), e("u", "k"), new TensorFactor.Delta(List.of("i", "j", "k"))));
        assertEquals(a.network(term("1", sizes, e("u", "i"), e("u", "i"), e("u", "i"))).network(), cube.network());
        TensorNetwork.Canonical dd = a.network(term("1", sizes, new TensorFactor.Delta(List.of("i", "j")), new TensorFactor.Delta(List.of("i", "j"))));
        assertEquals(TensorNetwork.EMPTY, dd.network());
        assertEquals(1, dd.loopCount());
        assertThrows(IllegalArgumentException.class, () -> a.network(term("1", Map.of("i", "p", "a", "n"), new TensorFactor.Delta(List.of("i", "a")))));
        // a listed variable on no factor is summed too: sum_{i,j} u_i u_i = p |u|^2
        TensorNetwork.Canonical extra = a.network(new TensorTerm(Polynomial.ONE, List.of(e("u", "i"), e("u", "i")), Map.of("i", "p", "j", "p")));
        assertEquals(1, extra.loopCount());
    }
}
