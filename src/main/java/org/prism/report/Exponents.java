package org.prism.report;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.prism.algebra.Monomial;
import org.prism.algebra.Polynomial;
import org.prism.diagram.MatrixEngine;
import org.prism.model.MatrixModel;

/**
 * The order in which exponent vectors are printed: the model's variance symbols, then its sizes,
 * then any other coefficient symbol (for the tied autoencoder: sigma, d, m, n).
 */
public final class Exponents {
    private Exponents() {}

    public static List<String> symbols(MatrixModel model) {
        return new MatrixEngine(model).symbols();
    }

    /**
     * {@code symbols} without the moments among {@code moments} that none of {@code polynomials} carries: a covariance's
     * moment C_k enters only from order k-1 on, so a table of low orders needs no column for it.
     */
    public static List<String> used(List<String> symbols, List<String> moments, Collection<Polynomial> polynomials) {
        Set<String> carried = new HashSet<>();
        for (Polynomial p : polynomials) for (Monomial m : p.terms().keySet()) carried.addAll(m.exponents().keySet());
        return symbols.stream().filter(x -> !moments.contains(x) || carried.contains(x)).toList();
    }
}
