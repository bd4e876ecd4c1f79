/**
 * The independent numerical truth: gradient flow of the real model at finite sizes, over many seeds,
 * with native BLAS where it loads and EJML elsewhere. Two flow fields, the hand-written tied
 * autoencoder ({@link org.prism.simulation.FlowEngine}) and the one compiled from any model file
 * ({@link org.prism.simulation.CompiledFlowField}), are the problems; one
 * {@link org.prism.simulation.FixedStepIntegrator} (Euler or RK4, with its stability check, divergence
 * watch and recording) is the solver for both.
 */
package org.prism.simulation;
