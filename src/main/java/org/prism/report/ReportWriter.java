package org.prism.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.prism.autoencoder.LimitCheck;
import org.prism.autoencoder.compare.Comparison;
import org.prism.regime.DerivedPrism;
import org.prism.regime.Regime;

/**
 * Writes the regime derivation into a reports folder: LaTeX tables (booktabs) of the Pareto terms
 * and of the regimes, the TikZ picture of the polytope, each also wrapped in a standalone document
 * that compiles with pdflatex, and a README.md that shows them with one line of reading each.
 */
public final class ReportWriter {
    private final Path root;

    public ReportWriter(Path root) {
        this.root = root;
    }

    public interface Content {
        void write(Writer w) throws IOException;
    }

    /** Writes {@code root/relative} (creating folders) and returns the path. */
    public Path write(String relative, Content content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        try (Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            content.write(w);
        }
        return p;
    }

    /** The tables and the polytope; returns the files written (relative to the root). */
    public List<String> tables(DerivedPrism d) throws IOException {
        List<String> files = new ArrayList<>();
        write("tables/pareto.tex", w -> PrismReport.paretoLatex(w, d, 2));
        write("tables/regimes.tex", w -> PrismReport.regimesLatex(w, d, false));
        write("tables/faces.tex", w -> PrismReport.regimesLatex(w, d, true));
        for (String t : List.of("pareto", "regimes", "faces")) {
            write("tables/" + t + "-standalone.tex", w -> standalone(w, "tables/" + t + ".tex"));
            files.add("tables/" + t + ".tex");
            files.add("tables/" + t + "-standalone.tex");
        }
        write("figures/prism.tex", w -> PrismReport.tikz(w, d));
        files.add("figures/prism.tex");
        PolytopeFigure figure = PolytopeFigure.of(d);
        Files.createDirectories(root.resolve("figures"));
        figure.png(root.resolve("figures/prism.png"), 2);
        figure.vector(root.resolve("figures/prism.svg"), "svg");
        figure.vector(root.resolve("figures/prism.pdf"), "pdf");
        files.addAll(List.of("figures/prism.png", "figures/prism.svg", "figures/prism.pdf"));
        return files;
    }

    /** The cross-check A table (and its standalone document). */
    public List<String> checkLimits(List<LimitCheck.Row> rows) throws IOException {
        write("tables/check-limits.tex", w -> LimitCheckReport.latex(w, rows));
        write("tables/check-limits-standalone.tex", w -> standalone(w, "tables/check-limits.tex"));
        return List.of("tables/check-limits.tex", "tables/check-limits-standalone.tex");
    }

    private void standalone(Writer w, String table) throws IOException {
        String body = Files.readString(root.resolve(table), StandardCharsets.UTF_8);
        w.write("\\documentclass[border=6pt]{standalone}\n\\usepackage{booktabs}\n\\usepackage{amsmath}\n\\begin{document}\n");
        w.write(body);
        w.write("\\end{document}\n");
    }

    /** The README section of cross-check B: one figure per scaling path, with its errors. */
    public static String compareSection(List<Comparison> comparisons) {
        StringBuilder sb = new StringBuilder("## Simulation against the limits (cross-check B)\n\n");
        sb.append("Each figure: the predicted limit curve (black) and the mean simulated curve at growing sizes along the regime's\n"
                + "scaling path (one colour per size, band = 2 standard errors). `compare/<path>.csv` holds the numbers\n"
                + "(size,t,loss,predicted,sim_mean,sim_se,rel_error), `compare/<path>.tex` the table of errors.\n\n");
        for (Comparison c : comparisons) {
            var last = c.largest();
            sb.append("### ").append(c.path().name()).append("\n\n");
            sb.append(c.path().description()).append("\n\n");
            sb.append("![").append(c.path().name()).append("](compare/").append(c.path().name()).append(".png)\n\n");
            sb.append("Reading: at the largest size (").append(last.step().sizesText()).append(") the max relative error over the time grid is ")
                    .append(pct(last.trainMaxRel())).append(" (train) and ").append(pct(last.popMaxRel())).append(" (pop); it shrinks like size^-rate with rate ")
                    .append(rate(c.trainRate())).append(" (train) and ").append(rate(c.popRate())).append(" (pop).\n");
            for (String note : CompareReport.notes(c)) sb.append("Note: ").append(note).append(".\n");
            sb.append("\n| size | train error | pop error |\n|---|---|---|\n");
            for (var r : c.sizes()) sb.append("| ").append(r.step().sizesText()).append(" | ").append(pct(r.trainMaxRel())).append(" | ").append(pct(r.popMaxRel())).append(" |\n");
            sb.append("\n");
        }
        return sb.toString();
    }

    private static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    private static String rate(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * README.md of one model's folder (reports/models/NAME): its polytope and regime table, faces
     * described by their scaling relations where no rule names them.
     */
    public void modelReadme(DerivedPrism d, String name, String source) throws IOException {
        modelReadme(d, name, source, "");
    }

    /** The same with {@code extra} (markdown) at the end, e.g. the face comparisons. */
    public void modelReadme(DerivedPrism d, String name, String source, String extra) throws IOException {
        write("README.md", w -> {
            int[] f = d.perOrder().fVector();
            w.write("# " + name + "\n\n");
            w.write("Generated by `./prism report` from `" + source + "`: the regime polytope derived from the exact c_0..c_"
                    + (d.pareto().size() - 1) + " of the " + d.loss() + " loss. Nothing here is typed in by hand.\n\n");
            if (Files.exists(root.resolve("figures/prism.png"))) w.write("![the regime polytope](figures/prism.png)\n\n");
            w.write((d.period() == 1 ? "Per-order polytope P: " : "Polytope P of " + d.period() + " orders: ") + d.perOrder().vertices().size()
                    + " vertices" + (f.length > 1 ? ", " + f[1] + " edges" : "") + (f.length > 2 ? ", " + f[2] + " two-faces" : "")
                    + " (dimension " + d.perOrder().dimension() + "). " + verdict(d) + "\n\n");
            String relations = PrismReport.relationsText(d);
            w.write((relations.isBlank() ? "The Pareto terms satisfy no affine relation (they span the exponent space)."
                    : "Every Pareto term satisfies " + relations + ".") + "\n\n");
            w.write("| face | families | scaling | T | loss scale | change scale |\n|---|---|---|---|---|---|\n");
            for (Regime r : d.regimes(d.perOrder().dimension() - 1)) {
                w.write("| " + d.label(r) + (d.families().lag(r.face()).isPresent() ? " (not reached yet)" : "") + " | "
                        + String.join(", ", r.families()) + " | " + r.relationsText() + " | " + r.timescale() + " | " + cell(r.lossScale()) + " | "
                        + cell(r.normalisation()) + " |\n");
            }
            w.write("\nFiles: `tables/pareto.tex`, `tables/regimes.tex`, `tables/faces.tex` (and `*-standalone.tex`), `figures/prism.tex`"
                    + " (TikZ), `figures/prism.png`, `.svg`, `.pdf`" + (PolytopeFigure.isLattice(d) ? " (the face lattice: families at the bottom,"
                    + " regimes at the top)" : "") + ".\n");
            w.write(extra);
        });
    }

    /** A markdown table cell: a bar inside it is escaped. */
    static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** Whether c_0..c_S settle P, in one or a few sentences with every reason. */
    public static String verdict(DerivedPrism d) {
        StringBuilder b = new StringBuilder();
        if (d.settled()) {
            b.append("Settled by c_0..c_").append(d.maxOrder()).append(": no step outgrows N_s + P and every family leads with its own growth")
                    .append(d.families().exactFrom() >= 0 ? "; exact Minkowski steps from order " + d.families().exactFrom() + " on." : ".");
            if (!d.families().lagging().isEmpty()) {
                b.append(" ").append(d.families().lagging().size()).append(" face(s) not reached yet (their families lead only from a later order):");
                for (var u : d.families().lagging()) b.append("\n- ").append(PrismReport.unsettledText(d, u));
            }
        } else {
            b.append("**NOT settled** by c_0..c_").append(d.maxOrder()).append("; the faces below are read off this P, not derived:");
            for (var u : d.families().unsettled()) b.append("\n- ").append(PrismReport.unsettledText(d, u));
        }
        return b.toString();
    }

    /** reports/README.md: what each file shows, with one line of reading. */
    public void readme(DerivedPrism d, List<String> extraSections) throws IOException {
        readme(d, "", extraSections);
    }

    /** The same with {@code opening} (markdown) right after the title. */
    public void readme(DerivedPrism d, String opening, List<String> extraSections) throws IOException {
        write("README.md", w -> {
            int[] f = d.perOrder().fVector();
            w.write("# prism reports\n\n");
            w.write(opening);
            w.write("Generated by `./prism report` from the exact coefficients c_0..c_" + (d.pareto().size() - 1) + " of the "
                    + d.loss() + " loss of the weight-tied linear autoencoder. Nothing here is typed in by hand.\n\n");
            w.write("## The regime polytope\n\n");
            if (Files.exists(root.resolve("figures/prism.png"))) w.write("![the regime polytope](figures/prism.png)\n\n");
            w.write("`figures/prism.png` (also `.svg`, `.pdf`, and `figures/prism.tex` in TikZ): the per-order polytope P, " + f[0] + " vertices, " + f[1] + " edges, " + f[2]
                    + " two-faces, each face shaded and named by rule.\n");
            w.write("Reading: a vertex is a diagram family (what one more order of the flow multiplies a leading term by); a face is the\n"
                    + "set of families that survive a limit of the sizes; the five named 2-faces are the basic learning regimes.\n\n");
            w.write(verdict(d) + "\n\n");
            w.write("| regime | families | scaling | T | loss scale | change scale |\n|---|---|---|---|---|---|\n");
            for (Regime r : d.regimes(d.perOrder().dimension() - 1)) {
                w.write("| " + r.name() + " | " + String.join(", ", r.families()) + " | " + r.relationsText() + " | " + r.timescale() + " | "
                        + cell(r.lossScale()) + " | " + cell(r.normalisation()) + " |\n");
            }
            w.write("\n## Tables\n\n");
            w.write("- `tables/pareto.tex`: per order s, the number of Pareto-maximal terms of c_s and the vertices of their Newton\n"
                    + "  polytope N_s; then every Pareto term of c_0..c_2 with its exact coefficient and number of Wick pairings.\n"
                    + "  Reading: N_s grows by the same P at every order from 1 on (N_{s+1} = N_s + P), which is why P is the regime polytope.\n");
            w.write("- `tables/regimes.tex`: the five regimes (2-faces). Reading: each row is a limit of the sizes in which only the\n"
                    + "  listed families survive; T is the time scale on which that limit is not trivial.\n");
            w.write("- `tables/faces.tex`: every face, edges and vertices included (the boundaries between regimes).\n");
            w.write("- `tables/check-limits.tex`: cross-check A. Reading: for every regime with a limit formula, the part of the exact\n"
                    + "  c_s that survives the regime's scaling (the face series of the diagrams) equals the Taylor coefficients of the\n"
                    + "  limit curve at t = 0, exactly, at every order computed and at several rational parameter points.\n");
            w.write("- `*-standalone.tex`: the same tables as documents that compile with pdflatex.\n\n");
            for (String s : extraSections) w.write(s);
        });
    }
}
