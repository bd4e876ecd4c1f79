/**
 * Cross-check B for any face of any model: the model's own flow simulated at growing sizes along the face's
 * scaling against the limit read off its face series ({@code FaceComparer}), with error, noise, rate and a
 * verdict, and the sweep over every regime of a model ({@code FaceSweep}).
 */
package org.prism.regime.compare;
