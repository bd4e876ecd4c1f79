package org.prism.report;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processor;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The one look of every line chart prism draws, sized for a paper: a panel is one column wide (3.5 in at 100 units
 * per inch), two panels side by side make a two-column figure (7 in). Serif text at 8-10 pt, white background, light
 * grid, legend inside the plot; figures are written as PNG at 300 dpi, SVG and PDF, the vector forms drawn by the same
 * Java2D code. The polytope figure has its own layout ({@link PolytopeFigure}) but the same fonts.
 */
final class FigureStyle {
    /** A panel's size in points (1/100 in here, so 350 x 260 is 3.5 x 2.6 in). */
    static final int PANEL_WIDTH = 350;
    static final int PANEL_HEIGHT = 260;
    /** PNG resolution. */
    static final int DPI = 300;
    static final Font TITLE = new Font(Font.SERIF, Font.PLAIN, 10);
    static final Font AXIS = new Font(Font.SERIF, Font.PLAIN, 9);
    static final Font TICKS = new Font(Font.SERIF, Font.PLAIN, 8);
    static final Font LEGEND = new Font(Font.SERIF, Font.PLAIN, 7);
    /** Dash patterns for curves drawn in grey, so that several of them stay apart in print. */
    private static final float[][] DASHES = {{6f, 3f}, {2f, 2f}, {8f, 3f, 2f, 3f}, {1f, 3f}, {10f, 4f}};

    private FigureStyle() {}

    /** A panel with the style applied; title and axis titles in symbols ({@link MathText}). */
    static XYChart panel(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(MathText.of(title)).xAxisTitle(MathText.of(xTitle))
                .yAxisTitle(MathText.of(yTitle)).build();
        var st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderVisible(true);
        st.setPlotBorderColor(new Color(0x999999));
        st.setPlotGridLinesColor(new Color(0xe5e5e5));
        st.setChartTitleFont(TITLE);
        st.setChartTitleBoxVisible(false);
        st.setLegendFont(LEGEND);
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setLegendBorderColor(new Color(0xcccccc));
        st.setLegendBackgroundColor(new Color(255, 255, 255, 220));
        st.setLegendPadding(4);
        st.setChartPadding(6);
        chart.getStyler().setAxisTitleFont(AXIS);
        chart.getStyler().setAxisTickLabelsFont(TICKS);
        chart.getStyler().setMarkerSize(4);
        return chart;
    }

    /** A legend entry in symbols ({@link MathText}). */
    static String label(String plain) {
        return MathText.of(plain);
    }

    /** The {@code k}-th dashed stroke for a grey reference curve. */
    static BasicStroke dashed(int k, float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, DASHES[k % DASHES.length], 0f);
    }

    /**
     * A mean curve with its band of +-2 standard errors: the band a light fill of {@code colour} named {@code name + " band"}
     * (not in the legend), its lower edge kept above {@code floor} (a log axis; {@code -infinity} otherwise), the line
     * {@code width} points wide with {@code legend} as its entry.
     */
    static void meanWithBand(XYChart chart, String name, String legend, double[] x, double[] mean, double[] se, Color colour, double floor,
            float width) {
        int n = x.length;
        double[] bx = new double[2 * n];
        double[] by = new double[2 * n];
        for (int i = 0; i < n; i++) {
            bx[i] = x[i];
            by[i] = mean[i] + 2 * se[i];
            bx[2 * n - 1 - i] = x[i];
            by[2 * n - 1 - i] = Math.max(mean[i] - 2 * se[i], floor);
        }
        XYSeries band = chart.addSeries(name + " band", bx, by);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 60));
        band.setLineColor(new Color(0, 0, 0, 0));
        band.setMarker(SeriesMarkers.NONE);
        band.setShowInLegend(false);
        XYSeries line = chart.addSeries(legend, x, mean);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setLineColor(colour);
        line.setLineStyle(new BasicStroke(width));
        line.setMarker(SeriesMarkers.NONE);
    }

    /** Writes the panels side by side as {@code stem.png} (300 dpi), {@code stem.svg} and {@code stem.pdf}; returns the three paths. */
    static List<Path> write(List<XYChart> panels, Path stem) throws IOException {
        String base = stem.toString();
        Path png = Path.of(base + ".png");
        try (OutputStream out = Files.newOutputStream(png)) {
            png(panels, out);
        }
        Path svg = Path.of(base + ".svg");
        Path pdf = Path.of(base + ".pdf");
        for (Path p : List.of(svg, pdf)) {
            try (OutputStream out = Files.newOutputStream(p)) {
                vector(panels, p.toString().endsWith(".svg") ? "svg" : "pdf", out);
            }
        }
        return List.of(png, svg, pdf);
    }

    /** The panels side by side as a PNG of {@value #DPI} pixels per inch (a panel's unit is 1/100 in). */
    static void png(List<XYChart> panels, OutputStream out) throws IOException {
        double scale = DPI / 100.0;
        BufferedImage img = new BufferedImage((int) Math.ceil(PANEL_WIDTH * panels.size() * scale), (int) Math.ceil(PANEL_HEIGHT * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(scale, scale);
        for (XYChart panel : panels) {
            panel.paint(g, PANEL_WIDTH, PANEL_HEIGHT);
            g.translate(PANEL_WIDTH, 0);
        }
        g.dispose();
        ImageIO.write(img, "png", out);
    }

    /** The panels side by side as {@code "svg"} or {@code "pdf"}. */
    static void vector(List<XYChart> panels, String format, OutputStream out) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        for (XYChart panel : panels) {
            panel.paint(g, PANEL_WIDTH, PANEL_HEIGHT);
            g.translate(PANEL_WIDTH, 0);
        }
        Processor p = Processors.get(format);
        Document doc = p.getDocument(g.getCommands(), new PageSize(0, 0, (double) PANEL_WIDTH * panels.size(), PANEL_HEIGHT));
        doc.writeTo(out);
    }
}
