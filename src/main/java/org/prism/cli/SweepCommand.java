package org.prism.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.prism.model.lang.ModelFile;
import org.prism.regime.DerivedPrism;
import org.prism.regime.Regime;
import org.prism.regime.compare.FaceComparer;
import org.prism.regime.compare.FaceComparison;
import org.prism.regime.compare.FaceSweep;
import org.prism.report.SweepReport;
import org.prism.simulation.ModelSimulator;
import org.prism.sweep.Sweep;
import org.prism.sweep.SweepFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sweep",
        mixinStandardHelpOptions = true,
        header = "Run a grid of simulations and face comparisons written in a YAML or JSON file.",
        description = {"FILE lists simulations (a model at every point of a grid, with its seeds) and face comparisons (a model's faces",
            "against their simulations, as prism report runs them); docs/sweeps.md gives the format. Every run is an independent unit:",
            "on this machine's threads, or Spark tasks with --spark; runs already in the store are read, not run again, so an",
            "interrupted sweep resumes where it stopped. Exit code 1 when a face fails."})
public final class SweepCommand implements Callable<Integer> {
    enum Format { text, json, csv }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The sweep file (.yaml, .yml or .json).")
    Path file;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; csv: the"
            + " simulations' mean curves).")
    Format format;

    @Option(names = "--threads", paramLabel = "K", description = "Worker threads per simulation on this machine (default: one per core).")
    Integer threads;

    /** Simulations side by side on a cluster: enough to keep its executors busy, few enough to keep the driver light. */
    static final int SPARK_PARALLEL_CELLS = 8;

    @Override
    public Integer call() throws Exception {
        SweepFile sweep = SweepFile.read(file);
        Session session = Session.current();
        ModelSimulator simulator = session.simulator(threads);
        int parallel = session.executor() != null ? SPARK_PARALLEL_CELLS : 1;
        // every face entry's derivation first, so that a face the model does not have is refused before anything runs
        List<ModelOption.LoadedModel> models = new ArrayList<>();
        List<DerivedPrism> prisms = new ArrayList<>();
        for (SweepFile.Faces entry : sweep.faces()) {
            ModelOption.LoadedModel m = ModelOption.LoadedModel.of(ModelFile.read(entry.model()));
            DerivedPrism d = m.derive(m.defaultOrder());
            Set<String> labels = new TreeSet<>();
            for (Regime r : d.regimes(d.perOrder().dimension() - 1)) labels.add(d.label(r));
            for (String name : entry.names()) {
                if (!labels.contains(name)) {
                    throw new IllegalArgumentException(file + ": faces[" + entry.entry() + "]: model " + m.name() + " has no face '" + name + "' (it has: "
                            + String.join(", ", labels) + ")");
                }
            }
            models.add(m);
            prisms.add(d);
        }
        List<Sweep.Outcome> sims;
        try (Progress bar = Progress.start("sweep: simulations", Sweep.totalSteps(sweep), !sweep.simulations().isEmpty())) {
            sims = Sweep.simulate(sweep, simulator, parallel, bar.listener(spec.commandLine().getErr(), "prism sweep"));
        }
        List<Sweep.FaceOutcomes> faces = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < models.size(); i++) {
            SweepFile.Faces entry = sweep.faces().get(i);
            ModelOption.LoadedModel m = models.get(i);
            var options = new FaceComparer.Options(entry.sizes(), entry.seeds(), 2, 11, entry.maxSeconds());
            List<FaceSweep.Outcome> outcomes;
            try (Progress bar = Progress.start(m.name() + " faces", -1, true)) {
                outcomes = FaceSweeps.run(m, prisms.get(i), options, simulator, sweep.seed(), bar::stepBy,
                        entry.names().isEmpty() ? label -> true : entry.names()::contains);
            }
            for (var o : outcomes) failed |= o.comparison() != null && o.comparison().verdict() == FaceComparison.Verdict.FAIL;
            faces.add(new Sweep.FaceOutcomes(entry, m.name(), prisms.get(i), outcomes));
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case text -> SweepReport.text(out, sweep, sims, faces);
            case json -> SweepReport.json(out, sweep, sims, faces);
            case csv -> SweepReport.csv(out, sims);
        }
        return failed ? 1 : 0;
    }
}
