package org.prism.report;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.prism.model.TensorTerm;
import org.prism.model.lang.ModelFileWriter;
import org.prism.regime.ReducedFlow;

/** Writes a face's {@link ReducedFlow} as a model file, with a header that says how it was found and what it proves. */
public final class ReducedFlowReport {
    private ReducedFlowReport() {}

    /**
     * @param model the name of the model reduced
     * @param face the face's label
     * @param engine "exact" or "leading": the engine whose face series were compared
     */
    public static void write(Writer out, String model, String face, ReducedFlow r, String engine) {
        List<String> c = new ArrayList<>();
        String losses = String.join(", ", r.losses());
        if (r.reduced()) {
            c.add("The flow that survives on face '" + face + "' of " + model + " (prism limit --show-model): without the");
            c.add("terms below, the face series of " + losses + " are exactly the same to order " + r.order() + " (" + engine
                    + " engine), so this model has");
            c.add("the face's limit curve as far as those orders tell. Simulating it at growing sizes is a second route to that limit.");
            c.add("Removed:");
            for (Map.Entry<String, List<TensorTerm>> e : r.removed().entrySet()) {
                for (TensorTerm t : e.getValue()) c.add("  " + e.getKey() + ": " + ModelFileWriter.expression(List.of(t)));
            }
        } else {
            c.add("Every term of " + model + " survives on face '" + face + "': removing any one changes a face series of " + losses);
            c.add("by order " + r.order() + " (" + engine + " engine). The face's limiting flow is the model's own.");
        }
        c.add("");
        ModelFileWriter.write(r.model(), r.losses(), c, out);
    }
}
