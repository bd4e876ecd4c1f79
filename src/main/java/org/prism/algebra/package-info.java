/**
 * Exact arithmetic that knows nothing of models: rationals, monomials and Laurent polynomials in named
 * symbols (canonical at creation, so equality is structural), modular arithmetic and integer polynomials for
 * the exact engine's passes, linear systems over the rationals, Pad&eacute; approximants and Stieltjes
 * (Markov-Krein) bounds for resumming a series.
 */
package org.prism.algebra;
