package org.prism.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Python notebook in examples/notebooks/ calls prism through {@code prism(...)}, {@code prism_json(...)} and
 * {@code prism_csv(...)} with literal arguments; this runs every such call in-process (paths resolved from the
 * notebook's folder) and checks that it succeeds and prints what the notebook parses, so the notebook cannot drift
 * from the commands and their JSON/CSV contracts. (Its plotting needs matplotlib, which the suite does not.)
 */
class NotebookCommandsTest {
    private static final Path FOLDER = Path.of("examples", "notebooks");
    private static final Pattern CALL = Pattern.compile("prism(_json|_csv)?\\(((?:\\s*\"[^\"]*\"\\s*,?)+)\\)");
    private static final Pattern ARG = Pattern.compile("\"([^\"]*)\"");

    record Call(String kind, List<String> args) {}

    static List<Call> calls(Path notebook) throws IOException {
        JsonNode nb = new ObjectMapper().readTree(Files.readString(notebook));
        List<Call> out = new ArrayList<>();
        for (JsonNode cell : nb.get("cells")) {
            if (!cell.get("cell_type").asText().equals("code")) continue;
            StringBuilder code = new StringBuilder();
            for (JsonNode line : cell.get("source")) code.append(line.asText());
            Matcher m = CALL.matcher(code);
            while (m.find()) {
                List<String> args = new ArrayList<>();
                Matcher a = ARG.matcher(m.group(2));
                while (a.find()) args.add(a.group(1).startsWith("../") ? FOLDER.resolve(a.group(1)).normalize().toString() : a.group(1));
                out.add(new Call(m.group(1) == null ? "" : m.group(1), args));
            }
        }
        return out;
    }

    @Test
    void everyCommandOfTheNotebookRunsAndPrintsWhatItParses() throws IOException {
        List<Call> calls = calls(FOLDER.resolve("prism-tour.ipynb"));
        assertEquals(6, calls.size(), "the notebook's prism calls: " + calls);
        ObjectMapper json = new ObjectMapper();
        for (Call c : calls) {
            CliRunner r = CliRunner.run(c.args().toArray(String[]::new));
            assertEquals(0, r.exitCode(), c + ": " + r.err());
            assertFalse(r.out().isBlank(), c.toString());
            if (c.kind().equals("_json")) assertTrue(json.readTree(r.out()).isObject(), c.toString());
            if (c.kind().equals("_csv")) assertTrue(r.out().lines().count() > 1 && r.out().lines().findFirst().orElseThrow().contains(","), c.toString());
        }
    }

    /** simulate --runs: the runs' average is the printed mean (a second route to the same number). */
    @Test
    void theRunsAverageToTheMean() throws IOException {
        CliRunner r = CliRunner.run("simulate", "--d", "8", "--m", "4", "--n", "16", "--sigma2", "1/8", "--dt", "0.01", "--t-max", "0.2",
                "--seeds", "5", "--runs", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        for (String loss : List.of("train", "pop")) {
            JsonNode runs = root.get(loss).get("runs");
            assertEquals(5, runs.size());
            for (int j = 0; j < root.get("times").size(); j++) {
                double sum = 0;
                for (JsonNode run : runs) sum += run.get(j).asDouble();
                assertEquals(root.get(loss).get("mean").get(j).asDouble(), sum / 5, 1e-12 * Math.abs(sum));
            }
        }
        CliRunner csv = CliRunner.run("simulate", "--model", "examples/teacher-student.prism", "--at", "k=2,d=3,n=4,sigma2=1/3", "--dt", "0.1",
                "--t-max", "0.2", "--seeds", "3", "--runs", "--format", "csv");
        assertEquals(0, csv.exitCode(), csv.err());
        List<String> lines = csv.out().lines().toList();
        assertEquals("run,t,train,pop", lines.get(0));
        assertEquals(1 + 3 * 3, lines.size(), csv.out());
        CliRunner text = CliRunner.run("simulate", "--d", "8", "--m", "4", "--n", "16", "--sigma2", "1/8", "--dt", "0.01", "--t-max", "0.2",
                "--runs");
        assertEquals(2, text.exitCode());
        assertTrue(text.err().contains("--runs needs --format json or csv"), text.err());
    }
}
