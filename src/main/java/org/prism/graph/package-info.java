/**
 * Canonical forms of coloured multigraphs (Wick diagrams and tensor networks are pseudographs), for
 * grouping isomorphic diagrams, and a union-find for index classes.
 */
package org.prism.graph;
