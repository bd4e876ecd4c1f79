package org.prism.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.prism.regime.AlphaScan;
import org.prism.regime.DerivedPrism;
import org.prism.report.AlphaScanReport;
import org.prism.report.PrismReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "prism",
        mixinStandardHelpOptions = true,
        header = "Derive the per-order regime polytope from the diagrams: vertices, edges, faces, names.",
        description = {
            "Computes c_0..c_S exactly, keeps the Pareto-maximal terms of each order, takes their Newton",
            "polytopes N_s and derives the polytope P with N_{s+1} = N_s + P (checked exactly for every",
            "pair of orders from 1 on). Prints P's vertices (diagram families), its exact face lattice and",
            "each face read as a regime (scaling relations, time scale, loss scale, name by rule).",
            "JSON: {\"vertices\":[{\"name\":..,\"monomial\":..,\"exponent\":{\"sigma\":..,\"d\":..,\"m\":..,\"n\":..}}],",
            "\"faces\":[{\"dim\":k,\"vertices\":[names],\"regime\":name,\"scaling\":..,\"timescale\":..}]}."})
public final class PrismPolytopeCommand implements Callable<Integer> {
    enum Format { text, json, tikz, latex }

    @Spec
    CommandSpec spec;

    @Mixin
    DerivationOptions derivation;

    /** {@code --order} is the order here as in {@code coefficients}: the highest c_s read, the same as -S/--max-order. */
    @Option(names = "--order", paramLabel = "S", description = "The same as -S/--max-order (as in coefficients: c_0..c_S).")
    Integer order;

    @Option(names = "--alpha-scan", description = "A model with a covariance: scan the power-law spectra i^-alpha (normalised to mean 1) for the"
            + " values of alpha at which P changes, and show P on each interval (with --spectrum power or without --spectrum).")
    boolean alphaScan;

    @Option(names = "--figure", paramLabel = "STEM", description = "With --alpha-scan: also draw the exponent of d in every family of P against"
            + " alpha, as STEM.png, STEM.svg and STEM.pdf.")
    Path figure;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        derivation.orderAlias(order);
        PrintWriter out = spec.commandLine().getOut();
        if (figure != null && !alphaScan) throw new IllegalArgumentException("--figure draws the alpha scan: give --alpha-scan too");
        if (alphaScan) return scan(out);
        DerivedPrism d = derivation.derive();
        switch (format) {
            case text -> PrismReport.text(out, d);
            case json -> PrismReport.json(out, d);
            case tikz -> PrismReport.tikz(out, d);
            case latex -> PrismReport.regimesLatex(out, d, true);
        }
        return 0;
    }

    private Integer scan(PrintWriter out) throws Exception {
        if (format == Format.tikz || format == Format.latex) throw new IllegalArgumentException("--alpha-scan writes text or json");
        AlphaScan.Outcome s = derivation.alphaScan(ReportCommand.SCAN_RESOLUTION);
        String model = derivation.loaded().name();
        String size = derivation.loaded().engine().momentSize();
        if (format == Format.json) {
            AlphaScanReport.json(out, s.result(), model, derivation.lossName(), derivation.maxOrder());
        } else {
            AlphaScanReport.text(out, s.result(), model, derivation.lossName(), derivation.maxOrder(), size, s.derivations());
        }
        if (figure != null) {
            List<Path> files = AlphaScanReport.figure(s.result(), model, size, figure);
            spec.commandLine().getErr().println("prism prism: wrote " + String.join(", ", files.stream().map(Path::toString).toList()));
        }
        return 0;
    }
}
