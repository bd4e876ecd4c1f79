package org.prism.simulation;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The worker pools of the simulators: daemon threads (an interrupted command still exits), failures passed on as thrown. */
public final class Workers {
    private Workers() {}

    /** A fixed pool of {@code threads} daemon threads named {@code name-1, name-2, ...}. */
    public static ExecutorService pool(int threads, String name) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * What a worker threw, to rethrow as is: {@code throw Workers.cause(e)}. Interrupts stay interrupts,
     * runtime exceptions and errors keep their type; a checked exception (none is expected) is wrapped.
     */
    public static RuntimeException cause(ExecutionException e) throws InterruptedException {
        Throwable c = e.getCause();
        if (c instanceof InterruptedException ie) throw ie;
        if (c instanceof RuntimeException re) throw re;
        if (c instanceof Error err) throw err;
        throw new IllegalStateException(c);
    }
}
