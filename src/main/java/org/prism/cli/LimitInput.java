package org.prism.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prism.algebra.Rational;
import org.prism.autoencoder.Params;


/**
 * Parsing of the user's parameters and times (for the {@code limit} command); every failure is a
 * one-line IllegalArgumentException.
 */
public final class LimitInput {
    private LimitInput() {}

    /**
     * Parses items {@code name=value} (each item may itself be a comma-separated list) into an
     * ordered map; values are exact: {@code 2}, {@code -1/3}, {@code 0.25}, {@code 1e-3}.
     */
    /** Bits times order cubed beyond which exact Taylor coefficients take more than about 20 s (see {@link #requireExactCost}). */
    static final double MAX_EXACT_COST = 1e7;

    /**
     * Refuses exact series whose arithmetic would run for minutes: the coefficients' numbers grow to about
     * {@code order} times the parameters' bits, over {@code O(order^2)} operations, so the cost goes like
     * {@code bits x order^3}. Measured for large-data at g = 1e-300 (997 bits): order 10 1.3 s, 20 17 s, 30 62 s.
     */
    static void requireExactCost(Map<String, Rational> params, int order) {
        String widest = null;
        int bits = 0;
        for (Map.Entry<String, Rational> e : params.entrySet()) {
            int b = e.getValue().numerator().bitLength() + e.getValue().denominator().bitLength();
            if (b > bits) {
                bits = b;
                widest = e.getKey() + "=" + e.getValue();
            }
        }
        if ((double) bits * order * order * order > MAX_EXACT_COST) {
            int reach = (int) Math.floor(Math.cbrt(MAX_EXACT_COST / bits));
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--taylor %d with a parameter of %d bits (%s) would take minutes of exact"
                    + " arithmetic; round it (e.g. to a fraction with a short denominator) or ask for --taylor %d or lower", order, bits,
                    widest.length() > 40 ? widest.substring(0, 37) + "..." : widest, reach));
        }
    }

    /** At most this many points from --grid. */
    static final int MAX_GRID_POINTS = 1000;

    /**
     * The parameter points: {@code params} ({@code -p}) with every combination of the {@code --grid NAME=V1:V2:..}
     * values, first grid fastest; one point without a grid.
     */
    static List<Map<String, Rational>> points(List<String> params, List<String> grid) {
        Map<String, Rational> fixed = parseParams(params);
        List<Map<String, Rational>> out = new ArrayList<>(List.of(fixed));
        if (grid == null) return out;
        for (String item : grid) {
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) throw new IllegalArgumentException("--grid '" + item + "' is not of the form name=v1:v2:..");
            String name = item.substring(0, eq).strip();
            if (out.get(0).containsKey(name)) throw new IllegalArgumentException("parameter " + name + " given twice (-p and --grid, or two --grid)");
            List<Rational> values = new ArrayList<>();
            for (String v : item.substring(eq + 1).split(":", -1)) values.add(parseNumber(v, "--grid " + name));
            List<Map<String, Rational>> next = new ArrayList<>();
            for (Rational v : values) {
                for (Map<String, Rational> p : out) {
                    Map<String, Rational> q = new LinkedHashMap<>(p);
                    q.put(name, v);
                    next.add(q);
                }
            }
            if (next.size() > MAX_GRID_POINTS) throw new IllegalArgumentException("--grid makes " + next.size() + " points: at most " + MAX_GRID_POINTS);
            out = next;
        }
        return out;
    }

    /** A file-name part for a point: the grid's values, {@code d_n=1_2-sigma_2=1_3} (characters other than letters, digits and = as _). */
    static String pointName(Map<String, Rational> point, List<String> names) {
        List<String> parts = new ArrayList<>();
        for (String n : names) parts.add((n + "=" + point.get(n)).replaceAll("[^A-Za-z0-9=]+", "_"));
        return String.join("-", parts);
    }

    /** The names --grid varies, in order. */
    static List<String> gridNames(List<String> grid) {
        List<String> names = new ArrayList<>();
        if (grid != null) for (String item : grid) names.add(item.substring(0, Math.max(0, item.indexOf('='))).strip());
        return names;
    }

    public static Map<String, Rational> parseParams(List<String> items) {
        Map<String, Rational> out = new LinkedHashMap<>();
        if (items == null) return out;
        for (String item : items) {
            for (String part : item.split(",", -1)) {
                String p = part.strip();
                if (p.isEmpty()) throw new IllegalArgumentException("empty parameter in '" + item + "'");
                int eq = p.indexOf('=');
                if (eq <= 0 || eq == p.length() - 1) throw new IllegalArgumentException("parameter '" + p + "' is not of the form name=value");
                String name = p.substring(0, eq).strip();
                if (out.containsKey(name)) throw new IllegalArgumentException("parameter " + name + " given twice");
                out.put(name, parseNumber(p.substring(eq + 1), "parameter " + name));
            }
        }
        return out;
    }

    /** An exact rational from {@code p}, {@code p/q} or a decimal (with optional exponent). */
    public static Rational parseNumber(String text, String what) {
        try {
            return Rational.parse(text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(what + ": '" + text.strip() + "' is not a number (use e.g. 2, 1/3, 0.25)");
        }
    }

    public static Map<String, Double> toDoubles(Map<String, Rational> params) {
        Map<String, Double> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, v.doubleValue()));
        return out;
    }

    /** Times from a list of items (each may be comma-separated); each finite and >= 0. */
    public static double[] parseTimes(List<String> items) {
        List<Double> ts = new ArrayList<>();
        for (String item : items) {
            for (String part : item.split(",", -1)) {
                if (part.isBlank()) throw new IllegalArgumentException("empty time in '" + item + "'");
                double t;
                try {
                    t = Double.parseDouble(part.strip());
                } catch (NumberFormatException e) {
                    try {
                        t = parseNumber(part, "time").doubleValue();
                    } catch (IllegalArgumentException e2) {
                        throw new IllegalArgumentException("time '" + part.strip() + "' is not a number");
                    }
                }
                ts.add(t);
            }
        }
        if (ts.isEmpty()) throw new IllegalArgumentException("--times needs at least one time");
        double[] out = ts.stream().mapToDouble(Double::doubleValue).toArray();
        Params.requireTimes(out);
        return out;
    }

    /** Grid points a curve may ask for: each point of the ODE and quadrature regimes costs milliseconds. */
    public static final int MAX_POINTS = 100_000;

    /** {@code points} equally spaced times 0 .. tMax (points >= 2; or the single time 0 when tMax = 0 and points = 1). */
    public static double[] grid(double tMax, int points) {
        if (!(tMax >= 0) || Double.isInfinite(tMax)) throw new IllegalArgumentException("--t-max must be finite and >= 0, got " + tMax);
        if (points < 1 || points > MAX_POINTS) throw new IllegalArgumentException("--points must be between 1 and " + MAX_POINTS + ", got " + points);
        if (points == 1) return new double[] {tMax};
        double[] out = new double[points];
        for (int i = 0; i < points; i++) out[i] = tMax * i / (points - 1);
        return out;
    }
}
