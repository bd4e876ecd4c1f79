/**
 * Exact polyhedral geometry on integer points: affine hulls, convex hulls by double description, face
 * lattices, Minkowski sums and Pareto fronts. Used by the regime derivation; knows nothing of models.
 */
package org.prism.geometry;
