package org.prism.diagram;

import org.prism.algebra.Polynomial;

/**
 * The Taylor coefficients $c_s = E[D^s L]$ of one loss of one model, from some engine: exact
 * polynomials in the model's size and variance symbols (or, for a leading-order engine, their
 * leading terms). Implementations memoise across orders and honour the thread's interrupt flag.
 */
public interface ExpectedLoss {
    /** Number of terms (trace words, tensor networks) of $D^s L$: the units of progress of {@link #coefficient(int, Runnable)}. */
    int terms(int s);

    /** $c_s$, reporting each term done to {@code termDone} (may be null). */
    Polynomial coefficient(int s, Runnable termDone);

    default Polynomial coefficient(int s) {
        return coefficient(s, null);
    }

    /**
     * Pairings (or pairing weights with all signs dropped) per monomial of $c_s$, before any
     * cancellation between terms: its support is the support of $c_s$ before cancellation.
     */
    Polynomial pairingCounts(int s);

    /** Memoised states so far (for benchmarks). */
    int states();
}
