package org.prism.model;

import com.google.common.hash.Hashing;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.prism.algebra.Point;
import org.prism.algebra.Rational;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * A model whose losses are traces of products of Gaussian random matrices, trained by a flow
 * whose velocities are again such products: the data the expansion engine runs on.
 *
 * <p>{@code sizes} are the dimension symbols (e.g. d, m, n); every matrix has two of them.
 * {@code losses} maps a loss name to a sum of traces; {@code velocity} maps each trained matrix to
 * $dM/dt$ as a sum of products. The transposed letter's velocity is the transpose.
 */
public record MatrixModel(
        String name,
        List<String> sizes,
        List<RandomMatrix> matrices,
        Map<String, List<MatrixProduct>> losses,
        Map<RandomMatrix, List<MatrixProduct>> velocity) implements Serializable {

    public MatrixModel {
        sizes = List.copyOf(sizes);
        matrices = List.copyOf(matrices);
        losses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(losses));
        velocity = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(velocity));
        for (RandomMatrix r : matrices) {
            if (!sizes.contains(r.rows()) || !sizes.contains(r.cols())) {
                throw new IllegalArgumentException("matrix " + r.name() + " uses an undeclared size");
            }
        }
        for (Map.Entry<String, List<MatrixProduct>> e : losses.entrySet()) {
            for (MatrixProduct p : e.getValue()) {
                if (!p.isTraceable()) throw new IllegalArgumentException("loss " + e.getKey() + ": " + p + " is not square");
                for (var l : p.letters()) requireDeclared(l.matrix(), matrices);
            }
        }
        for (Map.Entry<RandomMatrix, List<MatrixProduct>> e : velocity.entrySet()) {
            RandomMatrix m = requireDeclared(e.getKey(), matrices);
            if (!m.trained()) throw new IllegalArgumentException("matrix " + m.name() + " is data, it has no velocity");
            for (MatrixProduct p : e.getValue()) {
                if (p.letters().isEmpty() || !p.letters().get(0).rows().equals(m.rows())
                        || !p.letters().get(p.letters().size() - 1).cols().equals(m.cols())) {
                    throw new IllegalArgumentException("velocity of " + m.name() + ": " + p + " is not " + m.rows() + " x " + m.cols());
                }
            }
        }
        for (RandomMatrix m : matrices) {
            if (m.trained() && !velocity.containsKey(m)) throw new IllegalArgumentException("trained matrix " + m.name() + " has no velocity");
            if (m.covariance() != null) requireDeclared(m.covariance(), matrices);
        }
        if (matrices.stream().filter(RandomMatrix::constant).count() > 1) {
            throw new IllegalArgumentException("at most one covariance per model");
        }
    }

    /** The model's covariance, the one fixed matrix of its data law, if it has one. */
    public Optional<RandomMatrix> covariance() {
        return matrices.stream().filter(RandomMatrix::constant).findFirst();
    }

    /**
     * The value at {@code at} of the covariance's size (the number of eigenvalues its spectrum has); empty without a
     * covariance.
     *
     * @throws IllegalArgumentException when {@code at} gives that size no positive integer value
     */
    public OptionalInt covarianceSize(Point at) {
        Optional<RandomMatrix> c = covariance();
        if (c.isEmpty()) return OptionalInt.empty();
        Rational v = at.values().get(c.get().rows());
        if (v == null || !v.isInteger() || v.signum() <= 0) {
            throw new IllegalArgumentException("size " + c.get().rows() + " (the covariance's) must be a positive integer, got " + (v == null ? "none" : v));
        }
        return OptionalInt.of(v.numerator().intValueExact());
    }

    private static RandomMatrix requireDeclared(RandomMatrix m, List<RandomMatrix> matrices) {
        if (!matrices.contains(m)) throw new IllegalArgumentException("matrix " + m.name() + " is not declared");
        return m;
    }

    /** Whether {@code other} is this model under any name: the same sizes, matrices, losses and flow. */
    /**
     * SHA-256 (hex) of the model's content, its name left out: equal for models with {@link #sameContent}, the key under
     * which stored runs and coefficients are found again.
     */
    public String contentHash() {
        return Hashing.sha256().hashString("matrix " + new MatrixModel("", sizes, matrices, losses, velocity), StandardCharsets.UTF_8).toString();
    }

    public boolean sameContent(MatrixModel other) {
        return sizes.equals(other.sizes) && matrices.equals(other.matrices) && losses.equals(other.losses) && velocity.equals(other.velocity);
    }

    public List<MatrixProduct> loss(String lossName) {
        List<MatrixProduct> l = losses.get(lossName);
        if (l == null) throw new IllegalArgumentException("unknown loss '" + lossName + "' (known: " + String.join(", ", losses.keySet()) + ")");
        return l;
    }

    /** Every symbol that can appear in a coefficient: sizes, variance symbols, coefficient symbols. */
    public Set<String> symbols() {
        Set<String> s = new TreeSet<>(sizes);
        matrices.forEach(m -> s.addAll(m.variance().exponents().keySet()));
        losses.values().forEach(l -> l.forEach(p -> p.coefficient().terms().keySet().forEach(mo -> s.addAll(mo.exponents().keySet()))));
        velocity.values().forEach(l -> l.forEach(p -> p.coefficient().terms().keySet().forEach(mo -> s.addAll(mo.exponents().keySet()))));
        return s;
    }
}
