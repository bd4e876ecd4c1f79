package org.prism.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.prism.algebra.Rational;

/**
 * One output for several parameter points, each written by the single-point writer: text blocks one after the other
 * (each names its parameters), JSON {@code {"points":[<one point's object>,..]}}, CSV with the grid's parameters as
 * leading columns ({@code <name>,..,<the single point's columns>}). A single point is written as it is alone, so the
 * one-point contracts are unchanged.
 */
public final class MultiPoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes one point's output (its work may be interrupted, so any exception passes through). */
    public interface Block {
        void write(Map<String, Rational> point, Writer out) throws Exception;
    }

    private MultiPoint() {}

    /**
     * @param format "text", "json" or "csv"
     * @param gridNames the parameters that vary between the points (the CSV's leading columns)
     */
    public static void write(Writer out, String format, List<Map<String, Rational>> points, List<String> gridNames, Block block)
            throws Exception {
        PrintWriter w = new PrintWriter(out);
        if (points.size() == 1) {
            block.write(points.get(0), w);
            w.flush();
            return;
        }
        switch (format) {
            case "json" -> {
                ObjectNode root = JSON.createObjectNode();
                ArrayNode all = root.putArray("points");
                for (Map<String, Rational> p : points) {
                    StringWriter one = new StringWriter();
                    block.write(p, one);
                    JsonNode node = JSON.readTree(one.toString());
                    all.add(node);
                }
                w.println(JSON.writeValueAsString(root));
            }
            case "csv" -> {
                boolean header = true;
                for (Map<String, Rational> p : points) {
                    StringWriter one = new StringWriter();
                    block.write(p, one);
                    List<String> lines = one.toString().lines().toList();
                    List<String> values = new ArrayList<>();
                    for (String name : gridNames) values.add(p.get(name).toString());
                    for (int i = 0; i < lines.size(); i++) {
                        if (i == 0) {
                            if (header) w.println(Csv.row(gridNames) + "," + lines.get(0));
                            header = false;
                        } else {
                            w.println(Csv.row(values) + "," + lines.get(i));
                        }
                    }
                }
            }
            default -> {
                boolean first = true;
                for (Map<String, Rational> p : points) {
                    if (!first) w.println();
                    first = false;
                    block.write(p, w);
                    w.flush();
                }
            }
        }
        w.flush();
    }
}
