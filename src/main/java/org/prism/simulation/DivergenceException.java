package org.prism.simulation;

/**
 * A run diverged: a watched quantity (a loss, or the squared norm of the trained tensors) became NaN or infinite, or exceeded {@value FixedStepIntegrator#DIVERGENCE_FACTOR}
 * times its initial value (or 1, if larger). The message is one line and says what to change. It is an
 * {@link IllegalArgumentException} because its cause is an input (the step size is beyond the
 * stability limit of the integrator for these sizes), so command lines report it like bad input.
 */
public final class DivergenceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final double time;
    private final int step;
    private final int seedIndex;
    private final double loss;

    DivergenceException(String message, double time, int step, int seedIndex, double loss) {
        super(message);
        this.time = time;
        this.step = step;
        this.seedIndex = seedIndex;
        this.loss = loss;
    }

    /** Time {@code step * dt} at which divergence was detected. */
    public double time() {
        return time;
    }

    /** Step index at which divergence was detected. */
    public int step() {
        return step;
    }

    /** Index (0-based) of the seed whose run diverged; 0 for a single trajectory. */
    public int seedIndex() {
        return seedIndex;
    }

    /** The offending loss value (may be NaN or infinite; it never reaches any output). */
    public double loss() {
        return loss;
    }
}
