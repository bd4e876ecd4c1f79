/**
 * The independent numerical truth: gradient flow of the real model at finite sizes (the hand-written tied
 * autoencoder field and the generic field compiled from any model file), integrated with fixed-step Euler or
 * RK4 over many seeds, with native BLAS where it loads and EJML elsewhere.
 */
package org.prism.simulation;
