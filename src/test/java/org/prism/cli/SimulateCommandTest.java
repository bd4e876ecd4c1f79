package org.prism.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The simulate command on its own (independent of its registration in {@link PrismCommand}). */
class SimulateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] BASE = {"--d", "4", "--m", "3", "--n", "6", "--sigma2", "0.25", "--dt", "0.01"};

    private static CliRunner run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "simulate";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRunner.run(all);
    }

    private static String[] with(String... more) {
        String[] a = new String[BASE.length + more.length];
        System.arraycopy(BASE, 0, a, 0, BASE.length);
        System.arraycopy(more, 0, a, BASE.length, more.length);
        return a;
    }

    @Test
    void csvHasTheDocumentedColumnsAndFiniteValues() {
        CliRunner r = run(with("--steps", "50", "--record-every", "10", "--seeds", "3", "--format", "csv"));
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().strip().split("\\R");
        assertEquals("t,train_mean,train_se,pop_mean,pop_se", lines[0]);
        assertEquals(7, lines.length);
        assertTrue(lines[1].startsWith("0,"));
        assertTrue(lines[6].startsWith("0.5,"), lines[6]);
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            assertEquals(5, f.length);
            for (String v : f) assertTrue(Double.isFinite(Double.parseDouble(v)), lines[i]);
        }
        assertEquals("", r.err());
    }

    @Test
    void textIsTheCsvAfterCommentLines() {
        CliRunner r = run(with("--t-max", "0.2", "--integrator", "rk4", "--fixed-data", "--seeds", "2"));
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().strip().split("\\R");
        int k = 0;
        while (lines[k].startsWith("#")) k++;
        assertTrue(k >= 3);
        assertEquals("t,train_mean,train_se,pop_mean,pop_se", lines[k]);
        assertTrue(lines[lines.length - 1].startsWith("0.2,"), lines[lines.length - 1]);
    }

    @Test
    void jsonFollowsTheContract() throws Exception {
        CliRunner r = run(with("--steps", "20", "--times", "0,0.05,0.2", "--seeds", "2", "--seed", "7", "-f", "json"));
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(4, j.get("params").get("d").asInt());
        assertEquals("euler", j.get("params").get("integrator").asText());
        assertEquals(7, j.get("params").get("seed").asLong());
        assertEquals("[0.0,0.05,0.2]", j.get("times").toString());
        for (String loss : new String[] {"train", "pop"}) {
            assertEquals(3, j.get(loss).get("mean").size());
            assertEquals(3, j.get(loss).get("se").size());
            for (JsonNode v : j.get(loss).get("mean")) assertTrue(v.isNumber());
        }
    }

    @Test
    void badInputIsOneLineAndExitCode2() {
        CliRunner zero = run("--d", "0", "--m", "3", "--n", "6", "--sigma2", "0.25", "--dt", "0.01", "--steps", "5");
        assertEquals(2, zero.exitCode());
        assertEquals("prism simulate: --d must be >= 1, got 0", zero.err().strip());
        CliRunner dt = run("--d", "2", "--m", "3", "--n", "6", "--sigma2", "0.25", "--dt", "-1", "--steps", "5");
        assertEquals(2, dt.exitCode());
        assertTrue(dt.err().strip().startsWith("prism simulate: --dt must be"), dt.err());
        CliRunner both = run(with("--steps", "5", "--t-max", "1"));
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        CliRunner neither = run(BASE);
        assertEquals(2, neither.exitCode());
        assertTrue(neither.err().contains("--steps") && neither.err().contains("--t-max"), neither.err());
    }

    @Test
    void divergenceIsOneLineAndExitCode2() {
        CliRunner r = run("--d", "8", "--m", "8", "--n", "16", "--sigma2", "1", "--dt", "0.12", "--steps", "1000");
        assertEquals(2, r.exitCode(), r.err());
        // the dt warning waits for a run that succeeds: a failed run says what went wrong in one line
        String[] lines = r.err().strip().split("\\R");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith("prism simulate: diverged at t="), r.err());
        assertTrue(lines[0].contains("reduce --dt"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void anyMatrixModelRunsOnTheGenericSimulatorWithAt() throws Exception {
        CliRunner csv = run("--model", "examples/untied-autoencoder.prism", "--at", "d=4,m=2,n=5,sigma_e2=1/4,sigma_d2=1/4",
                "--dt", "0.05", "--steps", "4", "--record-every", "2", "--seeds", "2", "-f", "csv");
        assertEquals(0, csv.exitCode(), csv.err());
        String[] lines = csv.out().strip().split("\\R");
        assertEquals("t,train_mean,train_se,pop_mean,pop_se", lines[0]);
        assertEquals(4, lines.length);
        assertTrue(lines[3].startsWith("0.2,"), lines[3]);

        CliRunner json = run("--model", "examples/deep-linear.prism", "--at", "d=3,h1=2,h2=2,n=4,sigma_12=1/2,sigma_22=1/2,sigma_32=1/2",
                "--dt", "0.01", "--t-max", "0.1", "--integrator", "rk4", "--record-every", "5", "-f", "json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode j = JSON.readTree(json.out());
        assertEquals("deep-linear", j.get("params").get("model").asText());
        assertEquals("1/2", j.get("params").get("at").get("sigma_12").asText());
        assertEquals("[0.0,0.05,0.1]", j.get("times").toString());
        for (String loss : new String[] {"train", "pop"}) assertEquals(3, j.get("losses").get(loss).get("mean").size());
        // gradient flow on train: the train loss falls
        JsonNode train = j.get("losses").get("train").get("mean");
        assertTrue(train.get(2).asDouble() < train.get(0).asDouble(), train.toString());
    }

    /**
     * A model that is not a matrix model runs on tensor contractions. By hand, for cp3-sym,
     * c_0 = E L(0) = (H sum_{ijk} E[u_i^2 u_j^2 u_k^2] + p)/2 with u ~ N(0, sigma^2) iid (cross terms
     * have odd moments) = (H sigma^6 p (p+2)(p+4) + p)/2 = 259/256 at p = H = 2, sigma^2 = 1/16;
     * the series column starts there and the simulated mean at t = 0 agrees within 4 standard errors.
     */
    @Test
    void tensorModelsRunOnContractions() throws Exception {
        CliRunner json = run("--model", "examples/cp3-sym.prism", "--at", "p=2,H=2,sigma2=1/16", "--dt", "0.001", "--steps", "4",
                "--record-every", "2", "--seeds", "4000", "--integrator", "rk4", "--series", "2", "-f", "json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode pop = JSON.readTree(json.out()).get("losses").get("pop");
        assertEquals(259.0 / 256, pop.get("series").get(0).asDouble(), 1e-15);
        double mean = pop.get("mean").get(0).asDouble();
        double se = pop.get("se").get(0).asDouble();
        assertTrue(se > 0 && Math.abs(mean - 259.0 / 256) < 4 * se, mean + " +- " + se);
        CliRunner text = run("--model", "examples/cp3-sym.prism", "--at", "p=2,H=2,sigma2=1/16", "--dt", "0.01", "--steps", "2");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("tensor contractions"), text.out());
    }

    @Test
    void genericSimulatorBadInputIsOneLineAndExitCode2() {
        CliRunner missing = run("--model", "examples/deep-linear.prism", "--at", "d=3", "--dt", "0.1", "--steps", "2");
        assertEquals(2, missing.exitCode());
        assertEquals("prism simulate: no value for h1 (give h1=...)", missing.err().strip());
        CliRunner classic = run("--model", "examples/deep-linear.prism", "--d", "3", "--dt", "0.1", "--steps", "2");
        assertEquals(2, classic.exitCode());
        assertTrue(classic.err().strip().startsWith("prism simulate: with --at"), classic.err());
        CliRunner noAt = run("--model", "examples/teacher-student.prism", "--dt", "0.1", "--steps", "2");
        assertEquals(2, noAt.exitCode());
        assertTrue(noAt.err().contains("needs --at") && noAt.err().contains("k, n, sigma"), noAt.err());
        CliRunner tensor = run("--model", "examples/cp3-sym.prism", "--at", "d=3", "--dt", "0.1", "--steps", "2");
        assertEquals(2, tensor.exitCode());
        assertEquals("prism simulate: unknown symbol 'd' (expected H, p, sigma)", tensor.err().strip());
        CliRunner negative = run(with("--steps", "2", "--series", "-1"));
        assertEquals(2, negative.exitCode());
        assertEquals("prism simulate: --series must be >= 0, got -1", negative.err().strip());
        CliRunner far = run(with("--steps", "2", "--series", "13"));
        assertEquals(2, far.exitCode());
        assertTrue(far.err().contains("out of reach"), far.err());
        CliRunner tied = run("--dt", "0.1", "--steps", "2");
        assertEquals(2, tied.exitCode());
        assertEquals("prism simulate: the tied autoencoder needs --d, --m, --n and --sigma2", tied.err().strip());
    }

    /**
     * --series: the exact truncated series beside the simulation. At t = 0 it is E L(0), which for the
     * tied autoencoder has the hand formula sigma^4 (m d^2 + m^2 d + m d)/2 - sigma^2 m d + d/2
     * (d = 3, m = 2, sigma^2 = 1/4: 1.125); at small t it is within a few standard errors of the
     * simulated mean (the full check, every example model, is ModelSimulatorTest).
     */
    @Test
    void seriesColumnsSitBesideTheSimulation() throws Exception {
        CliRunner tied = run("--d", "3", "--m", "2", "--n", "4", "--sigma2", "0.25", "--dt", "0.001", "--t-max", "0.005",
                "--integrator", "rk4", "--record-every", "5", "--seeds", "4000", "--series", "4", "-f", "csv");
        assertEquals(0, tied.exitCode(), tied.err());
        String[] lines = tied.out().strip().split("\\R");
        assertEquals("t,train_mean,train_se,pop_mean,pop_se,train_series,pop_series", lines[0]);
        String[] first = lines[1].split(",");
        assertEquals(1.125, Double.parseDouble(first[5]), 1e-15);
        assertEquals(1.125, Double.parseDouble(first[6]), 1e-15);
        String[] last = lines[2].split(",");
        for (int k : new int[] {1, 3}) {
            double z = (Double.parseDouble(last[k]) - Double.parseDouble(last[5 + (k - 1) / 2])) / Double.parseDouble(last[k + 1]);
            assertTrue(Math.abs(z) < 4, "z = " + z + " in " + lines[2]);
        }

        CliRunner generic = run("--model", "examples/teacher-student.prism", "--at", "k=2,d=3,n=4,sigma2=1/2", "--dt", "0.01",
                "--steps", "2", "--record-every", "1", "--series", "2", "--fixed-data", "-f", "json");
        assertEquals(0, generic.exitCode(), generic.err());
        assertTrue(generic.err().contains("warning: the series is an expectation over the data too"), generic.err());
        JsonNode j = JSON.readTree(generic.out());
        assertEquals(2, j.get("params").get("series_order").asInt());
        // E L_pop(0) = E ||W - T||^2 / 2 = k d (sigma^2 + 1) / 2 = 4.5
        assertEquals(4.5, j.get("losses").get("pop").get("series").get(0).asDouble(), 1e-15);
        assertEquals(3, j.get("losses").get("train").get("series").size());
    }

    /** Every number is read exactly: --sigma2 1/64, --dt 1/100 and --t-max 1/10 are 0.015625, 0.01 and 0.1. */
    @Test
    void sigma2TakesFractions() {
        CliRunner fraction = CliRunner.run("simulate", "--d", "8", "--m", "4", "--n", "16", "--sigma2", "1/64", "--dt", "1/100", "--t-max", "1/10");
        CliRunner decimal = CliRunner.run("simulate", "--d", "8", "--m", "4", "--n", "16", "--sigma2", "0.015625", "--dt", "0.01", "--t-max", "0.1");
        assertEquals(0, fraction.exitCode(), fraction.err());
        assertEquals(decimal.out(), fraction.out());
    }

    /**
     * Without --dt the step is half the smallest limit the runs' own stability check estimates: it runs without a
     * warning, while 2.2 times it draws the check's warning, for both simulators.
     */
    @Test
    void theDefaultStepIsHalfTheStabilityLimit() {
        String[][] cases = {{"--d", "16", "--m", "8", "--n", "32", "--sigma2", "1/16"},
            {"--model", "examples/untied-autoencoder.prism", "--at", "d=8,m=4,n=16,sigma_e2=1/8,sigma_d2=1/4"}};
        for (String[] sizes : cases) {
            List<String> args = new ArrayList<>(List.of("simulate"));
            args.addAll(List.of(sizes));
            args.addAll(List.of("--steps", "20", "--seeds", "2"));
            CliRunner chosen = CliRunner.run(args.toArray(String[]::new));
            assertEquals(0, chosen.exitCode(), chosen.err());
            Matcher m = Pattern.compile("--dt not given: dt = (\\S+), half the smallest stability limit").matcher(chosen.err());
            assertTrue(m.find(), chosen.err());
            assertFalse(chosen.err().contains("exceeds the estimated stability limit"), chosen.err());
            double step = Double.parseDouble(m.group(1));
            // 2.2 times the suggestion is 1.1 times the smallest limit: |1 - 2.2| = 1.2 per Euler step on the stiffest
            // mode, far from diverging in 20 steps, so the check's warning is printed
            args.addAll(List.of("--dt", Double.toString(2.2 * step)));
            CliRunner twice = CliRunner.run(args.toArray(String[]::new));
            assertTrue(twice.err().contains("exceeds the estimated stability limit"), String.join(" ", args) + ": " + twice.err());
        }
    }

    /**
     * simulate --data on the digits: with tr(Sigma) = d, E_W L_tr(0) = d/2 - sigma^2 m d + sigma^4 m d (m + d + 1)/2 for any
     * spectrum (by hand: E[A Sigma A] = sigma^4 (m (m + 1) Sigma + m tr(Sigma) I) for A = W^T W, Isserlis), 26.125 at
     * d = 64, m = 16, sigma^2 = 1/64; the mean over 64 draws of W(0) must lie within 4 SE of it.
     */
    @Test
    void realDataTrainsTheTiedAutoencoderAtTheExpectedInitialLoss() throws Exception {
        CliRunner r = CliRunner.run("simulate", "--data", "examples/data/digits.csv.gz", "--drop-column", "65", "--m", "16", "--sigma2", "1/64",
                "--dt", "1/1000", "--steps", "1", "--seeds", "64", "-f", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(1797, root.get("data").get("n").asInt());
        assertEquals(64, root.get("params").get("d").asInt());
        assertEquals(1.0, root.get("data").get("moments").get(0).asDouble(), 1e-12);
        double mean = root.get("train").get("mean").get(0).asDouble();
        double se = root.get("train").get("se").get(0).asDouble();
        assertEquals(26.125, mean, 4 * se, "mean " + mean + " +- " + se);
        CliRunner text = CliRunner.run("simulate", "--data", "examples/data/digits.csv.gz", "--drop-column", "65", "--m", "16", "--sigma2",
                "1/64", "--dt", "1/100", "--steps", "2");
        assertTrue(text.out().contains("spectral moments of Sigma, C_k = tr(Sigma^k)/d, k = 1..4: 1.000, 4.86"), text.out());
        for (String[] bad : new String[][] {{"--drop-column", "65", "--d", "4", "--m", "2", "--n", "8", "--sigma2", "1/4"},
            {"--data", "examples/data/digits.csv.gz", "--drop-column", "65", "--m", "16", "--sigma2", "1/64", "--series", "2"},
            {"--data", "examples/data/digits.csv.gz", "--d", "32", "--m", "16", "--sigma2", "1/64"}}) {
            List<String> args = new ArrayList<>(List.of("simulate"));
            args.addAll(List.of(bad));
            args.addAll(List.of("--dt", "1/100", "--steps", "1"));
            CliRunner refused = CliRunner.run(args.toArray(String[]::new));
            assertEquals(2, refused.exitCode(), String.join(" ", args) + ": " + refused.out());
            assertEquals(1, refused.err().strip().lines().count(), refused.err());
        }
    }

    /**
     * simulate --spectrum: E L_tr(0) is linear in Sigma and E Sigma = C, so it is C_1 times the isotropic value, while
     * L_pop does not see the data (hand derivation, as for --data). Spiked k = 8, theta = 3 at d = 64: C_1 = 1 + 8 * 3/64 =
     * 1.375, so 1.375 * 26.125 = 35.921875 against 26.125 for L_pop; the means over 64 runs must lie within 4 SE of them.
     * A power law normalised to C_1 = 1 keeps the isotropic value.
     */
    @Test
    void aSpectrumScalesTheTrainLossByItsFirstMoment() throws Exception {
        for (String[] law : new String[][] {{"spiked:k=8,theta=3", "35.921875"}, {"power:alpha=1", "26.125"}}) {
            CliRunner r = CliRunner.run("simulate", "--d", "64", "--m", "16", "--n", "128", "--sigma2", "1/64", "--spectrum", law[0],
                    "--dt", "1/1000", "--steps", "1", "--seeds", "64", "-f", "json");
            assertEquals(0, r.exitCode(), r.err());
            JsonNode root = new ObjectMapper().readTree(r.out());
            double train = root.get("train").get("mean").get(0).asDouble();
            double trainSe = root.get("train").get("se").get(0).asDouble();
            double pop = root.get("pop").get("mean").get(0).asDouble();
            double popSe = root.get("pop").get("se").get(0).asDouble();
            assertEquals(Double.parseDouble(law[1]), train, 4 * trainSe, law[0] + ": train " + train + " +- " + trainSe);
            assertEquals(26.125, pop, 4 * popSe, law[0] + ": pop " + pop + " +- " + popSe);
            assertEquals(law[0], root.get("spectrum").get("law").asText());
        }
        CliRunner bad = CliRunner.run("simulate", "--d", "64", "--m", "16", "--n", "128", "--sigma2", "1/64", "--spectrum", "spiked:k=80,theta=3",
                "--dt", "1/1000", "--steps", "1");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("k must be an integer in 0..64"), bad.err());
    }
}
