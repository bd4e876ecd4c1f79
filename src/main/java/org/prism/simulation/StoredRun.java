package org.prism.simulation;

import java.io.Serializable;
import java.util.List;

/**
 * One finished run of a simulation, as it is kept: every loss's curve at the recording times, the seconds it took
 * to compute, and the warnings it raised (a step above the stability estimate, say), so that a run read back
 * from a {@link RunCache} steers its caller as the run itself did.
 *
 * @param losses the losses, in the model's order
 * @param curves {@code [k][time]}: loss {@code k} at each recording time (owned by this value: not copied)
 * @param seconds the seconds the run took where it was computed
 * @param warnings its warnings, in the order raised
 */
public record StoredRun(List<String> losses, double[][] curves, double seconds, List<String> warnings) implements Serializable {
    public StoredRun {
        losses = List.copyOf(losses);
        warnings = List.copyOf(warnings);
        if (curves.length != losses.size()) throw new IllegalArgumentException(curves.length + " curves for " + losses.size() + " losses");
    }
}
