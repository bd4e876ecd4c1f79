package org.prism.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.prism.autoencoder.compare.Comparison;
import org.prism.autoencoder.compare.Prediction;
import org.prism.autoencoder.compare.ScalingPath;
import org.prism.regime.compare.ConvergenceVerdict;

/**
 * Writes a {@link Comparison}: the CSV of every curve, the plots (PNG and SVG, drawn with XChart,
 * headless), a booktabs LaTeX table of the errors (plus a standalone document around it), and the
 * text and JSON summaries printed by {@code prism compare}.
 *
 * <p>Files for a path named {@code P} in a folder: {@code P.csv} (columns
 * {@code size,t,loss,predicted,sim_mean,sim_se,rel_error}; one row per size, loss with a prediction
 * and grid time; {@code t} in the regime's time unit), {@code P.png}, {@code P.svg} (one panel per
 * predicted loss: the prediction black and thick, the simulated mean per size in its colour with a
 * band of +-2 standard errors), {@code P.tex} (a {@code tabular}) and {@code P-standalone.tex}.
 */
public final class CompareReport {
    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /** Pixel size of one panel. */
    private static final Color[] GREYS = {new Color(0x555555), new Color(0x888888), new Color(0x333333), new Color(0xaaaaaa)};

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    private CompareReport() {}

    /** The CSV header. */
    public static final String CSV_HEADER = "size,t,loss,predicted,sim_mean,sim_se,rel_error";

    /** Writes all files of {@code c} into {@code dir} (created if needed); returns them in order. */
    public static List<Path> writeAll(Comparison c, Path dir) throws IOException {
        Files.createDirectories(dir);
        String name = c.path().name();
        List<Path> out = new ArrayList<>();
        Path csv = dir.resolve(name + ".csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            csv(w, c);
        }
        out.add(csv);
        Path png = dir.resolve(name + ".png");
        try (OutputStream o = Files.newOutputStream(png)) {
            png(o, c);
        }
        out.add(png);
        Path svg = dir.resolve(name + ".svg");
        try (OutputStream o = Files.newOutputStream(svg)) {
            svg(o, c);
        }
        out.add(svg);
        Path pdf = dir.resolve(name + ".pdf");
        try (OutputStream o = Files.newOutputStream(pdf)) {
            FigureStyle.vector(charts(c), "pdf", o);
        }
        out.add(pdf);
        Path tex = dir.resolve(name + ".tex");
        try (Writer w = Files.newBufferedWriter(tex, StandardCharsets.UTF_8)) {
            latex(w, c);
        }
        out.add(tex);
        Path standalone = dir.resolve(name + "-standalone.tex");
        try (Writer w = Files.newBufferedWriter(standalone, StandardCharsets.UTF_8)) {
            w.write("\\documentclass[border=6pt]{standalone}\n\\usepackage{booktabs}\n\\begin{document}\n");
            latex(w, c);
            w.write("\\end{document}\n");
        }
        out.add(standalone);
        return out;
    }

    // ---------------------------------------------------------------- CSV

    /** Every curve: size, t, loss (train|pop), predicted, sim_mean, sim_se, rel_error. */
    public static void csv(Writer out, Comparison c) {
        PrintWriter w = new PrintWriter(out);
        w.println(CSV_HEADER);
        for (Comparison.SizeResult r : c.sizes()) {
            for (boolean train : new boolean[] {true, false}) {
                double[] pred = train ? r.predictedTrain() : r.predictedPop();
                if (pred == null) continue;
                double[] mean = train ? r.trainMean() : r.popMean();
                double[] se = train ? r.trainSe() : r.popSe();
                double[] rel = train ? r.trainRel() : r.popRel();
                for (int i = 0; i < r.grid().length; i++) {
                    w.print(r.step().size());
                    w.print(',');
                    w.print(csvNumber(r.grid()[i]));
                    w.print(train ? ",train," : ",pop,");
                    w.print(csvNumber(pred[i]));
                    w.print(',');
                    w.print(csvNumber(mean[i]));
                    w.print(',');
                    w.print(csvNumber(se[i]));
                    w.print(',');
                    w.println(csvNumber(rel[i]));
                }
            }
        }
        w.flush();
    }

    private static String csvNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.10g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e").replaceAll("\\.$", "");
    }

    // ---------------------------------------------------------------- LaTeX

    /** A booktabs {@code tabular}: per size the sizes, runs, max relative errors; then the fitted rates. */
    public static void latex(Writer out, Comparison c) {
        PrintWriter w = new PrintWriter(out);
        ScalingPath p = c.path();
        boolean train = c.sizes().get(0).predictedTrain() != null;
        boolean pop = c.sizes().get(0).predictedPop() != null;
        w.println("% Cross-check B (" + p.name() + "): simulation vs " + p.prediction().description().replace("%", "\\%"));
        w.println("% path: " + p.description() + "; generated by prism compare");
        int cols = 5 + (train ? 1 : 0) + (pop ? 1 : 0);
        w.println("\\begin{tabular}{" + "r".repeat(cols) + "}");
        w.println("\\toprule");
        w.println("\\multicolumn{" + cols + "}{l}{" + tex(p.name()) + ": " + tex(p.parametersText()) + "} \\\\");
        w.println("\\midrule");
        w.print("$d$ & $m$ & $n$ & $\\sigma^2$ & runs");
        if (train) w.print(" & train error");
        if (pop) w.print(" & pop error");
        w.println(" \\\\");
        w.println("\\midrule");
        for (Comparison.SizeResult r : c.sizes()) {
            ScalingPath.Step s = r.step();
            w.print(s.d() + " & " + s.m() + " & " + (s.infiniteData() ? "$\\infty$" : Integer.toString(s.n())) + " & "
                    + texNumber(s.sigma2()) + " & " + s.seeds());
            if (train) w.print(" & " + percent(r.trainMaxRel()));
            if (pop) w.print(" & " + percent(r.popMaxRel()));
            w.println(" \\\\");
        }
        w.println("\\midrule");
        w.print("\\multicolumn{5}{l}{rate $r$: error $\\sim " + tex(p.sizeName()) + "^{-r}$}");
        if (train) w.print(" & " + rate(c.trainRate()));
        if (pop) w.print(" & " + rate(c.popRate()));
        w.println(" \\\\");
        w.println("\\bottomrule");
        w.println("\\end{tabular}");
        w.flush();
    }

    private static String tex(String s) {
        return s.replace("\\", "\\textbackslash{}").replace("_", "\\_").replace("%", "\\%").replace("&", "\\&").replace("^", "\\^{}")
                .replace("#", "\\#");
    }

    private static String texNumber(double v) {
        String s = String.format(Locale.ROOT, "%.3g", v);
        int e = s.indexOf('e');
        if (e < 0) return "$" + s + "$";
        return "$" + s.substring(0, e) + "\\cdot 10^{" + Integer.parseInt(s.substring(e + 1)) + "}$";
    }

    private static String percent(Double v) {
        return v == null ? "--" : String.format(Locale.ROOT, "%.2f\\%%", 100 * v);
    }

    private static String rate(Double v) {
        return v == null ? "--" : String.format(Locale.ROOT, "%.2f", v);
    }

    // ---------------------------------------------------------------- plots

    /** The panels: one per predicted loss (train, pop). */
    static List<XYChart> charts(Comparison c) {
        List<XYChart> charts = new ArrayList<>();
        Comparison.SizeResult first = c.sizes().get(0);
        if (first.predictedTrain() != null) charts.add(chart(c, true));
        if (first.predictedPop() != null) charts.add(chart(c, false));
        return charts;
    }

    static XYChart chart(Comparison c, boolean train) {
        ScalingPath p = c.path();
        String which = train ? "train" : "population";
        XYChart chart = FigureStyle.panel(p.regime() + " regime, " + which + " loss (" + p.parametersText() + ")", p.timeLabel(),
                axisLabel(p, train));
        chart.getStyler().setMarkerSize(0);
        boolean log = useLogScale(c, train);
        chart.getStyler().setYAxisLogarithmic(log);
        double positiveFloor = log ? minPositive(c, train) / 2 : 0;
        int k = 0;
        for (Comparison.SizeResult r : c.sizes()) {
            Color colour = PALETTE[k++ % PALETTE.length];
            double[] mean = train ? r.trainMean() : r.popMean();
            double[] se = train ? r.trainSe() : r.popSe();
            String label = p.sizeName() + " = " + r.step().size();
            FigureStyle.meanWithBand(chart, label, FigureStyle.label(label + " (" + r.step().seeds() + " runs, mean +- 2 SE)"), r.grid(), mean, se,
                    colour, log ? positiveFloor : Double.NEGATIVE_INFINITY, 1.2f);
        }
        Comparison.SizeResult last = c.largest();
        int e = 0;
        for (Prediction.Extra x : last.extras()) {
            if (!train || last.predictedPop() == null) {
                XYSeries s = chart.addSeries(FigureStyle.label(x.name()), last.grid(), clip(x.values(), log, positiveFloor));
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                s.setLineColor(GREYS[e % GREYS.length]);
                s.setLineStyle(FigureStyle.dashed(e++, 1.2f));
                s.setMarker(SeriesMarkers.NONE);
            }
        }
        XYSeries pred = chart.addSeries(FigureStyle.label("predicted: " + p.prediction().label()), last.grid(),
                train ? last.predictedTrain() : last.predictedPop());
        pred.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        pred.setLineColor(Color.BLACK);
        pred.setLineStyle(new BasicStroke(2f));
        pred.setMarker(SeriesMarkers.NONE);
        return chart;
    }

    private static String axisLabel(ScalingPath p, boolean train) {
        return switch (p.normalisation()) {
            case PER_D -> (train ? "L_tr" : "L_pop") + " / d";
            case NARROW_LATENT -> train ? "(L_tr - tr(Sigma)/2) / m" : "(L_pop - d/2) / m";
            case SMALL_DATA -> train ? "L_tr / d" : "(L_pop(t) - L_pop(0)) / n";
            case INITIAL -> (train ? "L_tr" : "L_pop") + "(t) / E L(0)";
        };
    }

    private static double[] clip(double[] v, boolean log, double floor) {
        if (!log) return v;
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) out[i] = Math.max(out[i], floor);
        return out;
    }

    /** Log scale when the prediction is positive and spans more than a factor 20, and every mean is positive. */
    static boolean useLogScale(Comparison c, boolean train) {
        Comparison.SizeResult last = c.largest();
        double[] pred = train ? last.predictedTrain() : last.predictedPop();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double v : pred) {
            if (!(v > 0)) return false;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        for (Comparison.SizeResult r : c.sizes()) {
            for (double v : train ? r.trainMean() : r.popMean()) if (!(v > 0)) return false;
        }
        return hi > 20 * lo;
    }

    private static double minPositive(Comparison c, boolean train) {
        double lo = Double.POSITIVE_INFINITY;
        for (Comparison.SizeResult r : c.sizes()) {
            for (double v : train ? r.trainMean() : r.popMean()) if (v > 0) lo = Math.min(lo, v);
            double[] pred = train ? r.predictedTrain() : r.predictedPop();
            for (double v : pred) if (v > 0) lo = Math.min(lo, v);
        }
        return lo;
    }

    /** The panels side by side as a PNG ({@link FigureStyle}). */
    public static void png(OutputStream out, Comparison c) throws IOException {
        FigureStyle.png(charts(c), out);
    }

    /** The panels side by side as an SVG document. */
    public static void svg(OutputStream out, Comparison c) throws IOException {
        FigureStyle.vector(charts(c), "svg", out);
    }

    // ---------------------------------------------------------------- text and JSON

    /** The summary printed by {@code prism compare}: per size, the sizes and max errors; the rates; notes. */
    public static void text(PrintWriter w, Comparison c, boolean quick) {
        ScalingPath p = c.path();
        w.println("# " + p.name() + " (" + p.parametersText() + "): " + p.description());
        w.println("# predicted: " + p.prediction().description());
        w.println("# simulated: gradient flow (RK4, " + p.substeps() + " steps per grid interval " + ScalingPath.number(p.gridStep())
                + ") at " + p.timeLabel() + " in [0, " + ScalingPath.number(p.grid()[p.grid().length - 1]) + "], " + p.grid().length
                + " times; normalised per run: " + p.normalisation().description());
        w.println("# error = max over the grid of |mean - predicted| / max(|predicted|, " + (int) Math.round(100 * Comparison.FLOOR)
                + "% of max |predicted|); z = max |mean - predicted| / SE");
        w.println("# size = " + p.sizeName() + "; runs = independent runs (data and W(0) resampled); seconds = wall time of the size");
        w.printf(Locale.ROOT, "%6s %6s %8s %8s %11s %5s %11s %11s %8s %8s %8s%n", "size", "d", "m", "n", "sigma2", "runs", "train_err",
                "pop_err", "train_z", "pop_z", "seconds");
        for (Comparison.SizeResult r : c.sizes()) {
            ScalingPath.Step s = r.step();
            w.printf(Locale.ROOT, "%6d %6d %8d %8s %11.4g %5d %11s %11s %8s %8s %8.1f%n", s.size(), s.d(), s.m(), s.nText(), s.sigma2(), s.seeds(),
                    pct(r.trainMaxRel()), pct(r.popMaxRel()), z(r.trainMaxZ()), z(r.popMaxZ()), r.seconds());
        }
        w.println("rate (error ~ " + p.sizeName() + "^-r): train " + (c.trainRate() == null ? "-" : String.format(Locale.ROOT, "%.2f", c.trainRate()))
                + ", pop " + (c.popRate() == null ? "-" : String.format(Locale.ROOT, "%.2f", c.popRate())) + "   ("
                + String.format(Locale.ROOT, "%.1f s", c.seconds()) + ")");
        for (String note : notes(c)) w.println("note: " + note);
        ConvergenceVerdict.Result v = c.verdict(quick);
        w.printf("verdict %s: %s (pass: at most %d%% at the largest size over the times the prediction is reliable, falling or within the"
                + " noise)%n", v.verdict().name(), v.reason(), (int) (ConvergenceVerdict.PASS_ERROR * 100));
        w.flush();
    }

    /**
     * Notes: agreement of the largest size within max(2 SE, 5%) at every time; for a prediction with
     * an uncertainty, the errors of every size restricted to the times where it is reliable (and their
     * rate); where the prediction has bounds, at how many times the largest size meets them; for extra curves, their
     * distance to the prediction.
     */
    public static List<String> notes(Comparison c) {
        List<String> notes = new ArrayList<>();
        Comparison.SizeResult last = c.largest();
        String t = c.path().timeLabel().split(" ")[0];
        StringBuilder within = new StringBuilder("largest size, worst |mean - predicted| / max(2 SE, 5% |predicted|) over the grid"
                + " (<= 1: within 2 SE or 5% at every time):");
        for (boolean train : new boolean[] {true, false}) {
            Double v = last.withinSeOrRelative(train, 2, 0.05);
            if (v != null) within.append(train ? " train " : " pop ").append(String.format(Locale.ROOT, "%.2f", v));
        }
        notes.add(within.toString());
        if (last.uncertainty() != null) {
            double upTo = last.reliableUpTo(Comparison.RELIABLE);
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "the prediction's own spread is below %d%% of its value for %s <= %s"
                    + " (beyond, the resummation rather than the simulation is in doubt); errors there per size:",
                    (int) Math.round(100 * Comparison.RELIABLE), t, ScalingPath.number(upTo)));
            double[] sizes = new double[c.sizes().size()];
            Double[] errors = new Double[sizes.length];
            boolean train = last.predictedPop() == null;
            for (int i = 0; i < sizes.length; i++) {
                Comparison.SizeResult r = c.sizes().get(i);
                sizes[i] = r.step().size();
                errors[i] = r.maxRelUpTo(train, upTo);
                b.append(i == 0 ? " " : ", ").append(pct(errors[i]));
            }
            Double rate = Comparison.fitRate(sizes, errors);
            b.append(" (").append(train ? "train" : "pop").append(", rate ").append(rate == null ? "-" : String.format(Locale.ROOT, "%.2f", rate))
                    .append(")");
            notes.add(b.toString());
        }
        Integer met = last.timesMeetingBounds(2);
        if (met != null) {
            notes.add(String.format(Locale.ROOT, "largest size, mean +- 2 SE inside the mixture bounds at %d of %d times (the bounds hold"
                    + " if the limit curve is a positive mixture of (1 + 4 x tau)^-2; see limit -r free)", met, last.grid().length));
        }
        for (Prediction.Extra x : last.uncertainty() != null ? List.<Prediction.Extra>of() : last.extras()) {
            double[] ref = last.predictedPop() != null ? last.predictedPop() : last.predictedTrain();
            double[] rel = Comparison.SizeResult.relative(x.values(), ref);
            notes.add(String.format(Locale.ROOT, "%s vs the prediction: max relative difference %s", x.name(), pct(Comparison.SizeResult.max(rel))));
        }
        return notes;
    }

    private static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.3f%%", 100 * v);
    }

    private static String z(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    /** A JSON object for one comparison (see the command's help for the shape). */
    public static ObjectNode json(ObjectMapper mapper, Comparison c, boolean quick) {
        ScalingPath p = c.path();
        ObjectNode o = mapper.createObjectNode();
        o.put("name", p.name());
        o.put("regime", p.regime());
        ObjectNode params = o.putObject("parameters");
        p.parameters().forEach(params::put);
        o.put("scaling", p.description());
        o.put("sizeName", p.sizeName());
        o.put("timeUnit", p.timeLabel());
        o.put("normalisation", p.normalisation().description());
        o.put("prediction", p.prediction().description());
        ArrayNode sizes = o.putArray("sizes");
        for (Comparison.SizeResult r : c.sizes()) {
            ScalingPath.Step s = r.step();
            ObjectNode x = sizes.addObject();
            x.put("size", s.size());
            x.put("d", s.d());
            x.put("m", s.m());
            if (s.infiniteData()) x.put("n", "inf");
            else x.put("n", s.n());
            x.put("sigma2", s.sigma2());
            x.put("runs", s.seeds());
            putNullable(x, "trainMaxRelError", r.trainMaxRel());
            putNullable(x, "popMaxRelError", r.popMaxRel());
            putNullable(x, "trainMaxZ", r.trainMaxZ());
            putNullable(x, "popMaxZ", r.popMaxZ());
            x.put("seconds", r.seconds());
        }
        putNullable(o, "trainRate", c.trainRate());
        putNullable(o, "popRate", c.popRate());
        ConvergenceVerdict.Result v = c.verdict(quick);
        o.put("verdict", v.verdict().name().toLowerCase(Locale.ROOT));
        o.put("reason", v.reason());
        o.put("seconds", c.seconds());
        ArrayNode notes = o.putArray("notes");
        notes(c).forEach(notes::add);
        return o;
    }

    private static void putNullable(ObjectNode o, String key, Double v) {
        if (v == null) o.putNull(key);
        else o.put(key, v);
    }

    /** A mapper for {@link #json}: indented output. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
