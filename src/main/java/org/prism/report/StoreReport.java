package org.prism.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.prism.store.StoreContents;

/** {@code prism store list}: the run store's batches of runs and its coefficients, as a table or as JSON. */
public final class StoreReport {
    private StoreReport() {}

    /** One line per batch (model, kind, point, runs, times, seconds, when) and per model's coefficients. */
    public static void text(PrintWriter w, Path file, long bytes, List<StoreContents.Batch> batches, List<StoreContents.Coefficients> coefficients) {
        int runs = batches.stream().mapToInt(StoreContents.Batch::runs).sum();
        double seconds = batches.stream().mapToDouble(StoreContents.Batch::seconds).sum();
        w.printf(Locale.ROOT, "run store %s (%.1f MiB): %d batches, %d runs (%.0f s of computing), %d coefficient series%n", file, bytes / 1048576.0,
                batches.size(), runs, seconds, coefficients.size());
        if (!batches.isEmpty()) {
            w.println();
            w.printf("%-28s %-22s %-36s %5s %6s %9s  %s%n", "model", "kind", "point", "runs", "times", "seconds", "stored");
            for (StoreContents.Batch b : batches) {
                w.printf(Locale.ROOT, "%-28s %-22s %-36s %5d %6d %9.1f  %s%n", b.model(), b.kind(), b.point(), b.runs(), b.times(), b.seconds(),
                        b.created().substring(0, Math.min(19, b.created().length())));
            }
        }
        if (!coefficients.isEmpty()) {
            w.println();
            w.printf("%-28s %-8s %-8s %-15s %-12s %9s%n", "model", "engine", "loss", "quantity", "orders", "seconds");
            for (StoreContents.Coefficients c : coefficients) {
                w.printf(Locale.ROOT, "%-28s %-8s %-8s %-15s %-12s %9.1f%n", c.model(), c.engine(), c.loss(), c.quantity(), orders(c.orders()),
                        c.seconds());
            }
        }
    }

    /**
     * {@code {"store", "bytes", "batches": [{id, kind, model, model_hash, point, description, times, runs, seconds,
     * created}], "coefficients": [{model, model_hash, engine, loss, quantity, orders, seconds}]}}.
     */
    public static void json(PrintWriter w, Path file, long bytes, List<StoreContents.Batch> batches, List<StoreContents.Coefficients> coefficients)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = mapper.createObjectNode();
        o.put("store", file.toString());
        o.put("bytes", bytes);
        ArrayNode bs = o.putArray("batches");
        for (StoreContents.Batch b : batches) {
            ObjectNode n = bs.addObject();
            n.put("id", b.id());
            n.put("kind", b.kind());
            n.put("model", b.model());
            n.put("model_hash", b.modelHash());
            n.put("point", b.point());
            n.put("description", b.description());
            n.put("times", b.times());
            n.put("runs", b.runs());
            n.put("seconds", b.seconds());
            n.put("created", b.created());
        }
        ArrayNode cs = o.putArray("coefficients");
        for (StoreContents.Coefficients c : coefficients) {
            ObjectNode n = cs.addObject();
            n.put("model", c.model());
            n.put("model_hash", c.modelHash());
            n.put("engine", c.engine());
            n.put("loss", c.loss());
            n.put("quantity", c.quantity());
            ArrayNode orders = n.putArray("orders");
            c.orders().forEach(orders::add);
            n.put("seconds", c.seconds());
        }
        w.println(mapper.writeValueAsString(o));
    }

    /** {@code 0..7} for a run of orders, else the list. */
    private static String orders(List<Integer> orders) {
        boolean run = true;
        for (int i = 1; i < orders.size(); i++) run &= orders.get(i) == orders.get(i - 1) + 1;
        if (run && orders.size() > 1) return orders.get(0) + ".." + orders.get(orders.size() - 1);
        return orders.toString().replace(" ", "");
    }
}
