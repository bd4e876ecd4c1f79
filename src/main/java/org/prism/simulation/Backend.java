package org.prism.simulation;

import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Where the simulator's matrix products run.
 *
 * <ul>
 *   <li>{@link #OPENBLAS}: OpenBLAS 0.3.x through bytedeco's JavaCPP presets (natives for
 *       linux-x86_64 come with the project's Maven dependencies and are inside {@code prism.jar});
 *       {@link NativeFlowWorkspace} on off-heap buffers, about the speed of numpy on the same BLAS.</li>
 *   <li>{@link #EJML}: pure Java, {@link FlowWorkspace}; 7-13x slower per step, used
 *       where the native library does not load (another OS or CPU), or when asked for with
 *       {@code -Dprism.blas=java}.</li>
 * </ul>
 *
 * Both evaluate the same algebra, by the same {@link Route}, and agree to rounding (loss curves to
 * {@code 1e-13} relative or better in the runs checked).
 * {@link #current()} is decided once per JVM, on first use: OpenBLAS if it loads, else EJML, with one
 * line on stderr saying why. The backend also makes the {@link Dataset} and {@link FlowEngine} of a
 * run and knows how much memory they may take.
 */
public enum Backend {
    /** Pure Java (EJML), on the heap. */
    EJML,
    /** OpenBLAS (bytedeco), off the heap. */
    OPENBLAS;

    /** System property: {@code java} forces {@link #EJML}; {@code auto} (the default) prefers {@link #OPENBLAS}. */
    public static final String PROPERTY = "prism.blas";

    /**
     * The outcome of choosing a backend.
     *
     * @param backend the backend
     * @param status one line for benchmark and simulation headers, e.g. {@code native BLAS: OpenBLAS 0.3.31 (bytedeco)}
     * @param warning one line for stderr, or null if there is nothing to warn about
     */
    record Choice(Backend backend, String status, String warning) {}

    /** The backend simulations use (chosen on first call; see the class comment). */
    public static Backend current() {
        return Selected.CHOICE.backend();
    }

    /** One line naming the backend in use: {@code native BLAS: OpenBLAS x.y (bytedeco)} or {@code native BLAS: unavailable, pure Java (EJML)}. */
    public static String status() {
        return Selected.CHOICE.status();
    }

    /** {@link #status()} for the backend in use; for the other one, a line saying it is not the default. */
    public String describe() {
        if (this == current()) return status();
        return this == EJML ? "native BLAS: not used, pure Java (EJML)" : "native BLAS: OpenBLAS (bytedeco)";
    }

    /** How the work is spread, e.g. {@code 2 workers x 1 BLAS thread} ({@code 2 workers} for EJML, whose products are single-threaded). */
    String threads(int workers, int blasThreads) {
        String w = workers + (workers == 1 ? " worker" : " workers");
        return this == EJML ? w : w + " x " + blasThreads + (blasThreads == 1 ? " BLAS thread" : " BLAS threads");
    }

    /**
     * Chooses a backend from the value of {@link #PROPERTY} ({@code null}: unset) and a loader of the
     * native library, which returns its version or throws. Catches the loader's failure (a
     * {@link LinkageError} such as {@link UnsatisfiedLinkError}, or any other exception).
     */
    static Choice choose(String requested, Callable<String> loadNative) {
        String r = requested == null ? "auto" : requested.strip().toLowerCase(Locale.ROOT);
        if (r.equals("java")) return new Choice(EJML, "native BLAS: off (-D" + PROPERTY + "=java), pure Java (EJML)", null);
        String ignored = r.equals("auto") || r.isEmpty() ? ""
                : "; -D" + PROPERTY + "=" + requested + " not understood (java or auto)";
        try {
            String version = loadNative.call();
            return new Choice(OPENBLAS, "native BLAS: " + version + " (bytedeco)", ignored.isEmpty() ? null : "prism: " + ignored.substring(2));
        } catch (Exception | LinkageError e) {
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""));
            return new Choice(EJML, "native BLAS: unavailable, pure Java (EJML)",
                    "prism: native BLAS unavailable (" + why + "), using pure Java (EJML)" + ignored);
        }
    }

    /** Holder: the choice is made when {@link #current()} or {@link #status()} is first called. */
    private static final class Selected {
        static final Choice CHOICE = init();

        private static Choice init() {
            Choice c = choose(System.getProperty(PROPERTY), NativeBlas::load);
            if (c.warning() != null) System.err.println(c.warning());
            return c;
        }
    }

    /** A data set of this backend's storage for {@code d x n} data, as {@code Sigma} if {@code dense}. */
    Dataset dataset(int d, int n, boolean dense) {
        return this == EJML ? new HeapDataset(d, n, dense) : new NativeDataset(d, n, dense);
    }

    /** An engine for {@code m x d} weights by {@code route} on {@code data}, which must come from {@link #dataset} of this backend. */
    FlowEngine<?> engine(Route route, int m, Dataset data) {
        return this == EJML ? new FlowWorkspace(route, m, (HeapDataset) data) : new NativeFlowWorkspace(route, m, (NativeDataset) data);
    }

    /** Bytes the matrices of a run may still take: the free heap, and for OpenBLAS also JavaCPP's off-heap allowance. */
    long availableBytes() {
        Runtime rt = Runtime.getRuntime();
        long heap = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return this == EJML ? heap : Math.min(heap, NativeBlas.availableBytes());
    }
}
