package org.prism.regime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prism.algebra.Polynomial;
import org.prism.diagram.ExpectedLoss;
import org.prism.diagram.ModelEngine;
import org.prism.geometry.IntVector;
import org.prism.model.Tensor;
import org.prism.model.TensorFactor;
import org.prism.model.TensorModel;
import org.prism.model.TensorTerm;

/**
 * The flow that survives on a face: the model with every loss term removed that the face's limit does
 * not see. A term is removed when, without it, the face series of every tracked loss (the normalised
 * leading terms of {@code c_0..c_S} along the face's direction, {@link FaceLimitSeries}) stay exactly
 * the same; terms are tried one at a time, the flow loss's first (they move the dynamics), then each
 * tracked loss's, from the last term to the first, and a removal is kept as soon as it passes. Losses
 * neither followed nor tracked are dropped, and so are tensors no term uses.
 *
 * <p>What this proves: the reduced model and the model have equal face series to order {@code S} on this
 * face, so they have the same limit curve as far as the diagrams computed can tell (the limit is read off
 * those series). It does not prove equality at orders beyond {@code S}. Where the reduced model's polytope
 * has the face as a whole (the free face of the tied autoencoder, whose reduced model is its top-degree
 * part), simulating it at growing sizes is a second route to the face's limit at long times.
 *
 * <p>Cost: one computation of {@code c_0..c_S} of each affected loss per term tried (the exact engine, or
 * the leading one), so the number of terms times the cost of the face series.
 *
 * @param model the reduced model (named after the model and the face)
 * @param losses the tracked losses whose face series were compared
 * @param removed per loss, the terms removed
 * @param order the order {@code S} to which the face series agree
 */
public record ReducedFlow(TensorModel model, List<String> losses, Map<String, List<TensorTerm>> removed, int order) {
    public ReducedFlow {
        losses = List.copyOf(losses);
        removed = Collections.unmodifiableMap(new LinkedHashMap<>(removed));
    }

    /** Whether any term was removed. */
    public boolean reduced() {
        return removed.values().stream().anyMatch(l -> !l.isEmpty());
    }

    /**
     * Reduces {@code model} on the face that {@code direction} selects in {@code prism}'s polytope.
     *
     * @param name the reduced model's name (a model-file name: letters, digits, dashes)
     * @param losses tracked losses whose face series must not change
     * @param ratios the ratios the face series are written in (names to exponent vectors; see
     *     {@link FaceLimit#ratiosNeeded})
     * @param tried hears each candidate term after it is decided (may be null)
     */
    public static ReducedFlow of(TensorModel model, DerivedPrism prism, IntVector direction, String name, List<String> losses,
            Map<String, IntVector> ratios, int order, boolean leading, Runnable tried) {
        Map<String, List<Polynomial>> reference = series(ModelEngine.of(model), prism, direction, losses, ratios, order, leading);
        if (reference == null) throw new IllegalStateException("the model's own face series could not be computed");
        Map<String, List<TensorTerm>> kept = new LinkedHashMap<>();
        kept.put(model.flowLoss(), new ArrayList<>(model.loss(model.flowLoss())));
        for (String l : losses) kept.putIfAbsent(l, new ArrayList<>(model.loss(l)));
        Map<String, List<TensorTerm>> removed = new LinkedHashMap<>();
        for (String loss : kept.keySet()) {
            removed.put(loss, new ArrayList<>());
            List<TensorTerm> terms = kept.get(loss);
            // a tracked loss that the flow does not follow changes only its own series
            List<String> affected = loss.equals(model.flowLoss()) ? losses : List.of(loss);
            for (int i = terms.size() - 1; i >= 0; i--) {
                TensorTerm term = terms.remove(i);
                TensorModel candidate = build(model, name, kept);
                Map<String, List<Polynomial>> s = candidate == null ? null
                        : series(ModelEngine.of(candidate), prism, direction, affected, ratios, order, leading);
                boolean same = s != null && affected.stream().allMatch(l -> s.get(l).equals(reference.get(l)));
                if (same) removed.get(loss).add(0, term);
                else terms.add(i, term);
                if (tried != null) tried.run();
            }
        }
        TensorModel reduced = build(model, name, kept);
        if (reduced == null) throw new IllegalStateException("the reduced model is not a model");
        return new ReducedFlow(reduced, losses, removed, order);
    }

    /** A model-file name for the reduced model: the model's name and the face label's letters and digits, joined by dashes. */
    public static String name(String model, String faceLabel) {
        String face = faceLabel.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        return face.isEmpty() ? model + "-face" : model + "-" + face;
    }

    /** Number of terms {@link #of} tries (for a progress bar). */
    public static int candidates(TensorModel model, List<String> losses) {
        Set<String> names = new LinkedHashSet<>();
        names.add(model.flowLoss());
        names.addAll(losses);
        return names.stream().mapToInt(l -> model.loss(l).size()).sum();
    }

    /** The face series of {@code losses}, or null when they cannot be formed (the reduced model lost the face). */
    private static Map<String, List<Polynomial>> series(ModelEngine engine, DerivedPrism prism, IntVector direction, List<String> losses,
            Map<String, IntVector> ratios, int order, boolean leading) {
        Map<String, List<Polynomial>> out = new LinkedHashMap<>();
        try {
            for (String loss : losses) {
                ExpectedLoss e = leading ? engine.leading(loss) : engine.exact(loss);
                List<Polynomial> cs = new ArrayList<>();
                for (int s = 0; s <= order; s++) cs.add(e.coefficient(s));
                out.put(loss, FaceLimitSeries.of(prism, direction, loss, cs, ratios).series());
            }
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            return null;
        }
        return out;
    }

    /** The model with the losses {@code kept} and the tensors they use, or null when that is not a model. */
    private static TensorModel build(TensorModel model, String name, Map<String, List<TensorTerm>> kept) {
        Set<String> used = new LinkedHashSet<>();
        for (List<TensorTerm> terms : kept.values()) {
            for (TensorTerm t : terms) {
                for (TensorFactor f : t.factors()) if (f instanceof TensorFactor.Entry e) used.add(e.tensor());
            }
        }
        List<Tensor> tensors = model.tensors().stream().filter(t -> used.contains(t.name())).toList();
        Map<String, List<TensorTerm>> losses = new LinkedHashMap<>();
        kept.forEach((loss, terms) -> losses.put(loss, List.copyOf(terms)));
        try {
            return new TensorModel(name, model.sizes(), tensors, losses, model.flowLoss());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
