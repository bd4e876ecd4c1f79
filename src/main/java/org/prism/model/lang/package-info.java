/**
 * Model files: the text language of {@code grammars/Model.g4} (documented in
 * {@code grammars/README.md}) read into the index-notation IR {@link org.prism.model.TensorModel}.
 *
 * <p>Pipeline: the ANTLR-generated {@code ModelLexer}/{@code ModelParser} (built from the grammar at
 * build time, errors routed to {@link org.prism.model.lang.ModelFileException} by
 * {@code SyntaxErrors}); {@code ModelBuilder} reads the statements in order; {@code
 * ExpressionEvaluator} evaluates each loss to an {@code Expansion}, a sum of open tensor networks,
 * through {@code ExpansionAlgebra} (products distribute, bound indices are renamed apart, matrix
 * sugar becomes index contractions) while {@code IndexVariables} infers index sizes by
 * union-find; {@code ClosedTerms} then writes each network in its {@code NetworkCanonicalForm}
 * and merges equal ones.
 *
 * <p>Why expand eagerly into networks rather than keep an expression tree: the engine's input is a
 * sum of closed networks, and merging equal networks early (the two cross terms of a square are one
 * network) keeps the expansion of $D^s L$ small. The price is exponential growth for high powers of
 * long sums, which is capped (too large an expansion is an error, not a hang).
 *
 * <p>{@link org.prism.model.MatrixLowering} takes a {@code TensorModel} whose networks are single
 * traces to the matrix fast path.
 */
package org.prism.model.lang;
