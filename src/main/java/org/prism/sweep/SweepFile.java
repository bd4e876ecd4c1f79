package org.prism.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.prism.algebra.Point;
import org.prism.algebra.Rational;
import org.prism.simulation.Integrator;

/**
 * A sweep as written in a file (YAML, or JSON when the name ends in {@code .json}): a base seed, simulations (a model
 * at every point of a grid, with its seeds) and face comparisons (the faces of a model against their simulations, as
 * {@code prism report} runs them). Every value is checked here, with the file and the entry named in the message.
 *
 * <pre>
 * seed: 0
 * simulate:
 *   - model: examples/cp3-sym.prism
 *     at: {p: 8, H: [16, 32], sigma: 1/4}   # a list: every value; the grid is every combination
 *     t-max: 1
 *     dt: 1/40                               # optional: the simulator suggests one
 *     points: 11                             # recording times on [0, t-max]
 *     seeds: 8
 *     integrator: rk4                        # or euler
 *     spectrum: levels:1/2,3/2               # a model with a covariance: its data's law
 * faces:
 *   - model: examples/teacher-student.prism
 *     faces: [P]                             # default: every face
 *     sizes: 3
 *     seeds: 8
 *     max-seconds: 10
 * </pre>
 *
 * @param source the file
 * @param seed the base seed of every simulation and comparison
 * @param simulations one entry per model and point of its grid
 * @param faces one entry per model
 */
public record SweepFile(Path source, long seed, List<Simulation> simulations, List<Faces> faces) {
    /** One model at one point. {@code dt} null: the simulator's suggestion. */
    public record Simulation(int entry, Path model, Point at, double tMax, Double dt, int points, int seeds, Integrator integrator, String spectrum) {}

    /** A model's faces ({@code names} empty: every face) against their simulations. */
    public record Faces(int entry, Path model, List<String> names, int sizes, int seeds, double maxSeconds) {}

    private static final Set<String> SIMULATE_KEYS = Set.of("model", "at", "t-max", "dt", "points", "seeds", "integrator", "spectrum");
    private static final Set<String> FACE_KEYS = Set.of("model", "faces", "sizes", "seeds", "max-seconds");

    public SweepFile {
        simulations = List.copyOf(simulations);
        faces = List.copyOf(faces);
    }

    /** Reads and checks a sweep file; model paths are taken relative to the current folder, as on the command line. */
    public static SweepFile read(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no sweep file '" + file + "'");
        ObjectMapper mapper = file.toString().endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        JsonNode root;
        try {
            root = mapper.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not a sweep file (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read it (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException(file + ": a sweep file is a mapping with 'simulate' and/or 'faces'");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!Set.of("seed", "simulate", "faces").contains(k)) throw new IllegalArgumentException(file + ": unknown key '" + k + "' (known: seed, simulate, faces)");
        }
        long seed = root.has("seed") ? integer(file, "seed", root.get("seed"), 0, Long.MAX_VALUE) : 0;
        List<Simulation> sims = new ArrayList<>();
        JsonNode simulate = list(file, "simulate", root.get("simulate"));
        for (int i = 0; i < simulate.size(); i++) {
            String where = "simulate[" + i + "]";
            JsonNode e = entry(file, where, simulate.get(i), SIMULATE_KEYS);
            Path model = model(file, where, e);
            double tMax = number(file, where + ".t-max", required(file, where, e, "t-max"));
            if (!(tMax > 0) || !Double.isFinite(tMax)) throw new IllegalArgumentException(file + ": " + where + ".t-max must be > 0");
            Double dt = e.has("dt") ? number(file, where + ".dt", e.get("dt")) : null;
            if (dt != null && !(dt > 0 && dt <= tMax)) throw new IllegalArgumentException(file + ": " + where + ".dt must be in (0, t-max]");
            int points = e.has("points") ? (int) integer(file, where + ".points", e.get("points"), 2, 10_000) : 11;
            int seeds = e.has("seeds") ? (int) integer(file, where + ".seeds", e.get("seeds"), 1, 100_000) : 8;
            Integrator integrator = Integrator.RK4;
            if (e.has("integrator")) {
                String m = e.get("integrator").asText().toLowerCase(Locale.ROOT);
                if (!m.equals("rk4") && !m.equals("euler")) throw new IllegalArgumentException(file + ": " + where + ".integrator must be rk4 or euler");
                integrator = m.equals("rk4") ? Integrator.RK4 : Integrator.EULER;
            }
            String spectrum = e.has("spectrum") ? e.get("spectrum").asText() : null;
            for (Point at : grid(file, where + ".at", required(file, where, e, "at"))) {
                sims.add(new Simulation(i, model, at, tMax, dt, points, seeds, integrator, spectrum));
            }
        }
        List<Faces> faces = new ArrayList<>();
        JsonNode faceList = list(file, "faces", root.get("faces"));
        for (int i = 0; i < faceList.size(); i++) {
            String where = "faces[" + i + "]";
            JsonNode e = entry(file, where, faceList.get(i), FACE_KEYS);
            List<String> names = new ArrayList<>();
            if (e.has("faces")) {
                JsonNode f = e.get("faces");
                if (f.isArray()) {
                    for (JsonNode n : f) names.add(n.asText());
                } else if (!f.asText().equals("all")) {
                    names.add(f.asText());
                }
            }
            int sizes = e.has("sizes") ? (int) integer(file, where + ".sizes", e.get("sizes"), 1, 10) : 5;
            int seeds = e.has("seeds") ? (int) integer(file, where + ".seeds", e.get("seeds"), 1, 4096) : 8;
            double seconds = e.has("max-seconds") ? number(file, where + ".max-seconds", e.get("max-seconds")) : 10;
            if (!(seconds > 0)) throw new IllegalArgumentException(file + ": " + where + ".max-seconds must be > 0");
            faces.add(new Faces(i, model(file, where, e), names, sizes, seeds, seconds));
        }
        if (sims.isEmpty() && faces.isEmpty()) throw new IllegalArgumentException(file + ": nothing to run (give 'simulate' or 'faces' entries)");
        return new SweepFile(file, seed, sims, faces);
    }

    /** Every combination of the values given (a list for several), in the order written; values exact (1/4, 0.25, 2). */
    private static List<Point> grid(Path file, String where, JsonNode at) {
        if (!at.isObject() || at.isEmpty()) throw new IllegalArgumentException(file + ": " + where + " must map every symbol to a value or a list");
        List<Map<String, Rational>> points = new ArrayList<>(List.of(new LinkedHashMap<>()));
        for (Iterator<Map.Entry<String, JsonNode>> it = at.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            List<Rational> values = new ArrayList<>();
            if (f.getValue().isArray()) {
                for (JsonNode v : f.getValue()) values.add(rational(file, where + "." + f.getKey(), v));
            } else {
                values.add(rational(file, where + "." + f.getKey(), f.getValue()));
            }
            if (values.isEmpty()) throw new IllegalArgumentException(file + ": " + where + "." + f.getKey() + " has no value");
            List<Map<String, Rational>> next = new ArrayList<>();
            for (Map<String, Rational> p : points) {
                for (Rational v : values) {
                    Map<String, Rational> q = new LinkedHashMap<>(p);
                    q.put(f.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points.stream().map(Point::new).toList();
    }

    private static JsonNode list(Path file, String key, JsonNode n) {
        if (n == null || n.isNull()) return new ObjectMapper().createArrayNode();
        if (!n.isArray()) throw new IllegalArgumentException(file + ": '" + key + "' must be a list of entries");
        return n;
    }

    private static JsonNode entry(Path file, String where, JsonNode e, Set<String> keys) {
        if (!e.isObject()) throw new IllegalArgumentException(file + ": " + where + " must be a mapping");
        for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k)) throw new IllegalArgumentException(file + ": " + where + ": unknown key '" + k + "' (known: " + String.join(", ", keys.stream().sorted().toList()) + ")");
        }
        return e;
    }

    private static JsonNode required(Path file, String where, JsonNode e, String key) {
        if (!e.has(key)) throw new IllegalArgumentException(file + ": " + where + " needs '" + key + "'");
        return e.get(key);
    }

    private static Path model(Path file, String where, JsonNode e) {
        Path p = Path.of(required(file, where, e, "model").asText());
        if (!Files.isRegularFile(p)) throw new IllegalArgumentException(file + ": " + where + ".model: no model file '" + p + "'");
        return p;
    }

    private static Rational rational(Path file, String where, JsonNode v) {
        try {
            return Rational.parse(v.asText());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(file + ": " + where + ": '" + v.asText() + "' is not a number (use e.g. 2, 1/3, 0.25)");
        }
    }

    private static double number(Path file, String where, JsonNode v) {
        return rational(file, where, v).doubleValue();
    }

    private static long integer(Path file, String where, JsonNode v, long min, long max) {
        Rational r = rational(file, where, v);
        if (!r.isInteger() || r.compareTo(Rational.of(min)) < 0 || r.compareTo(Rational.of(max)) > 0) {
            throw new IllegalArgumentException(file + ": " + where + " must be an integer in [" + min + ", " + max + "], got " + v.asText());
        }
        return r.numerator().longValueExact();
    }
}
