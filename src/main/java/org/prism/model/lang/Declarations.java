package org.prism.model.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.prism.model.Tensor;

/**
 * The names an expression can use: sizes, symbols (variances, weights) and tensors, in one
 * namespace, each declared once. {@code I} is reserved for the identity matrix.
 */
final class Declarations {
    enum Kind {
        SIZE("size"), SYMBOL("symbol"), TENSOR("tensor");

        final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    /** A declared name: its kind, where it was declared and, for a tensor, the tensor. */
    record Declared(Kind kind, Position at, Tensor tensor) {}

    static final String IDENTITY = "I";

    private final Map<String, Declared> byName = new HashMap<>();
    private final List<String> sizes = new ArrayList<>();
    private final List<Tensor> tensors = new ArrayList<>();

    /** Throws a problem unless {@code name} is free to declare. */
    void requireFree(String name, Kind kind) {
        if (name.equals(IDENTITY)) throw new Problem(ModelError.RESERVED, name, "it is the identity matrix");
        Declared d = byName.get(name);
        if (d != null) throw new Problem(ModelError.DUPLICATE, kind.word, name, d.at());
    }

    void declareSize(String name, Position at) {
        requireFree(name, Kind.SIZE);
        byName.put(name, new Declared(Kind.SIZE, at, null));
        sizes.add(name);
    }

    void declareSymbol(String name, Position at) {
        requireFree(name, Kind.SYMBOL);
        byName.put(name, new Declared(Kind.SYMBOL, at, null));
    }

    void declareTensor(Tensor t, Position at) {
        requireFree(t.name(), Kind.TENSOR);
        byName.put(t.name(), new Declared(Kind.TENSOR, at, t));
        tensors.add(t);
    }

    Optional<Declared> lookup(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** {@code name} as a size, or a problem saying what it is instead. */
    String requireSize(String name) {
        Declared d = byName.get(name);
        if (d == null) throw new Problem(ModelError.UNKNOWN_SIZE, name, name);
        if (d.kind() != Kind.SIZE) throw new Problem(ModelError.NOT_A_SIZE, name, d.kind().word);
        return name;
    }

    List<String> sizes() {
        return List.copyOf(sizes);
    }

    List<Tensor> tensors() {
        return List.copyOf(tensors);
    }
}
