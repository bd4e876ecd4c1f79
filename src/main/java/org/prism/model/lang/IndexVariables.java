package org.prism.model.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The index variables of one loss and the inference of their sizes.
 *
 * <p>Every binder ({@code sum(i)}, the contraction of a matrix product, a trace, a norm) creates
 * a fresh variable; renaming a network apart creates copies of its bound variables. Variables
 * that must run over the same size share a <em>size class</em> (union-find: a copy is in its
 * original's class, a delta or a product joins classes); a class learns its size from a tensor
 * slot or a {@code sum(i : d)} annotation. Each class remembers where its size came from, to say so
 * when a second source disagrees, and what it stands for, to say so when nothing fixes its size.
 */
final class IndexVariables {
    /** The root data of a size class: its size once known, and the places to quote in errors. */
    private static final class SizeClass {
        final int id;
        int parent;
        String size;
        String sizeWitness;
        final String what;
        final Position origin;

        SizeClass(int id, String what, Position origin) {
            this.id = id;
            this.parent = id;
            this.what = what;
            this.origin = origin;
        }
    }

    private final List<SizeClass> classes = new ArrayList<>();
    private final Map<String, Integer> classOf = new HashMap<>();
    private final Map<String, String> displayName = new HashMap<>();
    private int next;

    /**
     * A new variable in a new size class.
     *
     * @param display the name the user knows it by (an index name, "the rows of W")
     * @param what what the class stands for, for "cannot infer the size of ..."
     */
    String fresh(String display, String what, Position origin) {
        classes.add(new SizeClass(classes.size(), what, origin));
        return newVariable(display, classes.size() - 1);
    }

    /** A new variable in the size class of {@code v}: {@code v} renamed apart. */
    String copy(String v) {
        return newVariable(displayName.get(v), classOf.get(v));
    }

    private String newVariable(String display, int sizeClass) {
        String v = "v" + next++;
        classOf.put(v, sizeClass);
        displayName.put(v, display);
        return v;
    }

    private SizeClass root(String v) {
        int c = classOf.get(v);
        while (classes.get(c).parent != c) {
            classes.get(c).parent = classes.get(classes.get(c).parent).parent;
            c = classes.get(c).parent;
        }
        return classes.get(c);
    }

    Optional<String> size(String v) {
        return Optional.ofNullable(root(v).size);
    }

    /** The size of {@code v}, or a problem at the place its class was made. */
    String requireSize(String v) {
        SizeClass r = root(v);
        if (r.size == null) throw new Problem(r.origin, ModelError.SIZE_UNKNOWN, r.what);
        return r.size;
    }

    /** {@code v} runs over {@code size}, as {@code witness} (e.g. "W[k, i] at 3:14") says. */
    void fix(String v, String size, String witness) {
        SizeClass r = root(v);
        if (r.size == null) {
            r.size = size;
            r.sizeWitness = witness;
        } else if (!r.size.equals(size)) {
            throw new Problem(ModelError.INDEX_SIZES, displayName.get(v), size, witness, r.size, r.sizeWitness);
        }
    }

    /** {@code a} and {@code b} run over the same size, as {@code witness} says. */
    void unify(String a, String b, String witness) {
        SizeClass ra = root(a);
        SizeClass rb = root(b);
        if (ra == rb) return;
        if (ra.size != null && rb.size != null && !ra.size.equals(rb.size)) {
            throw new Problem(ModelError.INDEX_SIZES, displayName.get(a) + " = " + displayName.get(b),
                    ra.size, ra.sizeWitness, rb.size, rb.sizeWitness + " (joined by " + witness + ")");
        }
        rb.parent = ra.id;
        if (ra.size == null) {
            ra.size = rb.size;
            ra.sizeWitness = rb.sizeWitness;
        }
    }

    /** "d x m", with "?" for a size not known yet. */
    String shape(String row, String col) {
        return size(row).orElse("?") + " x " + size(col).orElse("?");
    }
}
