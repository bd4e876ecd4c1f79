package org.prism.model.lang;

import java.nio.file.Path;
import java.util.List;

/** The model files of the top-level {@code examples/} directory, as the tests find them. */
public final class Examples {
    public static final Path DIRECTORY = Path.of("examples");
    public static final List<String> MATRIX = List.of("tied-autoencoder", "tied-autoencoder-free", "tied-autoencoder-population", "untied-autoencoder", "deep-linear", "teacher-student",
            "tied-autoencoder-weight-decay", "label-noise-regression", "two-layer-student", "denoising-autoencoder", "tied-autoencoder-covariance");
    public static final List<String> TENSOR = List.of("cp3-sym", "cp3-asym", "cp4-sym");

    private Examples() {}

    public static Path path(String name) {
        return DIRECTORY.resolve(name + ".prism");
    }

    public static ModelFile read(String name) {
        return ModelFile.read(path(name));
    }
}
