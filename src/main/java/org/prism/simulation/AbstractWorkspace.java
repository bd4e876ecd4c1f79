package org.prism.simulation;

import org.ejml.data.DMatrixRMaj;

/**
 * What every {@link CompiledFlow.Workspace} keeps the same way: the tensors' current values (data
 * owned or shared by all workers; trained tensors pointed at the loaded state), the backend, and two
 * epochs that say when a cached product is stale: {@link #stateEpoch} moves on every {@link #load},
 * {@link #dataEpoch} on every {@link #dataChanged}.
 */
abstract class AbstractWorkspace<F extends CompiledFlow> implements CompiledFlow.Workspace {
    final F flow;
    /** Products by OpenBLAS's dgemm on the heap arrays (else the pure-Java kernels). */
    final boolean blas;
    /** Per tensor: its current value (data: owned or shared; trained: the loaded state). */
    final DMatrixRMaj[] current;
    long stateEpoch = 1;
    long dataEpoch = 1;

    /**
     * @param sharedData per tensor, the data shared by all workers (null entries, or a null array, for
     *        a workspace that owns its data)
     */
    AbstractWorkspace(F flow, DMatrixRMaj[] sharedData, Backend backend) {
        this.flow = flow;
        this.blas = backend == Backend.OPENBLAS;
        int k = flow.tensorCount();
        current = new DMatrixRMaj[k];
        for (int i = 0; i < k; i++) {
            if (flow.trained(i)) continue;
            current[i] = sharedData != null && sharedData[i] != null ? sharedData[i] : new DMatrixRMaj(flow.rows(i), flow.cols(i));
        }
    }

    @Override
    public final DMatrixRMaj data(int i) {
        if (flow.trained(i)) throw new IllegalArgumentException("tensor " + i + " is trained");
        return current[i];
    }

    @Override
    public final void dataChanged() {
        dataEpoch++;
    }

    @Override
    public void load(DMatrixRMaj[] state) {
        for (int i = 0; i < current.length; i++) if (flow.trained(i)) current[i] = state[i];
        stateEpoch++;
    }
}
