package org.prism.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.diagram.DiagramClass;
import org.prism.diagram.DiagramExpansion;
import org.prism.expansion.LossExpansion;
import org.prism.diagram.NetworkEngine;
import org.prism.diagram.NetworkTerm;
import org.prism.model.MatrixModel;
import org.prism.report.NetworkExport;
import org.prism.report.DiagramExport;
import org.prism.report.Exponents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "inspect",
        mixinStandardHelpOptions = true,
        header = "Show one diagram class: word, pairing, contracted graph, exponents, coefficient.",
        description = {
            "DIAGRAM-ID is LOSS.S.K as listed by 'prism diagrams' (class K of c_S of loss LOSS), e.g. train.2.5.",
            "Formats: ascii (for people), dot (Graphviz), tikz (a standalone LaTeX document), json."})
public final class InspectCommand implements Callable<Integer> {
    enum Format { ascii, dot, tikz, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIAGRAM-ID", description = "LOSS.S.K, e.g. train.2.5")
    String id;

    @Mixin
    ModelOption modelOption;

    @Option(names = {"-f", "--format"}, defaultValue = "ascii", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        String[] parts = id.split("\\.");
        if (parts.length != 3 || !parts[1].matches("\\d{1,3}") || !parts[2].matches("\\d{1,9}")) {
            throw new IllegalArgumentException("malformed diagram id '" + id + "': expected LOSS.S.K, e.g. train.2.5");
        }
        ModelOption.LoadedModel loaded = modelOption.load();
        String loss = loaded.loss(parts[0]);
        int s = Integer.parseInt(parts[1]);
        int k = Integer.parseInt(parts[2]);
        if (loaded.engine() instanceof NetworkEngine networks) return network(networks, loss, s, k);
        MatrixModel model = loaded.requireExplicitDiagrams();
        LossExpansion expansion = new LossExpansion(model, loss);
        Limits.requireOrder(s, Limits.MAX_DIAGRAM_ORDER, "diagram enumeration");
        if (DiagramExpansion.pairingCount(expansion, s) > Limits.MAX_PAIRINGS) {
            throw new IllegalArgumentException("order " + s + " has too many pairings to enumerate (limit " + Limits.MAX_PAIRINGS + ")");
        }
        List<DiagramClass> classes = DiagramExpansion.of(expansion, loss, s, null).classes();
        if (k >= classes.size()) {
            throw new IllegalArgumentException("unknown diagram id '" + id + "': c_" + s + " of " + loss
                    + (classes.isEmpty() ? " has no diagram" : " has classes 0.." + (classes.size() - 1)));
        }
        DiagramClass c = classes.get(k);
        PrintWriter out = spec.commandLine().getOut();
        List<String> symbols = Exponents.used(Exponents.symbols(model), loaded.engine().moments(), List.of(Polynomial.term(Rational.ONE, c.monomial())));
        switch (format) {
            case ascii -> DiagramExport.ascii(out, c, symbols);
            case dot -> DiagramExport.dot(out, c);
            case tikz -> DiagramExport.tikz(out, c, symbols);
            case json -> DiagramExport.json(out, c, symbols);
        }
        out.flush();
        return 0;
    }

    /** One tensor network of D^s L of a model in index notation. */
    private int network(NetworkEngine engine, String loss, int s, int k) throws java.io.IOException {
        Limits.requireNetworkOrder(s);
        List<NetworkTerm> terms = engine.terms(loss, s);
        if (k >= terms.size()) {
            throw new IllegalArgumentException("unknown network id '" + id + "': D^" + s + " " + loss + " has networks 0.." + (terms.size() - 1));
        }
        NetworkTerm t = terms.get(k);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case ascii -> NetworkExport.ascii(out, t, engine.symbols());
            case dot -> NetworkExport.dot(out, t);
            case json -> NetworkExport.json(out, t, engine.symbols());
            case tikz -> throw new IllegalArgumentException("--format tikz draws trace diagrams; for a tensor network use dot, ascii or json");
        }
        out.flush();
        return 0;
    }
}
