package org.prism.simulation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes a {@link ModelSimulationResult} as CSV, as text (the CSV preceded by {@code #} comment
 * lines) or as JSON, as {@link SimulationReport} does for the tied autoencoder.
 *
 * <p>CSV: header {@code t,<loss>_mean,<loss>_se,...} in the model's loss order, one row per recording
 * time. JSON: {@code {"params":{"model":NAME,"at":{"d":"64",..},"dt","steps","t_max","record_every",
 * "integrator","seeds","seed","fixed_data"},"times":[...],"losses":{"<loss>":{"mean":[...],"se":[...]},..}}}
 * ({@code at}: the exact values given, as strings). With {@link SeriesColumns} (may be null): a column
 * {@code <loss>_series} after the others, and in JSON {@code "series_order"} in params and
 * {@code "series":[...]} beside each loss's mean. With {@code runs}: {@code "runs":[[...],...]} beside each
 * loss's mean (one curve per run), and CSV rows {@code run,t,<loss>,...} instead of the means.
 */
public final class ModelSimulationReport {
    private ModelSimulationReport() {}

    public static void csv(Writer out, ModelSimulationResult r, SeriesColumns series) {
        csv(out, r, series, false);
    }

    /** With {@code runs}: one row per run and time, {@code run,t,<loss>,...}, instead of the means. */
    public static void csv(Writer out, ModelSimulationResult r, SeriesColumns series, boolean runs) {
        if (runs) {
            SimulationReport.runsCsv(out, r.losses(), r.times(), r.perSeed());
            return;
        }
        PrintWriter w = new PrintWriter(out);
        StringBuilder header = new StringBuilder("t");
        for (String l : r.losses()) header.append(',').append(l).append("_mean,").append(l).append("_se");
        if (series != null) for (String l : r.losses()) if (series.of(l) != null) header.append(',').append(l).append("_series");
        w.println(header);
        for (int j = 0; j < r.times().length; j++) {
            StringBuilder row = new StringBuilder(SimulationReport.time(r.times()[j]));
            for (int k = 0; k < r.losses().size(); k++) row.append(',').append(r.mean()[k][j]).append(',').append(r.se()[k][j]);
            if (series != null) for (String l : r.losses()) if (series.of(l) != null) row.append(',').append(series.of(l)[j]);
            w.println(row);
        }
        w.flush();
    }

    public static void text(Writer out, ModelSimulationResult r, SeriesColumns series) {
        PrintWriter w = new PrintWriter(out);
        ModelSimulationParams p = r.params();
        TimeGrid g = p.grid();
        w.printf(Locale.ROOT, "# prism simulate: model %s at %s; %s of its flow%n", r.model(), p.at().text(","),
                p.integrator() == Integrator.EULER ? "Euler steps (gradient descent for a gradient flow)" : "RK4 integration");
        w.printf(Locale.ROOT, "# dt=%s steps=%d t_max=%s seeds=%d seed=%d data=%s; se = standard error of the mean over seeds%s%n",
                g.dt(), g.steps(), SimulationReport.time(g.horizon()), p.seeds(), p.seed(),
                p.fixedData() ? "fixed (one draw, trained matrices resampled)" : "resampled per seed", p.seeds() == 1 ? " (0: one seed)" : "");
        w.printf(Locale.ROOT, "# generic simulator (%s, %d worker thread%s), %.3g multiply-adds per step%n",
                r.backend(), r.threads(), r.threads() == 1 ? "" : "s", r.multiplyAddsPerStep());
        if (series != null) SimulationReport.seriesComment(w, series);
        w.flush();
        csv(out, r, series);
    }

    /** The JSON contract (see the class comment), one line; with {@code runs}, each loss also has {@code "runs":[[...],...]}. */
    public static void json(Writer out, ModelSimulationResult r, SeriesColumns series, boolean runs) throws IOException {
        SimulationReport.writeLine(out, tree(r, series, runs));
    }

    /** The JSON contract as a tree (for documents that hold several simulations). */
    public static ObjectNode tree(ModelSimulationResult r, SeriesColumns series, boolean runs) {
        ModelSimulationParams p = r.params();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode params = root.putObject("params");
        params.put("model", r.model());
        ObjectNode at = params.putObject("at");
        p.at().values().forEach((k, v) -> at.put(k, v.toString()));
        SimulationReport.runParams(params, p.grid(), p.integrator(), p.seeds(), p.seed(), p.fixedData());
        if (series != null) params.put("series_order", series.order());
        SimulationReport.times(root, r.times());
        ObjectNode losses = root.putObject("losses");
        for (int k = 0; k < r.losses().size(); k++) {
            String loss = r.losses().get(k);
            ObjectNode node = losses.putObject(loss);
            SimulationReport.curve(node, r.mean()[k], r.se()[k], series == null ? null : series.of(loss));
            if (runs) SimulationReport.runs(node, r.perSeed()[k]);
        }
        return root;
    }
}
