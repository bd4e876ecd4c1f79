package org.prism.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.geometry.AffineEquation;
import org.prism.geometry.Face;
import org.prism.geometry.IntVector;
import org.prism.regime.DerivedPrism;
import org.prism.regime.FamilyPolytope;
import org.prism.regime.LeadingScale;
import org.prism.regime.LeadingTerm;
import org.prism.regime.ParetoTerms;
import org.prism.regime.Regime;
import org.prism.regime.ScalingRelation;

/** Writes the derived per-order polytope and its regimes as text, JSON, TikZ or LaTeX tables. */
public final class PrismReport {
    /**
     * A leading term's coefficient: a number, or, for terms that differ only in a covariance's moments, the polynomial in
     * the moments that multiplies their common powers of the other symbols (else the terms themselves).
     */
    private static String coefficientLatex(LeadingTerm t, List<String> symbols) {
        if (t.terms().terms().size() == 1) return PolynomialFormat.latexRational(t.coefficient());
        Map<Monomial, Rational> moments = new TreeMap<>();
        Monomial base = null;
        for (Map.Entry<Monomial, Rational> e : t.terms().terms().entrySet()) {
            Map<String, Integer> own = new TreeMap<>();
            Map<String, Integer> rest = new TreeMap<>();
            e.getKey().exponents().forEach((k, v) -> (symbols.contains(k) ? own : rest).put(k, v));
            Monomial b = Monomial.of(own);
            if (base != null && !base.equals(b)) return PolynomialFormat.latex(t.terms(), symbols);
            base = b;
            moments.merge(Monomial.of(rest), e.getValue(), Rational::add);
        }
        return "(" + PolynomialFormat.latex(Polynomial.of(moments), List.of()) + ")";
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private PrismReport() {}

    /** The dominance rule in words, e.g. "same power of sigma, powers of d, m, n maximal". */
    public static String dominance(DerivedPrism d) {
        List<String> v = d.varianceSymbols();
        return (v.isEmpty() ? "" : "same power" + (v.size() > 1 ? "s" : "") + " of " + String.join(", ", v) + ", ")
                + "powers of " + String.join(", ", d.sizes()) + " maximal";
    }

    /** The derivation, step by step, for people. */
    public static void text(Writer out, DerivedPrism d) {
        PrintWriter w = new PrintWriter(out);
        List<String> sym = d.space().symbols();
        w.printf("Regime polytope of the %s loss, derived from c_0..c_%d (exponents in %s)%n%n", d.loss(), d.pareto().size() - 1, String.join(", ", sym));
        w.println("Pareto-maximal terms per order (" + dominance(d) + "):");
        for (ParetoTerms p : d.pareto()) {
            w.printf("  c_%d: %3d Pareto terms, Newton polytope N_%d: %d vertices, dim %d%s%n", p.order(), p.terms().size(), p.order(),
                    d.newton().get(p.order()).vertices().size(), d.newton().get(p.order()).dimension(),
                    p.sameBeforeCancellation() ? "" : "  (a leading family cancels!)");
        }
        w.println("  no Pareto term cancels: " + d.pareto().stream().allMatch(ParetoTerms::sameBeforeCancellation));
        String relations = relationsText(d);
        w.println("  every Pareto exponent satisfies: " + (relations.isBlank() ? "no affine relation (they span the exponent space)" : relations));
        w.println();
        derivationText(w, d);
        w.println("Vertices of P (diagram families: what " + (d.period() == 1 ? "one more order multiplies" : d.period() + " more orders multiply")
                + " a leading term by):");
        for (IntVector v : d.perOrder().vertices()) w.printf("  %-16s exponent %s%n", d.familyName(v), d.space().exponents(v));
        w.println();
        if (d.perOrder().dimension() == 0) w.println(POINT);
        for (int dim = d.perOrder().dimension() - 1; dim >= 0; dim--) {
            w.println(faceHeading(dim, d.perOrder().dimension()) + ":");
            for (Regime r : d.regimes(dim)) {
                w.printf("  %-34s {%s}%n", d.label(r), String.join(", ", r.families()));
                w.printf("      scaling: %s%n", r.relationsText());
                w.printf("      T = %s, loss scale %s, change scale %s%n", r.timescale(), r.lossScale(), r.normalisation());
                if (!r.statement().isEmpty()) w.printf("      %s%n", r.statement());
            }
        }
        w.flush();
    }

    /** "Facets (regimes)", "2-faces", "Edges", "Vertices": the heading of the faces of one dimension. */
    static String faceHeading(int dim, int polytopeDim) {
        String what = dim == 0 ? "Vertices" : dim == 1 ? "Edges" : dim + "-faces";
        return dim == polytopeDim - 1 ? what + " (facets: the regimes)" : what;
    }

    /** How P was found and whether c_0..c_S settle it: steps, then the verdict with every unsettled direction. */
    static void derivationText(PrintWriter w, DerivedPrism d) {
        FamilyPolytope.Derivation f = d.families();
        int k = d.period();
        int top = d.maxOrder();
        w.println(k == 1 ? "Per-order polytope P (h_P(u) = lim h_{N_{s+1}}(u) - h_{N_s}(u): what one more order multiplies a leading term by):"
                : "Polytope P of " + k + " orders (h_P(u) = lim h_{N_{s+" + k + "}}(u) - h_{N_s}(u); one order alone alternates between two offsets):");
        List<String> fam = new ArrayList<>();
        for (IntVector v : d.perOrder().vertices()) fam.add(d.familyName(v));
        w.printf("  families (vertex chains of N_%d, N_%d, N_%d): %s%n", Math.max(0, top - 2 * k), top - k, top, String.join(", ", fam));
        for (FamilyPolytope.Step s : f.steps()) {
            w.printf("  order %d -> %d: %s%n", s.from(), s.to(), s.exact() ? "N_" + s.to() + " = N_" + s.from() + " + P"
                    : s.bounded() ? "N_" + s.to() + " inside N_" + s.from() + " + P (families enter at different orders)"
                    : "N_" + s.to() + " NOT inside N_" + s.from() + " + P");
        }
        int[] fv = d.perOrder().fVector();
        w.printf("  P: %d vertices, %d edges, %d 2-faces (dim %d)%n", d.perOrder().vertices().size(), fv.length > 1 ? fv[1] : 0,
                fv.length > 2 ? fv[2] : 0, d.perOrder().dimension());
        if (f.settled()) {
            w.printf("  settled by c_0..c_%d: every step stays inside N_s + P and every family leads with its own growth%s%n", top,
                    f.exactFrom() >= 0 ? "; exact Minkowski steps from order " + f.exactFrom() + " on" : "");
            if (!f.lagging().isEmpty()) {
                w.printf("  %d face%s not reached yet (at the centre of %s normal cone c_%d/c_%d grows less than P says; the face's limit needs"
                        + " more orders):%n", f.lagging().size(), f.lagging().size() == 1 ? "" : "s", f.lagging().size() == 1 ? "its" : "their",
                        top, top - k);
                directionLines(w, d, f.lagging());
            }
        } else {
            w.printf("  NOT settled by c_0..c_%d (%d direction%s); the regimes below are read off this P, not derived:%n", top,
                    f.unsettled().size(), f.unsettled().size() == 1 ? "" : "s");
            directionLines(w, d, f.unsettled());
        }
        w.println();
    }

    /** One line per direction, the first eight. */
    private static void directionLines(PrintWriter w, DerivedPrism d, List<FamilyPolytope.Unsettled> directions) {
        for (int i = 0; i < Math.min(8, directions.size()); i++) w.println("    " + unsettledText(d, directions.get(i)));
        if (directions.size() > 8) w.printf("    ... and %d more (--format json lists them all)%n", directions.size() - 8);
    }

    /** One unsettled direction in words. */
    public static String unsettledText(DerivedPrism d, FamilyPolytope.Unsettled u) {
        String where = "along " + direction(d, u.direction()) + " (" + faceText(d, u.face()) + ")";
        int k = d.period();
        return switch (u.kind()) {
            case OUTGROWN -> where + ": c_" + u.atOrder() + "/c_" + (u.atOrder() - k) + " grows N^" + u.grown() + ", faster than any family (N^"
                    + u.expected() + "): a family is missing; order " + u.settleBy() + " would show more";
            case NOT_REACHED -> where + ": c_" + u.atOrder() + "/c_" + (u.atOrder() - k) + " grows N^" + u.grown() + ", not yet N^" + u.expected()
                    + "; the chains of its families lead from about order " + u.settleBy();
            case UNWITNESSED -> where + ": this family leads nowhere yet with its own growth N^" + u.expected() + " (c_" + u.atOrder()
                    + "/c_" + (u.atOrder() - k) + " grows N^" + u.grown() + " at its centre): its chain is the only evidence; if it is a family"
                    + " it leads from about order " + u.settleBy();
            case NO_CHAIN -> "no family recurs over two steps in c_0..c_" + u.atOrder() + " (P is the last step's increments); order "
                    + u.settleBy() + " or more would settle it";
        };
    }

    /** A functional as a scaling, e.g. {@code d=N^2, n=N^-1} (zero powers left out). */
    public static String direction(DerivedPrism d, IntVector u) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < u.dimension(); i++) {
            if (u.get(i) != 0) parts.add(d.space().symbols().get(i) + "=N" + (u.get(i) == 1 ? "" : "^" + u.get(i)));
        }
        return parts.isEmpty() ? "every scaling" : String.join(", ", parts);
    }

    /** A face by its label when it is a regime of d, else by its families. */
    public static String faceText(DerivedPrism d, Face face) {
        for (Regime r : d.regimes()) if (r.face().vertices().equals(face.vertices())) return d.label(r) + " {" + String.join(", ", r.families()) + "}";
        List<String> fam = new ArrayList<>();
        for (IntVector v : face.vertices()) fam.add(d.familyName(v));
        return "{" + String.join(", ", fam) + "}";
    }

    public static String relationsText(DerivedPrism d) {
        List<String> parts = new ArrayList<>();
        for (AffineEquation e : d.paretoRelations()) parts.add(equationText(e, d.space().symbols()));
        return String.join("; ", parts);
    }

    /**
     * E.g. {@code d + m + n - sigma/2 = 1}: the equation divided by its largest coefficient, with
     * the sign that makes the constant nonnegative.
     */
    static String equationText(AffineEquation e, List<String> symbols) {
        long[] c = e.normal().coordinates();
        long unit = 0;
        for (long x : c) unit = Math.max(unit, Math.abs(x));
        if (e.constant() < 0) unit = -unit;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.length; i++) {
            if (c[i] == 0) continue;
            Rational r = Rational.of(c[i], unit);
            Rational a = r.signum() < 0 ? r.negate() : r;
            String term = a.isInteger() ? (a.equals(Rational.ONE) ? "" : a + "*") + symbols.get(i)
                    : a.numerator().equals(BigInteger.ONE) ? symbols.get(i) + "/" + a.denominator() : a + "*" + symbols.get(i);
            if (sb.length() == 0) {
                sb.append(r.signum() < 0 ? "-" : "").append(term);
            } else {
                sb.append(r.signum() < 0 ? " - " : " + ").append(term);
            }
        }
        return sb + " = " + Rational.of(e.constant(), unit);
    }

    public static ObjectNode json(DerivedPrism d) {
        ObjectNode root = JSON.createObjectNode();
        root.put("loss", d.loss());
        root.put("maxOrder", d.pareto().size() - 1);
        root.put("consistent", d.settled());
        root.put("settled", d.settled());
        root.put("period", d.period());
        root.put("exactFrom", d.families().exactFrom());
        directionsJson(root.putArray("unsettled"), d, d.families().unsettled(), "settleBy");
        directionsJson(root.putArray("lagging"), d, d.families().lagging(), "reachedBy");
        root.put("paretoRelation", relationsText(d));
        ArrayNode vs = root.putArray("vertices");
        for (IntVector v : d.perOrder().vertices()) {
            ObjectNode o = vs.addObject();
            o.put("name", d.familyName(v));
            o.put("monomial", d.space().root() == 1 ? d.space().monomial(v).toString() : d.space().ratio(v));
            ObjectNode e = o.putObject("exponent");
            for (int i = 0; i < d.space().dimension(); i++) {
                Rational x = d.space().exponent(v, i);
                if (x.isInteger()) {
                    e.put(d.space().symbols().get(i), x.numerator().longValueExact());
                } else {
                    e.put(d.space().symbols().get(i), x.toString()); // a fractional power (a growing spectrum): "p/q"
                }
            }
        }
        ArrayNode fs = root.putArray("faces");
        for (Regime r : d.regimes()) fs.add(regimeJson(r));
        return root;
    }

    /** Unsettled or lagging directions as JSON objects; {@code orderKey} names the order that would settle or reach them. */
    private static void directionsJson(ArrayNode out, DerivedPrism d, List<FamilyPolytope.Unsettled> directions, String orderKey) {
        for (FamilyPolytope.Unsettled u : directions) {
            ObjectNode o = out.addObject();
            o.put("kind", u.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            ObjectNode dir = o.putObject("direction");
            for (int i = 0; i < d.space().dimension(); i++) dir.put(d.space().symbols().get(i), u.direction().get(i));
            ArrayNode fam = o.putArray("face");
            for (IntVector v : u.face().vertices()) fam.add(d.familyName(v));
            o.put("order", u.atOrder());
            o.put("growth", u.grown());
            o.put("expected", u.expected());
            o.put(orderKey, u.settleBy());
            o.put("text", unsettledText(d, u));
        }
    }

    static ObjectNode regimeJson(Regime r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("dim", r.dimension());
        ArrayNode vn = o.putArray("vertices");
        r.families().forEach(vn::add);
        o.put("regime", r.name());
        o.put("scaling", r.relationsText());
        o.put("timescale", r.timescale());
        o.put("normalisation", r.normalisation());
        o.put("lossScale", r.lossScale());
        ArrayNode lt = o.putArray("lossScaleTerms");
        for (LeadingScale.Piece p : r.loss().pieces()) lt.add(p.terms().toString());
        o.put("statement", r.statement());
        ArrayNode rel = o.putArray("relations");
        for (ScalingRelation s : r.relations()) {
            rel.addObject().put("name", s.name()).put("ratio", s.ratio()).put("behaviour", s.behaviour().text());
        }
        return o;
    }

    public static void json(Writer out, DerivedPrism d) throws IOException {
        CoefficientsReport.writeJson(out, json(d));
    }

    /** {"loss":..,"regimes":[{"dim":..,"regime":..,"vertices":[..],"scaling":..,...}]}. */
    public static void regimesJson(Writer out, DerivedPrism d) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("loss", d.loss());
        ArrayNode rs = root.putArray("regimes");
        for (Regime r : d.regimes()) rs.add(regimeJson(r));
        CoefficientsReport.writeJson(out, root);
    }

    /** What a per-order polytope of one point means. */
    private static final String POINT = "P is a single point: one diagram family leads at every scaling, so there is one regime and no face to name.";

    public static void regimesText(Writer out, DerivedPrism d) {
        PrintWriter w = new PrintWriter(out);
        if (!d.settled()) {
            w.printf("# NOT settled by c_0..c_%d: these faces are read off an unsettled P (prism prism says why)%n", d.maxOrder());
        }
        int width = Math.max(20, d.regimes().stream().mapToInt(r -> d.label(r).length()).max().orElse(0) + 2);
        int lossWidth = Math.max(12, d.regimes().stream().mapToInt(r -> r.lossScale().length()).max().orElse(0) + 2);
        int changeWidth = Math.max(14, d.regimes().stream().mapToInt(r -> r.normalisation().length()).max().orElse(0) + 2);
        String row = "%-4s %-" + width + "s %-16s %-" + lossWidth + "s %-" + changeWidth + "s %s%n";
        w.printf(row, "dim", "regime", "T", "loss scale", "change scale", "scaling relations");
        boolean lagging = false;
        for (Regime r : d.regimes()) {
            boolean lag = d.families().lag(r.face()).isPresent();
            lagging |= lag;
            w.printf(row, r.dimension(), d.label(r) + (lag ? "*" : ""), r.timescale(), r.lossScale(), r.normalisation(), r.relationsText());
        }
        if (d.perOrder().dimension() == 0) w.println(POINT);
        if (lagging) {
            w.printf("* not reached by c_0..c_%d: along this face's scalings c_%d/c_%d still grows less than T says (prism prism lists when it"
                    + " will); its time scale is the asymptotic one%n", d.maxOrder(), d.maxOrder(), d.maxOrder() - d.period());
        }
        List<Regime> named = d.regimes(d.perOrder().dimension() - 1).stream().filter(r -> r.name() != null).toList();
        if (!named.isEmpty()) w.println(); // unnamed faces are described by their scaling relations above
        for (Regime r : named) w.printf("%-14s families {%s}: %s%n", r.name(), String.join(", ", r.families()), r.statement());
        w.flush();
    }

    /** A booktabs table of the regimes (2-faces by default, or every face). */
    public static void regimesLatex(Writer out, DerivedPrism d, boolean allFaces) {
        PrintWriter w = new PrintWriter(out);
        w.println("% Regimes derived by prism from c_0..c_" + (d.pareto().size() - 1) + " of the " + d.loss() + " loss");
        w.println("\\begin{tabular}{lllllll}");
        w.println("\\toprule");
        w.println("dim & regime & families & scaling & $T$ & loss scale & change scale \\\\");
        w.println("\\midrule");
        for (Regime r : d.regimes()) {
            if (!allFaces && r.dimension() != d.perOrder().dimension() - 1) continue;
            List<String> fam = new ArrayList<>();
            for (IntVector v : r.face().vertices()) fam.add("$" + PolynomialFormat.latexRatio(d.space().symbols(), v) + "$");
            List<String> rel = new ArrayList<>();
            for (ScalingRelation s : r.relations()) rel.add("$" + latexName(s) + "$ " + latexBehaviour(s.behaviour()));
            w.printf("%d & %s & %s & %s & %s & %s & %s \\\\%n", r.dimension(), d.label(r).replace("∩", "$\\cap$").replace("(unnamed)", "--"),
                    String.join(", ", fam), String.join(", ", rel), "$" + latexMonomialText(r.timescale()) + "$",
                    latexScale(r.lossScale()), latexScale(r.normalisation()));
        }
        w.println("\\bottomrule");
        w.println("\\end{tabular}");
        w.flush();
    }

    private static String latexName(ScalingRelation s) {
        if (s.name() == null) return latexMonomialText(s.ratio());
        return switch (s.name()) {
            case "gamma" -> "\\gamma";
            case "a0" -> "a_0";
            default -> s.name();
        };
    }

    private static String latexBehaviour(ScalingRelation.Behaviour b) {
        return switch (b) {
            case FIXED -> "fixed";
            case TO_INFINITY -> "$\\to\\infty$";
            case TO_ZERO -> "$\\to 0$";
            case EITHER -> "free";
        };
    }

    /** A scale in LaTeX; "varies: a | b" becomes "$a$ or $b$". */
    private static String latexScale(String scale) {
        if (scale.isEmpty()) return "";
        String body = scale.startsWith("varies: ") ? scale.substring("varies: ".length()) : scale;
        List<String> parts = new ArrayList<>();
        for (String p : body.split(" \\| ")) parts.add("$" + latexMonomialText(p) + "$");
        return String.join(" or ", parts);
    }

    /** "sigma^2*d*(sigma^2*m)^2" -> "\sigma^{2} d (\sigma^{2} m)^{2}". */
    static String latexMonomialText(String s) {
        return s.replace("sigma", "\\sigma").replace("lambda", "\\lambda").replace("eps", "\\varepsilon").replaceAll("\\^(-?\\d+)", "^{$1}").replace("*", " ");
    }

    /** Booktabs tables: Newton polytopes per order, and the Pareto terms of the first orders. */
    public static void paretoLatex(Writer out, DerivedPrism d, int fullUpTo) {
        PrintWriter w = new PrintWriter(out);
        List<String> sym = d.space().symbols();
        w.println("% Pareto-maximal terms of c_s (" + d.loss() + " loss), derived by prism");
        w.println("\\begin{tabular}{rrrl}");
        w.println("\\toprule");
        w.println("$s$ & Pareto terms & vertices of $N_s$ & vertices of $N_s$ (monomials) \\\\");
        w.println("\\midrule");
        for (ParetoTerms p : d.pareto()) {
            List<String> verts = new ArrayList<>();
            for (IntVector v : d.newton().get(p.order()).vertices()) verts.add("$" + PolynomialFormat.latexRatio(d.space().symbols(), v) + "$");
            w.printf("%d & %d & %d & %s \\\\%n", p.order(), p.terms().size(), verts.size(), String.join(", ", verts));
        }
        w.println("\\bottomrule");
        w.println("\\end{tabular}");
        w.println();
        w.println("\\begin{tabular}{r" + "r".repeat(sym.size()) + "rr}");
        w.println("\\toprule");
        StringBuilder head = new StringBuilder("$s$");
        for (String s : sym) head.append(" & $").append(PolynomialFormat.latexSymbol(s)).append("$");
        w.println(head + " & coefficient & pairings \\\\");
        for (ParetoTerms p : d.pareto()) {
            if (p.order() > fullUpTo) break;
            w.println("\\midrule");
            List<LeadingTerm> terms = new ArrayList<>(p.terms());
            terms.sort(Comparator.comparing(LeadingTerm::exponent));
            for (LeadingTerm t : terms) {
                StringBuilder row = new StringBuilder().append(p.order());
                for (int i = 0; i < sym.size(); i++) row.append(" & ").append(d.space().exponent(t.exponent(), i));
                row.append(" & $").append(coefficientLatex(t, sym)).append("$ & ").append(t.pairings());
                w.println(row + " \\\\");
            }
        }
        w.println("\\bottomrule");
        w.println("\\end{tabular}");
        w.flush();
    }

    /**
     * A standalone LaTeX document drawing P: for dimension at most 3 with labelled vertices and shaded, named
     * 2-faces; beyond, its face lattice ({@link PolytopeFigure}).
     */
    public static void tikz(Writer out, DerivedPrism d) {
        if (PolytopeFigure.isLattice(d)) {
            PolytopeFigure.of(d).tikz(out);
            return;
        }
        PrintWriter w = new PrintWriter(out);
        List<IntVector> vs = d.perOrder().vertices();
        double[][] xy = layout(vs);
        String[] colours = {"red", "blue", "green!60!black", "orange", "violet", "teal", "brown"};
        w.println("\\documentclass[tikz,border=6pt]{standalone}");
        w.println("\\begin{document}");
        w.println("\\begin{tikzpicture}[scale=1.2,v/.style={circle,fill=black,inner sep=1.4pt},lab/.style={font=\\small}]");
        int k = 0;
        List<double[]> labels = new ArrayList<>();
        for (Regime r : d.regimes(d.perOrder().dimension() - 1)) {
            List<Integer> idx = new ArrayList<>();
            for (IntVector v : r.face().vertices()) idx.add(vs.indexOf(v));
            double cx = 0;
            double cy = 0;
            for (int i : idx) {
                cx += xy[i][0] / idx.size();
                cy += xy[i][1] / idx.size();
            }
            final double fx = cx;
            final double fy = cy;
            idx.sort(Comparator.comparingDouble(i -> Math.atan2(xy[i][1] - fy, xy[i][0] - fx)));
            // faces seen through each other: move a label that would sit on an earlier one
            for (double[] l : labels) {
                if (Math.abs(l[0] - cx) < 1.6 && Math.abs(l[1] - cy) < 0.35) cy -= 0.45;
            }
            labels.add(new double[] {cx, cy});
            StringBuilder path = new StringBuilder();
            for (int i : idx) path.append(String.format(Locale.ROOT, "(%.3f,%.3f) -- ", xy[i][0], xy[i][1]));
            String c = colours[k++ % colours.length];
            w.printf("  \\fill[%s,opacity=0.12] %scycle;%n", c, path);
            w.printf(Locale.ROOT, "  \\node[lab,text=%s,align=center] at (%.3f,%.3f) {%s};%n", c, cx, cy, d.label(r));
        }
        for (var e : d.perOrder().faces(1)) {
            int a = vs.indexOf(e.vertices().get(0));
            int b = vs.indexOf(e.vertices().get(1));
            w.printf(Locale.ROOT, "  \\draw[thick] (%.3f,%.3f) -- (%.3f,%.3f);%n", xy[a][0], xy[a][1], xy[b][0], xy[b][1]);
        }
        for (int i = 0; i < vs.size(); i++) {
            w.printf(Locale.ROOT, "  \\node[v,label={[lab]%s:$%s$}] at (%.3f,%.3f) {};%n", xy[i][1] >= 2 ? "above" : "below",
                    PolynomialFormat.latexRatio(d.space().symbols(), vs.get(i)), xy[i][0], xy[i][1]);
        }
        w.println("\\end{tikzpicture}");
        w.println("\\end{document}");
        w.flush();
    }

    /**
     * Three coordinates on which the vertices are affinely independent, and the oblique view among
     * a few that separates the projected vertices best (largest least distance over extent).
     */
    static double[][] layout(List<IntVector> vs) {
        int n = vs.get(0).dimension();
        double[][] best = null;
        double bestScore = -1;
        double[][] views = {{1.0, 0.45, 0.35}, {1.0, -0.45, 0.35}, {0.5, 0.8, 0.3}};
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                for (int c = 0; c < n; c++) {
                    if (a == b || b == c || a == c || !rank3(vs, new int[] {a, b, c})) continue;
                    for (double[] view : views) {
                        double[][] xy = new double[vs.size()][];
                        for (int i = 0; i < vs.size(); i++) {
                            double x = vs.get(i).get(a);
                            double y = vs.get(i).get(b);
                            double z = vs.get(i).get(c);
                            xy[i] = new double[] {x + view[1] * z, y * view[0] + view[2] * z};
                        }
                        double score = spread(xy);
                        if (score > bestScore + 1e-9) {
                            bestScore = score;
                            best = xy;
                        }
                    }
                }
            }
        }
        if (best == null) best = planarLayout(vs); // P of dimension 1 or 2: a projection on two coordinates
        return normalise(best);
    }

    /** The projection on the pair of coordinates that spreads the vertices best (any polytope). */
    private static double[][] planarLayout(List<IntVector> vs) {
        int n = vs.get(0).dimension();
        double[][] best = null;
        double bestScore = -1;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a == b) continue;
                double[][] xy = new double[vs.size()][];
                for (int i = 0; i < vs.size(); i++) xy[i] = new double[] {vs.get(i).get(a), vs.get(i).get(b)};
                double score = spread(xy);
                if (score > bestScore + 1e-9) {
                    bestScore = score;
                    best = xy;
                }
            }
        }
        return best;
    }

    private static boolean rank3(List<IntVector> vs, int[] ax) {
        IntVector o = vs.get(0);
        for (int i = 1; i < vs.size(); i++) {
            for (int j = i + 1; j < vs.size(); j++) {
                for (int k = j + 1; k < vs.size(); k++) {
                    long[][] m = new long[3][3];
                    IntVector[] p = {vs.get(i), vs.get(j), vs.get(k)};
                    for (int r = 0; r < 3; r++) for (int c = 0; c < 3; c++) m[r][c] = p[r].get(ax[c]) - o.get(ax[c]);
                    long det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
                    if (det != 0) return true;
                }
            }
        }
        return false;
    }

    private static double spread(double[][] xy) {
        double min = Double.MAX_VALUE;
        double ext = 0;
        for (int i = 0; i < xy.length; i++) {
            for (int j = i + 1; j < xy.length; j++) {
                double dd = Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]);
                min = Math.min(min, dd);
                ext = Math.max(ext, dd);
            }
        }
        return ext == 0 ? 0 : min / ext;
    }

    /** Scales the picture to about 5 x 4 units. */
    private static double[][] normalise(double[][] xy) {
        double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y0 = Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (double[] p : xy) {
            x0 = Math.min(x0, p[0]);
            x1 = Math.max(x1, p[0]);
            y0 = Math.min(y0, p[1]);
            y1 = Math.max(y1, p[1]);
        }
        double sx = 5 / Math.max(1e-9, x1 - x0);
        double sy = 4 / Math.max(1e-9, y1 - y0);
        double[][] out = new double[xy.length][];
        for (int i = 0; i < xy.length; i++) out[i] = new double[] {(xy[i][0] - x0) * sx, (xy[i][1] - y0) * sy};
        return out;
    }

}
