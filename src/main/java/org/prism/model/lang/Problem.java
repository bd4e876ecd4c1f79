package org.prism.model.lang;

/**
 * An error found below the parse tree (in the network algebra or the size inference), thrown
 * without a position; the evaluator adds the position of the innermost expression that raised it,
 * unless the problem names its own place.
 */
final class Problem extends RuntimeException {
    final ModelError key;
    final Object[] args;
    final Position at;

    Problem(ModelError key, Object... args) {
        this(null, key, args);
    }

    Problem(Position at, ModelError key, Object... args) {
        super(key.format(args), null, false, false);
        this.key = key;
        this.args = args;
        this.at = at;
    }

    ModelFileException in(String source, Position where) {
        Position p = at != null ? at : where;
        return new ModelFileException(source, p.line(), p.column(), key, args);
    }
}
