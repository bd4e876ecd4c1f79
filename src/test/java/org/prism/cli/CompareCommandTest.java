package org.prism.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prism compare, run in-process with the prism error handlers (the command is registered elsewhere). */
class CompareCommandTest {
    @TempDir
    Path dir;

    private static CliRunner run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "compare";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRunner.run(all);
    }

    @Test
    void unknownRegimeExitsWith2() {
        CliRunner r = run("--regime", "medium-data", "--out", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("unknown regime 'medium-data'"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void badOptionsExitWith2() throws Exception {
        assertEquals(2, run("--regime", "large-data", "--sizes", "0", "--out", dir.toString()).exitCode());
        assertEquals(2, run("--regime", "large-data", "--seeds", "0", "--out", dir.toString()).exitCode());
        assertEquals(2, run("--regime", "large-data", "--format", "xml").exitCode());
        assertEquals(2, run("--regime", "large-data", "--seeds", "1000000000", "--out", dir.toString()).exitCode());
        // a bad output folder is refused before any simulation runs
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRunner onFile = run("--regime", "large-data", "--quick", "--out", file.toString());
        assertEquals(2, onFile.exitCode(), onFile.err());
        assertTrue(onFile.err().contains("is a file, not a folder"), onFile.err());
        assertEquals(2, run("--regime", "large-data", "--quick", "--out", "").exitCode());
        assertEquals(2, run().exitCode()); // --regime is required
    }

    @Test
    void quickJsonRunWritesItsFiles() throws Exception {
        CliRunner r = run("--regime", "free-wide", "--quick", "--out", dir.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("free-wide", root.get("regime").asText());
        JsonNode path = root.get("paths").get(0);
        assertEquals("free-wide", path.get("name").asText());
        assertEquals(3, path.get("sizes").size());
        assertTrue(path.get("sizes").get(0).get("trainMaxRelError").isNull());
        assertTrue(path.get("sizes").get(2).get("popMaxRelError").asDouble() >= 0);
        assertEquals("inf", path.get("sizes").get(0).get("n").asText());
        // a quick run never passes or fails: too small to judge convergence
        assertEquals("inconclusive", path.get("verdict").asText());
        assertTrue(path.get("reason").asText().startsWith("a quick run, too small to judge convergence: "), path.get("reason").asText());
        assertEquals(6, root.get("files").size(), "csv, png, svg, pdf, tex, standalone tex");
        for (JsonNode f : root.get("files")) assertTrue(Files.size(Path.of(f.asText())) > 0, f.asText());
    }

    @Test
    void quickRunWithoutOutLeavesTheCommittedReportsAlone() {
        CliRunner r = run("--regime", "free-wide", "--quick");
        assertEquals(0, r.exitCode(), r.err());
        Path quick = Path.of(System.getProperty("java.io.tmpdir"), "prism-compare-quick");
        assertTrue(r.out().contains("wrote " + quick.resolve("free-wide.csv")), r.out());
        assertFalse(r.out().contains("wrote reports/"), r.out());
    }

    @Test
    void textRunPrintsSizesRateAndFiles() {
        CliRunner r = run("--regime", "free-wide", "--quick", "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("rate (error ~ m^-r)"), r.out());
        assertTrue(r.out().contains("wrote " + dir.resolve("free-wide.csv")), r.out());
        assertEquals("", r.err());
    }

    /** Any model's face: a small run of linear regression, its JSON contract and exit code 0 on pass. */
    @Test
    void aFaceOfAnyModelPassesAndSaysSo() throws Exception {
        CliRunner r = CliRunner.run("compare", "--model", "examples/teacher-student.prism", "--face", "P", "-p", "d/n=1/2,sigma^2=1/3",
                "--sizes", "3", "--seeds", "16", "--order", "8", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("P", j.get("face").asText());
        assertEquals("pass", j.get("verdict").asText(), j.get("reason").asText());
        assertEquals(3, j.get("sizes").size());
        JsonNode s = j.get("sizes").get(2);
        for (String key : new String[] {"n", "at", "runs", "timeScale", "normalisation", "error", "noise", "seconds", "predicted", "mean", "se"}) {
            assertTrue(s.has(key), key);
        }
        assertEquals(j.get("taus").size(), s.get("mean").get("train").size());
        assertTrue(j.get("rates").has("pop"));
        CliRunner both = CliRunner.run("compare", "--face", "free", "-r", "free");
        assertEquals(2, both.exitCode());
    }

    /** compare --face --grid: one comparison per point, each what the point alone gives (wall times aside). */
    @Test
    void aGridComparesEveryPoint() throws Exception {
        String[] face = {"--model", "examples/teacher-student.prism", "--face", "P", "-p", "sigma^2=1/3", "--order", "8", "--t-max", "1",
            "--quick", "-f", "json"};
        List<String> grid = new ArrayList<>(List.of(face));
        grid.addAll(List.of("--grid", "d/n=1/4:1/2"));
        CliRunner together = run(grid.toArray(String[]::new));
        assertEquals(0, together.exitCode(), together.err());
        JsonNode points = new ObjectMapper().readTree(together.out()).get("points");
        assertEquals(2, points.size());
        List<String> one = new ArrayList<>(List.of(face));
        one.addAll(List.of("-p", "d/n=1/2"));
        CliRunner alone = run(one.toArray(String[]::new));
        assertEquals(0, alone.exitCode(), alone.err());
        JsonNode single = new ObjectMapper().readTree(alone.out());
        for (JsonNode node : List.of(points.get(1), single)) for (JsonNode size : node.get("sizes")) ((ObjectNode) size).remove("seconds");
        assertEquals(single, points.get(1));
        assertEquals("1/4", points.get(0).get("params").get("d/n").asText());
    }

    /**
     * compare -r takes -p: the path simulates and predicts at the parameters given. At g = 1, y = 1/4 the large-data
     * limit starts at E L/d = 1/2 - g y + g^2 y (1 + y)/2 = 0.40625, 7% from the default point's 0.4375, so a path that
     * simulated one point and predicted the other could not stay within 5% at d = 128.
     */
    @Test
    void closedFormPathsTakeParameters() throws Exception {
        CliRunner r = run("--regime", "large-data", "--quick", "-p", "g=1,y=1/4", "-f", "json", "--out", dir.resolve("p").toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode path = new ObjectMapper().readTree(r.out()).get("paths").get(0);
        assertEquals(1.0, path.get("parameters").get("g").asDouble());
        assertEquals(0.25, path.get("parameters").get("y").asDouble());
        JsonNode last = path.get("sizes").get(2);
        assertEquals(last.get("d").asInt() / 4, last.get("m").asInt());
        assertTrue(last.get("trainMaxRelError").asDouble() < 0.05 && last.get("popMaxRelError").asDouble() < 0.05, last.toString());
        CliRunner wrong = run("--regime", "large-data", "--quick", "-p", "gamma=1");
        assertEquals(2, wrong.exitCode());
        assertTrue(wrong.err().contains("large-data takes -p g, y, not gamma"), wrong.err());
        CliRunner free = run("--regime", "free", "--quick", "-p", "y=2");
        assertEquals(2, free.exitCode());
        assertTrue(free.err().contains("take no -p"), free.err());
    }
}
