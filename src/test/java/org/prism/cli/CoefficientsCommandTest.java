package org.prism.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoefficientsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void valuesAtAPointAsJson() throws Exception {
        CliRunner r = CliRunner.run("coefficients", "--order", "2", "--loss", "train", "--at", "d=2,m=1,n=1,sigma2=1/2", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("train", j.get("loss").asText());
        assertEquals("1/2", j.get("at").get("sigma2").asText());
        // values quoted in the issue
        assertEquals("[\"1/1\",\"-38/1\",\"10056/1\"]", j.get("values").toString());
    }

    @Test
    void aDecimalIsTheFractionItWrites() {
        CliRunner decimal = CliRunner.run("coefficients", "--order", "2", "--at", "d=2,m=1,n=1,sigma2=0.1");
        CliRunner fraction = CliRunner.run("coefficients", "--order", "2", "--at", "d=2,m=1,n=1,sigma2=1/10");
        assertEquals(0, decimal.exitCode(), decimal.err());
        assertEquals(fraction.out(), decimal.out());
    }

    @Test
    void polynomialJsonFollowsTheContract() throws Exception {
        CliRunner r = CliRunner.run("coefficients", "--order", "1", "--loss", "pop", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("pop", j.get("loss").asText());
        JsonNode c0 = j.get("orders").get(0);
        assertEquals(0, c0.get("order").asInt());
        // c_0 = 1/2 sigma^4 m d^2 + ... + 1/2 d: find the constant-in-sigma term d/2 by hand
        boolean found = false;
        for (JsonNode t : c0.get("terms")) {
            assertTrue(t.get("coef").asText().matches("-?\\d+/\\d+"));
            for (String k : new String[] {"sigma", "d", "m", "n"}) assertTrue(t.has(k), "term has " + k);
            if (t.get("sigma").asInt() == 0) {
                assertEquals("1/2", t.get("coef").asText());
                assertEquals(1, t.get("d").asInt());
                found = true;
            }
        }
        assertTrue(found);
        assertEquals(2, j.get("orders").size());
    }

    @Test
    void textAndLatex() {
        CliRunner t = CliRunner.run("coefficients", "--order", "0", "--loss", "pop");
        assertEquals(0, t.exitCode());
        assertTrue(t.out().contains("c_0 = "), t.out());
        CliRunner l = CliRunner.run("coefficients", "--order", "1", "--format", "latex");
        assertTrue(l.out().contains("\\begin{align*}") && l.out().contains("\\sigma^{"), l.out());
        CliRunner v = CliRunner.run("coefficients", "--order", "2", "--loss", "pop", "--at", "d=2,m=2,n=1,sigma2=1/3");
        assertTrue(v.out().contains("c_2 = 87424/81"), v.out());
    }

    /** The leading engine's reach is its expansion's size: the data-free flow has one word per order. */
    @Test
    void leadingOrderThirtyWithoutData() throws Exception {
        CliRunner r = CliRunner.run("coefficients", "--leading", "--order", "30", "--model", "examples/tied-autoencoder-population.prism", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode orders = JSON.readTree(r.out()).get("orders");
        assertEquals(31, orders.size());
        // planar terms of c_30: sigma^(2a) d^b m^c with b, c >= 1, b + c = a + 1 and a <= 32 (c_0 has two W pairs,
        // each order adds at most one): at most sum_{a=1}^{32} a = 528 monomials, the top one sigma^64
        JsonNode terms = orders.get(30).get("terms");
        assertTrue(terms.size() <= 528, "terms: " + terms.size());
        int top = 0;
        for (JsonNode t : terms) {
            assertEquals(t.get("sigma").asInt() / 2 + 1, t.get("d").asInt() + t.get("m").asInt(), t.toString());
            top = Math.max(top, t.get("sigma").asInt());
        }
        assertEquals(64, top);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "coefficients --order -1 | order must be >= 0",
        "coefficients --order 40 | out of reach",
        "coefficients --order 11 | GiB of heap",
        "coefficients --order 13 | out of reach",
        "coefficients --leading --order 13 | GiB of heap (D^13 train has about",
        "coefficients --leading --order 14 | out of reach of the leading-order engine",
        "coefficients --leading --order 101 --model examples/tied-autoencoder-population.prism | cap of 100",
        "coefficients --order x | --order",
        "coefficients --order 1 --loss foo | foo",
        "coefficients --order 1 --at d=2,m=1 | no value for",
        "coefficients --order 1 --at d=2,m=1,n=1,sigma2=1/0 | not a rational",
        "coefficients --order 1 --at d=2,m=1,n=1,sigma2=1/2,q=3 | unknown symbol 'q'",
        "coefficients --order 1 --at d2m1 | malformed pair",
        "coefficients --order 1 --at d=2,m=1,n=0,sigma2=1 | size n must be a positive integer, got 0",
        "coefficients --order 1 --at d=5/2,m=1,n=1,sigma2=1 | size d must be a positive integer, got 5/2",
        "coefficients --order 1 --at d=2,m=1,n=1,sigma2=-1 | sigma2 is a square and must be >= 0",
        "coefficients --order 1 --model examples/cp3-asym.prism --at p=-1,H=2,sigma2=1/4 | size p must be a positive integer",
        "coefficients --order 11 --model examples/deep-linear.prism | out of reach",
        "coefficients --order 6 --model examples/deep-linear.prism --loss train | GiB of heap (D^6 train has about",
        "coefficients | Missing required option",
        "diagrams --order 9 | for tied-autoencoder it goes to order 3 (order 4 means 2.7e+08 Wick pairings",
        "diagrams --order 10 | for tied-autoencoder it goes to order 3 (order 4 means 2.7e+08 Wick pairings",
        "classify --model examples/untied-autoencoder.prism --scaling d=N,sigma=N | any of them also squared, written with a 2",
        "simulate --d 8 --m 4 --n 16 --sigma2 1/64 --dt 10 --t-max 1 | --dt 10.0 is longer than --t-max 1.0",
        "simulate --d 8 --m 4 --n 16 --sigma2 1/0 --dt 0.01 --t-max 1 | --sigma2: '1/0' is not a number",
        "limit -r large-data -p g=1e-300,y=1 --taylor 40 | would take minutes of exact arithmetic; round it",
        "simulate --d 8 --m 4 --n 16 --sigma2 1/8 --dt NaN --t-max 1 | Invalid value for option '--dt': 'NaN' is not a number",
        "regimes --order 4 -S 5 | give either --order or -S/--max-order, not both",
        "check-limits -S 2 | --max-order must be >= 3, got 2: c_0..c_2 do not settle the prism",
        "limit --face free --order 4 --taylor 3 | give either --taylor S (the exact series f_0..f_S) or --order S",
        "inspect train.1 | malformed diagram id",
        "inspect train.1.99999 | unknown diagram id",
        "inspect nosuch.1.0 | no loss 'nosuch'",
        "frobnicate | Unmatched argument"})
    void badInputGivesOneLineAndExitCode2(String args, String expected) {
        CliRunner r = CliRunner.run(args.strip().split("\\s+"));
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains(expected.strip()), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals("", r.out());
    }

    @Test
    void everyCommandHasHelp() {
        // picocli reports a description it cannot format (a lone % sign) on System.err, not through the command
        PrintStream err = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (String c : new String[] {"coefficients", "diagrams", "inspect", "prism", "regimes", "classify", "limit", "simulate",
                    "check-limits", "compare", "report", "bench"}) {
                CliRunner r = CliRunner.run(c, "--help");
                assertEquals(0, r.exitCode());
                assertTrue(r.out().contains("Usage: prism " + c), r.out());
            }
        } finally {
            System.setErr(err);
        }
        assertEquals("", warnings.toString(StandardCharsets.UTF_8), "help texts format cleanly");
        CliRunner bare = CliRunner.run();
        assertEquals(0, bare.exitCode());
        assertTrue(bare.out().contains("coefficients") && bare.out().contains("Exit codes"), bare.out());
    }

    /**
     * tr(W^16): one trace word per order, but D^2 L's has 44 letters of W, where the exact engine's cost (about
     * 50-fold per 8 more letters: tr(W^10) took 0.4 s at 26 letters and 20 s at 34) would run for most of an hour.
     */
    @Test
    void aTraceWordTooLongForTheExactEngineIsRefusedInOneLine(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("power16.prism");
        Files.writeString(model, "model power16\nsize d\nparam W[d, d] ~ normal(0, sigma^2)\nloss pop = tr(W^16)\nflow gradient(pop)\n");
        CliRunner refused = CliRunner.run("coefficients", "--model", model.toString(), "--order", "2");
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("a trace word with 44 letters of W") && refused.err().strip().lines().count() == 1, refused.err());
        // order 1 runs; at d = 1, c_0 = E w^16 = 15!! sigma^16 = 2027025 for a standard Gaussian w
        CliRunner one = CliRunner.run("coefficients", "--model", model.toString(), "--order", "1", "--at", "d=1,sigma2=1");
        assertEquals(0, one.exitCode(), one.err());
        assertTrue(one.out().contains("c_0 = 2027025"), one.out());
    }
}
