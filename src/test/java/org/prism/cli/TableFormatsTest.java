package org.prism.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prism.algebra.Rational;

/** The CSV outputs of coefficients and diagrams, and the JSON of check-limits. */
class TableFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<List<String>> rows(CliRunner r) {
        assertEquals(0, r.exitCode(), r.err());
        List<List<String>> rows = new ArrayList<>();
        r.out().lines().forEach(l -> rows.add(List.of(l.split(",", -1))));
        return rows;
    }

    @Test
    void coefficientsCsvCarriesTheHandDerivedPopulationLossAtTimeZero() {
        List<List<String>> rows = rows(CliRunner.run("coefficients", "--order", "1", "--loss", "pop", "--format", "csv"));
        assertEquals(List.of("order", "coef", "sigma", "d", "m", "n"), rows.get(0));
        // c_0 = E ||W^T W - I||^2 / 2 = E tr A^2 / 2 - E tr A + d/2 with E tr A = sigma^2 d m and
        // E tr A^2 = sigma^4 (d m^2 + d^2 m + d m) (Wick: the three pairings of W_ai W_aj W_bi W_bj).
        Map<String, String> c0 = new HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.get(0).equals("0")) c0.put(String.join(" ", row.subList(2, 6)), row.get(1));
        }
        assertEquals(Map.of("4 1 2 0", "1/2", "4 2 1 0", "1/2", "4 1 1 0", "1/2", "2 1 1 0", "-1/1", "0 1 0 0", "1/2"), c0);
        assertTrue(rows.stream().anyMatch(r -> r.get(0).equals("1")), "order 1 rows");
    }

    @Test
    void coefficientsCsvAtAPoint() {
        List<List<String>> rows = rows(CliRunner.run("coefficients", "--order", "2", "--at", "d=2,m=1,n=1,sigma2=1/2", "--format", "csv"));
        // values quoted in the issue (c_0..c_2 of the train loss at this point)
        assertEquals(List.of(List.of("order", "value"), List.of("0", "1/1"), List.of("1", "-38/1"), List.of("2", "10056/1")), rows);
    }

    @Test
    void diagramsCsvSumsToTheCoefficientAtAPoint() {
        // the diagram enumeration (pairings listed one by one) against the interpolated Wick recursion of 'coefficients --at'
        List<List<String>> rows = rows(CliRunner.run("diagrams", "--order", "2", "--only", "--format", "csv"));
        assertEquals(List.of("order", "id", "coef", "multiplicity", "sigma", "d", "m", "n", "vertices", "word"), rows.get(0));
        Rational d = Rational.of(2), m = Rational.of(1), n = Rational.of(1), sigma2 = Rational.of(1, 2);
        Rational sum = Rational.ZERO;
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals("2", row.get(0));
            Rational term = Rational.parse(row.get(2))
                    .multiply(sigma2.pow(Integer.parseInt(row.get(4)) / 2))
                    .multiply(d.pow(Integer.parseInt(row.get(5)))).multiply(m.pow(Integer.parseInt(row.get(6))))
                    .multiply(n.pow(Integer.parseInt(row.get(7))));
            sum = sum.add(term);
        }
        assertEquals(Rational.of(10056), sum);
    }

    @Test
    void networkCsvQuotesTheNetworks() {
        CliRunner r = CliRunner.run("diagrams", "--order", "0", "--model", "examples/cp3-asym.prism", "--format", "csv");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("order,id,coef,expectation,network", lines.get(0));
        // the cross term -tr(T A o B o C) names its indices with commas, so its field is quoted
        assertTrue(lines.stream().anyMatch(l -> l.matches("0,pop\\.0\\.\\d+,-1,0,\"A\\[p0,H0\\] B\\[p0,H0\\] C\\[p0,H0\\]\"")), r.out());
    }

    @Test
    void checkLimitsJsonListsEveryComparison() throws Exception {
        CliRunner r = CliRunner.run("check-limits", "-S", "3", "-l", "pop", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(3, j.get("maxOrder").asInt());
        assertTrue(j.get("agrees").asBoolean());
        long coefficients = 0;
        for (JsonNode g : j.get("regimes")) {
            assertEquals("pop", g.get("loss").asText());
            assertEquals(0, g.get("differ").asInt());
            // orders 0..3 at every point of the regime
            assertEquals(4 * g.get("points").asLong(), g.get("coefficients").asLong());
            coefficients += g.get("coefficients").asLong();
        }
        assertEquals(coefficients, j.get("rows").size());
        for (JsonNode row : j.get("rows")) {
            assertTrue(row.get("agrees").asBoolean());
            assertEquals(row.get("diagrams").asText(), row.get("limit").asText());
            assertTrue(row.get("limit").asText().matches("-?\\d+/\\d+"));
        }
        CliRunner latex = CliRunner.run("check-limits", "-S", "3", "-l", "pop", "--format", "latex");
        assertTrue(latex.out().contains("\\begin{tabular}") && latex.out().contains("mean-field & pop"), latex.out());
    }

    @Test
    void machineReadableDiagramsHaveNoCommentLine() throws Exception {
        CliRunner r = CliRunner.run("diagrams", "--order", "1", "--pareto", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("train", JSON.readTree(r.out()).get("loss").asText());
        CliRunner c = CliRunner.run("diagrams", "--order", "1", "--pareto", "--format", "csv");
        assertTrue(c.out().startsWith("order,id,"), c.out());
    }
}
