package org.prism.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.prism.algebra.Rational;
import org.prism.regime.limit.LimitInput;

/** The limit command: JSON contract, formats, and one-line errors with exit code 2. */
class LimitCommandTest {
    private static CliRunner run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "limit";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRunner.run(all);
    }

    @Test
    void jsonCurve() throws Exception {
        CliRunner r = run("--regime", "large-data", "--param", "g=1/2,y=2", "--times", "0,0.1,0.5", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("large-data", j.get("regime").asText());
        assertEquals("1/2", j.get("params").get("g").asText());
        assertEquals("2", j.get("params").get("y").asText());
        assertEquals("t", j.get("timeUnit").asText());
        assertTrue(j.get("normalisation").asText().startsWith("E L / d"));
        assertEquals(3, j.get("times").size());
        assertEquals(0.25, j.get("train").get(0).asDouble(), 1e-15);
        assertEquals(3, j.get("pop").size());
    }

    @Test
    void gridRepeatedParamsCsvAndTaylor() throws Exception {
        CliRunner csv = run("-r", "mean-field", "-p", "a0=0.3", "-p", "gamma=2", "--t-max", "1", "--points", "5", "-f", "csv");
        assertEquals(0, csv.exitCode(), csv.err());
        String[] lines = csv.out().strip().split("\\R");
        assertEquals("time,train,pop", lines[0]);
        assertEquals(6, lines.length);
        CliRunner taylor = run("-r", "narrow-latent", "-p", "g=1/2,gamma=1/2", "--taylor", "2", "-f", "json");
        assertEquals(0, taylor.exitCode(), taylor.err());
        JsonNode j = new ObjectMapper().readTree(taylor.out());
        assertEquals("-3/8", j.get("train").get(0).asText());
        assertEquals(2, j.get("order").asInt());
        CliRunner text = run("-r", "small-data", "-p", "g=1,y=1", "--times", "0,0.5");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("tau = (d/n) t"));
    }

    @Test
    void badInputIsOneLineWithExitCodeTwo() {
        String[][] cases = {
            {"-r", "nope", "-p", "g=1"},
            {"-r", "free", "-p", "g=1"},
            {"-r", "large-data", "-p", "g=1"},
            {"-r", "large-data", "-p", "g=1,y=2,z=3"},
            {"-r", "large-data", "-p", "g=1,y=2", "--times", "0,-1"},
            {"-r", "large-data", "-p", "g=1,y=x"},
            {"-r", "large-data", "-p", "g=-1,y=1"},
            {"-r", "large-data", "-p", "g=1,y=1", "--times", "1", "--t-max", "2"},
            {"-r", "large-data", "-p", "g=1,y=1", "--taylor", "-1"},
        };
        for (String[] c : cases) {
            CliRunner r = run(c);
            assertEquals(2, r.exitCode(), String.join(" ", c) + ": " + r.err());
            assertEquals(1, r.err().strip().split("\\R").length, r.err());
            assertTrue(r.err().startsWith("prism limit: "), r.err());
        }
    }

    @Test
    void exactParameterValues() {
        assertEquals(Rational.of(1, 4), LimitInput.parseNumber("0.25", "x"));
        assertEquals(Rational.of(1, 1000), LimitInput.parseNumber("1e-3", "x"));
        assertEquals(Rational.of(-1, 3), LimitInput.parseNumber("-1/3", "x"));
        assertEquals(Rational.of(1200), LimitInput.parseNumber("1.2e3", "x"));
    }
}
