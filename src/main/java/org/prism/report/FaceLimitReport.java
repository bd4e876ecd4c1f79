package org.prism.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prism.algebra.Rational;
import org.prism.algebra.Resummation;
import org.prism.geometry.IntVector;
import org.prism.regime.DerivedPrism;
import org.prism.regime.FaceLimit;

/**
 * Writes the limit curves of one face of any model ({@code prism limit --face}). JSON:
 * {@code {"model","face","families":[..],"direction":{..},"params":{"d/n":"1/2",..},"timeUnit","order",
 * "normalisation":{"<loss>":..},"times":[..],"losses":{"<loss>":{"curve":[..],"spread":[..],"bounds":[[lower,upper],..]|null,
 * "validUpTo":tau,"method":..}},"closedForm":{"<loss>":text}|null}}; with {@code --taylor}:
 * {@code "series":{"<loss>":["p/q",..]}} instead of times and curves.
 */
public final class FaceLimitReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FaceLimitReport() {}

    private static String params(Map<String, Rational> p) {
        List<String> parts = new ArrayList<>();
        p.forEach((k, v) -> parts.add(k + "=" + v));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static String families(DerivedPrism d, FaceLimit limit) {
        List<String> f = new ArrayList<>();
        for (IntVector v : limit.face().vertices()) f.add(d.familyName(v));
        return "{" + String.join(", ", f) + "}";
    }

    private static void header(PrintWriter w, String model, DerivedPrism d, FaceLimit limit) {
        w.printf("# model %s, face %s %s, along %s%n", model, limit.label(), families(d, limit), PrismReport.direction(d, limit.direction()));
        w.printf("# parameters: %s%n", params(limit.params()));
        w.printf("# time: %s%n", limit.timeUnit());
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.12g", v);
    }

    public static void text(Writer out, String model, DerivedPrism d, FaceLimit limit, Map<String, Resummation.Curve> curves, int order) {
        PrintWriter w = new PrintWriter(out);
        header(w, model, d, limit);
        for (Map.Entry<String, Resummation.Curve> e : curves.entrySet()) {
            Resummation.Curve c = e.getValue();
            String how = c.closedForm() != null ? "closed form " + c.closedForm().text() + ", proved by f_0..f_" + order
                    : c.method() + " of f_0..f_" + order + ", valid up to tau = " + String.format(Locale.ROOT, "%.4g", c.validUpTo())
                    + " (spread <= " + Resummation.TOLERANCE * 100 + "% of the curve's largest value so far)";
            w.printf("# %s: %s; %s%n", e.getKey(), limit.series().get(e.getKey()).normalisation(d.space()), how);
            if (c.bounds() != null) {
                w.printf("# %s: lower, upper: the range over every positive mixture of decaying exponentials with f_0..f_%d (they pass"
                        + " the Hankel test; exact for linear models, a hypothesis otherwise)%n", e.getKey(), order);
            }
        }
        StringBuilder head = new StringBuilder(String.format("%-20s", "# tau"));
        for (Map.Entry<String, Resummation.Curve> e : curves.entrySet()) {
            head.append(String.format("  %-20s  %-12s", e.getKey(), "spread"));
            if (e.getValue().bounds() != null) head.append(String.format("  %-20s  %-20s", "lower", "upper"));
        }
        w.println(head.toString().stripTrailing());
        double[] taus = curves.values().iterator().next().taus();
        for (int i = 0; i < taus.length; i++) {
            StringBuilder row = new StringBuilder(String.format("%-20s", number(taus[i])));
            for (Resummation.Curve c : curves.values()) {
                boolean claimed = taus[i] <= c.validUpTo();
                row.append(String.format("  %-20s  %-12s", number(c.value()[i]) + (claimed ? "" : " *"), number(c.spread()[i])));
                if (c.bounds() != null) row.append(String.format("  %-20s  %-20s", number(c.bounds()[i][0]), number(c.bounds()[i][1])));
            }
            w.println(row.toString().stripTrailing());
        }
        if (curves.values().stream().anyMatch(c -> c.validUpTo() < c.taus()[c.taus().length - 1])) {
            w.println("# * beyond the time up to which the approximants agree: not a prediction");
        }
        w.flush();
    }

    public static void json(Writer out, String model, DerivedPrism d, FaceLimit limit, Map<String, Resummation.Curve> curves, int order)
            throws IOException {
        ObjectNode root = head(model, d, limit, order);
        ArrayNode times = root.putArray("times");
        for (double t : curves.values().iterator().next().taus()) times.add(t);
        ObjectNode losses = root.putObject("losses");
        ObjectNode forms = JSON.createObjectNode();
        for (Map.Entry<String, Resummation.Curve> e : curves.entrySet()) {
            Resummation.Curve c = e.getValue();
            ObjectNode o = losses.putObject(e.getKey());
            ArrayNode curve = o.putArray("curve");
            for (double v : c.value()) curve.add(v);
            ArrayNode spread = o.putArray("spread");
            for (double v : c.spread()) {
                if (Double.isNaN(v)) spread.addNull();
                else spread.add(v);
            }
            if (c.bounds() == null) {
                o.putNull("bounds");
            } else {
                ArrayNode bounds = o.putArray("bounds");
                for (double[] b : c.bounds()) bounds.addArray().add(b[0]).add(b[1]);
            }
            o.put("validUpTo", c.validUpTo());
            o.put("method", c.method());
            if (c.closedForm() != null) forms.put(e.getKey(), c.closedForm().text());
        }
        if (forms.isEmpty()) root.putNull("closedForm");
        else root.set("closedForm", forms);
        CoefficientsReport.writeJson(out, root);
    }

    private static ObjectNode head(String model, DerivedPrism d, FaceLimit limit, int order) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", model);
        root.put("face", limit.label());
        ArrayNode fam = root.putArray("families");
        for (IntVector v : limit.face().vertices()) fam.add(d.familyName(v));
        ObjectNode dir = root.putObject("direction");
        for (int i = 0; i < d.space().dimension(); i++) dir.put(d.space().symbols().get(i), limit.direction().get(i));
        ObjectNode p = root.putObject("params");
        limit.params().forEach((k, v) -> p.put(k, v.toString()));
        root.put("timeUnit", limit.timeUnit());
        root.put("order", order);
        ObjectNode norm = root.putObject("normalisation");
        limit.series().forEach((loss, f) -> norm.put(loss, f.normalisation(d.space())));
        return root;
    }

    public static void csv(Writer out, Map<String, Resummation.Curve> curves) {
        PrintWriter w = new PrintWriter(out);
        List<Object> head = new ArrayList<>(List.of("tau"));
        for (String loss : curves.keySet()) {
            head.add(loss);
            head.add(loss + "_spread");
            head.add(loss + "_valid");
            head.add(loss + "_lower");
            head.add(loss + "_upper");
        }
        w.println(Csv.row(head));
        double[] taus = curves.values().iterator().next().taus();
        for (int i = 0; i < taus.length; i++) {
            List<Object> row = new ArrayList<>(List.of(taus[i]));
            for (Resummation.Curve c : curves.values()) {
                row.add(c.value()[i]);
                row.add(Double.isNaN(c.spread()[i]) ? "" : c.spread()[i]);
                row.add(taus[i] <= c.validUpTo());
                row.add(c.bounds() == null ? "" : c.bounds()[i][0]);
                row.add(c.bounds() == null ? "" : c.bounds()[i][1]);
            }
            w.println(Csv.row(row));
        }
        w.flush();
    }

    /** The exact face series f_0..f_S of every loss. */
    public static void seriesText(Writer out, String model, DerivedPrism d, FaceLimit limit) {
        PrintWriter w = new PrintWriter(out);
        header(w, model, d, limit);
        limit.values().forEach((loss, f) -> {
            w.printf("# %s: %s = sum_s f_s tau^s/s!%n", loss, limit.series().get(loss).normalisation(d.space()));
            for (int s = 0; s < f.size(); s++) w.printf("f_%d = %s%n", s, f.get(s));
        });
        w.flush();
    }

    public static void seriesJson(Writer out, String model, DerivedPrism d, FaceLimit limit, int order) throws IOException {
        ObjectNode root = head(model, d, limit, order);
        ObjectNode series = root.putObject("series");
        limit.values().forEach((loss, f) -> {
            ArrayNode a = series.putArray(loss);
            f.forEach(x -> a.add(x.toString()));
        });
        CoefficientsReport.writeJson(out, root);
    }

    public static void seriesCsv(Writer out, FaceLimit limit) {
        PrintWriter w = new PrintWriter(out);
        w.println(Csv.row("loss", "order", "f"));
        limit.values().forEach((loss, f) -> {
            for (int s = 0; s < f.size(); s++) w.println(Csv.row(loss, s, f.get(s)));
        });
        w.flush();
    }
}
