package org.prism.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.prism.regime.compare.CompareReport;
import org.prism.regime.compare.Comparer;
import org.prism.regime.compare.Comparison;
import org.prism.regime.compare.ScalingPath;
import org.prism.regime.compare.ScalingPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compare",
        mixinStandardHelpOptions = true,
        header = "Cross-check B: simulate along a scaling path and compare with the regime's limit curve.",
        description = {
            "Runs the gradient flow (RK4) at K sizes doubling along the regime's scaling path, normalises every run",
            "as the regime's limit does, and compares the mean curve with the limit: per size the max relative error",
            "over the time grid (train and pop), and the rate r of error ~ size^-r fitted over the sizes.",
            "Regimes: large-data, mean-field, narrow-latent, small-data, free (its end laws free-narrow and free-wide,",
            "and y = 1 against the resummed face series: free-y1-gamma0, free-y1-gamma-half, and the free regime's own",
            "flow free-dynamics-y1-gamma-half; each also by name).",
            "Writes DIR/P.csv (size,t,loss,predicted,sim_mean,sim_se,rel_error), DIR/P.png and DIR/P.svg (prediction",
            "black; mean per size with a +-2 SE band), DIR/P.tex (booktabs) and DIR/P-standalone.tex for each path P.",
            "JSON: {\"regime\":R,\"paths\":[{\"name\",\"regime\",\"parameters\",\"scaling\",\"sizes\":[{\"size\",\"d\",\"m\",\"n\",",
            "\"sigma2\",\"runs\",\"trainMaxRelError\",\"popMaxRelError\",\"trainMaxZ\",\"popMaxZ\",\"seconds\"}],\"trainRate\",",
            "\"popRate\",\"notes\"}],\"files\":[...]} (null where a loss has no prediction)."})
public final class CompareCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @Option(names = {"-r", "--regime"}, required = true, paramLabel = "NAME",
            description = "large-data, mean-field, narrow-latent, small-data or free (or one free path by name).")
    String regime;

    @Option(names = "--seeds", paramLabel = "K", description = "Runs at the largest size (smaller sizes get more; default: per regime).")
    Integer seeds;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Base seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sizes", paramLabel = "K", description = "Number of doubling steps from the smallest size (default: per regime, 3 or 4).")
    Integer sizes;

    @Option(names = "--quick", description = "The smallest 3 sizes with 2 runs at the largest (a smoke test).")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: reports/compare; with --quick: prism-compare-quick in"
            + " the system's temporary folder, so a smoke test never overwrites the committed reports).")
    Path out;

    @Option(names = "--threads", paramLabel = "K", description = "Worker threads (default: available processors).")
    Integer threads;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        modelOption.load().requireTiedAutoencoder("Comparisons of limits with simulations");
        List<ScalingPath> paths = ScalingPaths.forName(regime, new ScalingPaths.Options(sizes, seeds, quick));
        Path folder = outputFolder();
        Comparer comparer = threads == null ? new Comparer() : new Comparer(threads);
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectMapper mapper = CompareReport.mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("regime", regime.strip());
        ArrayNode jsonPaths = root.putArray("paths");
        List<Path> files = new ArrayList<>();
        for (ScalingPath path : paths) {
            Comparison c;
            try (Progress bar = Progress.start("compare " + path.name(), path.totalSteps(), true)) {
                c = comparer.run(path, seed, bar.listener(err, "prism compare"));
            }
            List<Path> written = CompareReport.writeAll(c, folder);
            files.addAll(written);
            if (format == Format.json) {
                jsonPaths.add(CompareReport.json(mapper, c));
            } else {
                CompareReport.text(o, c);
                for (Path f : written) o.println("wrote " + f);
                o.println();
            }
            o.flush();
        }
        if (format == Format.json) {
            ArrayNode f = root.putArray("files");
            files.forEach(p -> f.add(p.toString()));
            o.println(mapper.writeValueAsString(root));
        }
        o.flush();
        return 0;
    }

    private Path outputFolder() {
        if (out != null) return OutputFolder.require(out, "--out");
        return quick ? Path.of(System.getProperty("java.io.tmpdir"), "prism-compare-quick") : Path.of("reports", "compare");
    }
}
