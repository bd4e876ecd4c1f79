package org.prism.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.prism.diagram.ExactBenchmark;
import org.prism.diagram.ModelEngine;
import org.prism.simulation.StepBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench",
        mixinStandardHelpOptions = true,
        header = "Benchmarks (figures depend on the machine; docs/benchmarks.md has this machine's).",
        subcommands = {BenchCommand.Exact.class, BenchCommand.Step.class, CommandLine.HelpCommand.class})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "exact",
            mixinStandardHelpOptions = true,
            header = "Time the exact engine per order: words, states, terms, seconds, peak heap.",
            description = {"Computes c_0..c_S of the train and population losses with one shared state graph",
                "(or Wick memo) and prints one row per order (a markdown table with --markdown)."})
    public static final class Exact implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-S", "--max-order", "--order"}, defaultValue = "8", paramLabel = "S", description = "Highest order (default: ${DEFAULT-VALUE}).")
        int maxOrder;

        @Mixin
        ModelOption modelOption;

        @Option(names = "--markdown", description = "Print a markdown table.")
        boolean markdown;

        @Option(names = "--leading", description = "Time the leading-order (planar) engine instead (orders " + Limits.LEADING_REACH + ").")
        boolean leading;

        @Option(names = "--time-limit", paramLabel = "SECONDS",
                description = {"Stop at this wall time: an order predicted to end past it (its predecessor's time times the last growth",
                    "factor) is not started, one still running at it is interrupted. The commands' fixed order caps do not apply",
                    "(the limit decides); the heap and word checks do. A last line says where and why the run stopped."})
        Double timeLimit;

        @Option(names = "--memo", description = "Time the exact engine that memoises a polynomial per state (the previous engine; orders up to "
                + Limits.MAX_MEMO_ORDER + ") instead of the graph evaluated mod primes.")
        boolean memo;

        @Override
        public Integer call() {
            if (leading && memo) throw new IllegalArgumentException("--leading and --memo are two different engines: choose one");
            if (memo) Limits.requireOrder(maxOrder, Limits.MAX_MEMO_ORDER, "polynomial-memo engine");
            if (timeLimit != null && !(timeLimit > 0)) throw new IllegalArgumentException("--time-limit must be a positive number of seconds, got " + timeLimit);
            ModelOption.LoadedModel loaded = modelOption.load();
            List<String> losses = loaded.engine().losses();
            if (timeLimit == null) Limits.require(loaded, losses, maxOrder, leading);
            PrintWriter out = spec.commandLine().getOut();
            // one column of words (trace words or networks) and one of terms per loss
            List<String> head = new ArrayList<>(List.of("s"));
            String unit = loaded.engine().matrixModel().isPresent() ? "words " : "networks ";
            for (String l : losses) head.add(unit + l);
            head.add("states");
            for (String l : losses) head.add("terms " + l);
            head.addAll(List.of("time (s)", "cumulative (s)", "peak heap (MiB)"));
            printRow(out, head);
            if (markdown) printRow(out, Collections.nCopies(head.size(), "---"));
            Consumer<ExactBenchmark.Row> print = r -> {
                List<String> row = new ArrayList<>(List.of(String.valueOf(r.order())));
                r.words().forEach(w -> row.add(String.valueOf(w)));
                row.add(String.valueOf(r.states()));
                r.terms().forEach(t -> row.add(String.valueOf(t)));
                row.add(String.format(Locale.ROOT, "%.3f", r.seconds()));
                row.add(String.format(Locale.ROOT, "%.3f", r.cumulative()));
                row.add(String.valueOf(r.peakHeapBytes() >> 20));
                printRow(out, row);
            };
            ExactBenchmark.Stop stop = timeLimit == null ? ExactBenchmark.Stop.NEVER : new ExactBenchmark.TimeLimit(timeLimit, s -> {
                try {
                    Limits.require(loaded, losses, s, leading, false);
                    return null;
                } catch (IllegalArgumentException refused) {
                    return refused.getMessage();
                }
            });
            String stopped;
            // the engine itself, never the run store: a benchmark times computing, not reading
            ModelEngine own = ModelEngine.of(loaded.source());
            if (own.matrixModel().isPresent() && own.moments().isEmpty()) {
                ExactBenchmark.Engine engine = leading ? ExactBenchmark.Engine.LEADING : memo ? ExactBenchmark.Engine.MEMO : ExactBenchmark.Engine.INTERPOLATED;
                stopped = ExactBenchmark.run(own.matrixModel().get(), losses, maxOrder, engine, print, stop);
            } else {
                // tensor networks, or traces with moments (a covariance): the model's own engines
                if (memo) throw new IllegalArgumentException("--memo times the polynomial memo of trace models without a covariance; " + loaded.name() + " is not one");
                stopped = ExactBenchmark.run(own, losses, maxOrder, leading, print, stop);
            }
            if (stopped != null) out.println((markdown ? "\n" : "") + "stopped: " + stopped);
            out.flush();
            return 0;
        }

        /** A markdown row, or right-aligned columns of width 16. */
        private void printRow(PrintWriter out, List<String> cells) {
            StringBuilder b = new StringBuilder(markdown ? "|" : "");
            for (String c : cells) b.append(markdown ? " " + c + " |" : String.format("%16s", c));
            out.println(b);
            out.flush();
        }
    }

    @Command(name = "step",
            mixinStandardHelpOptions = true,
            header = "Time one gradient-descent step of the simulator per size (ms/step, median).",
            description = {"One worker, the cheapest route, warm-up steps then the median of 5-21 timed steps;",
                "prints the backend (native BLAS or pure Java) and CSV rows d,m,n,route,ms_per_step,gflops,",
                "as bench/numpy_step.py does (run that with OPENBLAS_NUM_THREADS set to the same --threads)."})
    public static final class Step implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "D,M,N", arity = "0..*",
                description = "Sizes (default: 128,128,512 256,256,1024 512,512,2048 1024,64,4096 1024,1024,4096 4096,64,4096).")
        List<String> sizes = new ArrayList<>();

        @Option(names = "--threads", defaultValue = "1", paramLabel = "K", description = "BLAS threads (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--java", description = "Time the pure-Java (EJML) path even where native BLAS is available.")
        boolean java;

        @Override
        public Integer call() {
            if (threads < 1) throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
            List<int[]> parsed = new ArrayList<>();
            for (String s : sizes) parsed.add(parseSize(s));
            StepBenchmark.run(spec.commandLine().getOut(), parsed.isEmpty() ? StepBenchmark.SIZES : parsed, threads, java);
            return 0;
        }

        private static int[] parseSize(String s) {
            String[] p = s.split(",");
            try {
                if (p.length == 3) {
                    int[] v = {Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()), Integer.parseInt(p[2].strip())};
                    if (v[0] >= 1 && v[1] >= 1 && v[2] >= 1) return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("a size is d,m,n with positive integers, got '" + s + "'");
        }
    }
}
