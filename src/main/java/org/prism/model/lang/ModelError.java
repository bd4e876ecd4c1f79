package org.prism.model.lang;

/**
 * Every error a model file can have, as a message pattern ({@link String#format} with the values
 * the {@link ModelFileException} carries). Tests assert the key, not the text.
 */
public enum ModelError {
    /** A token the grammar does not allow here (ANTLR's message, e.g. "mismatched input ..."). */
    SYNTAX("%s"),
    /** A character that starts no token. */
    BAD_CHARACTER("unexpected character %s"),
    /** The file cannot be read. */
    UNREADABLE("cannot read the file: %s"),
    DUPLICATE("duplicate declaration of %s '%s' (first declared at %s)"),
    RESERVED("'%s' is reserved: %s"),
    UNKNOWN_NAME("unknown name '%s': declare it with size, symbol, covariance, param or data"),
    UNKNOWN_SIZE("unknown size '%s': declare it with size %s"),
    NOT_A_SIZE("'%s' is a %s, not a size"),
    INDEX_AS_VALUE("'%s' is an index: use it in a tensor slot such as W[%s, ...]"),
    UNKNOWN_LOSS("unknown loss '%s' (losses: %s)"),
    NOT_A_TENSOR("'%s' is a %s, not a tensor: only tensors take indices"),
    ARITY("%s has %d slot(s) but is indexed by %d index(es)"),
    DELTA_ARITY("delta needs at least two indices, got %d"),
    TENSOR_NEEDS_INDICES("tensor %s has %d slot(s): only matrices (2 slots) can be used without indices; write %s[...]"),
    UNBOUND_INDEX("index '%s' is not bound: sum over it with sum(%s) ..."),
    REBOUND_INDEX("index '%s' is already bound by an enclosing or the same sum (at %s)"),
    INDEX_SIZES("index %s runs over %s in %s but over %s in %s"),
    SIZE_UNKNOWN("cannot infer the size of %s"),
    SHAPE_MISMATCH("shapes do not match: cannot %s a %s matrix and a %s matrix"),
    NOT_SQUARE("%s needs a square matrix, got %s"),
    MIXED_SUM("cannot add a scalar and a %s matrix"),
    MATRIX_EXPECTED("%s needs a matrix, got a scalar"),
    LOSS_NOT_SCALAR("loss '%s' is a %s matrix, not a scalar: take tr(...) or ||...||^2"),
    NORM_NOT_SQUARED("a norm ||...|| must be raised to an even power, e.g. ||...||^2"),
    BAD_POWER("%s"),
    DIVISOR("can only divide by a nonzero monomial such as 2, n or (2n); got %s"),
    AMBIGUOUS_DIVISION("ambiguous: '/' takes one factor; write a/(b c) or a/b * c"),
    NOT_CENTRED("only centred laws are supported: the mean must be 0, got %s"),
    VARIANCE("the variance must be a monomial such as sigma^2, 1 or 1/d; got %s"),
    SECOND_COVARIANCE("covariance %s: a model has at most one covariance, %s is declared already"),
    COVARIANCE_NOT_DATA("%s: only data can be drawn from covariance %s; parameters have iid entries"),
    COVARIANCE_SLOT("covariance %s acts on a slot of size %s, and %s [%s] must have exactly one such slot"),
    TENSOR_IN_LAW("a law cannot depend on tensor %s"),
    NO_FLOW("no flow: add e.g. flow gradient(%s)"),
    TOO_LARGE("the expansion is too large: %s"),
    TOO_DEEP("the expression is nested too deeply"),
    INTERNAL("internal error (please report): %s");

    private final String pattern;

    ModelError(String pattern) {
        this.pattern = pattern;
    }

    /** The message for these values. */
    public String format(Object... args) {
        return String.format(pattern, args);
    }
}
