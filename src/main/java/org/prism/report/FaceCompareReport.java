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
import org.prism.regime.DerivedPrism;
import org.prism.regime.compare.ConvergenceVerdict;
import org.prism.regime.compare.FaceComparison;

/**
 * Writes a face comparison ({@code prism compare --face}): text for people, and JSON
 * {@code {"model","face","direction":{..},"params":{..},"timeUnit","taus":[..],"sizes":[{"n","at":{..},"runs",
 * "timeScale","normalisation":{loss:..},"error":{loss:..},"noise":{loss:..},"seconds","predicted":{loss:[..]},
 * "bounds":{loss:[[lower,upper],..]} (losses whose limit has Markov-Krein bounds),
 * "mean":{loss:[..]},"se":{loss:[..]}}],"rates":{loss:r|null},"verdict":"pass|fail|inconclusive","reason"}},
 * or CSV rows {@code n,tau,loss,predicted,mean,se,lower,upper} (bounds empty where there are none).
 */
public final class FaceCompareReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FaceCompareReport() {}

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    private static String at(Map<String, Rational> at) {
        List<String> parts = new ArrayList<>();
        at.forEach((k, v) -> parts.add(k + "=" + (v.isInteger() ? v.toString() : String.format(Locale.ROOT, "%.4g", v.doubleValue()))));
        return String.join(", ", parts);
    }

    public static void text(Writer out, DerivedPrism d, FaceComparison c) {
        PrintWriter w = new PrintWriter(out);
        List<String> params = new ArrayList<>();
        c.params().forEach((k, v) -> params.add(k + "=" + v));
        w.printf("# model %s, face %s, along %s; parameters %s; %s, compared on [0, %s]%n", c.model(), c.face(),
                PrismReport.direction(d, c.direction()), params.isEmpty() ? "none" : String.join(", ", params), c.timeUnit(),
                c.taus().length == 0 ? "-" : String.format(Locale.ROOT, "%.4g", c.taus()[c.taus().length - 1]));
        if (!c.sizes().isEmpty()) {
            List<String> losses = new ArrayList<>(c.sizes().get(0).error().keySet());
            StringBuilder head = new StringBuilder(String.format("%-8s %-6s %-9s", "N", "runs", "seconds"));
            for (String l : losses) head.append(String.format(" %-12s %-10s", l + " error", "noise"));
            w.println(head.append("  sizes").toString());
            for (FaceComparison.Size s : c.sizes()) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-8s %-6d %-9.1f", fmt(s.n()), s.runs(), s.seconds()));
                for (String l : losses) row.append(String.format(" %-12s %-10s", pct(s.error().get(l)), pct(s.noise().get(l))));
                w.println(row.append("  ").append(at(s.at().values())).toString());
            }
            List<String> rates = new ArrayList<>();
            c.rates().forEach((k, v) -> rates.add(k + " " + (v == null ? "-" : String.format(Locale.ROOT, "%.2f", v))));
            w.println("rate     " + String.join(", ", rates) + " (error ~ N^-rate)");
            FaceComparison.Size last = c.sizes().get(c.sizes().size() - 1);
            List<String> met = new ArrayList<>();
            for (String l : losses) {
                Integer k = last.timesMeetingBounds(l, 2);
                if (k != null) met.add(l + " " + k + " of " + c.taus().length);
            }
            if (!met.isEmpty()) {
                w.println("bounds   largest N, mean +- 2 SE inside the limit's Markov-Krein bounds at " + String.join(", ", met)
                        + " times (the bounds hold if the limit is a positive mixture of decaying exponentials, as for linear models)");
            }
        }
        w.printf("verdict  %s: %s (pass: at most %d%% at the largest size and falling or within the noise)%n",
                c.verdict().name(), c.reason(), (int) (ConvergenceVerdict.PASS_ERROR * 100));
        w.flush();
    }

    public static void json(Writer out, DerivedPrism d, FaceComparison c) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", c.model());
        root.put("face", c.face());
        ObjectNode dir = root.putObject("direction");
        for (int i = 0; i < d.space().dimension(); i++) dir.put(d.space().symbols().get(i), c.direction().get(i));
        ObjectNode p = root.putObject("params");
        c.params().forEach(p::put);
        root.put("timeUnit", c.timeUnit());
        ArrayNode taus = root.putArray("taus");
        for (double t : c.taus()) taus.add(t);
        ArrayNode sizes = root.putArray("sizes");
        for (FaceComparison.Size s : c.sizes()) {
            ObjectNode o = sizes.addObject();
            o.put("n", s.n());
            ObjectNode a = o.putObject("at");
            s.at().values().forEach((k, v) -> a.put(k, v.toString()));
            o.put("runs", s.runs());
            o.put("timeScale", s.timeScale());
            o.put("seconds", s.seconds());
            putNumbers(o.putObject("normalisation"), s.normalisation());
            putNumbers(o.putObject("error"), s.error());
            putNumbers(o.putObject("noise"), s.noise());
            putArrays(o.putObject("predicted"), s.predicted());
            ObjectNode bounds = o.putObject("bounds");
            s.bounds().forEach((loss, b) -> {
                ArrayNode range = bounds.putArray(loss);
                for (double[] x : b) range.addArray().add(x[0]).add(x[1]);
            });
            putArrays(o.putObject("mean"), s.mean());
            putArrays(o.putObject("se"), s.se());
        }
        ObjectNode rates = root.putObject("rates");
        c.rates().forEach((k, v) -> {
            if (v == null) rates.putNull(k);
            else rates.put(k, v);
        });
        root.put("verdict", c.verdict().name().toLowerCase(Locale.ROOT));
        root.put("reason", c.reason());
        CoefficientsReport.writeJson(out, root);
    }

    private static void putNumbers(ObjectNode o, Map<String, Double> m) {
        m.forEach(o::put);
    }

    private static void putArrays(ObjectNode o, Map<String, double[]> m) {
        m.forEach((k, v) -> {
            ArrayNode a = o.putArray(k);
            for (double x : v) a.add(x);
        });
    }

    public static void csv(Writer out, FaceComparison c) {
        PrintWriter w = new PrintWriter(out);
        w.println(Csv.row("n", "tau", "loss", "predicted", "mean", "se", "lower", "upper"));
        for (FaceComparison.Size s : c.sizes()) {
            for (String loss : s.predicted().keySet()) {
                for (int t = 0; t < c.taus().length; t++) {
                    double[][] b = s.bounds().get(loss);
                    w.println(Csv.row(s.n(), c.taus()[t], loss, s.predicted().get(loss)[t], s.mean().get(loss)[t], s.se().get(loss)[t],
                            b == null ? "" : b[t][0], b == null ? "" : b[t][1]));
                }
            }
        }
        w.flush();
    }

    private static String fmt(double n) {
        return n == Math.rint(n) ? Long.toString((long) n) : String.format(Locale.ROOT, "%.4g", n);
    }
}
