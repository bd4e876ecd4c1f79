package org.prism.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.prism.algebra.Polynomial;
import org.prism.simulation.RunBatch;
import org.prism.simulation.RunCache;
import org.prism.simulation.StoredRun;

/**
 * The run store: every finished simulated run and every exact coefficient, kept in one SQLite file so that later
 * commands read them instead of computing them again.
 *
 * <h2>Tables</h2>
 * <ul>
 * <li>{@code batches(id, kind, model, model_hash, point, description, times, created)}: what makes a simulation's
 * runs what they are ({@link RunBatch}); {@code times} the recording times.
 * <li>{@code runs(batch, run, seconds, warnings, prism_version, created)}: one row per finished run.
 * <li>{@code curves(batch, run, loss, position, curve)}: each run's loss curves at the batch's times.
 * <li>{@code coefficients(model_hash, model, engine, loss, quantity, s, polynomial, seconds, prism_version, created)}:
 * {@code c_s} ({@code quantity = 'c'}) or its pairing counts, {@code engine} {@code exact} or {@code leading}, the
 * polynomial as prism prints it (it reads back exactly).
 * </ul>
 * Arrays ({@code times}, {@code curve}) are little-endian IEEE-754 doubles; Python reads one with
 * {@code array.array('d', blob)} (docs/store.md).
 *
 * <h2>Durability</h2>
 * Write-ahead log; a run is one transaction (its row and its curves), so a process killed at any moment leaves every
 * run it finished and none in part. Several processes may share a file (SQLite's locks; a writer waits up to
 * {@value #BUSY_MILLIS} ms). Methods are synchronized: one connection serves all threads. A failed write is reported
 * to the warning sink once and the computation goes on unstored.
 */
public final class RunStore implements RunCache, AutoCloseable {
    /** prism's version, kept with every row. */
    public static final String VERSION = "0.1.0";
    /** The layout of the tables; a file of another layout is refused. */
    static final int SCHEMA = 1;
    static final int BUSY_MILLIS = 30_000;

    private final Path file;
    private final Connection db;
    /** Runs and coefficients read and kept since this store was opened: {runs read, runs kept, coefficients read, coefficients kept}. */
    private final long[] counts = new long[4];
    private final Consumer<String> warnings;
    private boolean warned;

    private RunStore(Path file, Connection db, Consumer<String> warnings) {
        this.file = file;
        this.db = db;
        this.warnings = warnings;
    }

    /**
     * Opens (creating it and its folder if needed) the store at {@code file}.
     *
     * @param warnings hears a failed write, once
     * @throws IllegalArgumentException if the file cannot be opened or is not a run store of this layout
     */
    public static RunStore open(Path file, Consumer<String> warnings) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IllegalArgumentException("--store: cannot create the folder of " + file + " (" + e.getMessage() + ")");
        }
        if (Files.isDirectory(file)) throw new IllegalArgumentException("--store: " + file + " is a folder; give the store's file, e.g. " + file.resolve("runs.db"));
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_MILLIS);
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA foreign_keys = ON");
                int version;
                try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
                    version = r.next() ? r.getInt(1) : 0;
                }
                if (version == 0) {
                    c.setAutoCommit(false);
                    s.execute("CREATE TABLE IF NOT EXISTS batches (id TEXT PRIMARY KEY, kind TEXT NOT NULL, model TEXT NOT NULL,"
                            + " model_hash TEXT NOT NULL, point TEXT NOT NULL, description TEXT NOT NULL, times BLOB NOT NULL, created TEXT NOT NULL)");
                    s.execute("CREATE TABLE IF NOT EXISTS runs (batch TEXT NOT NULL REFERENCES batches(id) ON DELETE CASCADE, run INTEGER NOT NULL,"
                            + " seconds REAL NOT NULL, warnings TEXT NOT NULL, prism_version TEXT NOT NULL, created TEXT NOT NULL,"
                            + " PRIMARY KEY (batch, run))");
                    s.execute("CREATE TABLE IF NOT EXISTS curves (batch TEXT NOT NULL, run INTEGER NOT NULL, loss TEXT NOT NULL,"
                            + " position INTEGER NOT NULL, curve BLOB NOT NULL, PRIMARY KEY (batch, run, loss),"
                            + " FOREIGN KEY (batch, run) REFERENCES runs(batch, run) ON DELETE CASCADE)");
                    s.execute("CREATE TABLE IF NOT EXISTS coefficients (model_hash TEXT NOT NULL, model TEXT NOT NULL, engine TEXT NOT NULL,"
                            + " loss TEXT NOT NULL, quantity TEXT NOT NULL, s INTEGER NOT NULL, polynomial TEXT NOT NULL, seconds REAL NOT NULL,"
                            + " prism_version TEXT NOT NULL, created TEXT NOT NULL, PRIMARY KEY (model_hash, engine, loss, quantity, s))");
                    s.execute("PRAGMA user_version = " + SCHEMA);
                    c.commit();
                    c.setAutoCommit(true);
                } else if (version != SCHEMA) {
                    throw new IllegalArgumentException("--store: " + file + " is a run store of layout " + version + ", this prism reads layout "
                            + SCHEMA + "; give another file or remove it");
                }
            }
            return new RunStore(file, c, warnings == null ? w -> {} : warnings);
        } catch (SQLException e) {
            close(c);
            throw new IllegalArgumentException("--store: cannot open " + file + " as a run store (" + firstLine(e) + ")");
        } catch (RuntimeException e) {
            close(c);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized StoredRun find(RunBatch batch, int run) {
        try (PreparedStatement q = db.prepareStatement("SELECT r.seconds, r.warnings, c.loss, c.curve FROM runs r JOIN curves c"
                + " ON c.batch = r.batch AND c.run = r.run WHERE r.batch = ? AND r.run = ? ORDER BY c.position")) {
            q.setString(1, batch.id());
            q.setInt(2, run);
            List<String> losses = new ArrayList<>();
            List<double[]> curves = new ArrayList<>();
            double seconds = 0;
            String warned = "";
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    seconds = r.getDouble(1);
                    warned = r.getString(2);
                    losses.add(r.getString(3));
                    curves.add(doubles(r.getBytes(4)));
                }
            }
            if (losses.isEmpty()) return null;
            counts[0]++;
            return new StoredRun(losses, curves.toArray(new double[0][]), seconds, warned.isEmpty() ? List.of() : Arrays.asList(warned.split("\n")));
        } catch (SQLException e) {
            warn(e);
            return null;
        }
    }

    /** The indices of {@code batch}'s stored runs, in order. */
    public synchronized List<Integer> runs(RunBatch batch) {
        List<Integer> out = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT run FROM runs WHERE batch = ? ORDER BY run")) {
            q.setString(1, batch.id());
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) out.add(r.getInt(1));
            }
        } catch (SQLException e) {
            warn(e);
        }
        return out;
    }

    @Override
    public synchronized void put(RunBatch batch, int run, StoredRun result) {
        String now = Instant.now().toString();
        try {
            db.setAutoCommit(false);
            try (PreparedStatement b = db.prepareStatement("INSERT OR IGNORE INTO batches VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement r = db.prepareStatement("INSERT OR REPLACE INTO runs VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement c = db.prepareStatement("INSERT OR REPLACE INTO curves VALUES (?, ?, ?, ?, ?)")) {
                b.setString(1, batch.id());
                b.setString(2, batch.kind());
                b.setString(3, batch.model());
                b.setString(4, batch.modelHash());
                b.setString(5, batch.point());
                b.setString(6, batch.description());
                b.setBytes(7, bytes(batch.times()));
                b.setString(8, now);
                b.executeUpdate();
                r.setString(1, batch.id());
                r.setInt(2, run);
                r.setDouble(3, result.seconds());
                r.setString(4, String.join("\n", result.warnings()));
                r.setString(5, VERSION);
                r.setString(6, now);
                r.executeUpdate();
                for (int k = 0; k < result.losses().size(); k++) {
                    c.setString(1, batch.id());
                    c.setInt(2, run);
                    c.setString(3, result.losses().get(k));
                    c.setInt(4, k);
                    c.setBytes(5, bytes(result.curves()[k]));
                    c.addBatch();
                }
                c.executeBatch();
            }
            db.commit();
            counts[1]++;
        } catch (SQLException e) {
            rollback();
            warn(e);
        } finally {
            autoCommit();
        }
    }

    /**
     * A stored coefficient, or null.
     *
     * @param engine {@code exact} or {@code leading}
     * @param quantity {@code c} (the coefficient) or {@code pairing-counts}
     */
    public synchronized Polynomial coefficient(String modelHash, String engine, String loss, String quantity, int s) {
        try (PreparedStatement q = db.prepareStatement("SELECT polynomial FROM coefficients WHERE model_hash = ? AND engine = ? AND loss = ?"
                + " AND quantity = ? AND s = ?")) {
            q.setString(1, modelHash);
            q.setString(2, engine);
            q.setString(3, loss);
            q.setString(4, quantity);
            q.setInt(5, s);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) return null;
                counts[2]++;
                return Polynomial.parse(r.getString(1));
            }
        } catch (SQLException e) {
            warn(e);
            return null;
        }
    }

    /** Keeps a coefficient (see {@link #coefficient}); {@code seconds} what it took. */
    public synchronized void putCoefficient(String modelHash, String model, String engine, String loss, String quantity, int s, Polynomial p,
            double seconds) {
        try (PreparedStatement q = db.prepareStatement("INSERT OR REPLACE INTO coefficients VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            q.setString(1, modelHash);
            q.setString(2, model);
            q.setString(3, engine);
            q.setString(4, loss);
            q.setString(5, quantity);
            q.setInt(6, s);
            q.setString(7, p.toString());
            q.setDouble(8, seconds);
            q.setString(9, VERSION);
            q.setString(10, Instant.now().toString());
            q.executeUpdate();
            counts[3]++;
        } catch (SQLException e) {
            warn(e);
        }
    }

    /** What this process read and kept, e.g. {@code 120 runs read, 40 kept; 12 coefficients read, 0 kept}; null when nothing. */
    public synchronized String activity() {
        if (counts[0] + counts[1] + counts[2] + counts[3] == 0) return null;
        return String.format(Locale.ROOT, "%d runs read, %d kept; %d coefficients read, %d kept", counts[0], counts[1], counts[2], counts[3]);
    }

    /** The connection, for the queries of {@link StoreContents} (same thread rules: hold this store's lock). */
    Connection connection() {
        return db;
    }

    @Override
    public synchronized void close() {
        close(db);
    }

    /** Little-endian doubles. */
    static byte[] bytes(double[] values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) b.putDouble(v);
        return b.array();
    }

    static double[] doubles(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[bytes.length / 8];
        for (int i = 0; i < out.length; i++) out[i] = b.getDouble();
        return out;
    }

    private void warn(SQLException e) {
        if (warned) return;
        warned = true;
        warnings.accept("run store " + file + ": " + firstLine(e) + " (going on without it)");
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the write failed already and is reported; nothing was kept
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            warn(e);
        }
    }

    private static void close(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a connection that failed: nothing more to keep
        }
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
