package org.prism.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.prism.report.StoreReport;
import org.prism.store.RunStore;
import org.prism.store.StoreContents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code prism store list|export|prune}: what the run store holds, and how to manage it. */
@Command(name = "store",
        mixinStandardHelpOptions = true,
        header = "See and manage the run store (finished runs and exact coefficients that later commands reuse).",
        description = {"The store is one SQLite file (default ~/.cache/prism/runs.db; --store FILE for another). Python opens it with its",
            "standard sqlite3 module; docs/store.md gives the tables."},
        subcommands = {StoreCommand.ListStore.class, StoreCommand.Export.class, StoreCommand.Prune.class})
public final class StoreCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The session's store, or why there is none. */
    static RunStore store() {
        RunStore s = Session.current().store();
        if (s == null) throw new IllegalArgumentException("no run store (--no-store, or PRISM_STORE=none): give --store FILE");
        return s;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, header = "List the stored batches of runs and coefficients.")
    static final class ListStore implements Callable<Integer> {
        enum Format { text, json }

        @Spec
        CommandSpec spec;

        @Option(names = {"-f", "--format"}, defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format format;

        @Override
        public Integer call() throws Exception {
            RunStore s = store();
            StoreContents c = new StoreContents(s);
            PrintWriter out = spec.commandLine().getOut();
            long bytes = 0;
            for (Path f : List.of(s.file(), Path.of(s.file() + "-wal"))) if (Files.exists(f)) bytes += Files.size(f); // the log holds recent runs
            if (format == Format.json) {
                StoreReport.json(out, s.file(), bytes, c.batches(), c.coefficients());
            } else {
                StoreReport.text(out, s.file(), bytes, c.batches(), c.coefficients());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, header = "Write every stored run (and, as JSON, every coefficient) out.",
            description = {"JSON: batches with their runs' curves, and the coefficients; CSV: one row per run, loss and time",
                "(batch,kind,model,point,description,run,loss,time,value)."})
    static final class Export implements Callable<Integer> {
        enum Format { json, csv }

        @Spec
        CommandSpec spec;

        @Option(names = {"-f", "--format"}, defaultValue = "json", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to FILE (default: standard output).")
        Path file;

        @Override
        public Integer call() throws Exception {
            StoreContents c = new StoreContents(store());
            if (file != null) {
                if (Files.isDirectory(file)) throw new IllegalArgumentException("--out: '" + file + "' is a folder; give a file");
                if (file.toAbsolutePath().getParent() != null) OutputFolder.require(file.toAbsolutePath().getParent(), "--out");
                try (Writer w = Files.newBufferedWriter(file)) {
                    write(c, w);
                }
                spec.commandLine().getOut().println("wrote " + file);
                spec.commandLine().getOut().flush();
            } else {
                write(c, spec.commandLine().getOut());
            }
            return 0;
        }

        private void write(StoreContents c, Writer w) throws Exception {
            if (format == Format.csv) {
                c.csv(w);
            } else {
                c.json(w);
            }
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true, header = "Remove stored runs and coefficients.",
            description = {"Removes what the options select (all of them must hold); --all selects everything. Then gives the space",
                "back to the file system."})
    static final class Prune implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--model", paramLabel = "NAME", description = "Only this model's runs and coefficients (its name, as list shows it).")
        String model;

        @Option(names = "--older-than", paramLabel = "DAYS", description = "Only what was stored more than DAYS days ago.")
        Double days;

        @Option(names = "--runs", description = "Only runs (not coefficients).")
        boolean runsOnly;

        @Option(names = "--coefficients", description = "Only coefficients (not runs).")
        boolean coefficientsOnly;

        @Option(names = "--all", description = "Everything (with no other selection).")
        boolean all;

        @Override
        public Integer call() {
            if (!all && model == null && days == null && !runsOnly && !coefficientsOnly) {
                throw new IllegalArgumentException("say what to remove: --model NAME, --older-than DAYS, --runs, --coefficients, or --all");
            }
            if (all && (model != null || days != null || runsOnly || coefficientsOnly)) {
                throw new IllegalArgumentException("--all removes everything: give it alone");
            }
            if (runsOnly && coefficientsOnly) throw new IllegalArgumentException("give --runs or --coefficients, not both (neither: both kinds)");
            if (days != null && !(days >= 0)) throw new IllegalArgumentException("--older-than must be a number of days >= 0, got " + days);
            Instant before = days == null ? null : Instant.now().minus(Duration.ofSeconds(Math.round(days * 86400)));
            RunStore s = store();
            int[] removed = new StoreContents(s).prune(new StoreContents.Selection(model, before, !coefficientsOnly, !runsOnly));
            PrintWriter out = spec.commandLine().getOut();
            out.println(String.format(Locale.ROOT, "removed %d runs and %d coefficients from %s", removed[0], removed[1], s.file()));
            out.flush();
            return 0;
        }
    }
}
