package org.prism.model.lang;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** A place in a model file: line and column, both counted from 1. */
record Position(int line, int column) {
    static Position of(Token token) {
        return new Position(token.getLine(), token.getCharPositionInLine() + 1);
    }

    static Position of(ParserRuleContext ctx) {
        return of(ctx.getStart());
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
