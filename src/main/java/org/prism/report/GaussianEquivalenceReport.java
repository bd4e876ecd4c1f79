package org.prism.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.prism.regime.compare.GaussianEquivalence;

/** Writes a {@link GaussianEquivalence} comparison: a table per loss, a summary, JSON, CSV and a figure. */
public final class GaussianEquivalenceReport {
    private GaussianEquivalenceReport() {}

    private static String header(GaussianEquivalence.Result r) {
        List<String> m = new ArrayList<>();
        for (int k = 0; k < Math.min(4, r.moments().length); k++) m.add(String.format(Locale.ROOT, "%.4g", r.moments()[k]));
        return "# Gaussian equivalence: " + r.model() + " on " + r.data() + " at " + points(r) + "\n"
                + "# real: the data set itself (fixed), " + r.seeds() + " runs over W(0); twin: fresh N(0, Sigma) data in every run, " + r.seeds()
                + " runs from the same W(0) (z: the paired difference in its standard errors), Sigma the data's covariance; diagrams: the exact c_0..c_" + r.order() + " at Sigma's moments, resummed where"
                + " its approximants agree\n"
                + "# Sigma's moments C_k = tr(Sigma^k)/d, k = 1..4: " + String.join(", ", m);
    }

    private static String points(GaussianEquivalence.Result r) {
        List<String> parts = new ArrayList<>();
        r.at().values().forEach((k, v) -> {
            if (!k.matches(".*_\\d+")) parts.add(k + "=" + v);
        });
        return String.join(", ", parts);
    }

    /** Per loss: time, real and twin mean with standard errors, their difference in standard errors, the diagrams' curve. */
    public static void text(PrintWriter w, GaussianEquivalence.Result r) {
        w.println(header(r));
        for (GaussianEquivalence.Loss l : r.losses()) {
            w.println();
            w.println("loss " + l.name() + (l.resummed() == null ? ": the diagrams' series has no pole-free approximant on these times"
                    : String.format(Locale.ROOT, ": the diagrams' curve (%s) is claimed up to t = %.4g", l.resummed().method(), l.resummed().validUpTo())));
            w.printf("%8s  %21s  %21s  %9s  %7s  %11s%s%n", "t", "real +- se", "twin +- se", "real/twin", "z", "diagrams",
                    l.face() == null ? "" : String.format("  %11s", "face " + r.face()));
            for (int i = 0; i < r.times().length; i++) {
                String face = l.face() == null ? "" : String.format(Locale.ROOT, "  %11s", Double.isNaN(l.face()[i]) ? "-" : String.format(Locale.ROOT, "%.6g", l.face()[i]));
                w.printf(Locale.ROOT, "%8.4g  %11.6g +- %6.2g  %11.6g +- %6.2g  %9.4f  %7.2f  %11s%s%n", r.times()[i], l.realMean()[i], l.realSe()[i],
                        l.twinMean()[i], l.twinSe()[i], l.realMean()[i] / l.twinMean()[i], l.z(i), diagrams(l, r.times()[i], i), face);
            }
            int worst = worst(l);
            w.printf(Locale.ROOT, "summary: the real data's %s loss differs from its Gaussian twin's by at most %.2f%% (t = %.4g, %.1f standard errors)%n",
                    l.name(), 100 * l.relativeDifference(worst), r.times()[worst], Math.abs(l.z(worst)));
            String agreement = diagramsAgreement(l, r.times());
            if (agreement != null) w.println("summary: " + agreement);
            String face = faceAgreement(l, r);
            if (face != null) w.println("summary: " + face);
        }
        w.flush();
    }

    private static String diagrams(GaussianEquivalence.Loss l, double t, int i) {
        if (l.resummed() == null || t > l.resummed().validUpTo()) return "-";
        return String.format(Locale.ROOT, "%.6g", l.resummed().value()[i]);
    }

    /** The time of the largest relative difference between real and twin. */
    static int worst(GaussianEquivalence.Loss l) {
        int worst = 0;
        for (int i = 0; i < l.realMean().length; i++) if (l.relativeDifference(i) > l.relativeDifference(worst)) worst = i;
        return worst;
    }

    /** How far the diagrams' curve is from the twin where it is claimed, in standard errors of the twin; null if nowhere. */
    static String diagramsAgreement(GaussianEquivalence.Loss l, double[] times) {
        if (l.resummed() == null) return null;
        double worst = 0;
        int count = 0;
        for (int i = 0; i < times.length; i++) {
            if (times[i] > l.resummed().validUpTo() || l.twinSe()[i] == 0) continue;
            worst = Math.max(worst, Math.abs(l.resummed().value()[i] - l.twinMean()[i]) / l.twinSe()[i]);
            count++;
        }
        if (count == 0) return null;
        return String.format(Locale.ROOT, "the diagrams' %s curve is within %.1f standard errors of the twin at the %d times where it is claimed",
                l.name(), worst, count);
    }

    /** How far the real data and the twin are from the face's limit where it is claimed (relative), or null. */
    static String faceAgreement(GaussianEquivalence.Loss l, GaussianEquivalence.Result r) {
        if (l.face() == null) return null;
        double real = 0;
        double twin = 0;
        double last = -1;
        for (int i = 0; i < r.times().length; i++) {
            if (Double.isNaN(l.face()[i])) continue;
            real = Math.max(real, Math.abs(l.realMean()[i] - l.face()[i]) / Math.abs(l.face()[i]));
            twin = Math.max(twin, Math.abs(l.twinMean()[i] - l.face()[i]) / Math.abs(l.face()[i]));
            last = Math.max(last, r.times()[i]);
        }
        if (last < 0) return "face " + r.face() + ": its " + l.name() + " curve is claimed at no compared time";
        return String.format(Locale.ROOT, "face %s (its limit at the data's ratios and moments), claimed up to t = %.3g: the real data within %.2f%%,"
                + " the twin within %.2f%%", r.face(), last, 100 * real, 100 * twin);
    }

    /**
     * {@code {"model","data","at":{..},"moments":[C_1..],"seeds","order","times":[..],"losses":[{"name","real":{"mean","se"},
     * "twin":{"mean","se"},"differenceSe":[..],"series":[..],"face":[.. or null] (with --face),"diagrams":{"method","validUpTo","values"} or null,"z":[..]}]}}.
     */
    public static void json(PrintWriter w, GaussianEquivalence.Result r) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("model", r.model());
        root.put("data", r.data());
        ObjectNode at = root.putObject("at");
        r.at().values().forEach((k, v) -> at.put(k, v.toString()));
        ArrayNode moments = root.putArray("moments");
        for (double x : r.moments()) moments.add(x);
        root.put("seeds", r.seeds());
        root.put("order", r.order());
        if (r.face() != null) root.put("face", r.face());
        ArrayNode times = root.putArray("times");
        for (double t : r.times()) times.add(t);
        ArrayNode losses = root.putArray("losses");
        for (GaussianEquivalence.Loss l : r.losses()) {
            ObjectNode o = losses.addObject();
            o.put("name", l.name());
            curve(o.putObject("real"), l.realMean(), l.realSe());
            curve(o.putObject("twin"), l.twinMean(), l.twinSe());
            ArrayNode dse = o.putArray("differenceSe");
            for (double x : l.differenceSe()) dse.add(x);
            ArrayNode s = o.putArray("series");
            for (double x : l.series()) s.add(x);
            if (l.resummed() == null) {
                o.putNull("diagrams");
            } else {
                ObjectNode dg = o.putObject("diagrams");
                dg.put("method", l.resummed().method());
                dg.put("validUpTo", l.resummed().validUpTo());
                ArrayNode v = dg.putArray("values");
                for (double x : l.resummed().value()) v.add(x);
            }
            if (l.face() != null) {
                ArrayNode face = o.putArray("face");
                for (double x : l.face()) {
                    if (Double.isNaN(x)) face.addNull(); else face.add(x);
                }
            }
            ArrayNode z = o.putArray("z");
            for (int i = 0; i < r.times().length; i++) z.add(l.z(i));
        }
        json.writeValue(w, root);
        w.println();
        w.flush();
    }

    private static void curve(ObjectNode o, double[] mean, double[] se) {
        ArrayNode m = o.putArray("mean");
        for (double x : mean) m.add(x);
        ArrayNode s = o.putArray("se");
        for (double x : se) s.add(x);
    }

    /** {@code loss,t,real_mean,real_se,twin_mean,twin_se,series,diagrams} (diagrams empty where not claimed). */
    public static void csv(PrintWriter w, GaussianEquivalence.Result r) {
        w.println("loss,t,real_mean,real_se,twin_mean,twin_se,series,diagrams");
        for (GaussianEquivalence.Loss l : r.losses()) {
            for (int i = 0; i < r.times().length; i++) {
                String dg = l.resummed() == null || r.times()[i] > l.resummed().validUpTo() ? "" : Double.toString(l.resummed().value()[i]);
                w.println(Csv.row(l.name(), r.times()[i], l.realMean()[i], l.realSe()[i], l.twinMean()[i], l.twinSe()[i], l.series()[i], dg));
            }
        }
        w.flush();
    }

    /** The page of {@code reports/data/<set>/}: what was run, how to read it (the caller's words), the table, the figure. */
    public static String page(GaussianEquivalence.Result r, String command, String reading, String table) {
        return "# Gaussian equivalence on " + r.data() + "\n\n`" + command + "` (written by `prism report`).\n\n" + reading + "\n\n"
                + "![real data, Gaussian twin and diagrams](gaussian-equivalence.png)\n\n```\n" + table + "```\n\n"
                + "The numbers: [gaussian-equivalence.csv](gaussian-equivalence.csv) (loss,t,real_mean,real_se,twin_mean,twin_se,series,diagrams).\n";
    }

    /**
     * The section of the top README: {@code intro} (what was trained on what, in the caller's words), a link to the page,
     * and per loss the summary, the data set called {@code dataName}.
     */
    public static String section(GaussianEquivalence.Result r, String folder, String intro, String dataName) {
        StringBuilder sb = new StringBuilder("## Gaussian equivalence on a real data set\n\n");
        sb.append(intro).append(" ([").append(folder).append("README.md](").append(folder).append("README.md)):\n\n");
        for (GaussianEquivalence.Loss l : r.losses()) {
            int worst = worst(l);
            sb.append(String.format(Locale.ROOT, "- %s loss: %s differ from their Gaussian twin by at most %.2f%% (t = %.3g, %.1f standard errors)",
                    l.name(), dataName, 100 * l.relativeDifference(worst), r.times()[worst], Math.abs(l.z(worst))));
            String agreement = diagramsAgreement(l, r.times());
            sb.append(agreement == null ? "; the diagrams' curve is claimed at no compared time" : "; " + agreement);
            String face = faceAgreement(l, r);
            sb.append(face == null ? ".\n" : "; " + face + ".\n");
        }
        sb.append("\n![digits against their Gaussian twin](").append(folder).append("gaussian-equivalence.png)\n\n");
        return sb.toString();
    }

    /**
     * Two panels: the first loss's curves (real and twin with +-2 SE bands, the diagrams where claimed), and per loss the
     * relative difference (real - twin)/twin with its +-2 SE band. STEM.png, .svg, .pdf.
     */
    public static List<Path> figure(GaussianEquivalence.Result r, Path stem) throws IOException {
        GaussianEquivalence.Loss first = r.losses().get(0);
        XYChart curves = FigureStyle.panel(r.model() + " on " + shortName(r.data()) + ": " + first.name() + " loss", "t", "L_" + first.name());
        curves.getStyler().setMarkerSize(0);
        band(curves, "real data (mean +- 2 SE)", r.times(), first.realMean(), first.realSe(), new Color(0xd62728));
        band(curves, "Gaussian twin (mean +- 2 SE)", r.times(), first.twinMean(), first.twinSe(), new Color(0x1f77b4));
        if (first.resummed() != null) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < r.times().length; i++) {
                if (r.times()[i] > first.resummed().validUpTo()) break;
                x.add(r.times()[i]);
                y.add(first.resummed().value()[i]);
            }
            if (x.size() > 1) {
                XYSeries s = curves.addSeries("diagrams (exact series, resummed)", x, y);
                s.setLineColor(Color.BLACK);
                s.setLineStyle(FigureStyle.dashed(0, 1.4f));
                s.setMarker(SeriesMarkers.NONE);
            }
        }
        XYChart diff = FigureStyle.panel("real data against the Gaussian twin", "t", "(real - twin) / twin");
        diff.getStyler().setMarkerSize(0);
        Color[] colours = {new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};
        int k = 0;
        for (GaussianEquivalence.Loss l : r.losses()) {
            double[] rel = new double[r.times().length];
            double[] se = new double[r.times().length];
            for (int i = 0; i < rel.length; i++) {
                rel[i] = (l.realMean()[i] - l.twinMean()[i]) / l.twinMean()[i];
                se[i] = l.differenceSe()[i] / Math.abs(l.twinMean()[i]);
            }
            band(diff, l.name() + " loss (+- 2 SE)", r.times(), rel, se, colours[k++ % colours.length]);
        }
        XYSeries zero = diff.addSeries("zero", new double[] {r.times()[0], r.times()[r.times().length - 1]}, new double[] {0, 0});
        zero.setLineColor(new Color(0x999999));
        zero.setLineStyle(FigureStyle.dashed(1, 0.8f));
        zero.setMarker(SeriesMarkers.NONE);
        zero.setShowInLegend(false);
        return FigureStyle.write(List.of(curves, diff), stem);
    }

    /** A file's name without its folders and extensions, for a title. */
    private static String shortName(String source) {
        String name = Path.of(source).getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void band(XYChart chart, String label, double[] t, double[] mean, double[] se, Color colour) {
        FigureStyle.meanWithBand(chart, label, FigureStyle.label(label), t, mean, se, colour, Double.NEGATIVE_INFINITY, 1.1f);
    }
}
