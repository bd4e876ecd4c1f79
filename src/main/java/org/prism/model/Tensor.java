package org.prism.model;

import java.util.List;
import org.prism.algebra.Monomial;

/**
 * A random tensor of a model in index notation: a name, a shape (one size symbol per slot, e.g.
 * {@code [m, d]}), and iid centred Gaussian entries of the given variance (a monomial such as
 * $\sigma^2$, $\sigma_e^2$ or 1). A {@link Role#PARAMETER} moves along the flow; a {@link Role#DATA}
 * tensor (training inputs, a random teacher) is drawn once and stays fixed.
 */
public record Tensor(String name, List<String> shape, Role role, Monomial variance) {
    public enum Role { PARAMETER, DATA }

    public Tensor {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) throw new IllegalArgumentException("not a tensor name: '" + name + "'");
        shape = List.copyOf(shape);
        if (shape.isEmpty()) throw new IllegalArgumentException("tensor " + name + " needs at least one slot");
        if (role == null || variance == null) throw new IllegalArgumentException("tensor " + name + " needs a role and a variance");
    }

    public int order() {
        return shape.size();
    }

    public boolean trained() {
        return role == Role.PARAMETER;
    }
}
