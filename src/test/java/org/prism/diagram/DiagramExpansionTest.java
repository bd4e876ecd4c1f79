package org.prism.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prism.algebra.Monomial;
import org.prism.expansion.LossExpansion;
import org.prism.model.Models;

/**
 * The explicit diagram enumeration (pairings, union-find contraction, graph canonical form) is a
 * second algorithm for c_s, sharing only the word expansion with the recursion.
 */
class DiagramExpansionTest {
    @ParameterizedTest(name = "{0} c_{1}")
    @CsvSource({"train,0", "train,1", "train,2", "train,3", "pop,0", "pop,1", "pop,2", "pop,3"})
    void sumOverDiagramsEqualsTheWickRecursion(String loss, int s) {
        LossCoefficients exact = new LossCoefficients(Models.tiedAutoencoder(), loss);
        LossExpansion expansion = exact.expansion();
        DiagramExpansion diagrams = DiagramExpansion.of(expansion, loss, s, null);
        assertEquals(exact.coefficient(s), diagrams.total());
        long pairings = diagrams.classes().stream().mapToLong(DiagramClass::multiplicity).sum();
        // every pairing of every word is in exactly one class (twice if its word coefficient had two monomials)
        assertEquals(DiagramExpansion.pairingCount(expansion, s), pairings);
        Set<String> ids = new HashSet<>();
        for (DiagramClass c : diagrams.classes()) {
            assertTrue(ids.add(c.id()));
            Diagram d = c.representative();
            Graph<IndexClass, LetterEdge> g = d.graph();
            // the trace is one cycle through the index classes: the graph is connected, with one
            // edge per letter and (as a representative of its class) the class's canonical code
            assertTrue(new ConnectivityInspector<>(g).isConnected() || g.vertexSet().isEmpty());
            assertEquals(d.word().length(), g.edgeSet().size());
            assertEquals(c.code(), d.canonicalCode());
            Monomial graphValue = d.graphMonomial();
            assertEquals(g.vertexSet().stream().filter(v -> v.size().equals("n")).count(), graphValue.exponent("n"));
            assertEquals(g.vertexSet().stream().filter(IndexClass::data).count(), graphValue.exponent("n"));
            assertEquals(d.word().count(0), graphValue.exponent("sigma"));
        }
    }

    @ParameterizedTest(name = "order {0}")
    @CsvSource({"0", "1", "2"})
    void pairingCountsAreDoubleFactorials(int s) {
        LossExpansion e = new LossExpansion(Models.tiedAutoencoder(), "train");
        long brute = 0;
        for (var w : e.derivative(s).terms().keySet()) {
            long[] n = {0};
            WickPairingEnumerator.forEach(w, e.alphabet(), p -> n[0]++);
            brute += n[0];
        }
        assertEquals(brute, DiagramExpansion.pairingCount(e, s));
    }
}
