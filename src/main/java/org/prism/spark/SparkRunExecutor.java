package org.prism.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.prism.simulation.ProgressListener;
import org.prism.simulation.RunExecutor;
import org.prism.simulation.SimulationJob;
import org.prism.simulation.StoredRun;

/**
 * Runs a simulation's runs as Apache Spark tasks: one Spark job of one task per run, all submitted at once, so that
 * the cluster's scheduler spreads them over its executors and each run comes back to the driver (and into the run
 * store) as soon as it is done. A task receives the {@link SimulationJob} (Java serialisation) and computes
 * {@link SimulationJob#compute}{@code (i)}: the same run, bit for bit, as this process's threads compute (same
 * kernels on the same backend; on another machine's BLAS the last bits may differ).
 *
 * <p>Spark is a {@code provided} dependency: it is on the class path under {@code spark-submit} (and in the tests),
 * never in {@code target/prism.jar}. This class is loaded by name only when {@code --spark} is given.
 */
public final class SparkRunExecutor implements RunExecutor, AutoCloseable {
    /** How often the driver looks for finished runs. */
    private static final long POLL_MILLIS = 20;

    private final JavaSparkContext spark;

    /**
     * Starts a Spark context on {@code master} ({@code local[2]}, {@code spark://host:7077}, {@code yarn}), or on the
     * master {@code spark-submit} gives when {@code master} is {@code submit}.
     */
    public SparkRunExecutor(String master) {
        SparkConf conf = new SparkConf().setAppName("prism");
        if (!master.equals("submit")) conf.setIfMissing("spark.master", master);
        if (!conf.contains("spark.master")) {
            throw new IllegalArgumentException("--spark without a master runs under spark-submit --master MASTER; give --spark MASTER otherwise");
        }
        if (conf.get("spark.master").startsWith("local")) conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.log.level", "WARN");
        spark = new JavaSparkContext(conf);
        spark.setLogLevel("WARN");
    }

    @Override
    public void execute(SimulationJob job, int[] runs, BiConsumer<Integer, StoredRun> done, ProgressListener listener) throws InterruptedException {
        List<Integer> pending = new ArrayList<>();
        List<JavaFutureAction<List<Outcome>>> futures = new ArrayList<>();
        for (int i : runs) {
            pending.add(i);
            futures.add(spark.parallelize(List.of(i), 1).map(index -> Outcome.of(job, index)).collectAsync());
        }
        long steps = job.params().grid().steps();
        try {
            while (!futures.isEmpty()) {
                boolean any = false;
                for (int k = 0; k < futures.size(); k++) {
                    if (!futures.get(k).isDone()) continue;
                    StoredRun r = result(futures.get(k));
                    done.accept(pending.get(k), r);
                    listener.stepsDone(steps);
                    futures.remove(k);
                    pending.remove(k);
                    k--;
                    any = true;
                }
                if (!any) Thread.sleep(POLL_MILLIS);
            }
        } finally {
            for (JavaFutureAction<?> f : futures) f.cancel(true);
        }
    }

    /**
     * What a task returns: its run, or the bad value it met (a divergence among them). A run that fails this way is a
     * finished task, not a failed one, so Spark neither retries it (it would fail the same way) nor logs it as an error.
     */
    record Outcome(StoredRun run, IllegalArgumentException failure) implements Serializable {
        static Outcome of(SimulationJob job, int index) throws InterruptedException {
            try {
                return new Outcome(job.compute(index), null);
            } catch (IllegalArgumentException e) {
                return new Outcome(null, e);
            }
        }
    }

    /** A finished task's run, or what the run threw, with its type (a divergence stays a {@code DivergenceException}). */
    private static StoredRun result(JavaFutureAction<List<Outcome>> f) throws InterruptedException {
        try {
            Outcome o = f.get().get(0);
            if (o.failure() != null) throw o.failure();
            return o.run();
        } catch (ExecutionException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof IllegalArgumentException iae) throw iae;
                if (c instanceof InterruptedException ie) throw ie;
            }
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("a Spark task failed: " + c.getMessage(), c);
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Spark %s (%d task slots)", spark.master(), spark.defaultParallelism());
    }

    @Override
    public void close() {
        spark.stop();
    }
}
