package org.prism.diagram;

import org.prism.model.Letter;

/**
 * An edge of a diagram: the letter at {@code position} of the word, joining the class of its row
 * index to the class of its column index (of the underlying, untransposed matrix), and
 * {@code partner}, the position of the letter it is Wick-paired with.
 */
public record LetterEdge(int position, Letter letter, int partner) {
    @Override
    public String toString() {
        return letter.matrix().name() + position;
    }
}
