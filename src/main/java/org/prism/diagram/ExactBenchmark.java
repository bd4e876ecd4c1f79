package org.prism.diagram;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import org.prism.expansion.Alphabet;
import org.prism.model.MatrixModel;

/**
 * Times an engine order by order: $c_s$ of every requested loss of a model with one shared
 * memo (or state graph), reporting per order the words of the expansion, the states so far, the
 * terms of $c_s$, the wall time and the peak heap. Not a unit test: figures depend on the machine.
 */
public final class ExactBenchmark {
    private ExactBenchmark() {}

    public record Row(int order, List<Integer> words, int states, List<Integer> terms, double seconds, double cumulative, long peakHeapBytes) {}

    /** The engines of a matrix model that can be timed. */
    public enum Engine {
        /** {@link InterpolatedWick}: the state graph evaluated mod primes, the default exact engine. */
        INTERPOLATED,
        /** {@link WickRecursion}: a polynomial memoised per state. */
        MEMO,
        /** {@link PlanarWick}: the leading (planar) terms only. */
        LEADING
    }

    /** When a run stops before its last order. */
    public interface Stop {
        /** Never: every order is run. */
        Stop NEVER = new Stop() {
            @Override
            public String before(int order, List<Row> rows) {
                return null;
            }

            @Override
            public double deadline() {
                return Double.POSITIVE_INFINITY;
            }
        };

        /** Why {@code order} should not be started after {@code rows} (null: start it). */
        String before(int order, List<Row> rows);

        /** Seconds from the start at which an order still running is interrupted. */
        double deadline();
    }

    /**
     * A wall-time limit: an order is not started when {@code refusal} gives a reason, or when its
     * predecessor's time times the last growth factor would end it past the limit (predicted only
     * from orders of at least a second: shorter ones grow erratically); one running at the limit is
     * interrupted.
     */
    public record TimeLimit(double seconds, IntFunction<String> refusal) implements Stop {
        @Override
        public String before(int order, List<Row> rows) {
            String why = refusal.apply(order);
            if (why != null) return "order " + order + " refused: " + why;
            if (rows.size() < 2) return null;
            Row last = rows.get(rows.size() - 1);
            Row previous = rows.get(rows.size() - 2);
            if (last.seconds() < 1) return null;
            double growth = Math.max(1, last.seconds() / Math.max(1e-3, previous.seconds()));
            double end = last.cumulative() + last.seconds() * growth;
            if (end <= seconds) return null;
            return String.format(Locale.ROOT, "order %d not started: predicted to end at about %.0f s (order %d took %.1f s, x%.1f over order %d),"
                    + " past the time limit of %s", order, end, last.order(), last.seconds(), growth, previous.order(), inSeconds(seconds));
        }

        @Override
        public double deadline() {
            return seconds;
        }
    }

    /** The same for one engine of a matrix model; one memo or graph for all losses. Returns why it stopped early, or null. */
    public static String run(MatrixModel model, List<String> losses, int maxOrder, Engine engine, Consumer<Row> onRow, Stop stop) {
        if (engine == Engine.INTERPOLATED) {
            InterpolatedWick wick = new InterpolatedWick(model);
            List<ExpectedLoss> engines = new ArrayList<>();
            for (String l : losses) engines.add(wick.loss(l));
            return run(engines, wick::states, maxOrder, onRow, stop);
        }
        TraceExpectation wick = engine == Engine.LEADING ? new PlanarWick(new Alphabet(model)) : new WickRecursion(new Alphabet(model));
        List<ExpectedLoss> engines = new ArrayList<>();
        for (String l : losses) engines.add(new LossCoefficients(model, l, wick));
        return run(engines, wick::states, maxOrder, onRow, stop);
    }

    /**
     * The same for any model: its engine's losses, exact or leading (a {@link NetworkEngine} shares one Wick
     * memo between them, a matrix model with moments one moment engine).
     */
    public static String run(ModelEngine model, List<String> losses, int maxOrder, boolean leading, Consumer<Row> onRow, Stop stop) {
        List<ExpectedLoss> engines = new ArrayList<>();
        for (String l : losses) engines.add(leading ? model.leading(l) : model.exact(l));
        return run(engines, () -> engines.get(0).states(), maxOrder, onRow, stop);
    }

    /**
     * The orders in a worker thread, so that the caller can interrupt one at the deadline (the engines
     * poll the interrupt flag); after the deadline the worker has a minute to stop.
     */
    private static String run(List<ExpectedLoss> engines, IntSupplier states, int maxOrder, Consumer<Row> onRow, Stop stop) {
        resetPeaks();
        List<Row> rows = new ArrayList<>();
        String[] stopped = {null};
        AtomicInteger done = new AtomicInteger(); // orders finished: the one running is the next
        RuntimeException[] failed = {null};
        long start = System.nanoTime();
        Thread worker = new Thread(() -> {
            try {
                for (int s = 0; s <= maxOrder; s++) {
                    String why = stop.before(s, List.copyOf(rows));
                    if (why != null) {
                        stopped[0] = why;
                        return;
                    }
                    long t = System.nanoTime();
                    List<Integer> words = new ArrayList<>();
                    List<Integer> terms = new ArrayList<>();
                    for (ExpectedLoss e : engines) {
                        terms.add(e.coefficient(s).terms().size());
                        words.add(e.terms(s));
                    }
                    long now = System.nanoTime();
                    Row r = new Row(s, words, states.getAsInt(), terms, (now - t) / 1e9, (now - start) / 1e9, peakHeap());
                    rows.add(r);
                    if (onRow != null) onRow.accept(r);
                    done.incrementAndGet();
                }
            } catch (WickRecursion.CancellationException interrupted) {
                // the deadline: said below
            } catch (OutOfMemoryError full) {
                // the order's memo and graph are garbage once this thread ends: the rows so far stand
                stopped[0] = String.format(Locale.ROOT, "order %d ran out of heap (%.1f GiB) after %.0f s", done.get(),
                        Runtime.getRuntime().maxMemory() / (double) (1L << 30), (System.nanoTime() - start) / 1e9);
            } catch (RuntimeException e) {
                failed[0] = e;
            }
        }, "bench");
        worker.setDaemon(true);
        worker.start();
        double deadline = stop.deadline();
        try {
            if (Double.isInfinite(deadline)) {
                worker.join();
            } else {
                long wait = (long) (deadline * 1000) - (System.nanoTime() - start) / 1_000_000;
                if (wait > 0) worker.join(wait);
                if (worker.isAlive()) {
                    worker.interrupt();
                    worker.join(60_000);
                    // an order that ended between the deadline and the interrupt has its row: the next one was stopped
                    return "order " + done.get() + " interrupted at the time limit of " + inSeconds(deadline);
                }
            }
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new WickRecursion.CancellationException();
        }
        if (failed[0] != null) throw failed[0];
        return stopped[0];
    }

    /** {@code 600 s}, {@code 0.5 s}. */
    private static String inSeconds(double s) {
        return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + " s";
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    /** Sum over heap pools of their peak usage since the start of the run (an upper bound on the live peak). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }
}
