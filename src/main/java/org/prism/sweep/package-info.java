/**
 * Sweeps: a grid of models, points and seeds (and of faces to compare) read from a YAML or JSON file
 * ({@code SweepFile}), whose simulations run as independent jobs ({@code Sweep}) on this machine's threads or as
 * Spark tasks, every run kept in the run store.
 */
package org.prism.sweep;
