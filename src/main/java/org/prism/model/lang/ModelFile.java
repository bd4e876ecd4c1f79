package org.prism.model.lang;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.prism.model.TensorModel;

/**
 * A model file ({@code *.prism}, language in {@code grammars/README.md}) read into the index-notation
 * IR: the {@link TensorModel} and the losses to track along its flow (all losses unless the file
 * says {@code track ...}).
 *
 * <p>Every failure, from a stray character to an index running over two different sizes, is a
 * {@link ModelFileException} with the one-line message {@code file:line:column: message}; no other
 * exception escapes.
 */
public record ModelFile(TensorModel model, List<String> tracked) {
    public ModelFile {
        tracked = List.copyOf(tracked);
    }

    /** The model of the file at {@code path}; its default name is the file name without {@code .prism}. */
    public static TensorModel parse(Path path) {
        return read(path).model();
    }

    /** The model described by {@code text}; {@code sourceName} (a file name) is quoted in errors. */
    public static TensorModel parse(String text, String sourceName) {
        return read(text, sourceName).model();
    }

    public static ModelFile read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ModelFileException(path.toString(), 1, 1, ModelError.UNREADABLE, "not UTF-8 text");
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ModelFileException(path.toString(), 1, 1, ModelError.UNREADABLE, why);
        }
        return read(text, path.toString());
    }

    public static ModelFile read(String text, String sourceName) {
        try {
            ModelLexer lexer = new ModelLexer(CharStreams.fromString(text, sourceName));
            lexer.removeErrorListeners();
            lexer.addErrorListener(new SyntaxErrors(sourceName));
            ModelParser parser = new ModelParser(new CommonTokenStream(lexer));
            parser.removeErrorListeners();
            parser.addErrorListener(new SyntaxErrors(sourceName));
            return new ModelBuilder(sourceName, defaultName(sourceName)).build(parser.file());
        } catch (ModelFileException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new ModelFileException(sourceName, 1, 1, ModelError.TOO_DEEP);
        } catch (RuntimeException e) {
            throw new ModelFileException(sourceName, 1, 1, ModelError.INTERNAL, e.toString());
        }
    }

    /** {@code path/to/tied-autoencoder.prism} is named {@code tied-autoencoder}. */
    static String defaultName(String sourceName) {
        String base = sourceName.substring(Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\')) + 1);
        return base.endsWith(".prism") ? base.substring(0, base.length() - ".prism".length()) : base;
    }
}
