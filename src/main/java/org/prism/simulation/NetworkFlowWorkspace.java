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
final class NetworkFlowWorkspace extends AbstractWorkspace<NetworkFlow> {
    /** Per tensor: {@code current[t].data}, as the plans read them. */
    private final double[][] entries;
    private final List<List<Contraction.Buffers>> velocity = new ArrayList<>();
    private final List<List<Contraction.Buffers>> losses = new ArrayList<>();
    private final Contraction.Store store;

    NetworkFlowWorkspace(NetworkFlow flow, DMatrixRMaj[] sharedData, Backend backend) {
        super(flow, sharedData, backend);
        int k = flow.tensorCount();
        entries = new double[k][];
        for (int i = 0; i < k; i++) if (!flow.trained(i)) entries[i] = current[i].data;
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
    public void load(DMatrixRMaj[] state) {
        super.load(state);
        for (int i = 0; i < current.length; i++) if (flow.trained(i)) entries[i] = state[i].data;
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
