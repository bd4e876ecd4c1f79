package org.prism.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link SimulationResult} as CSV, as text (the CSV preceded by {@code #} comment lines) or
 * as JSON. Losses are printed exactly (shortest round-trip decimal); times {@code step * dt} are
 * rounded to 12 significant digits (so {@code 3 * 0.1} prints as {@code 0.3}).
 *
 * <p>CSV: header {@code t,train_mean,train_se,pop_mean,pop_se}, one row per recording time.
 * JSON: {@code {"params":{...},"times":[...],"train":{"mean":[...],"se":[...]},"pop":{"mean":[...],"se":[...]}}}
 * with params {@code d, m, n, sigma2, dt, steps, t_max, record_every, integrator, seeds, seed,
 * fixed_data, route}. With {@code runs}: in JSON {@code "runs":[[...],...]} beside each loss's mean (one curve per run),
 * in CSV one row per run and time, {@code run,t,train,pop}. With {@link SeriesColumns} (may be null): columns {@code train_series,pop_series}
 * after the others, and in JSON {@code "series_order"} in params and {@code "series":[...]} beside each
 * loss's mean.
 */
public final class SimulationReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SimulationReport() {}

    public static void csv(Writer out, SimulationResult r, SeriesColumns series) {
        csv(out, r, series, false);
    }

    /** With {@code runs}: one row per run and time, {@code run,t,train,pop}, instead of the means. */
    public static void csv(Writer out, SimulationResult r, SeriesColumns series, boolean runs) {
        if (runs) {
            runsCsv(out, List.of("train", "pop"), r.times(), new double[][][] {r.trainPerSeed(), r.popPerSeed()});
            return;
        }
        PrintWriter w = new PrintWriter(out);
        w.println("t,train_mean,train_se,pop_mean,pop_se" + (series == null ? "" : ",train_series,pop_series"));
        double[] t = r.times();
        for (int j = 0; j < t.length; j++) {
            w.println(time(t[j]) + "," + r.trainMean()[j] + "," + r.trainSe()[j] + "," + r.popMean()[j] + "," + r.popSe()[j]
                    + (series == null ? "" : "," + series.of("train")[j] + "," + series.of("pop")[j]));
        }
        w.flush();
    }

    /** {@code run,t,<loss>,...}: every run's curves, {@code perSeed[loss][run][time]}. */
    static void runsCsv(Writer out, List<String> losses, double[] times, double[][][] perSeed) {
        PrintWriter w = new PrintWriter(out);
        w.println("run,t," + String.join(",", losses));
        for (int run = 0; run < perSeed[0].length; run++) {
            for (int j = 0; j < times.length; j++) {
                StringBuilder row = new StringBuilder().append(run).append(',').append(time(times[j]));
                for (double[][] loss : perSeed) row.append(',').append(loss[run][j]);
                w.println(row);
            }
        }
        w.flush();
    }

    /** {@code "runs":[[...],...]}: one curve per run. */
    static void runs(ObjectNode node, double[][] perSeed) {
        ArrayNode all = node.putArray("runs");
        for (double[] run : perSeed) {
            ArrayNode a = all.addArray();
            for (double v : run) a.add(v);
        }
    }

    /** The comment line that says what the series columns are. */
    static void seriesComment(PrintWriter w, SeriesColumns series) {
        w.printf(Locale.ROOT, "# *_series: the exact expected loss sum_{s<=%d} c_s t^s/s! at these sizes (an asymptotic series: good at"
                + " small t only)%n", series.order());
    }

    /**
     * The CSV after {@code #} header lines; the header says what the data are: {@code data} (a data set trained on) or
     * {@code spectrum} (the law the Gaussian data are drawn from), both null for isotropic Gaussian data.
     */
    public static void text(Writer out, SimulationResult r, SeriesColumns series, RealData data, Spectrum spectrum) {
        PrintWriter w = new PrintWriter(out);
        SimulationParams p = r.params();
        if (spectrum != null) {
            w.println("# prism simulate: weight-tied linear autoencoder, W m x d ~ N(0, sigma2), X d x n with " + spectrum.header());
            w.println("# L_pop below is the isotropic ||A-I||^2/2, not the population loss under C");
        } else if (data == null) {
            w.println("# prism simulate: weight-tied linear autoencoder, W m x d ~ N(0, sigma2), X d x n ~ N(0, 1)");
        } else {
            w.println("# prism simulate: weight-tied linear autoencoder, W m x d ~ N(0, sigma2), X = " + describe(data));
            w.println("# spectral moments of Sigma, C_k = tr(Sigma^k)/d, k = 1..4: " + moments(data)
                    + " (all 1 for isotropic data); L_pop below is the isotropic ||A-I||^2/2, not this data's population loss");
        }
        w.println("# L_tr = tr((A-I) Sigma (A-I))/2, L_pop = ||A-I||_F^2/2, A = W^T W, Sigma = X X^T/n; "
                + (p.integrator() == Integrator.EULER ? "gradient descent (Euler) on L_tr" : "gradient flow on L_tr (RK4)"));
        w.printf(Locale.ROOT, "# d=%d m=%d n=%d sigma2=%s dt=%s steps=%d t_max=%s integrator=%s%n", p.d(), p.m(), p.n(),
                p.sigma2(), p.dt(), p.steps(), time(p.horizon()), p.integrator().name().toLowerCase(Locale.ROOT));
        w.printf(Locale.ROOT, "# seeds=%d seed=%d data=%s; se = standard error of the mean over seeds%s%n", p.seeds(), p.seed(),
                p.fixedData() ? "fixed (one X, W(0) resampled)" : "resampled per seed", p.seeds() == 1 ? " (0: one seed)" : "");
        if (spectrum == null) {
            w.printf(Locale.ROOT, "# route=%s, %.3g multiply-adds per step; exact E L(0) = %s%n",
                    r.plan().route().name().toLowerCase(Locale.ROOT), r.plan().multiplyAddsPerStep(), p.expectedInitialLoss());
        } else {
            // E L_tr(0) is linear in Sigma and E Sigma = C, so it is C_1 times the isotropic value; L_pop does not see the data
            w.printf(Locale.ROOT, "# route=%s, %.3g multiply-adds per step; exact E L_tr(0) = %s, E L_pop(0) = %s%n",
                    r.plan().route().name().toLowerCase(Locale.ROOT), r.plan().multiplyAddsPerStep(),
                    spectrum.moments(1)[0] * p.expectedInitialLoss(), p.expectedInitialLoss());
        }
        w.printf(Locale.ROOT, "# %s; %s%n", r.plan().backend().describe(), r.plan().backend().threads(r.plan().threads(), r.plan().blasThreads()));
        if (series != null) seriesComment(w, series);
        w.flush();
        csv(out, r, series);
    }

    /** The data set, as the text header says it. */
    static String describe(RealData data) {
        return String.format(Locale.ROOT, "%s (%d samples, d = %d features%s), centred, scaled to tr(Sigma)/d = 1", data.source(), data.n(),
                data.d(), data.dropped() > 0 ? ", column " + data.dropped() + " dropped" : "");
    }

    private static String moments(RealData data) {
        List<String> parts = new ArrayList<>();
        for (double c : data.moments(4)) parts.add(String.format(Locale.ROOT, "%.4g", c));
        return String.join(", ", parts);
    }

    /**
     * The JSON contract (see the class comment), one line. With {@code runs}, each loss also has
     * {@code "runs":[[...],...]}, every run's curve; with {@code data}, {@code "data":{"source","n","d","dropped",
     * "moments":[C_1..C_4]}}; with {@code spectrum}, {@code "spectrum":{"law","moments":[C_1..C_4]}}.
     */
    public static void json(Writer out, SimulationResult r, SeriesColumns series, boolean runs, RealData data, Spectrum spectrum)
            throws IOException {
        SimulationParams p = r.params();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode params = root.putObject("params");
        params.put("d", p.d());
        params.put("m", p.m());
        params.put("n", p.n());
        params.put("sigma2", p.sigma2());
        runParams(params, p.grid(), p.integrator(), p.seeds(), p.seed(), p.fixedData());
        params.put("route", r.plan().route().name().toLowerCase(Locale.ROOT));
        if (series != null) params.put("series_order", series.order());
        times(root, r.times());
        if (data != null) {
            ObjectNode dn = root.putObject("data");
            dn.put("source", data.source());
            dn.put("n", data.n());
            dn.put("d", data.d());
            dn.put("dropped", data.dropped());
            ArrayNode mo = dn.putArray("moments");
            for (double c : data.moments(4)) mo.add(c);
        }
        if (spectrum != null) {
            ObjectNode sn = root.putObject("spectrum");
            sn.put("law", spectrum.description());
            ArrayNode mo = sn.putArray("moments");
            for (double c : spectrum.moments(4)) mo.add(c);
        }
        ObjectNode train = root.putObject("train");
        ObjectNode pop = root.putObject("pop");
        curve(train, r.trainMean(), r.trainSe(), series == null ? null : series.of("train"));
        curve(pop, r.popMean(), r.popSe(), series == null ? null : series.of("pop"));
        if (runs) {
            runs(train, r.trainPerSeed());
            runs(pop, r.popPerSeed());
        }
        writeLine(out, root);
    }

    /** The params both simulators share: {@code dt, steps, t_max, record_every, integrator, seeds, seed, fixed_data}. */
    static void runParams(ObjectNode params, TimeGrid g, Integrator integrator, int seeds, long seed, boolean fixedData) {
        params.put("dt", g.dt());
        params.put("steps", g.steps());
        params.put("t_max", Double.parseDouble(time(g.horizon())));
        params.put("record_every", g.recordTimes().isEmpty() ? g.effectiveRecordEvery() : 0);
        params.put("integrator", integrator.name().toLowerCase(Locale.ROOT));
        params.put("seeds", seeds);
        params.put("seed", seed);
        params.put("fixed_data", fixedData);
    }

    /** {@code "times":[...]}, each rounded as {@link #time(double)}. */
    static void times(ObjectNode root, double[] times) {
        ArrayNode a = root.putArray("times");
        for (double t : times) a.add(Double.parseDouble(time(t)));
    }

    /** The JSON on one line. */
    static void writeLine(Writer out, ObjectNode root) throws IOException {
        out.write(JSON.writeValueAsString(root));
        out.write(System.lineSeparator());
        out.flush();
    }

    /** {@code "mean":[...],"se":[...]} and, if given, {@code "series":[...]}. */
    static void curve(ObjectNode node, double[] mean, double[] se, double[] series) {
        ArrayNode m = node.putArray("mean");
        for (double v : mean) m.add(v);
        ArrayNode s = node.putArray("se");
        for (double v : se) s.add(v);
        if (series != null) {
            ArrayNode c = node.putArray("series");
            for (double v : series) c.add(v);
        }
    }

    static String time(double t) {
        return time(t, 12);
    }

    /** {@code t} rounded to {@code digits} significant digits, plain notation, no trailing zeros. */
    static String time(double t, int digits) {
        if (t == 0) return "0";
        return new BigDecimal(t).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }
}
