package org.prism.model.lang;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A model file that cannot be read: its message is one line {@code file:line:column: message}
 * (line and column counted from 1), its {@link #key()} the kind of error and {@link #args()} the
 * values in the message.
 */
public final class ModelFileException extends IllegalArgumentException {
    private final ModelError key;
    private final String source;
    private final int line;
    private final int column;
    private final List<Object> args;

    ModelFileException(String source, int line, int column, ModelError key, Object... args) {
        super(source + ":" + line + ":" + column + ": " + oneLine(key.format(args)));
        this.key = key;
        this.source = source;
        this.line = line;
        this.column = column;
        this.args = Collections.unmodifiableList(Arrays.asList(args.clone()));
    }

    // messages quote source text verbatim (an expression may span lines; ANTLR quotes raw input)
    private static String oneLine(String message) {
        StringBuilder sb = new StringBuilder(message.length());
        message.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (Character.isISOControl(cp) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    public ModelError key() {
        return key;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public List<Object> args() {
        return args;
    }
}
