package org.prism.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prism.autoencoder.RegimeNames;
import org.prism.diagram.MatrixEngine;
import org.prism.model.MatrixLowering;
import org.prism.model.lang.Examples;
import org.prism.regime.DerivedPrism;
import org.prism.regime.FaceNames;
import org.prism.regime.PrismDerivation;

/** The polytope figure: a projection up to dimension 3, the face lattice beyond, each written as PNG, SVG and PDF. */
class PolytopeFigureTest {
    private static DerivedPrism derive(String example, int order) {
        var model = MatrixLowering.lower(Examples.read(example).model()).orElseThrow();
        FaceNames names = example.equals("tied-autoencoder") ? RegimeNames.TIED_AUTOENCODER
                : FaceNames.NONE;
        return new PrismDerivation(new MatrixEngine(model), names).derive("train", order, null);
    }



    /** The PDF's content streams, inflated. */
    private static String pdfContent(Path pdf) throws Exception {
        byte[] bytes = Files.readAllBytes(pdf);
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("(?<!end)stream\r?\n").matcher(raw);
        while (m.find()) {
            int end = raw.indexOf("endstream", m.end());
            Inflater inflater = new Inflater();
            inflater.setInput(Arrays.copyOfRange(bytes, m.end(), end));
            byte[] buffer = new byte[1 << 16];
            ByteArrayOutputStream inflated = new ByteArrayOutputStream();
            while (!inflater.finished() && !inflater.needsInput()) {
                int k = inflater.inflate(buffer);
                if (k == 0 && inflater.needsDictionary()) break;
                inflated.write(buffer, 0, k);
            }
            out.append(inflated.toString(StandardCharsets.ISO_8859_1));
        }
        assertTrue(out.length() > 0, "the PDF has content");
        return out.toString();
    }

    /** Weight decay's pyramid (dimension 4): the face lattice, every family and every regime labelled once. */
    @Test
    void aFourDimensionalPolytopeIsDrawnAsItsFaceLattice(@TempDir Path dir) throws Exception {
        DerivedPrism d = derive("tied-autoencoder-weight-decay", 3);
        assertTrue(PolytopeFigure.isLattice(d));
        PolytopeFigure f = PolytopeFigure.of(d);
        f.png(dir.resolve("p.png"), 2);
        f.vector(dir.resolve("p.svg"), "svg");
        f.vector(dir.resolve("p.pdf"), "pdf");
        BufferedImage img = ImageIO.read(dir.resolve("p.png").toFile());
        assertEquals(2 * f.width(), img.getWidth());
        assertTrue(img.getWidth() >= 1200 && img.getWidth() <= 4000, "readable at print size: " + img.getWidth());
        assertTrue(new String(Files.readAllBytes(dir.resolve("p.pdf")), StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        // text is drawn as outlines, so the PDF needs no font (its standard fonts have no Greek letters)
        assertFalse(pdfContent(dir.resolve("p.pdf")).contains(" Tj"), "no text operator in the PDF");
        assertFalse(Files.readString(dir.resolve("p.svg"), StandardCharsets.UTF_8).contains("<text"), "no text element in the SVG");
        List<String> texts = f.labels();
        for (String family : List.of("1", "λ", "d/n", "σ²m", "σ²d", "σ²dm/n", "σ²d²/n")) assertEquals(1, texts.stream().filter(family::equals).count(), family);
        for (int i = 1; i <= 6; i++) assertTrue(texts.contains("F" + i), "facet F" + i);
        assertTrue(texts.stream().anyMatch(t -> t.contains("f = (7, 15, 14, 6)")), texts.toString());
        StringWriter tikz = new StringWriter();
        PrismReport.tikz(tikz, d);
        assertTrue(tikz.toString().contains("$\\lambda $") && tikz.toString().contains("$\\sigma ^{2}d^{2}/n$"), tikz.toString());
        assertEquals(tikz.toString().chars().filter(c -> c == '{').count(), tikz.toString().chars().filter(c -> c == '}').count(), "balanced braces");
    }

    /** The tied autoencoder's prism (dimension 3) keeps the projection: six families and the five named regimes. */
    @Test
    void theTriangularPrismIsProjected(@TempDir Path dir) throws Exception {
        DerivedPrism d = derive("tied-autoencoder", 3);
        assertFalse(PolytopeFigure.isLattice(d));
        PolytopeFigure f = PolytopeFigure.of(d);
        f.vector(dir.resolve("p.svg"), "svg");
        List<String> texts = f.labels();
        for (String s : List.of("1", "d/n", "σ²m", "σ²d", "σ²dm/n", "σ²d²/n", "large-data", "small-data", "mean-field", "narrow-latent", "free")) {
            assertTrue(texts.contains(s), s + " in " + texts);
        }
    }
}
