package org.prism.simulation;

import java.io.Serializable;
import org.prism.algebra.Point;

/**
 * One simulation of a model file's flow.
 *
 * @param at the value of every symbol of the model (sizes positive integers, e.g. {@code d=64, m=32,
 *        n=128, sigma2=1/64}; {@code x2} gives {@code x^2})
 * @param grid step, horizon and recording times
 * @param integrator {@link Integrator#EULER} (gradient descent when the flow is a gradient) or {@link Integrator#RK4}
 * @param seeds number of independent runs averaged, at least 1
 * @param seed base seed (see {@link ModelSimulator} for how runs draw their matrices)
 * @param fixedData if true all runs share one draw of the data matrices
 * @param covariance the eigenvalues of the model's covariance (its data's law), null for a model without one or with {@code data}
 * @param data a real data set in place of the data drawn from the model's covariance (the covariance is then the data's), or null
 */
public record ModelSimulationParams(Point at, TimeGrid grid, Integrator integrator, int seeds, long seed, boolean fixedData, Spectrum covariance,
        RealData data) implements Serializable {
    public ModelSimulationParams {
        if (at == null) throw new IllegalArgumentException("the model's symbols need values (--at)");
        if (grid == null) throw new IllegalArgumentException("a time grid is required");
        if (integrator == null) throw new IllegalArgumentException("an integrator is required");
        if (seeds < 1) throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
        if (covariance != null && data != null) throw new IllegalArgumentException("give a spectrum or a data set, not both");
    }

    /** Data drawn from a covariance with these eigenvalues (null: none). */
    public ModelSimulationParams(Point at, TimeGrid grid, Integrator integrator, int seeds, long seed, boolean fixedData, Spectrum covariance) {
        this(at, grid, integrator, seeds, seed, fixedData, covariance, null);
    }

    /** For a model without a covariance. */
    public ModelSimulationParams(Point at, TimeGrid grid, Integrator integrator, int seeds, long seed, boolean fixedData) {
        this(at, grid, integrator, seeds, seed, fixedData, null, null);
    }
}
