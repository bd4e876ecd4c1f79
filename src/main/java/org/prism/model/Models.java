package org.prism.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.prism.algebra.Monomial;

/** The built-in models. */
public final class Models {
    private Models() {}

    /**
     * The weight-tied linear autoencoder, parsed from {@code examples/tied-autoencoder.prism} (on
     * the class path): $W \in \mathbb{R}^{m\times d}$ with iid $N(0,\sigma^2)$ entries, data
     * $X \in \mathbb{R}^{d\times n}$ with iid $N(0,1)$ entries, $A = W^TW$;
     * train $L_{tr} = \frac1{2n}\|(A-I)X\|_F^2$, pop $L_{pop} = \frac12\|A-I\|_F^2$, gradient flow
     * on $L_{tr}$, $\dot W = \frac1n[2WXX^T - WW^TWXX^T - WXX^TW^TW]$ (derived from the file).
     */
    public static MatrixModel tiedAutoencoder() {
        return BuiltIn.TIED;
    }

    /**
     * The free regime's own dynamics, parsed from {@code examples/tied-autoencoder-free.prism} (on the
     * class path): the tied autoencoder driven by the top-degree part of its train loss only,
     * $\frac1{2n}\|W^TWX\|_F^2$, with pop loss $\frac12\|W^TW\|_F^2$.
     */
    public static MatrixModel tiedAutoencoderFree() {
        return Free.MODEL;
    }

    /** The built-in model as the file states it (index-notation form). */
    public static TensorModel tiedAutoencoderFile() {
        return BuiltIn.TIED_FILE;
    }

    /** Loaded once, on first use. */
    private static final class BuiltIn {
        static final TensorModel TIED_FILE = load("tied-autoencoder");
        static final MatrixModel TIED = MatrixLowering.lower(TIED_FILE).orElseThrow(
                () -> new IllegalStateException("the built-in model does not lower: " + MatrixLowering.obstacle(TIED_FILE).orElse("?")));
    }

    /** A model file of {@code examples/}, from the class path. */
    private static TensorModel load(String name) {
        String resource = "/examples/" + name + ".prism";
        try (java.io.InputStream in = Models.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return org.prism.model.lang.ModelFile.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), name + ".prism");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Loaded on first use only (every command loads the built-in model; few need this one). */
    private static final class Free {
        static final MatrixModel MODEL = MatrixLowering.lower(load("tied-autoencoder-free")).orElseThrow(
                () -> new IllegalStateException("examples/tied-autoencoder-free.prism does not lower to matrix products"));
    }

    /**
     * The tied autoencoder's named ratios (theory notes): $g = \sigma^2 d$, $a_0 = \sigma^2 m$,
     * $y = m/d$, $\gamma = d/n$. The regime derivation states scaling relations with them.
     */
    public static Map<String, Monomial> tiedAutoencoderRatios() {
        Map<String, Monomial> r = new LinkedHashMap<>();
        r.put("g", Monomial.parse("sigma^2*d"));
        r.put("a0", Monomial.parse("sigma^2*m"));
        r.put("y", Monomial.parse("m*d^-1"));
        r.put("gamma", Monomial.parse("d*n^-1"));
        return r;
    }
}
