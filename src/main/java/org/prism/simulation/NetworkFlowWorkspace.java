package org.prism.simulation;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The arrays of one worker simulating a {@link NetworkFlow}: the model's tensors and every plan's
 * {@link Contraction.Buffers} over one {@link Contraction.Store}, all allocated at construction, so
 * evaluations allocate nothing. Steps on data alone run once per data set, and a step several plans
 * share once per state. Not thread-safe: one workspace per worker.
 */
final class NetworkFlowWorkspace implements CompiledFlow.Workspace {
    private final NetworkFlow flow;
    private final boolean blas;
    /** Per tensor: its current value (data: owned or shared; trained: the loaded state). */
    private final DMatrixRMaj[] current;
    /** Per tensor: {@code current[t].data}, as the plans read them. */
    private final double[][] entries;
    private final List<List<Contraction.Buffers>> velocity = new ArrayList<>();
    private final List<List<Contraction.Buffers>> losses = new ArrayList<>();
    private long dataEpoch = 1;
    private long stateEpoch = 1;
    private final Contraction.Store store;

    NetworkFlowWorkspace(NetworkFlow flow, DMatrixRMaj[] sharedData, Backend backend) {
        this.flow = flow;
        this.blas = backend == Backend.OPENBLAS;
        int k = flow.tensorCount();
        current = new DMatrixRMaj[k];
        entries = new double[k][];
        for (int i = 0; i < k; i++) {
            if (flow.trained(i)) continue;
            current[i] = sharedData != null && sharedData[i] != null ? sharedData[i] : new DMatrixRMaj(flow.rows(i), flow.cols(i));
            entries[i] = current[i].data;
        }
        store = flow.newStore();
        for (int i = 0; i < k; i++) velocity.add(buffers(flow.velocityTerms(i)));
        for (int j = 0; j < flow.losses().size(); j++) losses.add(buffers(flow.lossTerms(j)));
    }

    private List<Contraction.Buffers> buffers(List<Contraction> terms) {
        List<Contraction.Buffers> out = new ArrayList<>(terms.size());
        for (Contraction c : terms) out.add(c.new Buffers(store, flow.slots(c)));
        return List.copyOf(out);
    }

    @Override
    public DMatrixRMaj data(int i) {
        if (flow.trained(i)) throw new IllegalArgumentException("tensor " + i + " is trained");
        return current[i];
    }

    @Override
    public void dataChanged() {
        dataEpoch++;
    }

    @Override
    public void load(DMatrixRMaj[] state) {
        for (int i = 0; i < current.length; i++) {
            if (!flow.trained(i)) continue;
            current[i] = state[i];
            entries[i] = state[i].data;
        }
        stateEpoch++;
    }

    @Override
    public void velocity(int i, DMatrixRMaj out) {
        out.zero();
        for (Contraction.Buffers b : velocity.get(i)) b.addTo(out.data, entries, stateEpoch, dataEpoch, blas);
    }

    @Override
    public double loss(int k) {
        double sum = 0;
        for (Contraction.Buffers b : losses.get(k)) sum += b.scalar(entries, stateEpoch, dataEpoch, blas);
        return sum;
    }
}
