package org.prism.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.prism.algebra.Polynomial;
import org.prism.diagram.NetworkTerm;

/**
 * Writes the terms of $D^s L$ of a model in index notation (tensor networks with coefficient and
 * exact expectation) as a text table or JSON, and one network as text, DOT or JSON.
 */
public final class NetworkExport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NetworkExport() {}

    public static void text(Writer out, String loss, int s, List<NetworkTerm> terms, Polynomial total, List<String> symbols) {
        PrintWriter w = new PrintWriter(out);
        w.printf("# D^%d L_%s: %d tensor networks N, c_%d = sum_N coef_N E[N]%n", s, loss, terms.size(), s);
        w.printf("%-14s %-28s %-40s %s%n", "id", "coef", "E[N]", "network");
        for (NetworkTerm t : terms) {
            w.printf("%-14s %-28s %-40s %s%n", t.id(), PolynomialFormat.text(t.coefficient(), symbols), PolynomialFormat.text(t.expectation(), symbols), t.text());
        }
        w.printf("c_%d = %s%n", s, PolynomialFormat.text(total, symbols));
        w.flush();
    }

    /** One row per network: {@code order,id,coef,expectation,network}, the polynomials as in the text table. */
    public static void csv(Writer out, List<Integer> orders, List<List<NetworkTerm>> terms, List<String> symbols) {
        PrintWriter w = new PrintWriter(out);
        w.println("order,id,coef,expectation,network");
        for (int i = 0; i < orders.size(); i++) {
            for (NetworkTerm t : terms.get(i)) {
                w.println(Csv.row(orders.get(i), t.id(), PolynomialFormat.text(t.coefficient(), symbols),
                        PolynomialFormat.text(t.expectation(), symbols), t.text()));
            }
        }
        w.flush();
    }

    /** {"loss":L,"orders":[{"order":s,"networks":[T...]}]} with T as in {@link #jsonNode}. */
    public static void json(Writer out, String loss, List<Integer> orders, List<List<NetworkTerm>> terms, List<String> symbols) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("loss", loss);
        ArrayNode os = root.putArray("orders");
        for (int i = 0; i < orders.size(); i++) {
            ObjectNode o = os.addObject();
            o.put("order", orders.get(i));
            ArrayNode ns = o.putArray("networks");
            for (NetworkTerm t : terms.get(i)) ns.add(jsonNode(t, symbols));
        }
        CoefficientsReport.writeJson(out, root);
    }

    /** {"id","network","coef":[terms],"expectation":[terms],"factors":[{"tensor","indices"}]}; terms as in the coefficients contract. */
    public static ObjectNode jsonNode(NetworkTerm t, List<String> symbols) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", t.id());
        o.put("network", t.text());
        o.set("coef", terms(t.coefficient(), symbols));
        o.set("expectation", terms(t.expectation(), symbols));
        ArrayNode fs = o.putArray("factors");
        for (NetworkTerm.Vertex v : t.graph().vertexSet()) {
            if (!v.factor()) continue;
            ObjectNode f = fs.addObject();
            f.put("tensor", v.name().substring(0, v.name().lastIndexOf('_')));
            ArrayNode idx = f.putArray("indices");
            t.graph().outgoingEdgesOf(v).stream().sorted(java.util.Comparator.comparingInt(NetworkTerm.Slot::k))
                    .forEach(e -> idx.add(t.graph().getEdgeTarget(e).name()));
        }
        return o;
    }

    private static ArrayNode terms(Polynomial p, List<String> symbols) {
        ArrayNode a = JSON.createArrayNode();
        p.terms().forEach((m, c) -> {
            ObjectNode term = a.addObject();
            term.put("coef", PolynomialFormat.fraction(c));
            CoefficientsReport.putExponents(term, m, symbols);
        });
        return a;
    }

    public static void json(Writer out, NetworkTerm t, List<String> symbols) throws IOException {
        CoefficientsReport.writeJson(out, jsonNode(t, symbols));
    }

    public static void ascii(Writer out, NetworkTerm t, List<String> symbols) {
        PrintWriter w = new PrintWriter(out);
        w.printf("network      %s%n", t.id());
        w.printf("factors      %s%n", t.text());
        w.printf("coefficient  %s%n", PolynomialFormat.text(t.coefficient(), symbols));
        w.printf("E[N]         %s   (exact Wick expectation)%n", PolynomialFormat.text(t.expectation(), symbols));
        w.printf("term         %s%n", PolynomialFormat.text(t.contribution(), symbols));
        w.printf("graph        %d vertices (factors and indices), %d edges (slots)%n", t.graph().vertexSet().size(), t.graph().edgeSet().size());
        for (NetworkTerm.Vertex v : t.graph().vertexSet()) {
            if (!v.factor()) continue;
            StringBuilder sb = new StringBuilder();
            t.graph().outgoingEdgesOf(v).stream().sorted(java.util.Comparator.comparingInt(NetworkTerm.Slot::k))
                    .forEach(e -> sb.append(sb.length() == 0 ? "" : " ").append(t.graph().getEdgeTarget(e).name()));
            w.printf("  %-10s %s%s%n", v.name(), sb, v.data() ? "   (data)" : "");
        }
        w.flush();
    }

    /** Graphviz: factors as boxes (data filled), indices as circles, edges labelled by slot. */
    public static void dot(Writer out, NetworkTerm t) {
        DOTExporter<NetworkTerm.Vertex, NetworkTerm.Slot> ex = new DOTExporter<>(v -> "v" + v.number());
        ex.setGraphIdProvider(() -> "\"" + t.id() + "\"");
        ex.setVertexAttributeProvider(v -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("label", DefaultAttribute.createAttribute(v.name()));
            a.put("shape", DefaultAttribute.createAttribute(v.factor() ? "box" : "circle"));
            if (v.data()) a.put("style", DefaultAttribute.createAttribute("filled"));
            return a;
        });
        ex.setEdgeAttributeProvider(e -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("label", DefaultAttribute.createAttribute(String.valueOf(e.k() + 1)));
            return a;
        });
        ex.exportGraph(t.graph(), out);
    }
}
