/**
 * The formal expansion of a loss along the flow: Lie derivatives of trace words and of tensor networks,
 * so that d^s L/dt^s is a sum of words (or networks) with exact coefficients, before any expectation.
 */
package org.prism.expansion;
