/**
 * The tied autoencoder's limit curves, one per regime (closed forms, integrals against the Marchenko-Pastur
 * law, ODEs, a moment hierarchy), and cross-check A: their Taylor coefficients against the face series.
 */
package org.prism.regime.limit;
