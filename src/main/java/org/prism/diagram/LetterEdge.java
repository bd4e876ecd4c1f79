package org.prism.diagram;

import org.prism.model.Letter;

/**
 * An edge of a diagram: the letter at {@code position} of the word, joining the class of its row
 * index to the class of its column index (of the underlying, untransposed matrix), and
 * {@code partner}, the position of the letter it is Wick-paired with (itself for a covariance letter).
 * An {@code inserted} edge is the covariance $C$ that pairing the data letters at {@code position}
 * and {@code partner} inserts between their classes on the covariance's side.
 */
public record LetterEdge(int position, Letter letter, int partner, boolean inserted) {
    public LetterEdge(int position, Letter letter, int partner) {
        this(position, letter, partner, false);
    }

    /** E.g. {@code W3}, or {@code C(2,5)} for the covariance inserted by the pair (2, 5). */
    @Override
    public String toString() {
        return inserted ? letter.matrix().name() + "(" + position + "," + partner + ")" : letter.matrix().name() + position;
    }
}
