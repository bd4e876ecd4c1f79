package org.prism.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.prism.diagram.Diagram;
import org.prism.diagram.DiagramClass;
import org.prism.diagram.IndexClass;
import org.prism.diagram.LetterEdge;
import org.prism.model.RandomMatrix;

/**
 * Writes one diagram class for people (ascii), Graphviz (dot), LaTeX/TikZ (a standalone document
 * that compiles with pdflatex) or JSON. The diagram knows nothing of these formats: labels come
 * from the functions here.
 */
public final class DiagramExport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DiagramExport() {}

    public static void ascii(Writer out, DiagramClass c, List<String> symbols) {
        PrintWriter w = new PrintWriter(out);
        Diagram d = c.representative();
        Graph<IndexClass, LetterEdge> g = d.graph();
        w.printf("diagram      %s%n", c.id());
        w.printf("term         %s * %s%n", c.coefficient(), PolynomialFormat.monomial(c.monomial(), symbols));
        w.printf("exponents    %s%n", exponentText(c, symbols));
        w.printf("multiplicity %d Wick pairings (over all words of the expansion)%n", c.multiplicity());
        w.printf("coefficient  %s (sum of the word coefficients over those pairings)%n", c.coefficient());
        w.printf("example word (%s) * %s%n", d.wordCoefficient(), d.wordText());
        List<String> letters = letterNames(d);
        w.printf("  letters    %s%n", String.join(" ", letters));
        StringBuilder pairs = new StringBuilder();
        for (int[] p : d.pairs()) pairs.append(pairs.length() == 0 ? "" : " ").append('(').append(letters.get(p[0])).append(' ').append(letters.get(p[1])).append(')');
        w.printf("  pairing    %s%n", pairs);
        String moments = momentsText(c);
        if (!moments.isEmpty()) w.printf("moments      %s%n", moments);
        w.printf("graph        %d vertices, %d edges (letters; paired letters are parallel edges%s)%n", g.vertexSet().size(), g.edgeSet().size(),
                g.edgeSet().stream().anyMatch(LetterEdge::inserted) ? "; a pair of data letters joins its covariance-side classes by"
                        + " an inserted C(p,q)" : "");
        for (IndexClass v : g.vertexSet()) {
            List<String> inc = new ArrayList<>();
            for (LetterEdge e : g.outgoingEdgesOf(v)) inc.add((e.inserted() ? e.toString() : letters.get(e.position())) + "->" + g.getEdgeTarget(e));
            w.println(String.format("  %-5s %-4s %s", v, v.data() ? "data" : "", String.join(" ", inc)).stripTrailing());
        }
        w.flush();
    }

    /** The moments a diagram carries, e.g. {@code C_3 (a loop of 3 covariance edges: tr C^3 = d C_3)}; empty without any. */
    private static String momentsText(DiagramClass c) {
        RandomMatrix cov = c.representative().graph().edgeSet().stream().map(e -> e.letter().matrix()).filter(RandomMatrix::constant)
                .findFirst().orElse(null);
        if (cov == null) return "";
        List<String> parts = new ArrayList<>();
        c.monomial().exponents().forEach((name, e) -> {
            if (!name.startsWith(cov.name() + "_")) return;
            String k = name.substring(cov.name().length() + 1);
            parts.add(name + (e == 1 ? "" : "^" + e) + " (" + (e == 1 ? "a loop" : e + " loops") + " of " + k + " covariance edge"
                    + (k.equals("1") ? "" : "s") + ": tr " + cov.name() + (k.equals("1") ? "" : "^" + k) + " = " + cov.rows() + " " + name + ")");
        });
        return String.join(", ", parts);
    }

    private static List<String> letterNames(Diagram d) {
        List<String> names = new ArrayList<>();
        int p = 0;
        for (String part : d.wordText().substring(3, d.wordText().length() - 1).split(" ")) names.add(part + "_" + p++);
        return names;
    }

    private static String exponentText(DiagramClass c, List<String> symbols) {
        StringBuilder sb = new StringBuilder();
        for (String s : symbols) sb.append(sb.length() == 0 ? "" : ", ").append(s).append(' ').append(c.monomial().exponent(s));
        return sb.toString();
    }

    public static void dot(Writer out, DiagramClass c) {
        DOTExporter<IndexClass, LetterEdge> ex = new DOTExporter<>(v -> v.toString());
        ex.setGraphIdProvider(() -> "\"" + c.id() + "\"");
        ex.setVertexAttributeProvider(v -> {
            Map<String, org.jgrapht.nio.Attribute> a = new LinkedHashMap<>();
            a.put("label", DefaultAttribute.createAttribute(v.toString()));
            a.put("shape", DefaultAttribute.createAttribute(v.data() ? "box" : "circle"));
            if (v.data()) a.put("style", DefaultAttribute.createAttribute("filled"));
            return a;
        });
        ex.setEdgeAttributeProvider(e -> {
            Map<String, org.jgrapht.nio.Attribute> a = new LinkedHashMap<>();
            a.put("label", DefaultAttribute.createAttribute(e.toString()));
            return a;
        });
        ex.exportGraph(c.representative().graph(), out);
    }

    /** A standalone LaTeX document drawing the graph on a circle (data vertices as squares). */
    public static void tikz(Writer out, DiagramClass c, List<String> symbols) {
        PrintWriter w = new PrintWriter(out);
        Graph<IndexClass, LetterEdge> g = c.representative().graph();
        List<IndexClass> vs = new ArrayList<>(g.vertexSet());
        w.println("\\documentclass[tikz,border=4pt]{standalone}");
        w.println("\\begin{document}");
        w.println("\\begin{tikzpicture}[idx/.style={circle,draw,minimum size=7mm,inner sep=1pt},"
                + "data/.style={rectangle,draw,fill=gray!25,minimum size=7mm,inner sep=1pt},>=stealth]");
        int n = vs.size();
        for (int i = 0; i < n; i++) {
            double angle = 90 + 360.0 * i / Math.max(1, n);
            IndexClass v = vs.get(i);
            w.printf(java.util.Locale.ROOT, "  \\node[%s] (v%d) at (%.1f:2.8cm) {$%s_{%d}$};%n", v.data() ? "data" : "idx", v.id(), angle, v.size(), v.id());
        }
        // parallel edges (paired letters) as one bundle: bent apart, one label naming all its letters
        Map<String, List<LetterEdge>> bundles = new LinkedHashMap<>();
        for (LetterEdge e : g.edgeSet()) {
            int a = g.getEdgeSource(e).id();
            int b = g.getEdgeTarget(e).id();
            bundles.computeIfAbsent(Math.min(a, b) + "-" + Math.max(a, b), k -> new ArrayList<>()).add(e);
        }
        for (List<LetterEdge> bundle : bundles.values()) {
            List<String> names = new ArrayList<>();
            for (LetterEdge e : bundle) {
                names.add(e.letter().matrix().name() + "_{" + e.position() + (e.inserted() ? "," + e.partner() : "") + "}");
            }
            for (int k = 0; k < bundle.size(); k++) {
                LetterEdge e = bundle.get(k);
                IndexClass a = g.getEdgeSource(e);
                IndexClass b = g.getEdgeTarget(e);
                String label = k == 0 ? "node[font=\\scriptsize,auto,sloped] {$" + String.join(",", names) + "$}" : "";
                if (a.equals(b)) {
                    w.printf("  \\draw[->] (v%d) to[loop,looseness=8,in=%d,out=%d] %s (v%d);%n", a.id(), 60 + 40 * k, 120 + 40 * k, label, b.id());
                } else {
                    int bend = (int) Math.round(10 * (k - (bundle.size() - 1) / 2.0));
                    w.printf("  \\draw[->] (v%d) to[bend left=%d] %s (v%d);%n", a.id(), bend, label, b.id());
                }
            }
        }
        w.printf("  \\node[below=3.4cm,align=center,font=\\small] at (0,0) {%s: $%s\\,%s$, multiplicity %d};%n", c.id(),
                PolynomialFormat.latexRational(c.coefficient()), PolynomialFormat.latexMonomial(c.monomial(), symbols), c.multiplicity());
        w.println("\\end{tikzpicture}");
        w.println("\\end{document}");
        w.flush();
    }

    public static ObjectNode jsonNode(DiagramClass c, List<String> symbols) {
        ObjectNode o = JSON.createObjectNode();
        Diagram d = c.representative();
        o.put("id", c.id());
        o.put("coef", PolynomialFormat.fraction(c.coefficient()));
        CoefficientsReport.putExponents(o, c.monomial(), symbols);
        o.put("multiplicity", c.multiplicity());
        o.put("word", d.wordText());
        o.put("wordCoef", d.wordCoefficient().toString());
        ArrayNode pairs = o.putArray("pairs");
        for (int[] p : d.pairs()) pairs.addArray().add(p[0]).add(p[1]);
        Graph<IndexClass, LetterEdge> g = d.graph();
        ArrayNode vs = o.putArray("vertices");
        for (IndexClass v : g.vertexSet()) vs.addObject().put("id", v.id()).put("size", v.size()).put("data", v.data());
        ArrayNode es = o.putArray("edges");
        for (LetterEdge e : g.edgeSet()) {
            ObjectNode edge = es.addObject().put("letter", e.position()).put("matrix", e.letter().matrix().name())
                    .put("transposed", e.letter().transposed()).put("from", g.getEdgeSource(e).id()).put("to", g.getEdgeTarget(e).id());
            if (e.inserted()) edge.put("inserted", true).put("partner", e.partner()); // the C a pair of data letters inserts
        }
        return o;
    }

    public static void json(Writer out, DiagramClass c, List<String> symbols) throws IOException {
        CoefficientsReport.writeJson(out, jsonNode(c, symbols));
    }
}
