package org.prism.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Map;
import org.prism.algebra.Rational;
import org.prism.regime.Classification;
import org.prism.regime.DerivedPrism;

/** Writes the result of classifying a scaling. */
public final class ClassificationReport {
    private ClassificationReport() {}

    public static void text(Writer out, Classification c, DerivedPrism d) {
        PrintWriter w = new PrintWriter(out);
        StringBuilder sc = new StringBuilder();
        for (Map.Entry<String, Rational> e : c.scaling().exponents().entrySet()) {
            sc.append(sc.length() == 0 ? "" : ", ").append(e.getKey()).append(" = N^").append(e.getValue());
        }
        w.println("scaling      " + sc);
        if (c.interior()) {
            w.println("regime       none: the scaling is constant on the whole polytope (every family contributes; no limit simplifies)");
        } else {
            w.printf("regime       %s (a %d-face: {%s})%n", d.label(c.regime()), c.regime().dimension(),
                    String.join(", ", c.regime().families()));
            w.println("relations    " + c.regime().relationsText());
            if (!c.regime().statement().isEmpty()) w.println("limit        " + c.regime().statement());
        }
        int top = d.maxOrder();
        int k = d.period();
        w.printf("per order    x N^%s, so the time scale is T = N^%s (face: T = %s)%n", c.perOrderGrowth(), c.perOrderGrowth().negate(),
                c.interior() ? "-" : c.regime().timescale());
        String last = (k == 1 ? "c_" + top + "/c_" + (top - 1) : "(c_" + top + "/c_" + (top - k) + ")^(1/" + k + ")") + " grows N^" + c.stepGrowth();
        w.println("last step    " + last + (c.reached() ? ": reached" : ": NOT reached by c_0..c_" + top
                + " (slower families still lead along this scaling; the leading ones take over from about order " + c.reachedBy() + ")"));
        w.printf("loss scale   N^%s: c_0 leads with %s%n", c.lossGrowth(), PolynomialFormat.text(c.lossTerms(), d.space().symbols()));
        w.printf("c_%d leading  N^%s: %s%n", c.order(), c.leadingGrowth(), PolynomialFormat.text(c.leadingTerms(), d.space().symbols()));
        w.flush();
    }

    public static void json(Writer out, Classification c, DerivedPrism d) throws IOException {
        ObjectNode o = new ObjectMapper().createObjectNode();
        ObjectNode sc = o.putObject("scaling");
        c.scaling().exponents().forEach((k, v) -> sc.put(k, v.toString()));
        o.put("regime", c.interior() ? null : c.regime().name());
        o.put("dim", c.interior() ? d.perOrder().dimension() : c.regime().dimension());
        o.put("perOrderGrowth", c.perOrderGrowth().toString());
        o.put("timescale", "N^" + c.perOrderGrowth().negate());
        o.put("stepGrowth", c.stepGrowth().toString());
        o.put("reached", c.reached());
        o.put("reachedBy", c.reachedBy());
        o.put("settled", d.settled());
        o.put("lossScale", "N^" + c.lossGrowth());
        o.put("normalisation", PolynomialFormat.text(c.lossTerms(), d.space().symbols()));
        var growth = o.putArray("orderGrowth");
        c.orderGrowth().forEach(g -> growth.add(g.toString()));
        o.put("order", c.order());
        o.put("leadingGrowth", c.leadingGrowth().toString());
        o.put("leadingTerms", PolynomialFormat.text(c.leadingTerms(), d.space().symbols()));
        CoefficientsReport.writeJson(out, o);
    }
}
