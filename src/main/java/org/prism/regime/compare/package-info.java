/**
 * Cross-check B: a regime's predicted curve against the simulated training at growing sizes along a
 * scaling path, with errors, convergence rates and notes.
 */
package org.prism.regime.compare;
