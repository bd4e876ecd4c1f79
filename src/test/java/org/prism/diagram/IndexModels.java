package org.prism.diagram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.model.Tensor;
import org.prism.model.TensorFactor;
import org.prism.model.TensorModel;
import org.prism.model.TensorTerm;

/**
 * Models written by hand in the index-notation IR, for the tests of the network engine: the tied
 * autoencoder (the same model as {@link org.prism.model.Models#tiedAutoencoder()}) and CP
 * decompositions of the order-$\nu$ diagonal tensor.
 */
final class IndexModels {
    private IndexModels() {}

    private static final Monomial SIGMA2 = Monomial.of("sigma", 2);

    /**
     * $W \in \mathbb{R}^{m\times d}$ ($\sigma^2$), data $X \in \mathbb{R}^{d\times n}$ (variance 1).
     * train $= \frac1{2n}\sum_{a,i}(\sum_{j,k} W_{ki}W_{kj}X_{ja} - X_{ia})^2$ expanded into its three
     * closed terms; pop $= \frac12\sum_{i,j}(\sum_k W_{ki}W_{kj} - \delta_{ij})^2$ likewise, with the
     * identity written as a delta; the flow follows train.
     */
    static TensorModel tiedAutoencoder() {
        Tensor w = new Tensor("W", List.of("m", "d"), Tensor.Role.PARAMETER, SIGMA2);
        Tensor x = new Tensor("X", List.of("d", "n"), Tensor.Role.DATA, Monomial.ONE);
        Map<String, String> sizes = Map.of("i", "d", "j", "d", "r", "d", "k", "m", "l", "m", "a", "n");
        List<TensorTerm> train = List.of(
                term("1/2*n^-1", sizes, e("W", "k", "i"), e("W", "k", "j"), e("X", "j", "a"), e("W", "l", "i"), e("W", "l", "r"), e("X", "r", "a")),
                term("-n^-1", sizes, e("W", "k", "i"), e("W", "k", "j"), e("X", "j", "a"), e("X", "i", "a")),
                term("1/2*n^-1", sizes, e("X", "i", "a"), e("X", "i", "a")));
        List<TensorTerm> pop = List.of(
                term("1/2", sizes, e("W", "k", "i"), e("W", "k", "j"), e("W", "l", "i"), e("W", "l", "j")),
                term("-1", sizes, e("W", "k", "i"), e("W", "k", "j"), delta("i", "j")),
                term("1/2", sizes, delta("i", "j"), delta("i", "j")));
        Map<String, List<TensorTerm>> losses = new LinkedHashMap<>();
        losses.put("train", train);
        losses.put("pop", pop);
        return new TensorModel("tied-autoencoder", List.of("d", "m", "n"), List.of(w, x), losses, "train");
    }

    /**
     * Symmetric CP: $U \in \mathbb{R}^{p\times H}$ ($\sigma^2$), $T = \sum_h u_h^{\otimes\nu}$,
     * loss $L = \frac12\|T - I_\nu\|^2$ with $I_\nu = \delta[i_1..i_\nu]$:
     * $\frac12\sum_{h,g}\prod_k U_{i_k h}U_{i_k g} - \sum_h \prod_k U_{i_k h}\,\delta[i_1..i_\nu] + \frac12\delta\delta$.
     */
    static TensorModel cpSymmetric(int nu) {
        return cp(nu, true);
    }

    /** Asymmetric CP: one factor matrix $U_k \in \mathbb{R}^{p\times H}$ ($\sigma^2$) per slot, $T = \sum_h \bigotimes_k u^{(k)}_h$. */
    static TensorModel cpAsymmetric(int nu) {
        return cp(nu, false);
    }

    private static TensorModel cp(int nu, boolean symmetric) {
        List<Tensor> tensors = new ArrayList<>();
        for (int k = 0; k < (symmetric ? 1 : nu); k++) tensors.add(new Tensor(symmetric ? "U" : "U" + (k + 1), List.of("p", "H"), Tensor.Role.PARAMETER, SIGMA2));
        Map<String, String> sizes = new LinkedHashMap<>();
        sizes.put("h", "H");
        sizes.put("g", "H");
        List<String> is = new ArrayList<>();
        for (int k = 0; k < nu; k++) {
            sizes.put("i" + k, "p");
            is.add("i" + k);
        }
        List<TensorFactor> square = new ArrayList<>();
        List<TensorFactor> cross = new ArrayList<>();
        for (int k = 0; k < nu; k++) {
            String name = tensors.get(symmetric ? 0 : k).name();
            square.add(e(name, "i" + k, "h"));
            square.add(e(name, "i" + k, "g"));
            cross.add(e(name, "i" + k, "h"));
        }
        cross.add(new TensorFactor.Delta(is));
        List<TensorTerm> loss = List.of(
                term("1/2", sizes, square.toArray(TensorFactor[]::new)),
                term("-1", sizes, cross.toArray(TensorFactor[]::new)),
                term("1/2", sizes, new TensorFactor.Delta(is), new TensorFactor.Delta(is)));
        return new TensorModel((symmetric ? "cp-sym-" : "cp-asym-") + nu, List.of("p", "H"), tensors, Map.of("loss", loss), "loss");
    }

    static TensorFactor e(String tensor, String... indices) {
        return new TensorFactor.Entry(tensor, List.of(indices));
    }

    static TensorFactor delta(String... indices) {
        return new TensorFactor.Delta(List.of(indices));
    }

    /** The term with the sizes of the index variables it uses (each is summed). */
    static TensorTerm term(String coefficient, Map<String, String> sizes, TensorFactor... factors) {
        Map<String, String> used = new LinkedHashMap<>();
        for (TensorFactor f : factors) for (String i : f.indices()) used.put(i, sizes.get(i));
        return new TensorTerm(Polynomial.parse(coefficient), List.of(factors), used);
    }
}
