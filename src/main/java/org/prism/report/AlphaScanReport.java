package org.prism.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.prism.algebra.Rational;
import org.prism.geometry.IntVector;
import org.prism.regime.AlphaScan;
import org.prism.regime.DerivedPrism;
import org.prism.regime.ExponentSpace;

/**
 * Writes an {@link AlphaScan}: the pieces of $\alpha$ on which the regime polytope $P$ keeps its type, the changes
 * between them, and a figure of the exponent of the size in every family (vertex) of $P$ against $\alpha$.
 */
public final class AlphaScanReport {
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS, SeriesMarkers.OVAL};

    private AlphaScanReport() {}

    /** The header line: what was scanned. */
    private static String header(String model, String loss, int order, String size) {
        return "Regime polytope P of " + model + " (" + loss + " loss, c_0..c_" + order + ") along power-law spectra lambda_i ~ i^-alpha,"
                + " normalised to mean 1: C_k = tr(C^k)/" + size + " ~ " + size + "^(k min(1,alpha) - min(1,k alpha))";
    }

    public static void text(PrintWriter w, AlphaScan.Result r, String model, String loss, int order, String size, int derivations) {
        w.println(header(model, loss, order, size));
        w.println("growth exponents change slope at alpha = " + String.join(", ", r.breaks().stream().map(Rational::toString).toList())
                + " (a logarithm there, which power counting ignores)");
        w.println(derivations + " derivations; P compared by its face lattice, each family named by its powers other than " + size);
        Rational visible = r.breaks().get(0);
        w.println("caveat: c_0.." + "c_" + order + " carry the moments up to C_" + visible.denominator() + "; below alpha = " + visible
                + " none of them grows, yet C_k with k > 1/alpha does, so higher orders would show the top eigenvalue's growth (~ "
                + size + "^alpha per order) that these cannot: P there is the bounded-moment P of these orders, not the asymptotic one");
        if (!r.degenerate().isEmpty()) {
            w.println("P is of another type at the single points alpha = " + String.join(", ", r.degenerate().stream().map(Rational::toString).toList())
                    + " (the same P on both sides)");
        }
        w.println();
        for (int i = 0; i < r.pieces().size(); i++) {
            AlphaScan.Piece p = r.pieces().get(i);
            DerivedPrism d = p.prism();
            w.printf("alpha %s: P has %s (dim %d)%s; at alpha = %s:%n", range(p), counts(d), d.perOrder().dimension(),
                    d.settled() ? "" : ", NOT settled by these orders", p.at());
            w.println("    families: " + String.join(", ", d.perOrder().vertices().stream().map(d.space()::ratio).toList()));
            if (i < r.changes().size()) {
                AlphaScan.Change c = r.changes().get(i);
                w.println(c.exact() != null ? "  P changes at alpha = " + c.exact() + " (there it is of neither type)"
                        : "  P changes between alpha = " + c.below() + " and " + c.above() + (c.between().isEmpty() ? ""
                        : " (at " + String.join(", ", c.between().stream().map(Rational::toString).toList()) + " it is of yet other types)"));
            }
        }
        w.flush();
    }

    private static String range(AlphaScan.Piece p) {
        return p.to() == null ? ">= " + p.from() : p.from() + " .. " + p.to();
    }

    private static String counts(DerivedPrism d) {
        int[] f = d.perOrder().fVector();
        List<String> parts = new ArrayList<>();
        String[] names = {"vertices", "edges", "2-faces", "3-faces"};
        for (int k = 0; k < f.length && k < names.length; k++) parts.add(f[k] + " " + names[k]);
        return String.join(", ", parts);
    }

    /**
     * {@code {"model":..,"loss":..,"order":S,"breaks":["1/7",..],"growthVisibleFrom":"1/7","degenerate":[..],"pieces":[{"from":"0","to":"1/6" or null,"at":..,"fVector":[..],
     * "settled":b,"families":[monomials]}],"changes":[{"below":..,"above":..,"exact":.. or null,"between":[..]}]}}; alphas are exact fractions.
     */
    public static void json(PrintWriter w, AlphaScan.Result r, String model, String loss, int order) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("model", model);
        root.put("loss", loss);
        root.put("order", order);
        ArrayNode breaks = root.putArray("breaks");
        r.breaks().forEach(b -> breaks.add(b.toString()));
        root.put("growthVisibleFrom", r.breaks().get(0).toString()); // below it no moment of these orders grows: P is not the asymptotic one
        ArrayNode degenerate = root.putArray("degenerate");
        r.degenerate().forEach(b -> degenerate.add(b.toString()));
        ArrayNode pieces = root.putArray("pieces");
        for (AlphaScan.Piece p : r.pieces()) {
            ObjectNode o = pieces.addObject();
            o.put("from", p.from().toString());
            if (p.to() == null) o.putNull("to"); else o.put("to", p.to().toString());
            o.put("at", p.at().toString());
            ArrayNode f = o.putArray("fVector");
            for (int x : p.prism().perOrder().fVector()) f.add(x);
            o.put("settled", p.prism().settled());
            ArrayNode fam = o.putArray("families");
            for (IntVector v : p.prism().perOrder().vertices()) fam.add(p.prism().space().ratio(v));
        }
        ArrayNode changes = root.putArray("changes");
        for (AlphaScan.Change c : r.changes()) {
            ObjectNode o = changes.addObject();
            o.put("below", c.below().toString());
            o.put("above", c.above().toString());
            if (c.exact() == null) o.putNull("exact"); else o.put("exact", c.exact().toString());
            ArrayNode between = o.putArray("between");
            c.between().forEach(b -> between.add(b.toString()));
        }
        json.writeValue(w, root);
        w.println();
        w.flush();
    }

    /**
     * The figure: per family of P (named by its powers other than {@code size}) the exponent of {@code size} against
     * alpha, over the samples where it is a vertex and P is settled; grey dashes where P changes. Written as stem.png/.svg/.pdf.
     */
    public static List<Path> figure(AlphaScan.Result r, String model, String size, Path stem) throws IOException {
        Map<String, List<double[]>> byFamily = new LinkedHashMap<>();
        double top = 0;
        double bottom = 0;
        for (AlphaScan.Sample s : r.samples()) {
            if (s.alpha().compareTo(Rational.of(2)) > 0 || !s.prism().settled()) continue; // unsettled samples are not drawn
            ExponentSpace space = s.prism().space();
            int k = space.index(size);
            for (IntVector v : s.prism().perOrder().vertices()) {
                long[] rest = v.coordinates().clone();
                rest[k] = 0;
                String name = space.ratio(IntVector.of(rest));
                double e = space.exponent(v, k).doubleValue();
                byFamily.computeIfAbsent(name, x -> new ArrayList<>()).add(new double[] {s.alpha().doubleValue(), e});
                top = Math.max(top, e);
                bottom = Math.min(bottom, e);
            }
        }
        XYChart chart = FigureStyle.panel(model + ": families of P against α", "α (eigenvalues i^-α)", "exponent of " + size + " in the family");
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(2.0);
        chart.getStyler().setYAxisMin(bottom - 0.25);
        chart.getStyler().setYAxisMax(top + 0.5);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        int c = 0;
        for (AlphaScan.Change ch : r.changes()) {
            double x = (ch.exact() != null ? ch.exact() : ch.below().add(ch.above()).multiply(Rational.of(1, 2))).doubleValue();
            XYSeries s = chart.addSeries("change " + (++c), new double[] {x, x}, new double[] {bottom - 0.25, top + 0.5});
            s.setLineColor(new Color(0x999999));
            s.setLineStyle(FigureStyle.dashed(0, 0.8f));
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(false);
        }
        int k = 0;
        for (Map.Entry<String, List<double[]>> e : byFamily.entrySet()) {
            List<double[]> pts = e.getValue();
            pts.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] x = new double[pts.size()];
            double[] y = new double[pts.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = pts.get(i)[0];
                y[i] = pts.get(i)[1];
            }
            XYSeries s = chart.addSeries(FigureStyle.label(e.getKey().equals("1") ? "(" + size + " only)" : e.getKey()), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            Color colour = PALETTE[k++ % PALETTE.length];
            s.setLineColor(colour);
            s.setMarkerColor(colour);
            s.setLineStyle(new BasicStroke(1.1f));
            s.setMarker(MARKERS[(k - 1) % MARKERS.length]);
        }
        return FigureStyle.write(List.of(chart), stem);
    }
}
