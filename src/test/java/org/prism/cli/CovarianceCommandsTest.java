package org.prism.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands on a model with a covariance: what they compute, and one clear line where they do not yet. */
class CovarianceCommandsTest {
    static final String MODEL = "examples/tied-autoencoder-covariance.prism";

    @Test
    void coefficientsTakeTheMomentsAtAPoint() {
        // c_0 = d C_1 (1/2 - sigma^2 m + 1/2 sigma^4 m (m + d + 1)) at d=2, m=1, sigma2=1/2, C_1=3/2: 3 (1/2 - 1/2 + 1/2) = 3/2
        CliRunner r = CliRunner.run("coefficients", "--model", MODEL, "--order", "0", "--at", "d=2,m=1,n=1,sigma2=1/2,C_1=3/2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("c_0 = 3/2"), r.out());
        CliRunner missing = CliRunner.run("coefficients", "--model", MODEL, "--order", "1", "--at", "d=2,m=1,n=1,sigma2=1/2,C_1=1");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("C_2"), missing.err());
    }

    @Test
    void theAlphaScanWritesTextJsonAndItsFigure(@TempDir Path dir) throws Exception {
        CliRunner r = CliRunner.run("prism", "--model", MODEL, "--alpha-scan", "-S", "4", "--figure", dir.resolve("scan").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("alpha >= 1: P has 3 vertices"), r.out());
        assertTrue(r.out().contains("NOT settled"), r.out());
        for (String ext : new String[] {"png", "svg", "pdf"}) assertTrue(Files.size(dir.resolve("scan." + ext)) > 1000, ext);
        CliRunner j = CliRunner.run("prism", "--model", MODEL, "--alpha-scan", "-S", "4", "--format", "json");
        assertEquals(0, j.exitCode(), j.err());
        JsonNode root = new ObjectMapper().readTree(j.out());
        assertEquals("0", root.get("pieces").get(0).get("from").asText());
        assertTrue(root.get("pieces").get(root.get("pieces").size() - 1).get("to").isNull());
        assertEquals("1/5", root.get("growthVisibleFrom").asText());
    }

    @Test
    void theLeadingEngineDerivesTheSamePolytopeForBoundedMoments() {
        CliRunner exact = CliRunner.run("prism", "--model", MODEL, "-S", "5", "--format", "json");
        CliRunner leading = CliRunner.run("prism", "--model", MODEL, "-S", "5", "--leading", "--format", "json");
        assertEquals(0, leading.exitCode(), leading.err());
        assertEquals(exact.out(), leading.out());
    }

    @Test
    void aFractionalGrowthPrintsFractionalPowers() {
        CliRunner r = CliRunner.run("prism", "--model", MODEL, "--spectrum", "power:alpha=1/2", "-S", "4");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("sigma^2*d^(3/2)"), r.out());
        assertTrue(r.out().contains("exponent (0, 1/2, 0, 0)"), r.out());
    }

    @Test
    void badInputGetsOneLineAndExitTwo() {
        String[][] cases = {
            {"prism", "--spectrum", "power:alpha=1"}, // the tied autoencoder has no covariance
            {"prism", "--model", MODEL, "--spectrum", "power:alpha=0"},
            {"prism", "--model", MODEL, "--spectrum", "gamma:k=2"},
            {"prism", "--model", MODEL, "--alpha-scan", "--spectrum", "power:alpha=1/2"},
            {"prism", "--model", MODEL, "--leading", "--spectrum", "power:alpha=1/2"},
            {"coefficients", "--model", MODEL, "--order", "8"}, // beyond the exact engine with moments in the launcher's heap
            {"coefficients", "--model", MODEL, "--order", "9", "--leading"},
            {"simulate", "--model", MODEL, "--at", "d=4,m=2,n=8,sigma2=1/4", "--steps", "2", "--dt", "1/100"},
            {"limit", "--model", MODEL, "--face", "F3", "-p", "sigma^2*m=1/2,sigma^2*d=1/2"}, // the moments have no values
            {"compare", "--model", MODEL, "--face", "F3", "-p", "sigma^2*m=1/2,sigma^2*d=1/2", "--quick"}, // no --spectrum for the runs
            {"compare", "--model", MODEL, "--face", "F3", "-p", "sigma^2*m=1/2,sigma^2*d=1/2", "--spectrum", "power:alpha=1", "--quick"},
        };
        for (String[] args : cases) {
            CliRunner r = CliRunner.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.out() + r.err());
            assertEquals(1, r.err().strip().lines().count(), String.join(" ", args) + ": " + r.err());
        }
    }

    @Test
    void diagramsShowTheCovarianceInsertionsAndTheMomentsTheyCarry() throws Exception {
        // the command itself checks the enumeration's sum against the recursion with moments at every order
        CliRunner d = CliRunner.run("diagrams", "--model", MODEL, "--loss", "pop", "--order", "2");
        assertEquals(0, d.exitCode(), d.err());
        assertTrue(d.out().contains("C_3"), d.out());
        // pop.2.1513: tr(C X X^T W^T W X X^T) with X_1 X_5 and X^T_2 X^T_6 paired: C, C(1,5), C(2,6) close one loop, tr C^3
        CliRunner i = CliRunner.run("inspect", "--model", MODEL, "pop.2.1513");
        assertEquals(0, i.exitCode(), i.err());
        assertTrue(i.out().contains("moments      C_3 (a loop of 3 covariance edges: tr C^3 = d C_3)"), i.out());
        assertTrue(i.out().contains("C(1,5)->d3"), i.out());
        CliRunner j = CliRunner.run("inspect", "--model", MODEL, "pop.2.1513", "--format", "json");
        JsonNode edges = new ObjectMapper().readTree(j.out()).get("edges");
        int inserted = 0;
        for (JsonNode e : edges) if (e.has("inserted")) inserted++;
        assertEquals(2, inserted, j.out());
    }

    @Test
    void aFaceLimitTakesTheMomentsAsParameters() {
        // the large-data face with every moment 1 is the isotropic model's large-data limit
        String moments = ",C_1=1,C_2=1,C_3=1,C_4=1,C_5=1";
        CliRunner cov = CliRunner.run("limit", "--model", MODEL, "--face", "F3", "-S", "4", "-p", "sigma^2*m=1/2,sigma^2*d=1/2" + moments, "--format", "csv");
        CliRunner iso = CliRunner.run("limit", "--face", "large-data", "-S", "4", "-p", "a0=1/2,g=1/2", "--format", "csv");
        assertEquals(0, cov.exitCode(), cov.err());
        assertEquals(0, iso.exitCode(), iso.err());
        List<String> a = cov.out().lines().filter(l -> !l.startsWith("#")).skip(1).toList();
        List<String> b = iso.out().lines().filter(l -> !l.startsWith("#")).skip(1).toList();
        assertEquals(b, a);
    }

    @Test
    void aFaceComparisonDrawsItsRunsFromTheSpectrumAndTakesItsLimitingMoments() throws Exception {
        CliRunner r = CliRunner.run("compare", "--model", MODEL, "--face", "F3", "-p", "sigma^2*m=1/2,sigma^2*d=1/2", "--spectrum", "levels:1/2,3/2",
                "--quick", "--sizes", "2", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        // levels 1/2 and 3/2: C_2 = (1/4 + 9/4)/2 = 5/4, C_3 = (1/8 + 27/8)/2 = 7/4
        assertEquals("5/4", root.get("params").get("C_2").asText());
        assertEquals("7/4", root.get("params").get("C_3").asText());
        assertEquals(2, root.get("sizes").size());
    }

    @Test
    void simulateWithASpectrumPrintsTheSeriesAtItsMoments() throws Exception {
        CliRunner r = CliRunner.run("simulate", "--model", MODEL, "--at", "d=8,m=4,n=16,sigma2=1/8", "--spectrum", "power:alpha=1", "--series", "3",
                "--seeds", "4", "--steps", "4", "--dt", "1/200", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("C_k = tr(C^k)/d"), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertTrue(root.toString().contains("series"), r.out());
    }
}
