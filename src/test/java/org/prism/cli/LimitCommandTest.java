package org.prism.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prism.algebra.MarchenkoPastur;
import org.prism.algebra.Rational;

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
            {"-r", "large-data", "-p", "g=1e300,y=1", "--times", "0"}, // Infinity, never printed
            {"-r", "free", "-p", "y=1,gamma=1e300", "--order", "4", "--times", "0"}, // NaN
            {"-r", "free", "-p", "y=0,gamma=0", "--order", "4"},
            {"-r", "narrow-latent", "-p", "g=100000,gamma=100000", "--times", "1"}, // the ODE's evaluation budget
            {"-r", "large-data", "-p", "g=1,y=1", "--points", "100000000"},
            {"-r", "large-data", "-p", "g=1,y=1", "--times", "0,,1"},
            {"-r", "large-data", "-p", "g=1,y=1,"},
        };
        for (String[] c : cases) {
            CliRunner r = run(c);
            assertEquals(2, r.exitCode(), String.join(" ", c) + ": " + r.err());
            assertEquals(1, r.err().strip().split("\\R").length, r.err());
            assertTrue(r.err().startsWith("prism limit: "), r.err());
        }
        // the list of known regimes names every regime the command takes, the resummed free regime too
        String err = run("-r", "nope", "-p", "g=1").err();
        for (String name : new String[] {"large-data", "mean-field", "narrow-latent", "small-data", "free-narrow", "free-wide", "free)"}) {
            assertTrue(err.contains(name), err);
        }
    }

    @Test
    void exactParameterValues() {
        assertEquals(Rational.of(1, 4), LimitInput.parseNumber("0.25", "x"));
        assertEquals(Rational.of(1, 1000), LimitInput.parseNumber("1e-3", "x"));
        assertEquals(Rational.of(-1, 3), LimitInput.parseNumber("-1/3", "x"));
        assertEquals(Rational.of(1200), LimitInput.parseNumber("1.2e3", "x"));
    }

    /**
     * The free regime's exact face series at y = 1, gamma = 0 (n = infinity), against a hand derivation:
     * there E L(tau)/E L(0) = int x^2 (1 + 4 x tau)^-2 dmu / int x^2 dmu with mu the MP law of ratio 1
     * (moments: Catalan numbers), so its tau^s coefficient is (s + 1) (-4)^s Cat(s + 2) / Cat(2), and
     * f_s = s! times that. Train = pop there.
     */
    @Test
    void freeTaylorAtGammaZeroIsTheCatalanSeries() throws Exception {
        CliRunner r = run("-r", "free", "-p", "y=1,gamma=0", "--taylor", "8", "-f", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(8, j.get("order").asInt());
        BigInteger fact = BigInteger.ONE;
        for (int s = 0; s <= 8; s++) {
            if (s > 0) fact = fact.multiply(BigInteger.valueOf(s));
            BigInteger catalan = binomial(2 * s + 4, s + 2).divide(BigInteger.valueOf(s + 3));
            Rational expected = Rational.of(fact.multiply(BigInteger.valueOf(s + 1)).multiply(BigInteger.valueOf(-4).pow(s)).multiply(catalan), BigInteger.TWO);
            assertEquals(expected, Rational.parse(j.get("pop").get(s).asText()), "pop f_" + s);
            assertEquals(expected, Rational.parse(j.get("train").get(s).asText()), "train f_" + s);
        }
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < k; i++) b = b.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        return b;
    }

    /** The resummed curve at gamma = 0 is within its stated spread of the closed form (MP quadrature, a route without diagrams). */
    @Test
    void freeCurveIsWithinItsSpreadOfTheClosedFormAtGammaZero() throws Exception {
        CliRunner r = run("-r", "free", "-p", "y=1,gamma=0", "--order", "8", "--times", "0.25,0.5,1", "-f", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        MarchenkoPastur mp = new MarchenkoPastur(1);
        double norm = mp.integrate(x -> x * x, 2000);
        for (int i = 0; i < 3; i++) {
            double tau = j.get("times").get(i).asDouble();
            double exact = mp.integrate(x -> x * x / ((1 + 4 * x * tau) * (1 + 4 * x * tau)), 2000) / norm;
            double pade = j.get("pop").get(i).asDouble();
            double spread = j.get("popSpread").get(i).asDouble();
            assertTrue(spread > 0 && spread < 1e-3, "spread " + spread);
            assertTrue(Math.abs(pade - exact) <= spread, "tau " + tau + ": Pade " + pade + " vs " + exact + ", spread " + spread);
            // at gamma = 0 the curve is a positive mixture of (1 + 4 x tau)^-2, so its bounds must hold
            JsonNode b = j.get("popBounds").get(i);
            assertTrue(b.get(0).asDouble() <= exact && exact <= b.get(1).asDouble(), "tau " + tau + ": " + exact + " not in " + b);
        }
        assertTrue(j.get("popConsistentWithBounds").asBoolean());
    }

    /**
     * The Hankel test, against an independent exact computation (sympy determinants of the Hankel matrices of
     * m_k = (-1)^k a_k / ((k+1) 4^k), from the same exact face series): at y = 1/4, gamma = 4 the train series' 5 x 5
     * Hankel determinant (m_0..m_8) is negative, about -6.0e3, so from order 8 it is no positive mixture of double poles;
     * every determinant of the pop series is positive through order 10.
     */
    @Test
    void freeBoundsOnlyWhereTheSeriesCanBeAMixture() throws Exception {
        JsonNode j = json(run("-r", "free", "-p", "y=1/4,gamma=4", "--order", "8", "--times", "0,0.5,1", "-f", "json"));
        assertTrue(j.get("trainBounds").isNull(), j.toString());
        JsonNode pop = j.get("popBounds");
        assertEquals(3, pop.size());
        assertEquals(1.0, pop.get(0).get(0).asDouble(), 1e-12);
        assertEquals(1.0, pop.get(0).get(1).asDouble(), 1e-12);
        for (JsonNode b : pop) assertTrue(b.get(0).asDouble() <= b.get(1).asDouble());
        CliRunner text = run("-r", "free", "-p", "y=1/4,gamma=4", "--order", "8", "--times", "0,0.5,1");
        assertTrue(text.out().contains("# bounds: none for train: its series fails the Hankel test"), text.out());
        assertFalse(text.out().contains("none for pop"), text.out());
        // a mixture of (1 + 4 x tau)^-2 decreases in tau, and its value at tau = 1 is at most the upper bound at tau = 1;
        // the approximant returned rises from tau = 0.5 to 1 and passes that bound by more than its spread: flagged
        double pade = j.get("pop").get(2).asDouble();
        assertTrue(pade > j.get("pop").get(1).asDouble(), j.toString());
        assertTrue(pade - j.get("popSpread").get(2).asDouble() > pop.get(2).get(1).asDouble(), j.toString());
        assertFalse(j.get("popConsistentWithBounds").asBoolean());
        assertTrue(text.out().contains("# caution: the pop curve, even widened by its spread, leaves its bounds"), text.out());
        JsonNode seven = json(run("-r", "free", "-p", "y=1/4,gamma=4", "--order", "7", "--times", "0.5", "-f", "json"));
        assertFalse(seven.get("trainBounds").isNull(), "through order 7 (4 x 4 forms) the train series still passes");
    }

    /** The text output warns where the spread is known to understate the error (gamma > 0, order < 12), and only there. */
    @Test
    void freeRegimeCautionWithData() {
        CliRunner data = run("-r", "free", "-p", "y=1,gamma=1/2", "--order", "6", "--times", "0.5");
        assertEquals(0, data.exitCode(), data.err());
        assertTrue(data.out().contains("# caution: with data (gamma > 0) the spread of order 6 understates its error"), data.out());
        CliRunner none = run("-r", "free", "-p", "y=1,gamma=0", "--order", "6", "--times", "0.5");
        assertEquals(0, none.exitCode(), none.err());
        assertFalse(none.out().contains("caution"), none.out());
        assertTrue(json(run("-r", "free", "-p", "y=1,gamma=1/2", "--order", "6", "--times", "0.5", "-f", "json")).get("spreadUnderstatesError").asBoolean());
        assertFalse(json(run("-r", "free", "-p", "y=1,gamma=0", "--order", "6", "--times", "0.5", "-f", "json")).get("spreadUnderstatesError").asBoolean());
    }

    private static JsonNode json(CliRunner r) {
        assertEquals(0, r.exitCode(), r.err());
        try {
            return new ObjectMapper().readTree(r.out());
        } catch (IOException e) {
            throw new AssertionError(r.out(), e);
        }
    }

    @Test
    void freeRegimeBadInput() {
        for (String[] args : new String[][] {{"-r", "free", "-p", "y=1"}, {"-r", "free", "-p", "y=1,gamma=1/2", "--order", "1"},
                {"-r", "large-data", "-p", "g=1,y=1", "--order", "4"}, {"-r", "free", "-p", "y=1,gamma=0", "--taylor", "13"}}) {
            CliRunner r = run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }

    /** Any model's face: the JSON contract, a closed form where the series proves one, and one-line refusals. */
    @Test
    void aFaceOfAnyModel() throws Exception {
        CliRunner r = run("--model", "examples/teacher-student.prism", "--face", "F1", "-p", "sigma^2=1/3", "--times", "0,1", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("teacher-student", j.get("model").asText());
        assertEquals("F1", j.get("face").asText());
        assertEquals("1/3", j.get("params").get("sigma^2").asText());
        assertEquals("tau = t", j.get("timeUnit").asText());
        assertEquals("E L_train / (k*d)", j.get("normalisation").get("train").asText());
        assertEquals("2/3*exp(-2*tau)", j.get("closedForm").get("pop").asText());
        JsonNode train = j.get("losses").get("train");
        assertEquals(2.0 / 3 * Math.exp(-2), train.get("curve").get(1).asDouble(), 1e-15);
        assertTrue(train.get("bounds").isNull());
        assertEquals(1.0, train.get("validUpTo").asDouble());
        CliRunner series = run("--model", "examples/teacher-student.prism", "--face", "{1}", "--fixed-ratios", "1/3", "--taylor", "2", "-f", "csv");
        assertEquals(0, series.exitCode(), series.err());
        assertEquals("loss,order,f", series.out().lines().findFirst().orElseThrow());
        assertTrue(series.out().contains("train,1,-4/3"), series.out());
        for (String[] bad : new String[][] {
            {"--model", "examples/teacher-student.prism", "--face", "F9"},
            {"--model", "examples/teacher-student.prism", "--face", "F1"},
            {"--model", "examples/teacher-student.prism", "--face", "F1", "-r", "large-data"},
            {"--model", "examples/teacher-student.prism", "--face", "F1", "--scaling", "d=N^2, n=N", "-p", "sigma^2=1"},
            {"--model", "examples/teacher-student.prism", "--face", "F1", "-p", "sigma^2=1,d/n=1"}}) {
            CliRunner b = run(bad);
            assertEquals(2, b.exitCode(), String.join(" ", bad) + ": " + b.out());
            assertEquals(1, b.err().strip().lines().count(), b.err());
        }
        assertTrue(run("--model", "examples/teacher-student.prism", "--face", "F1").err().contains("such as sigma^2"));
    }

    /** Absurd ratios: the pop approximants of the free regime disagree by 1e16 at once, and every such value is marked. */
    @Test
    void freeCurvesBeyondTheirAgreementAreMarked() {
        CliRunner r = run("-r", "free", "-p", "y=1e9,gamma=1e9", "--times", "0,0.5,1");
        assertEquals(0, r.exitCode(), r.err());
        List<String> rows = r.out().lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(3, rows.size(), r.out());
        assertFalse(rows.get(0).contains("*"), "time 0 is exact");
        assertTrue(rows.get(1).contains("*") && rows.get(2).contains("*"), r.out());
        assertTrue(r.out().contains("# * beyond the time up to which the two best approximants agree"), r.out());
    }

    /**
     * --grid: each point's block is exactly what a run at that point alone prints (for a closed form and for a face,
     * whose series --grid computes once and evaluates per point), in text, JSON and CSV.
     */
    @Test
    void aGridIsTheSingleRunsTogether() throws Exception {
        String[][] base = {{"-r", "large-data", "-p", "y=1/2", "--times", "0,1"},
            {"--model", "examples/teacher-student.prism", "--face", "P", "-p", "sigma^2=1/3", "--order", "8", "--times", "0,1,2"}};
        String[][] gridName = {{"g", "1/4", "1/2"}, {"d/n", "1/4", "1/2"}};
        ObjectMapper json = new ObjectMapper();
        for (int c = 0; c < base.length; c++) {
            String name = gridName[c][0];
            List<String> grid = new ArrayList<>(List.of(base[c]));
            grid.addAll(List.of("--grid", name + "=" + gridName[c][1] + ":" + gridName[c][2]));
            for (String format : List.of("text", "json", "csv")) {
                List<String> args = new ArrayList<>(grid);
                args.addAll(List.of("-f", format));
                CliRunner together = run(args.toArray(String[]::new));
                assertEquals(0, together.exitCode(), together.err());
                List<String> alone = new ArrayList<>();
                for (int k = 1; k <= 2; k++) {
                    List<String> one = new ArrayList<>(List.of(base[c]));
                    one.addAll(List.of("-p", name + "=" + gridName[c][k], "-f", format));
                    CliRunner r = run(one.toArray(String[]::new));
                    assertEquals(0, r.exitCode(), r.err());
                    alone.add(r.out());
                }
                switch (format) {
                    case "text" -> assertEquals(alone.get(0) + System.lineSeparator() + alone.get(1), together.out());
                    case "json" -> {
                        JsonNode points = json.readTree(together.out()).get("points");
                        assertEquals(json.readTree(alone.get(0)), points.get(0));
                        assertEquals(json.readTree(alone.get(1)), points.get(1));
                    }
                    default -> {
                        List<String> rows = together.out().lines().toList();
                        List<String> first = alone.get(0).lines().toList();
                        assertEquals(name + "," + first.get(0), rows.get(0));
                        assertEquals(gridName[c][1] + "," + first.get(1), rows.get(1));
                        assertEquals(gridName[c][2] + "," + alone.get(1).lines().skip(1).findFirst().orElseThrow(), rows.get(first.size()));
                    }
                }
            }
        }
        CliRunner twice = run("-r", "large-data", "-p", "y=1/2", "--grid", "y=1:2");
        assertEquals(2, twice.exitCode());
        assertTrue(twice.err().contains("parameter y given twice"), twice.err());
    }
}
