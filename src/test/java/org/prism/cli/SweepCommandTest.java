package org.prism.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * prism sweep: the same sweep on this machine's threads and as Spark tasks (local[2]) gives the same numbers, bit
 * for bit; a second sweep on the same store runs nothing again; bad sweep files are refused in one line.
 */
class SweepCommandTest {
    @TempDir
    Path dir;

    private static final String SWEEP = """
            seed: 3
            simulate:
              - model: examples/cp3-sym.prism
                at: {p: 6, H: [8, 12], sigma: 1/4}
                t-max: 1/2
                dt: 1/40
                points: 5
                seeds: 6
              - model: examples/tied-autoencoder-covariance.prism
                at: {d: 8, m: 4, n: 16, sigma2: 1/8}
                spectrum: levels:1/2,3/2
                t-max: 1/2
                dt: 1/50
                points: 5
                seeds: 5
            faces:
              - model: examples/teacher-student.prism
                faces: [F1]
                sizes: 2
                seeds: 2
                max-seconds: 1000
            """;

    /** The JSON without what depends on where and how fast the runs went (backend, seconds, runs read from the store). */
    private static JsonNode numbers(String json) throws Exception {
        JsonNode root = new ObjectMapper().readTree(json);
        for (JsonNode s : root.get("simulations")) {
            ObjectNode n = (ObjectNode) s;
            n.remove("backend");
            n.remove("run_seconds");
            n.remove("stored_runs");
        }
        for (JsonNode f : root.get("faces")) for (JsonNode size : f.get("comparison").get("sizes")) ((ObjectNode) size).remove("seconds");
        return root;
    }

    @Test
    void sparkAndThisMachineGiveTheSameNumbers() throws Exception {
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, SWEEP);
        CliRunner local = CliRunner.run("sweep", file.toString(), "-f", "json", "--no-store");
        assertEquals(0, local.exitCode(), local.err());
        CliRunner spark = CliRunner.run("sweep", file.toString(), "-f", "json", "--no-store", "--spark", "local[2]");
        assertEquals(0, spark.exitCode(), spark.err());
        JsonNode a = numbers(local.out());
        JsonNode b = numbers(spark.out());
        assertEquals(3, a.get("simulations").size());
        assertEquals(1, a.get("faces").size());
        assertEquals(a, b);
        assertTrue(new ObjectMapper().readTree(spark.out()).get("simulations").get(0).get("backend").asText().startsWith("Spark local[2]"));

        // on a store: the second sweep reads every run (Spark or not), and prints the same numbers
        String store = dir.resolve("runs.db").toString();
        CliRunner first = CliRunner.run("sweep", file.toString(), "-f", "json", "--store", store, "--spark", "local[2]");
        assertEquals(a, numbers(first.out()));
        CliRunner second = CliRunner.run("sweep", file.toString(), "-f", "json", "--store", store);
        JsonNode again = new ObjectMapper().readTree(second.out());
        for (JsonNode s : again.get("simulations")) assertEquals(s.get("simulation").get("params").get("seeds").asInt(), s.get("stored_runs").asInt());
        assertEquals(a, numbers(second.out()));
    }

    @Test
    void badSweepFilesAreRefusedInOneLine() throws Exception {
        Path file = dir.resolve("bad.yaml");
        for (String[] c : new String[][] {
            {"simulate:\n  - model: examples/cp3-sym.prism\n    at: {p: 6}\n    t-max: 1\n    colour: red\n", "unknown key 'colour'"},
            {"simulate:\n  - model: nowhere.prism\n    at: {p: 6}\n    t-max: 1\n", "no model file 'nowhere.prism'"},
            {"simulate:\n  - model: examples/cp3-sym.prism\n    at: {p: 6, H: 8, sigma: 1/4}\n", "needs 't-max'"},
            {"simulate:\n  - model: examples/cp3-sym.prism\n    at: {p: 6, H: 8, sigma: 1/4}\n    t-max: 1\n    seeds: 0\n", "seeds must be an integer"},
            {"faces:\n  - model: examples/teacher-student.prism\n    faces: [Q]\n", "has no face 'Q' (it has: F1, F2)"},
            {"{}", "nothing to run"},
            {"simulate: [", "not a sweep file"}}) {
            Files.writeString(file, c[0]);
            CliRunner r = CliRunner.run("sweep", file.toString(), "--no-store");
            assertEquals(2, r.exitCode(), c[0]);
            assertTrue(r.err().contains(c[1]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        CliRunner missing = CliRunner.run("sweep", dir.resolve("none.yaml").toString(), "--no-store");
        assertEquals(2, missing.exitCode());
    }
}
