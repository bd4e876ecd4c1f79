package org.prism.cli;

import org.prism.algebra.Rational;
import org.prism.store.RunStore;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code prism} command: lists its subcommands; run bare, prints usage. */
@Command(name = "prism",
        mixinStandardHelpOptions = true,
        version = "prism " + RunStore.VERSION,
        header = "Exact diagram expansion of learning dynamics, and the regimes it implies.",
        description = {
            "Expands the expected loss curve of a model trained by gradient flow, E L(t) = sum_s c_s t^s/s!,",
            "and writes every c_s exactly as a sum of Wick diagrams (default model: the weight-tied linear",
            "autoencoder, W m x d ~ N(0, sigma^2), X d x n ~ N(0, 1))."},
        subcommands = {
            CoefficientsCommand.class,
            DiagramsCommand.class,
            InspectCommand.class,
            PrismPolytopeCommand.class,
            RegimesCommand.class,
            ClassifyCommand.class,
            LimitCommand.class,
            SimulateCommand.class,
            CheckLimitsCommand.class,
            CompareCommand.class,
            ReportCommand.class,
            SweepCommand.class,
            StoreCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error, or check-limits found a difference (a bug either way: please report it)", "2:invalid input", "130:interrupted"})
public final class PrismCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // read by Session from the parse result, wherever on the line they stand
    @Option(names = "--store", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The run store: finished runs and exact coefficients are read from it and kept in it (default: $XDG_CACHE_HOME/prism/runs.db"
                    + " or ~/.cache/prism/runs.db; PRISM_STORE=FILE|none changes the default).")
    Path store;

    @Option(names = "--no-store", scope = ScopeType.INHERIT, description = "Neither read nor keep runs and coefficients.")
    boolean noStore;

    @Option(names = "--spark", paramLabel = "MASTER", arity = "0..1", fallbackValue = "submit", scope = ScopeType.INHERIT,
            description = "Run the simulations' runs as Apache Spark tasks (local[2], spark://host:7077, yarn; bare: the master spark-submit gives)."
                    + " Needs Spark on the class path: submit target/prism.jar with spark-submit (docs/cluster.md).")
    String spark;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A configured command line: short errors, exit 2 on bad input, no stack traces. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PrismCommand());
        cl.setUsageHelpWidth(110); // descriptions are written as lines of up to ~100 characters
        // every number on the command line is read exactly, so fractions work wherever a number does (--dt 1/100)
        CommandLine.ITypeConverter<Double> exact = text -> {
            try {
                return Rational.parse(text).doubleValue();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a number (use e.g. 2, 1/3, 0.25, 1e-3)");
            }
        };
        cl.registerConverter(Double.class, exact);
        cl.registerConverter(Double.TYPE, exact);
        cl.setParameterExceptionHandler(Errors::handleParameterException);
        cl.setExecutionExceptionHandler(Errors::handleExecutionException);
        cl.setExecutionStrategy(parsed -> {
            Session session;
            try {
                session = Session.begin(parsed, cl.getErr());
            } catch (IllegalArgumentException e) {
                return Errors.handleExecutionException(e, cl, parsed);
            }
            try (session) {
                return new CommandLine.RunLast().execute(parsed);
            }
        });
        return cl;
    }

    public static void main(String[] args) {
        Thread main = Thread.currentThread();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!done.get()) {
                main.interrupt();
                // give the command a moment to stop and say so itself; say it here only if it did not
                long until = System.nanoTime() + 2_000_000_000L;
                try {
                    while (!Errors.INTERRUPT_REPORTED.get() && !done.get() && System.nanoTime() < until) Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (Errors.INTERRUPT_REPORTED.compareAndSet(false, true)) {
                    System.err.println("prism: interrupted");
                    System.err.flush();
                }
            }
        }));
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("prism: out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MiB heap); lower the order or sizes, or raise the heap, e.g. PRISM_JAVA_OPTS=-Xmx16g");
            code = Errors.INVALID_INPUT;
        } catch (StackOverflowError e) {
            System.err.println("prism: recursion too deep; raise the thread stack, e.g. PRISM_JAVA_OPTS=\"-Xss64m\"");
            code = Errors.INVALID_INPUT;
        } catch (Throwable t) {
            System.err.println("prism: internal error (" + t.getClass().getSimpleName() + "): " + t.getMessage());
            code = 1;
        } finally {
            done.set(true);
        }
        System.exit(code);
    }
}
