package org.prism.simulation;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;

/**
 * What makes the runs of a simulation what they are, short of their index: the model's content, the point, the
 * data's law or data set, the integrator, the step, the steps, the recording steps, the base seed and whether the
 * data are shared. Run {@code i} of a batch draws from its own stream of the base seed (see {@link ModelSimulator}),
 * so the same batch and index give the same run in any process, and asking for more seeds adds runs to a batch.
 *
 * @param kind which simulator made the runs, e.g. {@code model} ({@link ModelSimulator})
 * @param model the model's name (for people; not part of the identity)
 * @param modelHash SHA-256 of the model's content (its name left out)
 * @param point every symbol's value, e.g. {@code d=16,m=8,n=32,sigma2=1/16}
 * @param description the rest of the identity in one line of {@code key=value} pairs (doubles as Java prints them,
 *        which read back to the same double)
 * @param times the recording times
 */
public record RunBatch(String kind, String model, String modelHash, String point, String description, double[] times) implements Serializable {

    /** The batch's key: SHA-256 (hex) of kind, model hash, point and description. */
    public String id() {
        return Hashing.sha256().hashString(kind + '\n' + modelHash + '\n' + point + '\n' + description, StandardCharsets.UTF_8).toString();
    }

    /** The batch of {@link ModelSimulator}'s runs of a model with this content hash. */
    static RunBatch of(String model, String modelHash, ModelSimulationParams p) {
        return new RunBatch("model", model, modelHash, p.at().text(","),
                describe(p.integrator(), p.grid(), p.seed(), p.fixedData(), p.covariance(), p.data() == null ? null : p.data().x()), p.grid().times());
    }

    /**
     * The description of runs on this grid: {@code integrator=RK4 dt=0.01 steps=200 record=0,20,.. seed=0 fixed-data=false},
     * then {@code spectrum=LAW:HASH} for data drawn from a spectrum, {@code data=HASH} for a data set.
     */
    static String describe(Integrator integrator, TimeGrid g, long seed, boolean fixedData, Spectrum spectrum, DMatrixRMaj data) {
        StringBuilder d = new StringBuilder();
        d.append("integrator=").append(integrator.name()).append(" dt=").append(g.dt()).append(" steps=").append(g.steps())
                .append(" record=").append(Arrays.stream(g.recordSteps()).mapToObj(Integer::toString).collect(Collectors.joining(",")))
                .append(" seed=").append(seed).append(" fixed-data=").append(fixedData);
        if (spectrum != null) d.append(" spectrum=").append(spectrum.description().replace(' ', '_')).append(':').append(hash(spectrum.eigenvalues(), spectrum.basis()));
        if (data != null) d.append(" data=").append(hash(new double[0], data));
        return d.toString();
    }

    /** The first 16 hex digits of SHA-256 over the values' bits (and the matrix's shape and entries, when given). */
    private static String hash(double[] values, DMatrixRMaj matrix) {
        Hasher h = Hashing.sha256().newHasher();
        for (double v : values) h.putLong(Double.doubleToLongBits(v));
        if (matrix != null) {
            h.putInt(matrix.numRows).putInt(matrix.numCols);
            for (int i = 0; i < matrix.getNumElements(); i++) h.putLong(Double.doubleToLongBits(matrix.data[i]));
        }
        return h.hash().toString().substring(0, 16);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunBatch b && b.id().equals(id());
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }
}
