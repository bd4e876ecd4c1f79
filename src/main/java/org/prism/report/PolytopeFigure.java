package org.prism.report;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processor;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.prism.geometry.Face;
import org.prism.geometry.FaceLattice;
import org.prism.geometry.IntVector;
import org.prism.regime.DerivedPrism;
import org.prism.regime.Regime;

/**
 * The picture of a derived regime polytope, laid out once and written as PNG (Java2D), SVG or PDF
 * (VectorGraphics2D), so the figures need no LaTeX installation. A polytope of dimension at most 3 is
 * drawn in the oblique projection of {@link PrismReport#tikz} (regimes shaded and named); one of dimension
 * 4 or more, which no projection shows readably, as its face lattice (a Hasse diagram): vertices (the
 * families) at the bottom, regimes (facets) at the top in colour, every face between as a dot joined to
 * the faces it covers, or, past {@link #MAX_LATTICE_FACES} faces, only families and regimes joined by
 * incidence. Nodes in each row are ordered by the barycentre of their neighbours (a few sweeps), and the
 * rows are spaced so that labels never overlap; wide rows turn their labels.
 */
public final class PolytopeFigure {
    /** Beyond this many proper faces only the vertices and the facets are drawn. */
    static final int MAX_LATTICE_FACES = 80;
    private static final Color[] COLOURS = {new Color(0xC0392B), new Color(0x2E5FA8), new Color(0x2E7D32), new Color(0xE67E22),
        new Color(0x7D3C98), new Color(0x138D90), new Color(0x8D6E63)};
    private static final Font FONT = new Font(Font.SERIF, Font.PLAIN, 13);
    private static final Font TITLE = new Font(Font.SERIF, Font.BOLD, 13);

    private record Node(double x, double y, String text, Color colour, boolean rotated, boolean above) {}

    private record Link(int a, int b, Color colour) {}

    private record Fill(List<double[]> points, Color colour, String label, double[] at) {}

    private final double width;
    private final double height;
    private final List<Node> nodes;
    private final List<Link> links;
    private final List<Fill> fills;
    private final String caption;

    private PolytopeFigure(double width, double height, List<Node> nodes, List<Link> links, List<Fill> fills, String caption) {
        this.width = width;
        this.height = height;
        this.nodes = nodes;
        this.links = links;
        this.fills = fills;
        this.caption = MathText.of(caption);
    }

    /** The figure of {@code d}'s polytope. */
    public static PolytopeFigure of(DerivedPrism d) {
        return d.perOrder().dimension() <= 3 ? projection(d) : lattice(d);
    }

    /** Whether the figure is a face lattice (dimension 4 or more) rather than a projection. */
    public static boolean isLattice(DerivedPrism d) {
        return d.perOrder().dimension() > 3;
    }

    private static double textWidth(String s) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = probe.createGraphics();
        FontMetrics m = g.getFontMetrics(FONT);
        double w = m.stringWidth(s);
        g.dispose();
        return w;
    }

    /** Dimension <= 3: the oblique projection of the TikZ picture, 110 px per unit. */
    private static PolytopeFigure projection(DerivedPrism d) {
        List<IntVector> vs = d.perOrder().vertices();
        double[][] xy = vs.size() == 1 ? new double[][] {{2.5, 2}} : PrismReport.layout(vs);
        double unit = 110;
        double margin = 90;
        double w = 5 * unit + 2 * margin;
        double h = 4 * unit + 2 * margin + 30;
        Function<double[], double[]> at = p -> new double[] {margin + p[0] * unit, h - margin - p[1] * unit};
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < vs.size(); i++) {
            double[] p = at.apply(xy[i]);
            nodes.add(new Node(p[0], p[1], MathText.of(d.familyName(vs.get(i))), Color.BLACK, false, xy[i][1] >= 2));
        }
        List<Link> links = new ArrayList<>();
        if (d.perOrder().dimension() >= 1) {
            for (Face e : d.perOrder().faces(1)) links.add(new Link(vs.indexOf(e.vertices().get(0)), vs.indexOf(e.vertices().get(1)), Color.BLACK));
        }
        List<Fill> fills = new ArrayList<>();
        if (d.perOrder().dimension() >= 2) {
            int k = 0;
            for (Regime r : d.regimes(d.perOrder().dimension() - 1)) {
                List<Integer> idx = new ArrayList<>();
                for (IntVector v : r.face().vertices()) idx.add(vs.indexOf(v));
                double cx = idx.stream().mapToDouble(i -> xy[i][0]).average().orElse(0);
                double cy = idx.stream().mapToDouble(i -> xy[i][1]).average().orElse(0);
                idx.sort(Comparator.comparingDouble(i -> Math.atan2(xy[i][1] - cy, xy[i][0] - cx)));
                List<double[]> pts = new ArrayList<>();
                for (int i : idx) pts.add(at.apply(xy[i]));
                fills.add(new Fill(pts, COLOURS[k++ % COLOURS.length], MathText.of(d.label(r)), at.apply(new double[] {cx, cy})));
            }
            spreadLabels(fills);
        }
        return new PolytopeFigure(w, h, nodes, links, fills, caption(d));
    }

    /** Faces seen through each other: move a label down when it would sit on an earlier one. */
    private static void spreadLabels(List<Fill> fills) {
        for (int i = 0; i < fills.size(); i++) {
            double[] p = fills.get(i).at();
            for (int j = 0; j < i; j++) {
                double[] q = fills.get(j).at();
                double wi = textWidth(fills.get(i).label());
                if (Math.abs(p[0] - q[0]) < wi && Math.abs(p[1] - q[1]) < 18) p[1] = q[1] + 20;
            }
        }
    }

    /** Dimension >= 4: the Hasse diagram, rows by dimension (or vertices and facets only when large). */
    private static PolytopeFigure lattice(DerivedPrism d) {
        FaceLattice lattice = d.perOrder().faceLattice();
        int top = d.perOrder().dimension() - 1;
        int proper = lattice.size() - 1;
        List<Integer> rows = new ArrayList<>();
        for (int dim = 0; dim <= top; dim++) if (proper <= MAX_LATTICE_FACES || dim == 0 || dim == top) rows.add(dim);
        List<List<Face>> faces = new ArrayList<>();
        for (int dim : rows) faces.add(new ArrayList<>(lattice.faces(dim)));
        // barycentric ordering: up from the vertices, then down again, twice
        Map<List<Integer>, Double> pos = new HashMap<>();
        placeInOrder(faces.get(0), pos);
        for (int sweep = 0; sweep < 2; sweep++) {
            for (int r = 1; r < faces.size(); r++) order(faces.get(r), faces.get(r - 1), pos);
            for (int r = faces.size() - 2; r >= 0; r--) order(faces.get(r), faces.get(r + 1), pos);
        }
        for (int r = 1; r < faces.size(); r++) order(faces.get(r), faces.get(r - 1), pos);
        // labels: families under the bottom row, regimes over the top row; rows between unlabelled
        Map<List<Integer>, String> regimeLabels = new HashMap<>();
        Map<List<Integer>, Color> colours = new HashMap<>();
        int k = 0;
        for (Regime r : d.regimes(top)) {
            regimeLabels.put(r.face().vertexIndices(), d.label(r));
            colours.put(r.face().vertexIndices(), COLOURS[k++ % COLOURS.length]);
        }
        List<String> bottom = faces.get(0).stream().map(f -> MathText.of(d.familyName(f.vertices().get(0)))).toList();
        double bottomWidest = bottom.stream().mapToDouble(PolytopeFigure::textWidth).max().orElse(0);
        double topWidest = faces.get(faces.size() - 1).stream().mapToDouble(f -> textWidth(regimeLabels.getOrDefault(f.vertexIndices(), "")))
                .max().orElse(0);
        int widestRow = faces.stream().mapToInt(List::size).max().orElse(1);
        boolean turn = (bottomWidest + 14) * faces.get(0).size() > 1100;
        double step = Math.max(turn ? 26 : bottomWidest + 14, Math.max(topWidest + 14, 22));
        step = Math.max(step, Math.min(60, 1100.0 / widestRow));
        double rowWidth = widestRow * step;
        double margin = 40;
        double below = turn ? bottomWidest * 0.75 + 30 : 40;
        double rowGap = rows.size() > 2 ? 95 : 230;
        double w = rowWidth + 2 * margin + (turn ? bottomWidest * 0.72 : 0); // turned labels run down to the right
        double h = margin + 40 + rowGap * (rows.size() - 1) + below + 40;
        List<Node> nodes = new ArrayList<>();
        Map<List<Integer>, Integer> index = new HashMap<>();
        for (int r = 0; r < faces.size(); r++) {
            List<Face> row = faces.get(r);
            double y = h - 40 - below - r * rowGap;
            double x0 = margin + (rowWidth - row.size() * step) / 2 + step / 2;
            for (int i = 0; i < row.size(); i++) {
                Face f = row.get(i);
                String text = r == 0 ? bottom.get(i) : regimeLabels.getOrDefault(f.vertexIndices(), "");
                Color c = colours.getOrDefault(f.vertexIndices(), r == 0 ? Color.BLACK : Color.GRAY);
                index.put(f.vertexIndices(), nodes.size());
                nodes.add(new Node(x0 + i * step, y, r == 0 || r == faces.size() - 1 ? text : "", c, r == 0 && turn, r != 0));
            }
        }
        List<Link> links = new ArrayList<>();
        for (int r = 1; r < faces.size(); r++) {
            for (Face f : faces.get(r)) {
                Color c = colours.get(f.vertexIndices());
                for (Face g : faces.get(r - 1)) {
                    boolean joined = rows.get(r) - rows.get(r - 1) == 1 ? lattice.subfaces(f).contains(g)
                            : f.vertexIndices().containsAll(g.vertexIndices());
                    if (joined) links.add(new Link(index.get(f.vertexIndices()), index.get(g.vertexIndices()), c == null ? new Color(0xB0B0B0) : blend(c)));
                }
            }
        }
        return new PolytopeFigure(w, h, nodes, links, List.of(), caption(d));
    }

    private static Color blend(Color c) {
        return new Color((c.getRed() + 255 * 2) / 3, (c.getGreen() + 255 * 2) / 3, (c.getBlue() + 255 * 2) / 3);
    }

    private static void placeInOrder(List<Face> row, Map<List<Integer>, Double> pos) {
        for (int i = 0; i < row.size(); i++) pos.put(row.get(i).vertexIndices(), (double) i);
    }

    /** Sorts {@code row} by the mean position of its neighbours in {@code other} (incidence), stable. */
    private static void order(List<Face> row, List<Face> other, Map<List<Integer>, Double> pos) {
        Map<List<Integer>, Double> key = new HashMap<>();
        for (Face f : row) {
            double sum = 0;
            int count = 0;
            for (Face g : other) {
                boolean incident = f.vertexIndices().containsAll(g.vertexIndices()) || g.vertexIndices().containsAll(f.vertexIndices());
                if (incident) {
                    sum += pos.get(g.vertexIndices());
                    count++;
                }
            }
            key.put(f.vertexIndices(), count == 0 ? pos.getOrDefault(f.vertexIndices(), 0.0) : sum / count);
        }
        row.sort(Comparator.comparingDouble(f -> key.get(f.vertexIndices())));
        placeInOrder(row, pos);
    }

    private static String caption(DerivedPrism d) {
        int[] f = d.perOrder().fVector();
        StringBuilder fv = new StringBuilder();
        for (int x : f) fv.append(fv.length() == 0 ? "" : ", ").append(x);
        return "P of the " + d.loss() + " loss (c₀..c" + subscript(d.maxOrder()) + "), dimension " + d.perOrder().dimension() + ", f = (" + fv + ")"
                + (d.settled() ? "" : ", NOT settled");
    }

    private static String subscript(int s) {
        StringBuilder b = new StringBuilder();
        for (char c : Integer.toString(s).toCharArray()) b.append("₀₁₂₃₄₅₆₇₈₉".charAt(c - '0'));
        return b.toString();
    }

    public int width() {
        return (int) Math.ceil(width);
    }

    public int height() {
        return (int) Math.ceil(height);
    }

    /** Draws the figure with {@code g} (white background, {@link #width()} x {@link #height()}). */
    public void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        for (Fill f : fills) {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(f.points().get(0)[0], f.points().get(0)[1]);
            for (double[] q : f.points().subList(1, f.points().size())) p.lineTo(q[0], q[1]);
            p.closePath();
            Color c = f.colour();
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 36));
            g.fill(p);
        }
        g.setStroke(new BasicStroke(fills.isEmpty() && nodes.size() > 7 ? 1.1f : 1.8f));
        for (Link l : links) {
            Node a = nodes.get(l.a());
            Node b = nodes.get(l.b());
            g.setColor(l.colour());
            g.draw(new Line2D.Double(a.x(), a.y(), b.x(), b.y()));
        }
        for (Node n : nodes) {
            g.setColor(n.colour());
            double r = n.colour().equals(Color.GRAY) ? 2.5 : 4;
            g.fill(new Ellipse2D.Double(n.x() - r, n.y() - r, 2 * r, 2 * r));
            if (n.text().isEmpty()) continue;
            g.setColor(n.colour().equals(Color.GRAY) ? Color.BLACK : n.colour());
            String t = n.text();
            if (n.rotated()) {
                AffineTransform saved = g.getTransform();
                g.translate(n.x() + 4, n.y() + 12);
                g.rotate(Math.toRadians(45));
                text(g, FONT, t, 0, 0);
                g.setTransform(saved);
            } else {
                text(g, FONT, t, (float) (n.x() - width(g, FONT, t) / 2.0), (float) (n.above() ? n.y() - 10 : n.y() + 20));
            }
        }
        for (Fill f : fills) {
            g.setColor(f.colour().darker());
            String t = f.label();
            text(g, FONT, t, (float) (f.at()[0] - width(g, FONT, t) / 2.0), (float) f.at()[1] + 5);
        }
        g.setColor(Color.DARK_GRAY);
        text(g, TITLE, caption, 12, 20);
    }

    /** Every text the figure draws (labels, regime names, caption), for tests. */
    List<String> labels() {
        List<String> out = new ArrayList<>();
        for (Node n : nodes) if (!n.text().isEmpty()) out.add(n.text());
        for (Fill f : fills) out.add(f.label());
        out.add(caption);
        return out;
    }

    /**
     * Text as glyph outlines, so that the vector forms show every symbol: a PDF's standard fonts have no Greek letters
     * and no sub- or superscripts (the charts are drawn the same way).
     */
    private static void text(Graphics2D g, Font font, String s, float x, float y) {
        g.fill(font.createGlyphVector(g.getFontRenderContext(), s).getOutline(x, y));
    }

    private static double width(Graphics2D g, Font font, String s) {
        return font.getStringBounds(s, g.getFontRenderContext()).getWidth();
    }

    /** Writes the figure as PNG at {@code scale} device pixels per unit (2 for print). */
    public void png(Path file, double scale) throws IOException {
        BufferedImage img = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.scale(scale, scale);
        draw(g);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    /** Writes the figure as SVG or PDF ({@code format} "svg" or "pdf"). */
    public void vector(Path file, String format) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        draw(g);
        Processor p = Processors.get(format);
        Document doc = p.getDocument(g.getCommands(), new PageSize(0, 0, width, height));
        try (OutputStream out = Files.newOutputStream(file)) {
            doc.writeTo(out);
        }
    }

    /** The Hasse diagram in TikZ (a standalone document), same layout, 1 cm per 60 px. */
    public void tikz(Writer out) {
        PrintWriter w = new PrintWriter(out);
        w.println("\\documentclass[tikz,border=6pt]{standalone}");
        w.println("\\begin{document}");
        w.println("\\begin{tikzpicture}[v/.style={circle,fill=black,inner sep=1.2pt},f/.style={circle,fill=gray,inner sep=0.8pt},"
                + "lab/.style={font=\\scriptsize}]");
        for (Link l : links) {
            Node a = nodes.get(l.a());
            Node b = nodes.get(l.b());
            w.printf(Locale.ROOT, "  \\draw[gray!60] (%.3f,%.3f) -- (%.3f,%.3f);%n", a.x() / 60, -a.y() / 60, b.x() / 60, -b.y() / 60);
        }
        for (Node n : nodes) {
            String label = n.text().isEmpty() ? "" : ",label={[lab" + (n.rotated() ? ",rotate=-45,anchor=west" : "") + "]"
                    + (n.above() ? "above" : "below") + ":" + tex(n.text()) + "}";
            w.printf(Locale.ROOT, "  \\node[%s%s] at (%.3f,%.3f) {};%n", n.colour().equals(Color.GRAY) ? "f" : "v", label, n.x() / 60, -n.y() / 60);
        }
        w.println("\\end{tikzpicture}");
        w.println("\\end{document}");
        w.flush();
    }

    /** A label in TikZ: a family in math mode (Greek letters, sub- and superscripts back to LaTeX), a regime as text. */
    private static String tex(String s) {
        if (s.matches("[A-Za-z0-9 ∩-]+")) return s.replace("∩", "$\\cap$");
        StringBuilder b = new StringBuilder("$");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String digits = c == '⁻' || "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c) >= 0 ? "⁻⁰¹²³⁴⁵⁶⁷⁸⁹" : "₀₁₂₃₄₅₆₇₈₉".indexOf(c) >= 0 ? "₀₁₂₃₄₅₆₇₈₉" : null;
            if (digits != null) {
                StringBuilder run = new StringBuilder();
                while (i < s.length() && digits.indexOf(s.charAt(i)) >= 0) {
                    char x = s.charAt(i++);
                    run.append(x == '⁻' ? "-" : String.valueOf(digits.indexOf(x) - (digits.length() == 11 ? 1 : 0)));
                }
                i--;
                b.append(digits.length() == 11 ? "^{" : "_{").append(run).append('}');
            } else if (c == 'σ') {
                b.append("\\sigma ");
            } else if (c == 'λ') {
                b.append("\\lambda ");
            } else if (c == 'ε') {
                b.append("\\varepsilon ");
            } else if (c == 'γ') {
                b.append("\\gamma ");
            } else {
                b.append(c);
            }
        }
        return b.append('$').toString();
    }
}
