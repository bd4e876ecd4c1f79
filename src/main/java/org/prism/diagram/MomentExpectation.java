package org.prism.diagram;

import org.prism.algebra.ExponentPacking;
import org.prism.algebra.GuardedPacking;
import org.prism.algebra.NestedPolynomial;
import org.prism.expansion.CyclicWord;

/**
 * A rule that takes the Gaussian expectation of one trace of a model whose data have a covariance (or a well-defined
 * part of it), as a polynomial in the moments $C_k$ (outer) over packed variance and size symbols (inner): exactly
 * ({@link MomentWick}) or its planar part ({@link PlanarMomentWick}). Thread-safe.
 */
public interface MomentExpectation {
    NestedPolynomial expectation(CyclicWord w);

    /** The inner symbols: variances, then sizes. */
    ExponentPacking packing();

    /** The outer symbols: the moments. */
    GuardedPacking moments();

    /** Number of memoised states (for benchmarks). */
    int states();
}
