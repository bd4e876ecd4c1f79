package org.prism.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link RunStore} holds, for people: its batches of runs and its coefficients listed, exported as JSON or
 * CSV, and pruned. Queries run under the store's lock.
 */
public final class StoreContents {
    /** One batch of runs: what was simulated and how many runs are kept. */
    public record Batch(String id, String kind, String model, String modelHash, String point, String description, int times, int runs,
            double seconds, String created) {}

    /** The coefficients kept for one model, engine and loss: the orders held. */
    public record Coefficients(String model, String modelHash, String engine, String loss, String quantity, List<Integer> orders, double seconds) {}

    /** What a prune removes: batches of runs whose model is named {@code model} (null: any) created before {@code before} (null: any). */
    public record Selection(String model, Instant before, boolean runs, boolean coefficients) {}

    private final RunStore store;

    public StoreContents(RunStore store) {
        this.store = store;
    }

    public List<Batch> batches() {
        synchronized (store) {
            List<Batch> out = new ArrayList<>();
            try (Statement s = store.connection().createStatement();
                 ResultSet r = s.executeQuery("SELECT b.id, b.kind, b.model, b.model_hash, b.point, b.description, length(b.times) / 8,"
                         + " count(u.run), coalesce(sum(u.seconds), 0), b.created FROM batches b LEFT JOIN runs u ON u.batch = b.id"
                         + " GROUP BY b.id ORDER BY b.created, b.id")) {
                while (r.next()) {
                    out.add(new Batch(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6), r.getInt(7),
                            r.getInt(8), r.getDouble(9), r.getString(10)));
                }
            } catch (SQLException e) {
                throw failed(e);
            }
            return out;
        }
    }

    public List<Coefficients> coefficients() {
        synchronized (store) {
            List<Coefficients> out = new ArrayList<>();
            try (Statement s = store.connection().createStatement();
                 ResultSet r = s.executeQuery("SELECT model, model_hash, engine, loss, quantity, group_concat(s), sum(seconds) FROM"
                         + " (SELECT * FROM coefficients ORDER BY s) GROUP BY model_hash, engine, loss, quantity ORDER BY model, engine, loss, quantity")) {
                while (r.next()) {
                    List<Integer> orders = new ArrayList<>();
                    for (String o : r.getString(6).split(",")) orders.add(Integer.parseInt(o));
                    out.add(new Coefficients(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), orders, r.getDouble(7)));
                }
            } catch (SQLException e) {
                throw failed(e);
            }
            return out;
        }
    }

    /** Removes what {@code selection} names; returns {runs removed, coefficients removed}. Then gives the space back to the file system. */
    public int[] prune(Selection selection) {
        synchronized (store) {
            Connection c = store.connection();
            int runs = 0;
            int coefficients = 0;
            try {
                String where = " WHERE (? IS NULL OR model = ?) AND (? IS NULL OR created < ?)";
                if (selection.runs()) {
                    try (PreparedStatement q = c.prepareStatement("SELECT count(*) FROM runs WHERE batch IN (SELECT id FROM batches" + where + ")")) {
                        bind(q, selection);
                        try (ResultSet r = q.executeQuery()) {
                            runs = r.next() ? r.getInt(1) : 0;
                        }
                    }
                    try (PreparedStatement q = c.prepareStatement("DELETE FROM batches" + where)) {
                        bind(q, selection);
                        q.executeUpdate();
                    }
                }
                if (selection.coefficients()) {
                    try (PreparedStatement q = c.prepareStatement("DELETE FROM coefficients" + where)) {
                        bind(q, selection);
                        coefficients = q.executeUpdate();
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.execute("VACUUM");
                }
            } catch (SQLException e) {
                throw failed(e);
            }
            return new int[] {runs, coefficients};
        }
    }

    /**
     * Every run as CSV, one row per run, loss and time: {@code batch,kind,model,point,description,run,loss,time,value}.
     */
    public void csv(Writer out) throws IOException {
        PrintWriter w = new PrintWriter(out);
        w.println("batch,kind,model,point,description,run,loss,time,value");
        synchronized (store) {
            try (Statement s = store.connection().createStatement();
                 ResultSet r = s.executeQuery("SELECT b.id, b.kind, b.model, b.point, b.description, b.times, c.run, c.loss, c.curve FROM batches b"
                         + " JOIN curves c ON c.batch = b.id ORDER BY b.created, b.id, c.run, c.position")) {
                while (r.next()) {
                    double[] times = RunStore.doubles(r.getBytes(6));
                    double[] curve = RunStore.doubles(r.getBytes(9));
                    String head = r.getString(1) + "," + r.getString(2) + "," + quote(r.getString(3)) + "," + quote(r.getString(4)) + ","
                            + quote(r.getString(5)) + "," + r.getInt(7) + "," + quote(r.getString(8)) + ",";
                    for (int t = 0; t < curve.length; t++) w.println(head + times[t] + "," + curve[t]);
                }
            } catch (SQLException e) {
                throw failed(e);
            }
        }
        w.flush();
    }

    /**
     * Everything as one JSON document: {@code {"store": path, "batches": [{id, kind, model, model_hash, point,
     * description, times, runs: [{run, seconds, warnings, curves: {loss: [...]}}]}], "coefficients": [{model,
     * model_hash, engine, loss, quantity, s, polynomial}]}}.
     */
    public void json(Writer out) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("store", store.file().toString());
            g.writeArrayFieldStart("batches");
            synchronized (store) {
                try {
                    writeBatches(g);
                    g.writeEndArray();
                    g.writeArrayFieldStart("coefficients");
                    writeCoefficients(g);
                } catch (SQLException e) {
                    throw failed(e);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private void writeBatches(JsonGenerator g) throws SQLException, IOException {
        try (Statement s = store.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT b.id, b.kind, b.model, b.model_hash, b.point, b.description, b.times, u.run, u.seconds,"
                     + " u.warnings, c.loss, c.curve FROM batches b JOIN runs u ON u.batch = b.id JOIN curves c ON c.batch = u.batch"
                     + " AND c.run = u.run ORDER BY b.created, b.id, u.run, c.position")) {
            String batch = null;
            int run = -1;
            while (r.next()) {
                if (!r.getString(1).equals(batch)) {
                    if (batch != null) {
                        g.writeEndObject(); // curves
                        g.writeEndObject(); // run
                        g.writeEndArray(); // runs
                        g.writeEndObject(); // batch
                    }
                    batch = r.getString(1);
                    run = -1;
                    g.writeStartObject();
                    g.writeStringField("id", batch);
                    g.writeStringField("kind", r.getString(2));
                    g.writeStringField("model", r.getString(3));
                    g.writeStringField("model_hash", r.getString(4));
                    g.writeStringField("point", r.getString(5));
                    g.writeStringField("description", r.getString(6));
                    g.writeFieldName("times");
                    double[] times = RunStore.doubles(r.getBytes(7));
                    g.writeArray(times, 0, times.length);
                    g.writeArrayFieldStart("runs");
                }
                if (r.getInt(8) != run) {
                    if (run >= 0) {
                        g.writeEndObject();
                        g.writeEndObject();
                    }
                    run = r.getInt(8);
                    g.writeStartObject();
                    g.writeNumberField("run", run);
                    g.writeNumberField("seconds", r.getDouble(9));
                    g.writeArrayFieldStart("warnings");
                    for (String line : r.getString(10).split("\n")) if (!line.isEmpty()) g.writeString(line);
                    g.writeEndArray();
                    g.writeObjectFieldStart("curves");
                }
                g.writeFieldName(r.getString(11));
                double[] curve = RunStore.doubles(r.getBytes(12));
                g.writeArray(curve, 0, curve.length);
            }
            if (batch != null) {
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
        }
    }

    private void writeCoefficients(JsonGenerator g) throws SQLException, IOException {
        try (Statement s = store.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT model, model_hash, engine, loss, quantity, s, polynomial FROM coefficients"
                     + " ORDER BY model, engine, loss, quantity, s")) {
            while (r.next()) {
                g.writeStartObject();
                g.writeStringField("model", r.getString(1));
                g.writeStringField("model_hash", r.getString(2));
                g.writeStringField("engine", r.getString(3));
                g.writeStringField("loss", r.getString(4));
                g.writeStringField("quantity", r.getString(5));
                g.writeNumberField("s", r.getInt(6));
                g.writeStringField("polynomial", r.getString(7));
                g.writeEndObject();
            }
        }
    }

    private static void bind(PreparedStatement q, Selection s) throws SQLException {
        q.setString(1, s.model());
        q.setString(2, s.model());
        String before = s.before() == null ? null : s.before().toString();
        q.setString(3, before);
        q.setString(4, before);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private IllegalStateException failed(SQLException e) {
        return new IllegalStateException("run store " + store.file() + ": " + e.getMessage());
    }
}
