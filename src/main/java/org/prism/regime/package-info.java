/**
 * What the coefficients imply for every model: Pareto terms and Newton polytopes per order, the per-order
 * polytope of diagram families and whether the orders computed settle it ({@code FamilyPolytope}), its faces
 * read as regimes with scaling relations, time scale and loss scales ({@code PrismDerivation}), the face a
 * scaling selects ({@code Classification}), face series and their resummation. Subpackages hold the tied
 * autoencoder's closed-form limits ({@code limit}) and the simulation comparisons ({@code compare}).
 */
package org.prism.regime;
