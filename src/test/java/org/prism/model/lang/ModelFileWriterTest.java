package org.prism.model.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Writing a model and reading it back gives the same model, for every example file. */
class ModelFileWriterTest {
    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("examples")).filter(p -> p.toString().endsWith(".prism")).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void readingTheTextBackGivesTheSameModel(Path file) {
        ModelFile original = ModelFile.read(file);
        StringWriter text = new StringWriter();
        ModelFileWriter.write(original.model(), original.tracked(), List.of("written by a test", ""), text);
        assertTrue(text.toString().startsWith("# written by a test\n#\nmodel "), text.toString());
        ModelFile back = ModelFile.read(text.toString(), "written.prism");
        assertEquals(original.model(), back.model(), text.toString());
        assertEquals(original.tracked(), back.tracked());
    }
}
