package org.prism.model.lang;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;
import org.prism.model.Tensor;
import org.prism.model.TensorFactor;
import org.prism.model.TensorTerm;
import org.prism.model.TensorModel;

/**
 * Writes a {@link TensorModel} as a model file in index notation, the inverse of {@link ModelFile}: reading
 * the text back gives the same model (sizes, tensors, every loss term by term, the flow) and the same
 * tracked losses. Every term is written as {@code coefficient * sum(i : size, ...) factors}; symbols
 * other than sizes and variance symbols are declared with {@code symbol}. Linear in the size of the model.
 */
public final class ModelFileWriter {
    private ModelFileWriter() {}

    /**
     * Writes {@code model} to {@code out}, after {@code comments} (each line prefixed with {@code #}).
     *
     * @param tracked the losses to track (written as {@code track ...} unless empty)
     */
    public static void write(TensorModel model, List<String> tracked, List<String> comments, Writer out) {
        PrintWriter w = new PrintWriter(out);
        for (String c : comments) w.println(c.isEmpty() ? "#" : "# " + c);
        w.println("model " + model.name());
        w.println();
        w.println("size " + String.join(", ", model.sizes()));
        Set<String> declared = new LinkedHashSet<>(model.sizes());
        for (Tensor t : model.tensors()) declared.addAll(t.variance().exponents().keySet());
        Set<String> others = new LinkedHashSet<>();
        for (List<TensorTerm> terms : model.losses().values()) {
            for (TensorTerm t : terms) {
                for (Monomial m : t.coefficient().terms().keySet()) {
                    for (String s : m.exponents().keySet()) if (!declared.contains(s)) others.add(s);
                }
            }
        }
        if (!others.isEmpty()) w.println("symbol " + String.join(", ", others));
        w.println();
        for (Tensor t : model.tensors()) {
            if (!t.random()) {
                w.printf("covariance %s[%s]%n", t.name(), t.shape().get(0));
                continue;
            }
            String law = t.covariance() != null ? t.covariance() : t.variance().toString();
            w.printf("%-5s %s[%s] ~ normal(0, %s)%n", t.trained() ? "param" : "data", t.name(), String.join(", ", t.shape()), law);
        }
        w.println();
        for (Map.Entry<String, List<TensorTerm>> loss : model.losses().entrySet()) {
            String head = "loss " + loss.getKey() + " = ";
            w.println(head + expression(loss.getValue()).replace("\n", "\n" + " ".repeat(head.length() - 2)));
        }
        w.println();
        w.println("flow gradient(" + model.flowLoss() + ")");
        if (!tracked.isEmpty()) w.println("track " + String.join(", ", tracked));
        w.flush();
    }

    /** A loss as text: its terms joined by {@code +} and {@code -}, one per line; {@code 0} when it has none. */
    public static String expression(List<TensorTerm> terms) {
        if (terms.isEmpty()) return "0";
        StringBuilder sb = new StringBuilder();
        for (TensorTerm t : terms) {
            Polynomial c = t.coefficient();
            boolean negative = c.terms().size() == 1 && c.terms().values().iterator().next().signum() < 0;
            if (negative) c = c.negate();
            sb.append(sb.length() == 0 ? (negative ? "-" : "") : negative ? "\n- " : "\n+ ");
            sb.append(term(c, t));
        }
        return sb.toString();
    }

    private static String term(Polynomial c, TensorTerm t) {
        List<String> parts = new ArrayList<>();
        boolean one = c.terms().size() == 1 && c.terms().containsKey(Monomial.ONE) && c.terms().get(Monomial.ONE).equals(Rational.ONE);
        if (!one || t.factors().isEmpty()) parts.add(c.terms().size() == 1 ? c.toString() : "(" + c + ")");
        if (!t.factors().isEmpty()) {
            List<String> binders = new ArrayList<>();
            for (Map.Entry<String, String> e : t.indexSize().entrySet()) binders.add(e.getKey() + " : " + e.getValue());
            List<String> factors = new ArrayList<>();
            for (TensorFactor f : t.factors()) {
                String name = f instanceof TensorFactor.Entry e ? e.tensor() : "delta";
                factors.add(name + "[" + String.join(", ", f.indices()) + "]");
            }
            parts.add("sum(" + String.join(", ", binders) + ") " + String.join(" ", factors));
        }
        return String.join(" * ", parts);
    }
}
