package org.prism.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import org.prism.diagram.DiagramClass;
import org.prism.diagram.DiagramExpansion;

/** Writes the diagram classes of several orders as a text table or JSON. */
public final class DiagramsReport {
    private DiagramsReport() {}

    public static void text(Writer out, String loss, List<DiagramExpansion> orders, List<Integer> orderNumbers, List<String> symbols) {
        PrintWriter w = new PrintWriter(out);
        for (int i = 0; i < orders.size(); i++) {
            DiagramExpansion e = orders.get(i);
            long pairings = e.classes().stream().mapToLong(DiagramClass::multiplicity).sum();
            w.printf("# c_%d of the %s loss: %d diagram classes from %d Wick pairings%n", orderNumbers.get(i), loss, e.classes().size(), pairings);
            StringBuilder head = new StringBuilder(String.format("%-14s %12s %8s", "id", "coef", "mult"));
            for (String s : symbols) head.append(String.format(" %5s", s));
            w.println(head.append("  vertices  example word"));
            for (DiagramClass c : e.classes()) {
                StringBuilder row = new StringBuilder(String.format("%-14s %12s %8d", c.id(), c.coefficient(), c.multiplicity()));
                for (String s : symbols) row.append(String.format(" %5d", c.monomial().exponent(s)));
                row.append(String.format("  %8d  %s", c.representative().contraction().classes(), c.representative().wordText()));
                w.println(row);
            }
        }
        w.flush();
    }

    /** One row per diagram class: {@code order,id,coef,multiplicity,<symbol powers>,vertices,word}. */
    public static void csv(Writer out, List<DiagramExpansion> orders, List<Integer> orderNumbers, List<String> symbols) {
        PrintWriter w = new PrintWriter(out);
        List<Object> head = new java.util.ArrayList<>(List.of("order", "id", "coef", "multiplicity"));
        head.addAll(symbols);
        head.addAll(List.of("vertices", "word"));
        w.println(Csv.row(head));
        for (int i = 0; i < orders.size(); i++) {
            for (DiagramClass c : orders.get(i).classes()) {
                List<Object> row = new java.util.ArrayList<>(List.of(orderNumbers.get(i), c.id(), PolynomialFormat.fraction(c.coefficient()), c.multiplicity()));
                for (String sym : symbols) row.add(c.monomial().exponent(sym));
                row.add(c.representative().contraction().classes());
                row.add(c.representative().wordText());
                w.println(Csv.row(row));
            }
        }
        w.flush();
    }

    /** {"loss":L,"orders":[{"order":s,"diagrams":[{"id":..,"coef":"p/q","sigma":..,...}]}]}. */
    public static void json(Writer out, String loss, List<DiagramExpansion> orders, List<Integer> orderNumbers, List<String> symbols) throws IOException {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("loss", loss);
        ArrayNode arr = root.putArray("orders");
        for (int i = 0; i < orders.size(); i++) {
            ObjectNode o = arr.addObject();
            o.put("order", orderNumbers.get(i));
            ArrayNode ds = o.putArray("diagrams");
            for (DiagramClass c : orders.get(i).classes()) ds.add(DiagramExport.jsonNode(c, symbols));
        }
        CoefficientsReport.writeJson(out, root);
    }
}
