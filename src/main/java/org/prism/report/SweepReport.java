package org.prism.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.prism.regime.compare.FaceComparison;
import org.prism.regime.compare.FaceSweep;
import org.prism.simulation.ModelSimulationReport;
import org.prism.simulation.ModelSimulationResult;
import org.prism.sweep.Sweep;
import org.prism.sweep.SweepFile;

/**
 * {@code prism sweep}: every simulation of a sweep (its final mean losses, how many runs came from the store) and
 * every face compared, as text; as JSON (the contract in docs/contracts.md); the simulations' curves as CSV.
 */
public final class SweepReport {
    private SweepReport() {}

    /** One line per simulation and per face. */
    public static void text(PrintWriter w, SweepFile f, List<Sweep.Outcome> sims, List<Sweep.FaceOutcomes> faces) {
        w.printf(Locale.ROOT, "sweep %s (seed %d): %d simulations, %d face entries%n", f.source(), f.seed(), sims.size(), faces.size());
        if (!sims.isEmpty()) {
            w.println();
            int mw = Math.max(5, sims.stream().mapToInt(o -> o.model().length()).max().orElse(0));
            int aw = Math.max(2, sims.stream().mapToInt(o -> o.cell().at().text(",").length()).max().orElse(0));
            String head = "%-" + mw + "s  %-" + aw + "s";
            w.printf(head + " %6s %7s %-10s  %s%n", "model", "at", "seeds", "stored", "dt", "at the last time: mean +- se");
            for (Sweep.Outcome o : sims) {
                if (o.result() == null) {
                    w.printf(head + " failed: %s%n", o.model(), o.cell().at().text(","), o.failed());
                    continue;
                }
                ModelSimulationResult r = o.result();
                List<String> last = new ArrayList<>();
                for (int k = 0; k < r.losses().size(); k++) {
                    int t = r.times().length - 1;
                    last.add(String.format(Locale.ROOT, "%s %.6g +- %.2g", r.losses().get(k), r.mean()[k][t], r.se()[k][t]));
                }
                w.printf(Locale.ROOT, head + " %6d %7d %-10.4g  %s%n", o.model(), o.cell().at().text(","), r.params().seeds(), r.reused(),
                        r.params().grid().dt(), String.join(", ", last));
            }
        }
        for (Sweep.FaceOutcomes fo : faces) {
            w.println();
            w.printf("%s (%s): %s%n", fo.model(), fo.cell().model(), fo.outcomes().isEmpty() ? "no face compared (the polytope is not settled)"
                    : FaceSweepReport.counts(fo.outcomes()));
            for (FaceSweep.Outcome o : fo.outcomes()) {
                FaceComparison c = o.comparison();
                if (c == null) {
                    w.printf("  %-8s inconclusive: %s%n", o.face(), o.skipped());
                } else if (c.sizes().isEmpty()) {
                    w.printf("  %-8s %s: %s%n", o.face(), c.verdict().name().toLowerCase(Locale.ROOT), c.reason());
                } else {
                    FaceComparison.Size last = c.sizes().get(c.sizes().size() - 1);
                    List<String> errors = new ArrayList<>();
                    last.error().forEach((loss, e) -> errors.add(loss + " " + FaceSweepReport.pct(e)));
                    w.printf(Locale.ROOT, "  %-8s %s at N = %s (%s): %s%n", o.face(), c.verdict().name().toLowerCase(Locale.ROOT), FaceSweepReport.num(last.n()),
                            String.join(", ", errors), c.reason());
                }
            }
        }
        w.flush();
    }

    /**
     * {@code {"sweep", "seed", "simulations": [{"entry", "model", "file", "at", "failed", "stored_runs", "backend", "run_seconds",
     * "simulation": <simulate's JSON>}], "faces": [{"entry", "model", "file", "face", "families", "skipped", "comparison":
     * <compare --face's JSON>}]}}.
     */
    public static void json(PrintWriter w, SweepFile f, List<Sweep.Outcome> sims, List<Sweep.FaceOutcomes> faces) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("sweep", f.source().toString());
        root.put("seed", f.seed());
        ArrayNode s = root.putArray("simulations");
        for (Sweep.Outcome o : sims) {
            ObjectNode n = s.addObject();
            n.put("entry", o.cell().entry());
            n.put("model", o.model());
            n.put("file", o.cell().model().toString());
            n.put("at", o.cell().at().text(","));
            n.put("failed", o.failed());
            if (o.result() != null) {
                n.put("stored_runs", o.result().reused());
                n.put("backend", o.result().backend());
                n.put("run_seconds", o.result().runSeconds());
                n.set("simulation", ModelSimulationReport.tree(o.result(), null, false));
            }
        }
        ArrayNode fs = root.putArray("faces");
        for (Sweep.FaceOutcomes fo : faces) {
            for (FaceSweep.Outcome o : fo.outcomes()) {
                ObjectNode n = fs.addObject();
                n.put("entry", fo.cell().entry());
                n.put("model", fo.model());
                n.put("file", fo.cell().model().toString());
                n.put("face", o.face());
                ArrayNode fam = n.putArray("families");
                o.families().forEach(fam::add);
                n.put("skipped", o.skipped());
                if (o.comparison() != null) {
                    StringWriter one = new StringWriter();
                    FaceCompareReport.json(one, fo.prism(), o.comparison());
                    JsonNode c = mapper.readTree(one.toString());
                    n.set("comparison", c);
                }
            }
        }
        w.println(mapper.writeValueAsString(root));
        w.flush();
    }

    /** The simulations' mean curves, one row per simulation, loss and time: {@code entry,model,at,loss,t,mean,se}. */
    public static void csv(PrintWriter w, List<Sweep.Outcome> sims) {
        w.println("entry,model,at,loss,t,mean,se");
        for (Sweep.Outcome o : sims) {
            if (o.result() == null) continue;
            ModelSimulationResult r = o.result();
            for (int k = 0; k < r.losses().size(); k++) {
                for (int t = 0; t < r.times().length; t++) {
                    w.println(o.cell().entry() + "," + o.model() + ",\"" + o.cell().at().text(",") + "\"," + r.losses().get(k) + "," + r.times()[t] + ","
                            + r.mean()[k][t] + "," + r.se()[k][t]);
                }
            }
        }
        w.flush();
    }
}
