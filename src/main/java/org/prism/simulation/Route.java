package org.prism.simulation;

/**
 * How one evaluation of the flow field {@code F(W) = -W S}, {@code S = (A-I) Sigma + Sigma (A-I)},
 * and of the two losses is computed. Four algebraically equivalent orders of the same products;
 * {@link #cheapest} picks the one with fewest multiply-adds, for either {@link Backend}. With EJML
 * ({@link FlowWorkspace}) all use only the products {@code C = a b} and {@code C = a^T b} (EJML's fast
 * row-reordered kernels) into preallocated matrices; with OpenBLAS ({@link NativeFlowWorkspace}) the
 * symmetric products ({@code W W^T} or {@code W^T W}, and those by the result) are {@code syrk} and
 * {@code symm}, which saves {@code m^2 d / 2} (latent) or {@code m d^2 / 2} (feature) multiply-adds
 * of the counts below.
 *
 * <p>Latent routes never form a {@code d x d} matrix from {@code W}: with {@code P = W Sigma}
 * ({@code m x d}), {@code G = W W^T} and {@code Q = P W^T = W Sigma W^T} ({@code m x m}),
 * {@code F = 2P - G P - Q W}, {@code tr(A Sigma) = <W, P>}, {@code tr(A Sigma A) = <Q, G>},
 * {@code tr(A^2) = <G, G>}, {@code tr A = tr G}; {@code P} and {@code F} are computed as their
 * transposes ({@code P^T = Sigma W^T}, {@code F^T = 2P^T - P^T G - W^T Q}) so that the large
 * operand is streamed once (3.5x faster in EJML at d = 4096, m = 64). Feature routes form {@code B = A - I = W^T W - I}
 * and {@code M = B Sigma} ({@code d x d}): {@code L_tr = <M, B>/2}, {@code L_pop = <B, B>/2},
 * {@code S = M + M^T}, {@code F = -W S}. {@code *_SIGMA} routes use the precomputed
 * {@code Sigma = X X^T / n}; {@code *_X} routes apply {@code Sigma} as {@code (. X) X^T / n} and never
 * form it (worth it when {@code n < d/2}).
 *
 * <p>The latent routes compute {@code L_tr} as {@code (tr(A Sigma A) - 2 tr(A Sigma) + tr Sigma)/2}: its
 * absolute rounding error is about {@code 1e-16 * (tr Sigma + tr(A Sigma A))}, which matters only if
 * {@code L_tr} itself gets that small (possible only when {@code n <= m < d}). Feature routes have
 * no such cancellation.
 */
public enum Route {
    /** {@code P = W Sigma}, {@code G = W W^T}, {@code Q = P W^T}: {@code m d^2 + 4 m^2 d} multiply-adds per evaluation. */
    LATENT_SIGMA(true, true),
    /** {@code P = (W X) X^T / n}, then as {@link #LATENT_SIGMA}: {@code 2 m d n + 4 m^2 d}. */
    LATENT_X(true, false),
    /** {@code B = W^T W - I}, {@code M = B Sigma}, {@code F = -W (M + M^T)}: {@code 2 m d^2 + d^3}. */
    FEATURE_SIGMA(false, true),
    /** {@code M = (B X) X^T / n}, otherwise as {@link #FEATURE_SIGMA}: {@code 2 m d^2 + 2 d^2 n}. */
    FEATURE_X(false, false);

    private final boolean latent;
    private final boolean denseSigma;

    Route(boolean latent, boolean denseSigma) {
        this.latent = latent;
        this.denseSigma = denseSigma;
    }

    /** True if the route works with {@code m x m} Gram matrices rather than {@code d x d} ones. */
    public boolean latent() {
        return latent;
    }

    /** True if the route uses the precomputed {@code d x d} matrix {@code Sigma}; false if it uses {@code X}. */
    public boolean denseSigma() {
        return denseSigma;
    }

    /** Multiply-adds of one evaluation of {@code F} and of both losses (products only; O(md) terms left out). */
    public double multiplyAdds(long d, long m, long n) {
        double dd = d;
        double mm = m;
        double nn = n;
        return switch (this) {
            case LATENT_SIGMA -> mm * dd * dd + 4 * mm * mm * dd;
            case LATENT_X -> 2 * mm * dd * nn + 4 * mm * mm * dd;
            case FEATURE_SIGMA -> 2 * mm * dd * dd + dd * dd * dd;
            case FEATURE_X -> 2 * mm * dd * dd + 2 * dd * dd * nn;
        };
    }

    /**
     * Doubles of the work matrices of one evaluation, beyond {@code W}, {@code F}, the integrator's
     * buffers and the data: latent {@code 3md + 2m^2} (+ {@code mn} for {@code W X}); feature
     * {@code 2d^2} (+ {@code dn} for {@code B X}). The native engine needs no transposes: latent
     * {@code md} fewer.
     */
    public double workDoubles(long d, long m, long n) {
        double dd = d;
        double mm = m;
        double nn = n;
        return switch (this) {
            case LATENT_SIGMA -> 3 * mm * dd + 2 * mm * mm;
            case LATENT_X -> 3 * mm * dd + 2 * mm * mm + mm * nn;
            case FEATURE_SIGMA -> 2 * dd * dd;
            case FEATURE_X -> 2 * dd * dd + dd * nn;
        };
    }

    /**
     * Doubles of one data set: {@code Sigma} ({@code d^2}) plus a sampling block twice (the native data
     * set copies it off the heap for BLAS), or {@code X} and {@code X^T} ({@code 2dn}; the native data
     * set keeps {@code X^T} only).
     */
    public double dataDoubles(long d, long n) {
        return denseSigma ? (double) d * d + 2.0 * Dataset.blockRows(d, n) * d : 2.0 * d * n;
    }

    /** The route with fewest multiply-adds per evaluation (ties: declaration order). */
    public static Route cheapest(long d, long m, long n) {
        Route best = null;
        for (Route r : values()) {
            if (best == null || r.multiplyAdds(d, m, n) < best.multiplyAdds(d, m, n)) best = r;
        }
        return best;
    }
}
