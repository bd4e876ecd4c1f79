/**
 * Expected values of the expansion: Wick pairings of trace words and tensor networks, their diagrams
 * (index classes as vertices, data vertices marked), the exact and the leading-order (planar) engines that
 * give every coefficient c_s as an exact polynomial (for data with a covariance, in its moments too), and the explicit diagram enumeration that checks them.
 */
package org.prism.diagram;
