package org.prism.simulation;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * The work matrices of one worker thread and every matrix operation a run needs, in one
 * {@link Backend}'s storage: {@code M} is the type of an {@code m x d} matrix ({@code W}, the flow field
 * {@code F} and the integrator's buffers), made by {@link #newState()}. Implementations:
 * {@link FlowWorkspace} (EJML, Java arrays) and {@link NativeFlowWorkspace} (OpenBLAS, off-heap
 * buffers). Everything is allocated at construction, so a run allocates nothing per step.
 *
 * <p>One {@link #velocity} computes {@code F(W) = -W S}, {@code S = (A-I) Sigma + Sigma (A-I)}, and
 * both losses by the engine's {@link Route} (its cost is {@link Route#multiplyAdds}); the other
 * operations are {@code O(md)}. Not thread-safe: one engine per worker; the {@link Dataset} it reads
 * may be shared by several.
 *
 * @param <M> an {@code m x d} matrix in the backend's storage
 */
abstract class FlowEngine<M> implements FlowField<M>, AutoCloseable {
    private static final List<String> WATCHED = List.of("train loss", "population loss");
    /** Power iterations per norm estimate in {@link #curvature}. */
    private static final int POWER_ITERATIONS = 30;

    final Route route;
    final int d;
    final int m;
    final int n;

    /** Losses at the point of the last {@link #velocity} call. */
    double train;
    double pop;

    FlowEngine(Route route, Dataset data, int m) {
        if (data.dense != route.denseSigma()) throw new IllegalStateException("data set does not fit the route");
        this.route = route;
        this.d = data.d;
        this.n = data.n;
        this.m = m;
    }

    /** A new {@code m x d} matrix of zeros, owned (and freed) by this engine. */
    @Override
    public abstract M newState();

    /** Sets the entries of {@code target}, row by row, from {@code next}. */
    abstract void fill(M target, DoubleSupplier next);

    /** The entries of {@code source}, row by row, in a new array. */
    abstract double[] toArray(M source);

    /** {@code f = F(w) = -w S(w)} ({@code f} must not alias {@code w}); sets {@link #train} and {@link #pop} at {@code w}. */
    @Override
    public abstract void velocity(M w, M f);

    /** Both losses, {@link #train} and {@link #pop}, at the last {@link #velocity} point. */
    @Override
    public final List<String> watchedNames() {
        return WATCHED;
    }

    @Override
    public final double watched(int k) {
        return k == 0 ? train : pop;
    }

    /** {@link #curvature}'s estimate. */
    @Override
    public final Stiffness stiffness(M w) {
        double[] c = curvature(w);
        return new Stiffness(c[0], String.format("from ||Sigma|| ~ %.3g and ||W(0)^T W(0)|| ~ %.3g", c[1], c[2]));
    }

    /** {@code out = Sigma v} for vectors of length {@code d}. */
    abstract void applySigma(double[] v, double[] out);

    /** {@code out = W^T W v} for vectors of length {@code d}. */
    abstract void applyGram(M w, double[] v, double[] out);

    /** Frees the engine's off-heap storage, if any (not the data set's); unusable afterwards. */
    @Override
    public abstract void close();

    /**
     * Rough largest curvature of {@code L_tr} that a step along the trajectory from {@code w} meets:
     * {@code lambda = ||Sigma|| * max(4, 2 (||W^T W|| - 1))}. At a minimum ({@code A} a projection) the
     * top Hessian eigenvalue is {@code 4 ||Sigma||}; while {@code ||A|| = a} is large, a step along the
     * top singular direction multiplies it by about {@code 1 - 2 dt ||Sigma|| (a - 1)} (the secant
     * slope, exact for {@code d = m = 1}), which overshoots without bound once that exceeds 2. Both
     * norms by {@value #POWER_ITERATIONS} power iterations ({@code O(d^2 + md)} or {@code O(dn + md)}
     * each); returns {@code {lambda, ||Sigma||, ||W^T W||}}. Since the top directions of {@code W} and
     * {@code Sigma} need not align, it may overestimate. Called once per seed, so it may allocate.
     */
    final double[] curvature(M w) {
        double[] v = new double[d];
        double[] u = new double[d];
        double sigmaNorm = power(v, u, () -> applySigma(v, u));
        double aNorm = power(v, u, () -> applyGram(w, v, u));
        return new double[] {sigmaNorm * Math.max(4.0, 2.0 * (aNorm - 1.0)), sigmaNorm, aNorm};
    }

    /** Power iteration {@code u = Op v} on a symmetric PSD operator; returns the Rayleigh-quotient estimate. */
    private double power(double[] v, double[] u, Runnable op) {
        SplittableRandom r = new SplittableRandom(0x5EEDL);
        for (int i = 0; i < d; i++) v[i] = 1.0 + 0.1 * r.nextGaussian();
        normalize(v);
        double est = 0;
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            op.run();
            double rq = 0;
            for (int i = 0; i < d; i++) rq += u[i] * v[i];
            est = Math.max(est, rq);
            System.arraycopy(u, 0, v, 0, d);
            if (normalize(v) == 0) break;
        }
        return est;
    }

    private static double normalize(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        s = Math.sqrt(s);
        if (s == 0 || !Double.isFinite(s)) return 0;
        for (int i = 0; i < v.length; i++) v[i] /= s;
        return s;
    }
}
