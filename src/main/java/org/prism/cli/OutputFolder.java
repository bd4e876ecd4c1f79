package org.prism.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an output folder before a command computes anything, so a bad {@code --out} costs one line, not a run. */
final class OutputFolder {
    private OutputFolder() {}

    /** Creates {@code dir} if needed; a blank name, a file in its place or a folder that cannot be made is bad input. */
    static Path require(Path dir, String option) {
        if (dir.toString().isBlank()) throw new IllegalArgumentException(option + ": an empty folder name");
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new IllegalArgumentException(option + ": '" + dir + "' is a file, not a folder");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
            throw new IllegalArgumentException(option + ": cannot create the folder '" + dir + "' (" + why + ")");
        }
        if (!Files.isWritable(dir)) throw new IllegalArgumentException(option + ": the folder '" + dir + "' is not writable");
        return dir;
    }
}
