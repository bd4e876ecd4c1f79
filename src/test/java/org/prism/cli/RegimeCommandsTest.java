package org.prism.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegimeCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void prismJsonHasSixVerticesNineEdgesFiveNamedTwoFaces() throws Exception {
        CliRunner r = CliRunner.run("prism", "--max-order", "4", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(6, j.get("vertices").size());
        for (JsonNode v : j.get("vertices")) {
            assertTrue(v.has("name") && v.has("monomial"));
            for (String k : new String[] {"sigma", "d", "m", "n"}) assertTrue(v.get("exponent").has(k));
        }
        int edges = 0;
        Set<String> names = new HashSet<>();
        for (JsonNode f : j.get("faces")) {
            if (f.get("dim").asInt() == 1) edges++;
            if (f.get("dim").asInt() == 2) names.add(f.get("regime").asText());
            assertTrue(f.has("scaling") && f.has("timescale") && f.get("vertices").isArray());
        }
        assertEquals(9, edges);
        assertEquals(Set.of("large-data", "small-data", "mean-field", "narrow-latent", "free"), names);
    }

    @Test
    void regimesAndClassifyText() {
        CliRunner r = CliRunner.run("regimes", "--max-order", "3");
        assertEquals(0, r.exitCode(), r.err());
        for (String n : new String[] {"large-data", "small-data", "mean-field", "narrow-latent", "free"}) assertTrue(r.out().contains(n));
        CliRunner c = CliRunner.run("classify", "--scaling", "d=N, m=N^2, sigma2=N^-2, n=N^1.5", "--max-order", "3");
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().contains("mean-field ∩ large-data"), c.out());
        CliRunner l = CliRunner.run("regimes", "--max-order", "3", "--format", "latex");
        assertTrue(l.out().contains("\\toprule") && l.out().contains("\\bottomrule"));
    }

    /** Three orders are too few for a family to recur (the step 0 -> 1 is not yet one), so P is not settled. */
    @Test
    void anUnsettledPolytopeIsPrintedWithItsReasonsAndRefusedAsRegimes() throws Exception {
        CliRunner p = CliRunner.run("prism", "-S", "2", "--format", "json");
        assertEquals(0, p.exitCode(), p.err());
        JsonNode j = JSON.readTree(p.out());
        assertFalse(j.get("settled").asBoolean());
        assertFalse(j.get("consistent").asBoolean());
        assertTrue(j.get("unsettled").size() > 0);
        for (JsonNode u : j.get("unsettled")) {
            assertTrue(u.get("direction").has("sigma") && u.get("direction").has("n") && u.has("settleBy") && u.has("text"), u.toString());
        }
        CliRunner text = CliRunner.run("prism", "-S", "2");
        assertTrue(text.out().contains("NOT settled by c_0..c_2"), text.out());
        for (String cmd : new String[] {"regimes", "classify"}) {
            String[] args = cmd.equals("regimes") ? new String[] {"regimes", "-S", "2"} : new String[] {"classify", "-S", "2", "-s", "1", "--scaling", "d=N"};
            CliRunner r = CliRunner.run(args);
            assertEquals(2, r.exitCode(), r.out());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("not settled by c_0..c_2") && r.err().contains("--allow-unsettled"), r.err());
            String[] allowed = Arrays.copyOf(args, args.length + 1);
            allowed[args.length] = "--allow-unsettled";
            CliRunner a = CliRunner.run(allowed);
            assertEquals(0, a.exitCode(), a.err());
        }
        assertTrue(CliRunner.run("regimes", "-S", "2", "--allow-unsettled").out().startsWith("# NOT settled by c_0..c_2"));
    }

    @Test
    void theDefaultOrderFallsBackToTheHighestWithinReachAndSaysSo() {
        CliRunner r = CliRunner.run("regimes", "--model", "examples/cp3-sym.prism");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("prism regimes: deriving from c_0..c_5 (the tensor-network engine's default; order 6 takes from 20 s to 2 minutes"
                + " and up to 6 GiB of heap: ask for it with -S 6)", r.err().strip());
        // an order given explicitly is never changed; beyond the engine's cap it is refused
        CliRunner given = CliRunner.run("regimes", "--model", "examples/cp3-sym.prism", "-S", "7");
        assertEquals(2, given.exitCode());
        assertEquals("prism regimes: order 7 is out of reach of the tensor-network engine (at most 6; time grows 5-18x per order on the CP examples)",
                given.err().strip());
    }

    /**
     * The weight-decay model along d = N, m = N^2 (sigma, n, lambda fixed): c_0 leads with sigma^4 d m^2 / 2
     * (N^5), the family sigma^2 d m / n leads P (N^3 per order), so c_3 grows like N^(5 + 3*3) = N^14; and the
     * default loss is train, the first tracked loss, not the objective the flow follows.
     */
    @Test
    void classifyAgreesWithTheCoefficientsOnTheWeightDecayModel() throws Exception {
        CliRunner r = CliRunner.run("classify", "--model", "examples/tied-autoencoder-weight-decay.prism", "--scaling", "d=N, m=N^2", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("3", j.get("perOrderGrowth").asText());
        assertEquals("3", j.get("stepGrowth").asText());
        assertTrue(j.get("reached").asBoolean());
        assertEquals("N^5", j.get("lossScale").asText());
        assertEquals("1/2*sigma^4*d*m^2", j.get("normalisation").asText());
        assertEquals("14", j.get("leadingGrowth").asText());
        assertEquals("train", JSON.readTree(CliRunner.run("prism", "--model", "examples/tied-autoencoder-weight-decay.prism", "-S", "3",
                "--format", "json").out()).get("loss").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "classify --scaling d=N,m=N^x | malformed power",
        "classify --scaling d=M | the value must be N",
        "classify --scaling q=N | unknown symbol 'q'",
        "classify --scaling d=N^-1 | may not shrink",
        "classify --scaling d=N --order 9 --max-order 3 | --order 9 is above the derivation's --max-order 3",
        "classify --scaling d=N,,m=N | malformed scaling term",
        "classify --scaling d=N^99999999999999999999 | out of range",
        "prism --model examples | is a folder, not a model file",
        "prism --max-order 1 | --max-order must be >= 2",
        "prism --max-order 99 | out of reach",
        "regimes --format pdf | Invalid value",
        "diagrams --pareto --order 12 | out of reach"})
    void badInput(String args, String expected) {
        CliRunner r = CliRunner.run(args.strip().split("\\s+"));
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains(expected.strip()), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void reportTablesCompileWithPdflatex(@TempDir Path dir) throws Exception {
        Path noExamples = Files.createDirectories(dir.resolve("no-examples"));
        CliRunner r = CliRunner.run("report", "--tables", "--max-order", "3", "--out", dir.toString(), "--examples", noExamples.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(dir.resolve("README.md")).contains("large-data"));
        for (String f : new String[] {"tables/pareto.tex", "tables/regimes.tex", "figures/prism.tex"}) assertTrue(Files.exists(dir.resolve(f)), f);
        Assumptions.assumeTrue(onPath("pdflatex"), "pdflatex is not installed: skipping the compile check (apt-get install texlive-latex-extra)");
        Files.writeString(dir.resolve("figures/diagram.tex"), CliRunner.run("inspect", "train.2.7", "--format", "tikz").out());
        for (String f : new String[] {"figures/diagram.tex", "tables/pareto-standalone.tex", "tables/regimes-standalone.tex", "tables/faces-standalone.tex",
            "tables/check-limits-standalone.tex", "figures/prism.tex"}) {
            Path tex = dir.resolve(f);
            Process p = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", tex.getFileName().toString())
                    .directory(tex.getParent().toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("latex.log").toFile()).start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pdflatex timed out on " + f);
            assertEquals(0, p.exitValue(), f + ": " + Files.readString(dir.resolve("latex.log")));
        }
    }

    @Test
    void aModelWhosePolytopeIsAPointHasOneRegime(@TempDir Path dir) throws Exception {
        // L = ||W||^2 under its own gradient flow: E L(t) = sigma^2 d m e^{-4t} (W(t) = W(0) e^{-2t}), so every c_s
        // is one monomial sigma^2 d m: each N_s is that point and P = N_{s+1} - N_s is the origin
        Path model = Files.writeString(dir.resolve("ridge.prism"),
                "model ridge\nsize d, m\nparam W[m,d] ~ normal(0, sigma^2)\nloss pop = ||W||^2\nflow gradient(pop)\n");
        CliRunner c = CliRunner.run("coefficients", "--order", "2", "--model", model.toString());
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().contains("c_2 = 16*sigma^2*d*m"), c.out());
        for (String command : new String[] {"prism", "regimes"}) {
            CliRunner r = CliRunner.run(command, "-S", "3", "--model", model.toString());
            assertEquals(0, r.exitCode(), command + ": " + r.err());
            assertTrue(r.out().contains("P is a single point"), r.out());
        }
        CliRunner report = CliRunner.run("report", "--tables", "-S", "3", "--model", model.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(Files.readString(dir.resolve("out/README.md")).contains("1 vertices"));
    }

    /** report --model writes the face comparisons: a figure and a CSV per regime, and the table with its verdicts. */
    @Test
    void reportComparesEveryRegimeOfAModel(@TempDir Path dir) throws Exception {
        CliRunner r = CliRunner.run("report", "--quick", "-S", "4", "--model", "examples/teacher-student.prism", "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String f : new String[] {"faces/F1.png", "faces/F1.csv", "faces/F2.png", "faces/F2.csv", "README.md"}) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        String readme = Files.readString(dir.resolve("README.md"));
        assertTrue(readme.contains("## Limits against simulations"), readme);
        assertTrue(readme.contains("| [F1](faces/F1.png) | 1 |") && readme.contains("| [F2](faces/F2.png) | d/n |"), readme);
        assertTrue(readme.matches("(?s).*\\| (pass|fail|inconclusive) \\|\n.*"), readme);
        assertTrue(Files.readString(dir.resolve("faces/F1.csv")).startsWith("n,tau,loss,predicted,mean,se"));
    }

    @Test
    void reportRefusesBadFoldersBeforeWritingAnything(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        String[][] cases = {
            {"report", "--tables", "-S", "3", "--out", file.toString()},
            {"report", "--tables", "-S", "3", "--out", ""},
            {"report", "--tables", "-S", "3", "--out", dir.resolve("out").toString(), "--examples", dir.resolve("none").toString()},
            {"report", "--tables", "-S", "3", "--out", dir.resolve("out2").toString(), "--models-order", "99"},
        };
        for (String[] c : cases) {
            CliRunner r = CliRunner.run(c);
            assertEquals(2, r.exitCode(), String.join(" ", c) + ": " + r.err());
            assertEquals(1, r.err().strip().split("\\R").length, r.err());
        }
        assertFalse(Files.exists(dir.resolve("out/README.md")));
        assertFalse(Files.exists(dir.resolve("out2/tables")), "refused before the tables are written");
    }

    static boolean onPath(String cmd) throws IOException {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, cmd))) return true;
        }
        return false;
    }

    /** --order is the order everywhere it is the highest c_s read: for the derivation it is -S/--max-order. */
    @Test
    void orderMeansTheSameAsMaxOrderForTheDerivation() {
        for (String command : List.of("regimes", "prism")) {
            CliRunner order = CliRunner.run(command, "--order", "4", "--leading");
            CliRunner max = CliRunner.run(command, "-S", "4", "--leading");
            assertEquals(0, order.exitCode(), order.err());
            assertEquals(max.out(), order.out(), command);
        }
        CliRunner check = CliRunner.run("check-limits", "--order", "3");
        assertEquals(0, check.exitCode(), check.err());
        assertEquals(CliRunner.run("check-limits", "-S", "3").out(), check.out());
    }
}
