package org.prism.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.prism.regime.DerivedPrism;
import org.prism.regime.FaceLimit;
import org.prism.regime.compare.FaceComparison;
import org.prism.regime.compare.FaceSweep;

/**
 * Writes a model's sweep of face comparisons ({@link FaceSweep}): per face a CSV of every curve and a figure (one
 * panel per loss: the limit in black, the simulated mean at each size in colour), and the markdown table of
 * faces with their errors, rates and verdicts.
 */
public final class FaceSweepReport {
    private static final Color[] SIZE_COLOURS = {new Color(0xC6DBEF), new Color(0x9ECAE1), new Color(0x6BAED6), new Color(0x4292C6),
        new Color(0x2171B5), new Color(0x08519C), new Color(0x08306B)};

    private FaceSweepReport() {}

    /** A face's file name stem: {@code F3}, {@code F1_F2}, {@code large-data}. */
    public static String stem(String face) {
        return face.replaceAll("[^A-Za-z0-9-]+", "_");
    }

    /** Writes {@code dir/STEM.csv} and the figure {@code dir/STEM.png|svg|pdf} for every compared face; returns the files, relative to {@code dir}. */
    public static List<String> files(Path dir, DerivedPrism d, List<FaceSweep.Outcome> outcomes) throws IOException {
        List<String> files = new ArrayList<>();
        Files.createDirectories(dir);
        for (FaceSweep.Outcome o : outcomes) {
            if (o.comparison() == null || o.comparison().sizes().isEmpty()) continue;
            String stem = stem(o.face());
            try (Writer w = Files.newBufferedWriter(dir.resolve(stem + ".csv"))) {
                FaceCompareReport.csv(w, o.comparison());
            }
            files.add(stem + ".csv");
            for (Path f : FigureStyle.write(charts(d, o.comparison(), o.limit()), dir.resolve(stem))) files.add(f.getFileName().toString());
        }
        return files;
    }

    private static List<XYChart> charts(DerivedPrism d, FaceComparison c, FaceLimit limit) {
        List<XYChart> out = new ArrayList<>();
        for (String loss : c.sizes().get(0).predicted().keySet()) {
            XYChart chart = FigureStyle.panel(c.model() + ", face " + c.face() + ": " + loss, c.timeUnit(),
                    limit.series().get(loss).normalisation(d.space()));
            int k = 0;
            for (FaceComparison.Size s : c.sizes()) {
                XYSeries series = chart.addSeries("N = " + num(s.n()), c.taus(), s.mean().get(loss));
                series.setLineColor(SIZE_COLOURS[Math.min(SIZE_COLOURS.length - 1, k + SIZE_COLOURS.length - c.sizes().size())]);
                series.setMarkerColor(series.getLineColor());
                series.setMarker(SeriesMarkers.CIRCLE);
                k++;
            }
            FaceComparison.Size last = c.sizes().get(c.sizes().size() - 1);
            XYSeries limitSeries = chart.addSeries("limit", c.taus(), last.predicted().get(loss));
            limitSeries.setLineColor(Color.BLACK);
            limitSeries.setMarker(SeriesMarkers.NONE);
            limitSeries.setLineStyle(new BasicStroke(1.6f));
            double[][] b = last.bounds().get(loss);
            if (b != null) {
                // the Markov-Krein range of the limit (exact for linear models): one legend entry for both edges
                for (int edge = 0; edge < 2; edge++) {
                    double[] y = new double[b.length];
                    for (int t = 0; t < b.length; t++) y[t] = b[t][edge];
                    XYSeries bound = chart.addSeries(edge == 0 ? "bounds" : "upper bound", c.taus(), y);
                    bound.setLineColor(Color.GRAY);
                    bound.setMarker(SeriesMarkers.NONE);
                    bound.setLineStyle(FigureStyle.dashed(0, 1f));
                    bound.setShowInLegend(edge == 0);
                }
            }
            out.add(chart);
        }
        return out;
    }

    /** A size: integers as such, else four digits. */
    static String num(double n) {
        return n == Math.rint(n) ? Long.toString((long) n) : String.format(Locale.ROOT, "%.4g", n);
    }

    /** A relative error in percent, two decimals; {@code -} for none. */
    static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    /** One markdown row per face: face, families, scaling, time, compared on, error at the largest N per loss, rates, verdict. */
    public static String table(DerivedPrism d, List<FaceSweep.Outcome> outcomes, String figures) {
        StringBuilder b = new StringBuilder();
        b.append("| face | families | scaling | time | normalisation | compared on | largest N | error | rate | verdict |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (FaceSweep.Outcome o : outcomes) {
            b.append("| ").append(o.comparison() != null && !o.comparison().sizes().isEmpty()
                    ? "[" + o.face() + "](" + figures + stem(o.face()) + ".png)" : o.face()).append(" | ").append(String.join(", ", o.families())).append(" | ");
            if (o.comparison() == null) {
                b.append("- | - | - | - | - | - | - | inconclusive: ").append(o.skipped().replace("|", "/")).append(" |\n");
                continue;
            }
            FaceComparison c = o.comparison();
            List<String> norms = new ArrayList<>();
            o.limit().series().forEach((loss, f) -> norms.add(f.normalisation(d.space())));
            b.append(PrismReport.direction(d, c.direction())).append(" | ").append(c.timeUnit()).append(" | ").append(String.join("; ", norms)).append(" | ");
            if (c.sizes().isEmpty()) {
                b.append("- | - | - | - | ").append(c.verdict().name().toLowerCase(Locale.ROOT)).append(": ").append(c.reason()).append(" |\n");
                continue;
            }
            b.append(results(c)).append(" |\n");
        }
        return b.toString();
    }

    /** The cells compared on, largest N, error per loss, rate per loss and verdict of a comparison with at least one size. */
    private static String results(FaceComparison c) {
        FaceComparison.Size last = c.sizes().get(c.sizes().size() - 1);
        List<String> errors = new ArrayList<>();
        last.error().forEach((loss, e) -> errors.add(loss + " " + pct(e)));
        List<String> rates = new ArrayList<>();
        c.rates().forEach((loss, r) -> rates.add(loss + " " + (r == null ? "-" : String.format(Locale.ROOT, "%.2f", r))));
        return String.format(Locale.ROOT, "[0, %.3g]", c.taus()[c.taus().length - 1]) + " | " + num(last.n()) + " | " + String.join(", ", errors)
                + " | " + String.join(", ", rates) + " | " + c.verdict().name().toLowerCase(Locale.ROOT);
    }

    /**
     * A model's section "Limits against simulations" for its README: the sweep's table, or why there is none.
     *
     * @param faceOrder the order of the face series where the leading-order engine reaches it
     */
    public static String section(DerivedPrism d, List<FaceSweep.Outcome> outcomes, int faceOrder) {
        if (!d.settled()) return "\n## Limits against simulations\n\nNone: the polytope is not settled by c_0..c_" + d.maxOrder() + ".\n";
        return "\n## Limits against simulations\n\nEvery regime's limit (face series to order " + faceOrder + " where the leading-order engine"
                + " reaches it, else " + d.maxOrder() + "; fixed ratios at " + FaceSweep.RATIO + ") against the model's training simulated along"
                + " the face's scaling (" + counts(outcomes) + "; `faces/FACE.png` and `.csv`):\n\n" + table(d, outcomes, "faces/");
    }

    /** One row of the summary over all models: model (linked to its folder), face (linked to its figure), time and results. */
    public static String summaryRow(String model, FaceSweep.Outcome o) {
        String link = "[" + model + "](models/" + model + "/README.md)";
        FaceComparison c = o.comparison();
        if (c == null || c.sizes().isEmpty()) {
            String why = c == null ? o.skipped() : c.reason();
            return "| " + link + " | " + o.face() + " | - | - | - | - | - | inconclusive: " + why.replace("|", "/") + " |\n";
        }
        return "| " + link + " | [" + o.face() + "](models/" + model + "/faces/" + stem(o.face()) + ".png) | " + c.timeUnit() + " | " + results(c) + " |\n";
    }

    /** Verdict counts, e.g. {@code 4 pass, 2 inconclusive}. */
    public static String counts(List<FaceSweep.Outcome> outcomes) {
        Map<String, Integer> n = new LinkedHashMap<>();
        for (String v : List.of("pass", "fail", "inconclusive")) n.put(v, 0);
        for (FaceSweep.Outcome o : outcomes) {
            String v = o.comparison() == null ? "inconclusive" : o.comparison().verdict().name().toLowerCase(Locale.ROOT);
            n.merge(v, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        n.forEach((k, v) -> {
            if (v > 0) parts.add(v + " " + k);
        });
        return String.join(", ", parts);
    }
}
