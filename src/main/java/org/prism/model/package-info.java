/**
 * Models as data: the index-notation IR of a model file ({@code TensorModel}), its lowering to traces of
 * matrix products when it has one ({@code MatrixModel}), and the built-in tied autoencoder.
 */
package org.prism.model;
