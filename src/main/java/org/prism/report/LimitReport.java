package org.prism.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prism.algebra.Rational;
import org.prism.algebra.Resummation;
import org.prism.autoencoder.FreeResummation;
import org.prism.autoencoder.LimitCurve;
import org.prism.autoencoder.LimitSeries;
import org.prism.autoencoder.RegimeLimit;
import org.prism.autoencoder.ResummedFreeLimit;

/**
 * Writes a regime's limiting curve (or its exact Taylor coefficients) as text, JSON or CSV.
 * JSON (curve): {"regime":R,"params":{"g":"1/2",...},"normalisation":N,"timeUnit":U,"times":[..],
 * "train":[..],"pop":[..]} with null for an undefined curve or a non-finite value; (Taylor):
 * the same header, then "order":S,"train":["p/q",..],"pop":[..]. Parameters are exact strings.
 * The resummed free regime adds "trainSpread","popSpread" (the spread between the two best Padé
 * approximants, null where only one is pole-free), "trainApproximant","popApproximant" and
 * "spreadUnderstatesError" (true where the text output prints its caution line: gamma > 0 below order 12).
 */
public final class LimitReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LimitReport() {}

    private static String paramsText(Map<String, Rational> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }

    private static void header(PrintWriter w, RegimeLimit limit, Map<String, Rational> params) {
        w.printf("# regime: %s (%s)%n", limit.regime(), paramsText(params));
        w.printf("# normalisation: %s%n", limit.normalisation());
        w.printf("# time: %s%n", limit.timeUnit());
    }

    private static String number(double[] values, int i) {
        return values == null ? "-" : String.format(Locale.ROOT, "%.15g", values[i]);
    }

    public static void curveText(Writer out, RegimeLimit limit, Map<String, Rational> params, LimitCurve curve) {
        PrintWriter w = new PrintWriter(out);
        header(w, limit, params);
        w.printf("%-22s  %-22s  %s%n", "# time", "train", "pop");
        for (int i = 0; i < curve.times().length; i++) {
            w.printf("%-22s  %-22s  %s%n", String.format(Locale.ROOT, "%.15g", curve.times()[i]), number(curve.train(), i),
                    number(curve.pop(), i));
        }
        w.flush();
    }

    public static void curveCsv(Writer out, LimitCurve curve) {
        PrintWriter w = new PrintWriter(out);
        w.println("time,train,pop");
        for (int i = 0; i < curve.times().length; i++) {
            w.println(Csv.row(csv(curve.times()[i]), curve.train() == null ? "" : csv(curve.train()[i]),
                    curve.pop() == null ? "" : csv(curve.pop()[i])));
        }
        w.flush();
    }

    private static String csv(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static ObjectNode root(RegimeLimit limit, Map<String, Rational> params) {
        ObjectNode root = JSON.createObjectNode();
        root.put("regime", limit.regime());
        ObjectNode p = root.putObject("params");
        params.forEach((k, v) -> p.put(k, v.toString()));
        root.put("normalisation", limit.normalisation());
        root.put("timeUnit", limit.timeUnit());
        return root;
    }

    /** [[lower, upper], ...], or null when there are no bounds. */
    private static void pairs(ObjectNode root, String key, double[] lower, double[] upper) {
        if (lower == null) {
            root.putNull(key);
            return;
        }
        ArrayNode a = root.putArray(key);
        for (int i = 0; i < lower.length; i++) a.addArray().add(lower[i]).add(upper[i]);
    }

    private static void doubles(ObjectNode root, String key, double[] values) {
        if (values == null) {
            root.putNull(key);
            return;
        }
        ArrayNode a = root.putArray(key);
        for (double v : values) {
            if (Double.isFinite(v)) a.add(v);
            else a.addNull();
        }
    }

    public static void curveJson(Writer out, RegimeLimit limit, Map<String, Rational> params, LimitCurve curve) throws IOException {
        ObjectNode root = root(limit, params);
        doubles(root, "times", curve.times());
        doubles(root, "train", curve.train());
        doubles(root, "pop", curve.pop());
        CoefficientsReport.writeJson(out, root);
    }

    public static void seriesText(Writer out, RegimeLimit limit, Map<String, Rational> params, LimitSeries series) {
        PrintWriter w = new PrintWriter(out);
        header(w, limit, params);
        w.println("# f(t) = sum_s f_s t^s / s!");
        for (int s = 0; s <= series.maxOrder(); s++) {
            w.printf("f_%d  train %s  pop %s%n", s, exact(series.train(), s), exact(series.pop(), s));
        }
        w.flush();
    }

    public static void seriesCsv(Writer out, LimitSeries series) {
        PrintWriter w = new PrintWriter(out);
        w.println("order,train,pop");
        for (int s = 0; s <= series.maxOrder(); s++) {
            w.println(Csv.row(s, series.train() == null ? "" : series.train().get(s), series.pop() == null ? "" : series.pop().get(s)));
        }
        w.flush();
    }

    private static String exact(List<Rational> f, int s) {
        return f == null ? "-" : f.get(s).toString();
    }

    public static void seriesJson(Writer out, RegimeLimit limit, Map<String, Rational> params, LimitSeries series) throws IOException {
        ObjectNode root = root(limit, params);
        root.put("order", series.maxOrder());
        for (String key : new String[] {"train", "pop"}) {
            List<Rational> f = key.equals("train") ? series.train() : series.pop();
            if (f == null) {
                root.putNull(key);
                continue;
            }
            ArrayNode a = root.putArray(key);
            for (Rational r : f) a.add(PolynomialFormat.fraction(r));
        }
        CoefficientsReport.writeJson(out, root);
    }

    /** The resummed free regime: each curve with its spread (the error estimate), its approximants and its mixture bounds. */
    public static void resummedText(Writer out, ResummedFreeLimit limit, Map<String, Rational> params, double[] taus, ResummedFreeLimit.Curves c) {
        PrintWriter w = new PrintWriter(out);
        header(w, limit, params);
        w.printf("# Pade approximants: train %s, pop %s; spread = |best - second best|%n", c.train().approximant(), c.pop().approximant());
        if (limit.spreadUnderstatesError(params)) {
            w.printf("# caution: with data (gamma > 0) the spread of order %d understates its error (at y = 1, gamma = 1/2 the pop curve"
                    + " is 1.3%% off at tau = 1 with a spread of 0.03%%); --order %d (about 3 minutes) is within 0.2%% there%n",
                    limit.order(), ResummedFreeLimit.MAX_ORDER);
        }
        w.printf("# bounds: the range of every positive mixture of (1 + 4 x tau)^-2 with these %d Taylor coefficients (exact at gamma = 0; %s)%n",
                limit.order() + 1, params.get("gamma").signum() == 0 ? "the curve is such a mixture"
                        : "with data a hypothesis the series passes, by an exact Hankel test, not a theorem");
        for (String loss : List.of("train", "pop")) {
            FreeResummation.Curve curve = loss.equals("train") ? c.train() : c.pop();
            if (!curve.hasBounds()) w.printf("# bounds: none for %s: its series fails the Hankel test, it is no such mixture%n", loss);
            else if (!curve.consistentWithBounds()) {
                w.printf("# caution: the %s curve, even widened by its spread, leaves its bounds at some time: the approximant is not to be trusted%n", loss);
            }
        }
        w.printf("%-22s  %-22s  %-10s  %-24s  %-22s  %-10s  %s%n", "# time", "train", "spread", "bounds", "pop", "spread", "bounds");
        boolean unclaimed = false;
        double trainValid = Resummation.validUpTo(taus, c.train().ratio(), c.train().spread());
        double popValid = Resummation.validUpTo(taus, c.pop().ratio(), c.pop().spread());
        for (int i = 0; i < taus.length; i++) {
            String train = number(c.train().ratio(), i) + (taus[i] <= trainValid ? "" : " *");
            String pop = number(c.pop().ratio(), i) + (taus[i] <= popValid ? "" : " *");
            unclaimed |= train.endsWith("*") || pop.endsWith("*");
            w.printf("%-22s  %-22s  %-10s  %-24s  %-22s  %-10s  %s%n", String.format(Locale.ROOT, "%.15g", taus[i]), train,
                    spread(c.train(), i), bounds(c.train(), i), pop, spread(c.pop(), i), bounds(c.pop(), i));
        }
        if (unclaimed) {
            w.printf("# * beyond the time up to which the two best approximants agree within %s%% of the curve's largest value: not a prediction%n",
                    Resummation.TOLERANCE * 100);
        }
        w.flush();
    }


    private static String spread(FreeResummation.Curve c, int i) {
        double v = c.spread()[i];
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2e", v) : "-";
    }

    private static String bounds(FreeResummation.Curve c, int i) {
        return c.hasBounds() ? String.format(Locale.ROOT, "[%.6g, %.6g]", c.lower()[i], c.upper()[i]) : "-";
    }

    public static void resummedCsv(Writer out, double[] taus, ResummedFreeLimit.Curves c) {
        PrintWriter w = new PrintWriter(out);
        w.println("time,train,train_spread,pop,pop_spread,train_lower,train_upper,pop_lower,pop_upper");
        for (int i = 0; i < taus.length; i++) {
            w.println(Csv.row(csv(taus[i]), csv(c.train().ratio()[i]), csv(c.train().spread()[i]), csv(c.pop().ratio()[i]),
                    csv(c.pop().spread()[i]), bound(c.train().lower(), i), bound(c.train().upper(), i),
                    bound(c.pop().lower(), i), bound(c.pop().upper(), i)));
        }
        w.flush();
    }

    private static String bound(double[] b, int i) {
        return b == null ? "" : csv(b[i]);
    }

    public static void resummedJson(Writer out, ResummedFreeLimit limit, Map<String, Rational> params, double[] taus, ResummedFreeLimit.Curves c)
            throws IOException {
        ObjectNode root = root(limit, params);
        doubles(root, "times", taus);
        doubles(root, "train", c.train().ratio());
        doubles(root, "pop", c.pop().ratio());
        doubles(root, "trainSpread", c.train().spread());
        doubles(root, "popSpread", c.pop().spread());
        root.put("trainApproximant", c.train().approximant());
        root.put("popApproximant", c.pop().approximant());
        root.put("spreadUnderstatesError", limit.spreadUnderstatesError(params));
        pairs(root, "trainBounds", c.train().lower(), c.train().upper());
        pairs(root, "popBounds", c.pop().lower(), c.pop().upper());
        root.put("trainConsistentWithBounds", c.train().consistentWithBounds());
        root.put("popConsistentWithBounds", c.pop().consistentWithBounds());
        CoefficientsReport.writeJson(out, root);
    }
}
