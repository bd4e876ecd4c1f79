/**
 * Every writer: text, JSON, CSV, LaTeX and TikZ for derivations, diagrams, coefficients and limits, and the
 * polytope figure as PNG, SVG and PDF. Writers take a {@link java.io.Writer} or a path and compute nothing.
 */
package org.prism.report;
