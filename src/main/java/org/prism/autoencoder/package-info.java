/**
 * The weight-tied linear autoencoder's own science, recognised by model content (its lowered matrix model
 * equals the built-in one): the paper's closed-form limits of its regimes (large-data, mean-field,
 * narrow-latent, small-data, the free regime's end laws), the resummed free regime, the names of its regimes
 * ({@link org.prism.autoencoder.RegimeNames}, its {@link org.prism.regime.FaceNames}) and cross-check A
 * ({@link org.prism.autoencoder.LimitCheck}). The general machinery of {@code org.prism.regime} checks these
 * closed forms: they are instances of its face series (FaceLimitTest).
 */
package org.prism.autoencoder;
