package org.prism.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** What both simulators do around a {@link RunCache}: read the runs it holds, and record each new run's warnings. */
final class KeptRuns {
    private KeptRuns() {}

    /**
     * Puts into {@code into} every run of {@code batch} that {@code cache} holds with these losses and this many
     * recording times; for each, its steps go to {@code l} and its warnings too (the simulation's first only, as when
     * it ran). Returns the indices of the runs to compute, in order.
     */
    static int[] read(RunCache cache, RunBatch batch, List<String> losses, int times, StoredRun[] into, long steps, ProgressListener l,
            AtomicBoolean warned) {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < into.length; i++) {
            StoredRun s = cache.find(batch, i);
            if (s != null && s.losses().equals(losses) && s.curves()[0].length == times) {
                into[i] = s;
                for (String w : s.warnings()) if (warned.compareAndSet(false, true)) l.warning(w);
                l.stepsDone(steps);
            } else {
                missing.add(i);
            }
        }
        return missing.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A listener for one run: its steps go on to {@code l}; its warnings are kept in {@code warnings}, and the simulation's first goes to {@code l}. */
    static ProgressListener recording(ProgressListener l, AtomicBoolean warned, List<String> warnings) {
        return ProgressListener.of(l::stepsDone, message -> {
            warnings.add(message);
            if (warned.compareAndSet(false, true)) l.warning(message);
        });
    }
}
