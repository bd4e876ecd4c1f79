package org.prism.diagram;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
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

    /** The same for one engine of a matrix model; one memo or graph for all losses. */
    public static List<Row> run(MatrixModel model, List<String> losses, int maxOrder, Engine engine, java.util.function.Consumer<Row> onRow) {
        if (engine == Engine.INTERPOLATED) {
            InterpolatedWick wick = new InterpolatedWick(model);
            List<ExpectedLoss> engines = new ArrayList<>();
            for (String l : losses) engines.add(wick.loss(l));
            return run(engines, wick::states, maxOrder, onRow);
        }
        TraceExpectation wick = engine == Engine.LEADING ? new PlanarWick(new Alphabet(model)) : new WickRecursion(new Alphabet(model));
        List<ExpectedLoss> engines = new ArrayList<>();
        for (String l : losses) engines.add(new LossCoefficients(model, l, wick));
        return run(engines, wick::states, maxOrder, onRow);
    }

    /** The same for any model: its engine's losses (a {@link NetworkEngine} shares one Wick memo between them). */
    public static List<Row> run(ModelEngine model, List<String> losses, int maxOrder, java.util.function.Consumer<Row> onRow) {
        List<ExpectedLoss> engines = new ArrayList<>();
        for (String l : losses) engines.add(model.exact(l));
        return run(engines, () -> engines.get(0).states(), maxOrder, onRow);
    }

    private static List<Row> run(List<ExpectedLoss> engines, java.util.function.IntSupplier states, int maxOrder, java.util.function.Consumer<Row> onRow) {
        resetPeaks();
        List<Row> rows = new ArrayList<>();
        long start = System.nanoTime();
        for (int s = 0; s <= maxOrder; s++) {
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
        }
        return rows;
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
