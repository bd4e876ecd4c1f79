package org.prism.diagram;

import org.prism.algebra.ExponentPacking;
import org.prism.algebra.IntegerPolynomial;
import org.prism.expansion.CyclicWord;

/**
 * A rule that takes the Gaussian expectation of one trace, $w \mapsto E[\operatorname{tr} w]$ (or a
 * well-defined part of it), as an integer polynomial in packed variance and size symbols.
 * Implementations are thread-safe: coefficient sums contract words in parallel.
 */
public interface TraceExpectation {
    IntegerPolynomial expectation(CyclicWord w);

    /** The symbols of the packed keys of {@link #expectation}. */
    ExponentPacking packing();

    /** Number of memoised states (for benchmarks). */
    int states();
}
