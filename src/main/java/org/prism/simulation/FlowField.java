package org.prism.simulation;

import java.util.List;

/**
 * An autonomous flow {@code dw/dt = F(w)} on states of type {@code S}, with the operations on states
 * that an explicit fixed-step scheme needs ({@link FixedStepIntegrator}). This is the problem; the
 * integrator is the solver, as in an ODE library's equations/integrator split.
 *
 * <p>Besides {@code F}, a field names the quantities watched for divergence (losses, or the squared
 * norm of the trained tensors) and estimates the stiffness of the flow, so that the integrator can
 * refuse an unstable step and stop a diverging run with one message for every simulator. States are
 * allocated by {@link #newState()} once per worker; the other operations allocate nothing.
 *
 * @param <S> a state in the field's own storage (a matrix, an array of matrices, an off-heap buffer)
 */
interface FlowField<S> {
    /** A new zero state owned by this field. */
    S newState();

    /**
     * {@code out = F(at)}; {@code out} must not alias {@code at}. Afterwards {@link #watched} and any
     * observable of the field (its losses) refer to {@code at}.
     */
    void velocity(S at, S out);

    /** {@code out = a + alpha b}; {@code out} may be {@code a} but not {@code b}. */
    void axpy(S a, double alpha, S b, S out);

    /** {@code to = from}. */
    void copy(S from, S to);

    /** Names of the watched quantities, in the order of {@link #watched}'s index ("train loss", ...). */
    List<String> watchedNames();

    /** Watched quantity {@code k} at the state of the last {@link #velocity} call. */
    double watched(int k);

    /**
     * The largest rate {@code lambda} of the linearised flow that a step from {@code w} meets, with how it
     * was estimated. Called once per run, so it may allocate.
     */
    Stiffness stiffness(S w);

    /**
     * An estimate of the largest rate of the linearised flow.
     *
     * @param lambda the rate (positive; NaN or 0 when it could not be estimated)
     * @param source how it was found, a phrase that follows "lambda_max ~ x" in messages
     */
    record Stiffness(double lambda, String source) {}
}
