/**
 * What the coefficients imply for every model: Pareto terms and Newton polytopes per order, the per-order
 * polytope of diagram families and whether the orders computed settle it ({@code FamilyPolytope}), its faces
 * read as regimes with scaling relations, time scale and loss scales ({@code PrismDerivation}), the face a
 * scaling selects ({@code Classification}), the face series of any face and its limit curve ({@code FaceLimit}),
 * a model's vocabulary ({@code FaceNames}), and for data with a covariance how its moments grow with its size
 * ({@code MomentGrowth}) and the polytope along the power-law spectra ({@code AlphaScan}). {@code compare} checks any face against its simulation. The tied
 * autoencoder's closed forms are that model's science and live in {@code org.prism.autoencoder}.
 */
package org.prism.regime;
