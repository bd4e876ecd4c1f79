package org.prism.model.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.algebra.Rational;

/**
 * Arithmetic on {@link Expansion}s: every operation distributes over the terms, so results stay
 * sums of products of tensor entries and deltas.
 *
 * <ul>
 * <li>a product multiplies every pair of terms, after renaming the right operand's bound variables
 * apart (so $(\sum_h U_{ih})^2$ becomes $\sum_{h,h'} U_{ih}U_{ih'}$); free variables are shared;
 * <li>a matrix product $AB$ joins $A$'s column and $B$'s row into one bound variable;
 * $A^T$ swaps row and column; $\operatorname{tr} A$ joins them and binds the result;
 * $\|A\|^2 = \sum_{r,c} A_{rc}A_{rc}$;
 * <li>a sum of matrices identifies their rows and their columns.
 * </ul>
 * Shapes unknown so far (the identity's) are inferred through {@link IndexVariables}. The raw
 * number of terms is capped at {@value #MAX_TERMS} and the factors of a term at
 * {@value #MAX_FACTORS}, so a mistyped power fails at once instead of exhausting memory.
 */
final class ExpansionAlgebra {
    static final int MAX_TERMS = 4096;
    static final int MAX_FACTORS = 64;

    private final IndexVariables vars;

    ExpansionAlgebra(IndexVariables vars) {
        this.vars = vars;
    }

    static Expansion constant(Polynomial c) {
        return Expansion.scalar(List.of(OpenTerm.constant(c)));
    }

    /** The value of an expression without tensors or sums, if it is one. */
    static Optional<Polynomial> constantValue(Expansion e) {
        if (e.isMatrix()) return Optional.empty();
        Polynomial sum = Polynomial.ZERO;
        for (OpenTerm t : e.terms()) {
            if (!t.factors().isEmpty() || !t.bound().isEmpty()) return Optional.empty();
            sum = sum.add(t.coefficient());
        }
        return Optional.of(sum);
    }

    Expansion add(Expansion a, Expansion b) {
        if (a.isMatrix() != b.isMatrix()) throw new Problem(ModelError.MIXED_SUM, shape(a.isMatrix() ? a : b));
        requireTerms((long) a.terms().size() + b.terms().size());
        List<OpenTerm> terms = new ArrayList<>(a.terms());
        if (!a.isMatrix()) {
            terms.addAll(b.terms());
            return Expansion.scalar(terms);
        }
        requireSameSize(a.row(), b.row(), "add", a, b);
        requireSameSize(a.col(), b.col(), "add", a, b);
        vars.unify(a.row(), b.row(), "a sum of matrices");
        vars.unify(a.col(), b.col(), "a sum of matrices");
        Map<String, String> toA = Map.of(b.row(), a.row(), b.col(), a.col());
        for (OpenTerm t : b.terms()) terms.add(t.renamed(toA));
        return new Expansion(terms, a.row(), a.col());
    }

    static Expansion scale(Expansion a, Polynomial c) {
        return new Expansion(a.terms().stream().map(t -> t.scaled(c)).toList(), a.row(), a.col());
    }

    /** Juxtaposition or '*': the matrix product of two matrices, else the product of scalars or a scalar and a matrix. */
    Expansion multiply(Expansion a, Expansion b) {
        if (a.isMatrix() && b.isMatrix()) return matrixProduct(a, b);
        Expansion fresh = renamedApart(b, false);
        return new Expansion(products(a.terms(), fresh.terms()), a.isMatrix() ? a.row() : b.row(), a.isMatrix() ? a.col() : b.col());
    }

    Expansion divide(Expansion a, Expansion divisor, String divisorText) {
        Polynomial d = constantValue(divisor).orElseThrow(() -> new Problem(ModelError.DIVISOR, divisorText));
        if (d.terms().size() != 1) throw new Problem(ModelError.DIVISOR, divisorText);
        Map.Entry<Monomial, Rational> only = d.terms().entrySet().iterator().next();
        return scale(a, Polynomial.term(only.getValue().reciprocal(), only.getKey().pow(-1)));
    }

    private Expansion matrixProduct(Expansion a, Expansion b) {
        requireSameSize(a.col(), b.row(), "multiply", a, b);
        Expansion fresh = renamedApart(b, true);
        vars.unify(a.col(), fresh.row(), "a matrix product");
        Map<String, String> join = Map.of(fresh.row(), a.col());
        List<OpenTerm> right = fresh.terms().stream().map(t -> t.renamed(join)).toList();
        List<OpenTerm> terms = products(a.terms(), right).stream().map(t -> t.binding(List.of(a.col()))).toList();
        return new Expansion(terms, a.row(), fresh.col());
    }

    static Expansion transpose(Expansion a) {
        if (!a.isMatrix()) throw new Problem(ModelError.MATRIX_EXPECTED, "the transpose ^T");
        return new Expansion(a.terms(), a.col(), a.row());
    }

    Expansion trace(Expansion a) {
        if (!a.isMatrix()) throw new Problem(ModelError.MATRIX_EXPECTED, "tr(...)");
        requireSquare(a, "tr(...)");
        vars.unify(a.row(), a.col(), "a trace");
        Map<String, String> join = Map.of(a.col(), a.row());
        return Expansion.scalar(a.terms().stream().map(t -> t.renamed(join).binding(List.of(a.row()))).toList());
    }

    /** $\|A\|_F^2 = \sum_{r,c} A_{rc} A_{rc}$. */
    Expansion frobeniusSquared(Expansion a) {
        if (!a.isMatrix()) throw new Problem(ModelError.MATRIX_EXPECTED, "the norm ||...||");
        Expansion fresh = renamedApart(a, true);
        Map<String, String> same = Map.of(fresh.row(), a.row(), fresh.col(), a.col());
        List<OpenTerm> right = fresh.terms().stream().map(t -> t.renamed(same)).toList();
        return Expansion.scalar(products(a.terms(), right).stream().map(t -> t.binding(List.of(a.row(), a.col()))).toList());
    }

    /** $a^k$: repeated products for $k \ge 1$ (a matrix must be square), 1 for $k = 0$, and the reciprocal power of a monomial for $k < 0$. */
    Expansion power(Expansion a, int k) {
        if (a.isMatrix()) {
            if (k < 1) throw new Problem(ModelError.BAD_POWER, "a matrix power must be a positive integer, got " + k);
            requireSquare(a, "a matrix power");
        } else if (k == 0) {
            return constant(Polynomial.ONE);
        } else if (k < 0) {
            Polynomial c = constantValue(a).filter(p -> p.terms().size() == 1)
                    .orElseThrow(() -> new Problem(ModelError.BAD_POWER, "a negative power needs a nonzero monomial such as d or 2n"));
            Map.Entry<Monomial, Rational> only = c.terms().entrySet().iterator().next();
            return constant(Polynomial.term(only.getValue().pow(k), only.getKey().pow(k)));
        }
        Expansion result = a;
        for (int i = 1; i < k; i++) result = multiply(result, a);
        return result;
    }

    /** {@code a} summed over {@code bound} (every term, whether it uses them or not). */
    static Expansion bind(Expansion a, List<String> bound) {
        return new Expansion(a.terms().stream().map(t -> t.binding(bound)).toList(), a.row(), a.col());
    }

    /** "m x d" for a matrix; the shape of a scalar is never asked. */
    String shape(Expansion a) {
        return vars.shape(a.row(), a.col());
    }

    private List<OpenTerm> products(List<OpenTerm> left, List<OpenTerm> right) {
        requireTerms((long) left.size() * right.size());
        List<OpenTerm> out = new ArrayList<>(left.size() * right.size());
        for (OpenTerm l : left) {
            for (OpenTerm r : right) {
                if (l.factors().size() + r.factors().size() > MAX_FACTORS) {
                    throw new Problem(ModelError.TOO_LARGE, "a term with more than " + MAX_FACTORS + " factors");
                }
                out.add(l.times(r));
            }
        }
        return out;
    }

    /** A copy of {@code b} whose bound variables (and, if asked, row and column) are new ones of the same sizes. */
    private Expansion renamedApart(Expansion b, boolean newShape) {
        String row = b.row();
        String col = b.col();
        Map<String, String> shape = new HashMap<>();
        if (newShape) {
            row = vars.copy(b.row());
            col = vars.copy(b.col());
            shape.put(b.row(), row);
            shape.put(b.col(), col);
        }
        List<OpenTerm> terms = new ArrayList<>(b.terms().size());
        for (OpenTerm t : b.terms()) {
            Map<String, String> renaming = new HashMap<>(shape);
            for (String v : t.bound()) renaming.put(v, vars.copy(v));
            terms.add(t.renamed(renaming));
        }
        return new Expansion(terms, row, col);
    }

    private void requireSameSize(String u, String v, String operation, Expansion a, Expansion b) {
        Optional<String> su = vars.size(u);
        Optional<String> sv = vars.size(v);
        if (su.isPresent() && sv.isPresent() && !su.equals(sv)) {
            throw new Problem(ModelError.SHAPE_MISMATCH, operation, shape(a), shape(b));
        }
    }

    private void requireSquare(Expansion a, String what) {
        Optional<String> r = vars.size(a.row());
        Optional<String> c = vars.size(a.col());
        if (r.isPresent() && c.isPresent() && !r.equals(c)) throw new Problem(ModelError.NOT_SQUARE, what, shape(a));
    }

    private static void requireTerms(long n) {
        if (n > MAX_TERMS) throw new Problem(ModelError.TOO_LARGE, n + " terms (at most " + MAX_TERMS + ")");
    }
}
