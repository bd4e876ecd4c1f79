/**
 * Exact arithmetic that knows nothing of models: rationals, monomials and Laurent polynomials in named
 * symbols (canonical at creation, so equality is structural), modular arithmetic and integer polynomials for
 * the exact engine's passes, linear systems over the rationals, Pad&eacute; approximants, Stieltjes
 * (Markov-Krein) bounds and the recognition of closed forms for resumming a series, and the Marchenko-Pastur
 * law with its Narayana moments.
 */
package org.prism.algebra;
