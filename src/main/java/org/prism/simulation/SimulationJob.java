package org.prism.simulation;

import java.io.Serializable;
import org.prism.model.MatrixModel;
import org.prism.model.TensorModel;

/**
 * A simulation as a value that can travel: a model (its matrix form, or its index notation) and the parameters of
 * its runs. Any process that holds it can compute any of its runs ({@link #compute}), and gets exactly the run that
 * {@link ModelSimulator} gets here, since run {@code i} draws from its own stream of the base seed.
 *
 * @param matrix the model's matrix form (the faster route), or null
 * @param network the model in index notation, used when {@code matrix} is null
 * @param params what is run
 */
public record SimulationJob(MatrixModel matrix, TensorModel network, ModelSimulationParams params) implements Serializable {
    public SimulationJob {
        if ((matrix == null) == (network == null)) throw new IllegalArgumentException("a job simulates one model: its matrix form or its network form");
        if (params == null) throw new IllegalArgumentException("a job needs its parameters");
    }

    /** The flow, compiled at the job's point. */
    CompiledFlow flow() {
        return matrix != null ? new MatrixFlow(matrix, params.at(), params.covariance(), params.data()) : new NetworkFlow(network, params.at());
    }

    /** The identity of the job's runs. */
    public RunBatch batch() {
        return matrix != null ? RunBatch.of(matrix.name(), matrix.contentHash(), params) : RunBatch.of(network.name(), network.contentHash(), params);
    }

    /** Run {@code run} alone, on this thread and {@link Backend#current()} (for a task on another machine). */
    public StoredRun compute(int run) throws InterruptedException {
        return ModelSimulator.computeOne(this, run, Backend.current());
    }
}
