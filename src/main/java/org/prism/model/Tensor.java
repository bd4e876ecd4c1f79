package org.prism.model;

import java.io.Serializable;
import java.util.List;
import org.prism.algebra.Monomial;

/**
 * A tensor of a model in index notation: a name, a shape (one size symbol per slot, e.g.
 * {@code [m, d]}) and a role. A {@link Role#PARAMETER} moves along the flow; a {@link Role#DATA}
 * tensor (training inputs, a random teacher) is drawn once and stays fixed. Both have centred
 * Gaussian entries of the given variance (a monomial such as $\sigma^2$, $\sigma_e^2$ or 1), iid
 * unless a data tensor names a {@code covariance}: then its fibres along the one slot whose size is
 * the covariance's are iid $N(0, C)$ ($E[X_{ia}X_{jb}] = C_{ij}\delta_{ab}$). A
 * {@link Role#COVARIANCE} is that $C$: a fixed symmetric positive matrix $[s, s]$, known only
 * through its normalised moments $C_k = \operatorname{tr}(C^k)/s$; its variance is 1 and unused.
 */
public record Tensor(String name, List<String> shape, Role role, Monomial variance, String covariance) implements Serializable {
    public enum Role { PARAMETER, DATA, COVARIANCE }

    public Tensor {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) throw new IllegalArgumentException("not a tensor name: '" + name + "'");
        shape = List.copyOf(shape);
        if (shape.isEmpty()) throw new IllegalArgumentException("tensor " + name + " needs at least one slot");
        if (role == null || variance == null) throw new IllegalArgumentException("tensor " + name + " needs a role and a variance");
        if (role == Role.COVARIANCE && (shape.size() != 2 || !shape.get(0).equals(shape.get(1)))) {
            throw new IllegalArgumentException("covariance " + name + " must be square, got " + shape);
        }
        if (covariance != null && role != Role.DATA) throw new IllegalArgumentException("only data can have a covariance, " + name + " is not data");
    }

    /** An iid tensor (no covariance). */
    public Tensor(String name, List<String> shape, Role role, Monomial variance) {
        this(name, shape, role, variance, null);
    }

    /** The covariance {@code [size, size]} with the given name. */
    public static Tensor covariance(String name, String size) {
        return new Tensor(name, List.of(size, size), Role.COVARIANCE, Monomial.ONE, null);
    }

    public int order() {
        return shape.size();
    }

    public boolean trained() {
        return role == Role.PARAMETER;
    }

    /** Whether this tensor is random (a parameter or data), not a fixed covariance. */
    public boolean random() {
        return role != Role.COVARIANCE;
    }
}
