package org.prism.model.lang;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/**
 * Turns the first lexer or parser error into a {@link ModelFileException}, replacing ANTLR's
 * console listener (so nothing is printed and parsing stops at the first error).
 */
final class SyntaxErrors extends BaseErrorListener {
    private static final String LEXER_PREFIX = "token recognition error at: ";

    private final String source;

    SyntaxErrors(String source) {
        this.source = source;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine, String msg,
            RecognitionException e) {
        if (recognizer instanceof Lexer && msg.startsWith(LEXER_PREFIX)) {
            throw new ModelFileException(source, line, charPositionInLine + 1, ModelError.BAD_CHARACTER, msg.substring(LEXER_PREFIX.length()));
        }
        throw new ModelFileException(source, line, charPositionInLine + 1, ModelError.SYNTAX, msg.replace("<EOF>", "end of file"));
    }
}
