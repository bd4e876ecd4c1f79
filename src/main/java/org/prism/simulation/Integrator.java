package org.prism.simulation;

/**
 * Time stepper for {@code dW/dt = F(W) = -W S(W)}.
 *
 * <ul>
 *   <li>{@link #EULER}: {@code W <- W + dt F(W)}, i.e. full-batch gradient descent on {@code L_tr}
 *       with learning rate {@code dt}; one evaluation of {@code F} per step; it tracks gradient flow
 *       to {@code O(dt)}.</li>
 *   <li>{@link #RK4}: classical fourth-order Runge-Kutta; four evaluations per step; the gradient-flow
 *       reference (global error {@code O(dt^4)}).</li>
 * </ul>
 */
public enum Integrator {
    EULER(1, 2.0),
    RK4(4, 2.785);

    private final int evaluationsPerStep;
    private final double stabilityConstant;

    Integrator(int evaluationsPerStep, double stabilityConstant) {
        this.evaluationsPerStep = evaluationsPerStep;
        this.stabilityConstant = stabilityConstant;
    }

    /** Evaluations of the flow field per step (1 for Euler, 4 for RK4). */
    public int evaluationsPerStep() {
        return evaluationsPerStep;
    }

    /**
     * c such that the linearised scheme is stable for {@code dt * lambda < c} on a mode of
     * curvature {@code lambda > 0} (2 for Euler, about 2.785 for RK4).
     */
    public double stabilityConstant() {
        return stabilityConstant;
    }
}
