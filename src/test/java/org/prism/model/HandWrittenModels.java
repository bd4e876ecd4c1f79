package org.prism.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;

/**
 * The tied autoencoder written out by hand, trace by trace, with its velocity derived on paper:
 * the reference that the built-in model (parsed from examples/tied-autoencoder.prism, velocity
 * derived by the engine) must reproduce exactly.
 */
public final class HandWrittenModels {
    private HandWrittenModels() {}

    /**
     * The weight-tied linear autoencoder: $W \in \mathbb{R}^{m\times d}$ with iid
     * $N(0,\sigma^2)$ entries, data $X \in \mathbb{R}^{d\times n}$ with iid $N(0,1)$ entries,
     * $\Sigma = XX^T/n$, $A = W^TW$.
     * <ul>
     * <li>train: $L_{tr} = \frac1{2n}\|(A-I)X\|_F^2 = \frac1{2n}[\operatorname{tr}(W^TWW^TWXX^T) - 2\operatorname{tr}(W^TWXX^T) + \operatorname{tr}(XX^T)]$;
     * <li>pop: $L_{pop} = \frac12\|A-I\|_F^2 = \frac12\operatorname{tr}(W^TWW^TW) - \operatorname{tr}(W^TW) + \frac d2$;
     * <li>flow: gradient flow on $L_{tr}$, $\dot W = -W[(A-I)\Sigma + \Sigma(A-I)] = \frac1n[2WXX^T - WW^TWXX^T - WXX^TW^TW]$.
     * </ul>
     */
    public static MatrixModel tiedAutoencoder() {
        RandomMatrix w = new RandomMatrix("W", "m", "d", Monomial.of("sigma", 2), true);
        RandomMatrix x = new RandomMatrix("X", "d", "n", Monomial.ONE, false);
        Letter W = new Letter(w, false);
        Letter Wt = new Letter(w, true);
        Letter X = new Letter(x, false);
        Letter Xt = new Letter(x, true);
        List<MatrixProduct> train = List.of(
                product("1/2*n^-1", Wt, W, Wt, W, X, Xt),
                product("-n^-1", Wt, W, X, Xt),
                product("1/2*n^-1", X, Xt));
        List<MatrixProduct> pop = List.of(
                product("1/2", Wt, W, Wt, W),
                product("-1", Wt, W),
                product("1/2*d"));
        List<MatrixProduct> dW = List.of(
                product("2*n^-1", W, X, Xt),
                product("-n^-1", W, Wt, W, X, Xt),
                product("-n^-1", W, X, Xt, Wt, W));
        Map<String, List<MatrixProduct>> losses = new LinkedHashMap<>();
        losses.put("train", train);
        losses.put("pop", pop);
        return new MatrixModel("tied-autoencoder", List.of("d", "m", "n"), List.of(w, x), losses, Map.of(w, dW));
    }

    private static MatrixProduct product(String coefficient, Letter... letters) {
        return new MatrixProduct(Polynomial.parse(coefficient), List.of(letters));
    }
}
