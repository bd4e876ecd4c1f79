/**
 * The tied autoencoder's cross-check B with its closed forms: hand-designed scaling paths per regime, the
 * hand-written simulator of its flow, predictions from the closed forms and the free resummation. Any model's
 * faces are compared by {@code org.prism.regime.compare}.
 */
package org.prism.autoencoder.compare;
