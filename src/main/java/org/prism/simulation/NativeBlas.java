package org.prism.simulation;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * OpenBLAS as shipped by bytedeco's JavaCPP presets ({@code org.bytedeco:openblas} with its
 * {@code linux-x86_64} natives, from Maven Central): loading, version, off-heap allowance and the
 * thread count. Only the BLAS part ({@code openblas_nolapack}) is loaded. This is the only class that
 * touches the library before {@link Backend} has chosen it, so a missing native library surfaces
 * here, once, as a {@link LinkageError}.
 *
 * <p>OpenBLAS has one process-wide thread count. It is kept at 1 except while one simulation holds a
 * {@link #threads} lease: the simulator's own workers run seeds in parallel, and the product of the
 * two must not exceed the cores.
 */
final class NativeBlas {
    private static int leases;

    private NativeBlas() {}

    /** An open {@link #threads} setting; closing it returns OpenBLAS to one thread. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Loads the library (extracting it from the jar into JavaCPP's cache, {@code ~/.javacpp/cache}, on
     * first use; about 0.3 s), sets it to one thread and returns its version, e.g.
     * {@code "OpenBLAS 0.3.31"} (that of the presets' headers, i.e. of the library bundled with them).
     *
     * @throws LinkageError if the native library cannot be loaded on this platform
     */
    static String load() {
        Loader.load(openblas_nolapack.class);
        openblas_nolapack.blas_set_num_threads(1);
        return openblas_nolapack.OPENBLAS_VERSION.strip();
    }

    /** Bytes that off-heap buffers may still take: JavaCPP's limit ({@code -Dorg.bytedeco.javacpp.maxBytes}, default {@code -Xmx}) minus what is allocated. */
    static long availableBytes() {
        long max = Pointer.maxBytes();
        return max > 0 ? Math.max(0, max - Pointer.totalBytes()) : Long.MAX_VALUE;
    }

    /**
     * Lets OpenBLAS use {@code threads} threads until the returned lease is closed (closing it again
     * does nothing). If another lease is open at the same time, all use one thread (two simulations at
     * once already parallelise).
     */
    static synchronized Lease threads(int threads) {
        leases++;
        openblas_nolapack.blas_set_num_threads(leases == 1 ? Math.max(1, threads) : 1);
        boolean[] open = {true};
        return () -> {
            synchronized (NativeBlas.class) {
                if (!open[0]) return;
                open[0] = false;
                leases--;
                openblas_nolapack.blas_set_num_threads(1);
            }
        };
    }
}
