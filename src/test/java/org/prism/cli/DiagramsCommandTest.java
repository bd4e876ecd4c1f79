package org.prism.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.diagram.LossCoefficients;
import org.prism.model.Models;

class DiagramsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonDiagramsSumToTheCoefficients() throws Exception {
        for (String loss : new String[] {"pop", "train"}) checkSum(loss);
    }

    private void checkSum(String loss) throws Exception {
        CliRunner r = CliRunner.run("diagrams", "--order", "2", "--loss", loss, "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        LossCoefficients exact = new LossCoefficients(Models.tiedAutoencoder(), loss);
        for (JsonNode o : j.get("orders")) {
            Polynomial sum = Polynomial.ZERO;
            for (JsonNode dg : o.get("diagrams")) {
                Monomial m = Monomial.of(java.util.Map.of("sigma", dg.get("sigma").asInt(), "d", dg.get("d").asInt(),
                        "m", dg.get("m").asInt(), "n", dg.get("n").asInt()));
                sum = sum.add(Polynomial.term(Rational.parse(dg.get("coef").asText()), m));
                // vertices of the contracted graph are counted by the exponents of d, m and n,
                // less those of the word's coefficient (1/2*d for the constant, n^-k for train)
                Monomial wordMonomial = Polynomial.parse(dg.get("wordCoef").asText()).terms().firstKey();
                long nd = 0, nm = 0, nn = 0;
                for (JsonNode v : dg.get("vertices")) {
                    switch (v.get("size").asText()) {
                        case "d" -> nd++;
                        case "m" -> nm++;
                        default -> nn++;
                    }
                }
                assertEquals(dg.get("d").asInt() - wordMonomial.exponent("d"), nd);
                assertEquals(dg.get("m").asInt() - wordMonomial.exponent("m"), nm);
                assertEquals(dg.get("n").asInt() - wordMonomial.exponent("n"), nn);
            }
            assertEquals(exact.coefficient(o.get("order").asInt()), sum);
        }
    }

    @Test
    void inspectInAllFormats() throws Exception {
        CliRunner list = CliRunner.run("diagrams", "--order", "1", "--only");
        assertEquals(0, list.exitCode());
        assertTrue(list.out().contains("train.1.0"));
        CliRunner a = CliRunner.run("inspect", "train.1.0");
        assertEquals(0, a.exitCode(), a.err());
        assertTrue(a.out().contains("pairing") && a.out().contains("multiplicity"), a.out());
        CliRunner dot = CliRunner.run("inspect", "train.1.0", "--format", "dot");
        assertTrue(dot.out().startsWith("digraph"), dot.out());
        CliRunner tikz = CliRunner.run("inspect", "train.1.0", "--format", "tikz");
        assertTrue(tikz.out().contains("\\begin{tikzpicture}") && tikz.out().contains("\\end{document}"), tikz.out());
        JsonNode j = JSON.readTree(CliRunner.run("inspect", "train.1.0", "--format", "json").out());
        assertEquals("train.1.0", j.get("id").asText());
        assertEquals(j.get("word").asText().split(" ").length, j.get("edges").size());
    }
}
