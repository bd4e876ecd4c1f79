package org.prism.cli;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import org.prism.diagram.ModelEngine;
import org.prism.model.Models;
import org.prism.model.TensorModel;
import org.prism.simulation.ModelSimulator;
import org.prism.simulation.RunCache;
import org.prism.simulation.RunExecutor;
import org.prism.store.RunStore;
import org.prism.store.StoredEngine;
import picocli.CommandLine.ParseResult;

/**
 * The run store and the executor of one command line, as {@code --store FILE}, {@code --no-store} and
 * {@code --spark MASTER} (options of every command) ask. Both open on first use, inside the command, so that a bad
 * store or a missing Spark is reported as bad input; both close when the command ends.
 *
 * <p>The store's file: {@code --store FILE}; none with {@code --no-store}; else the system property
 * {@code prism.store} or the environment variable {@code PRISM_STORE} (a file, or {@code none}); else
 * {@code $XDG_CACHE_HOME/prism/runs.db}, or {@code ~/.cache/prism/runs.db} without it.
 */
final class Session implements AutoCloseable {
    /** The class that runs simulations on Spark; loaded by name, since Spark is on the class path only under spark-submit. */
    static final String SPARK_EXECUTOR = "org.prism.spark.SparkRunExecutor";

    private static volatile Session current = new Session(null, false, null, null);

    private final Path storeFile;
    /** Whether the store was named on the command line (then a store that cannot be opened is bad input). */
    private final boolean storeGiven;
    private final String spark;
    private final PrintWriter err;
    private RunStore store;
    private boolean failed;
    private RunExecutor executor;

    private Session(Path storeFile, boolean storeGiven, String spark, PrintWriter err) {
        this.storeFile = storeFile;
        this.storeGiven = storeGiven;
        this.spark = spark;
        this.err = err;
    }

    /** The session of the command running now (without one: no store, local threads). */
    static Session current() {
        return current;
    }

    /** Sets up the session of a parsed command line; nothing opens yet. */
    static Session begin(ParseResult parsed, PrintWriter err) {
        Path store = null;
        boolean none = false;
        String spark = null;
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--store")) store = p.matchedOptionValue("--store", null);
            if (p.hasMatchedOption("--no-store")) none = true;
            if (p.hasMatchedOption("--spark")) spark = p.matchedOptionValue("--spark", "submit");
        }
        if (store != null && none) throw new IllegalArgumentException("give --store FILE or --no-store, not both");
        Session s = new Session(none ? null : store != null ? store : defaultStore(), store != null, spark, err);
        current = s;
        return s;
    }

    /** The default store file (see the class comment), or null for none. */
    static Path defaultStore() {
        String asked = System.getProperty("prism.store", System.getenv("PRISM_STORE"));
        if (asked != null && !asked.isBlank()) return asked.equals("none") ? null : Path.of(asked);
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("prism").resolve("runs.db");
    }

    /**
     * The store, opened on first use; null with {@code --no-store}, or when the default store cannot be opened (said
     * once on stderr: the command goes on without it). A store named by {@code --store} that cannot be opened is bad input.
     */
    synchronized RunStore store() {
        if (store == null && storeFile != null && !failed) {
            try {
                store = RunStore.open(storeFile, this::warn);
            } catch (IllegalArgumentException e) {
                if (storeGiven) throw e;
                failed = true;
                warn(e.getMessage().replaceFirst("^--store: ", "") + "; going on without a run store (--no-store, or --store FILE)");
            }
        }
        return store;
    }

    private void warn(String message) {
        if (err != null) {
            err.println("prism: warning: " + message);
            err.flush();
        }
    }

    /** The store as the simulators see it. */
    RunCache cache() {
        RunStore s = store();
        return s == null ? RunCache.NONE : s;
    }

    /** The executor of {@code --spark}, started on first use; null without it (this process's threads). */
    synchronized RunExecutor executor() {
        if (executor == null && spark != null) {
            try {
                executor = (RunExecutor) Class.forName(SPARK_EXECUTOR).getConstructor(String.class).newInstance(spark);
            } catch (ClassNotFoundException | NoClassDefFoundError e) {
                throw new IllegalArgumentException("--spark: Apache Spark is not on the class path; submit target/prism.jar with spark-submit"
                        + " (docs/cluster.md)");
            } catch (InvocationTargetException e) {
                Throwable c = e.getCause();
                if (c instanceof NoClassDefFoundError) {
                    throw new IllegalArgumentException("--spark: Apache Spark is not on the class path; submit target/prism.jar with spark-submit"
                            + " (docs/cluster.md)");
                }
                throw new IllegalArgumentException("--spark " + spark + ": Spark did not start (" + (c == null ? e : c).getMessage() + ")");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the Spark executor cannot be made: " + e.getMessage());
            }
        }
        return executor;
    }

    /** A simulator with this session's store and executor ({@code threads} null: one per core). */
    ModelSimulator simulator(Integer threads) {
        ModelSimulator s = threads == null ? new ModelSimulator() : new ModelSimulator(threads);
        return s.withCache(cache()).withExecutor(executor());
    }

    /** {@code engine} with its coefficients kept in the store (as it is without one). */
    ModelEngine engine(ModelEngine engine, TensorModel source) {
        RunStore s = store();
        return s == null ? engine : new StoredEngine(engine, source.contentHash(), s);
    }

    /** The tied autoencoder's engine, with its coefficients kept in the store. */
    ModelEngine tiedAutoencoder() {
        TensorModel model = Models.tiedAutoencoderFile();
        return engine(ModelEngine.of(model), model);
    }

    @Override
    public synchronized void close() {
        if (executor instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                if (err != null) err.println("prism: warning: stopping Spark: " + e.getMessage());
            }
        }
        if (store != null) {
            String activity = store.activity();
            if (activity != null && err != null) {
                err.println("prism: run store " + store.file() + ": " + activity);
                err.flush();
            }
            store.close();
        }
        executor = null;
        store = null;
        if (current == this) current = new Session(null, false, null, null);
    }
}
