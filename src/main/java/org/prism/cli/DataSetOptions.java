package org.prism.cli;

import java.nio.file.Path;
import org.prism.simulation.RealData;
import picocli.CommandLine.Option;

/** A real data set, the same options wherever a command trains on one: {@code --data FILE} and {@code --drop-column K}. */
final class DataSetOptions {
    @Option(names = "--data", paramLabel = "FILE", description = "A real data set: CSV (gzipped if .gz), one sample per row; d and n are its"
            + " columns and rows, every feature centred and the whole scaled to tr(Sigma)/d = 1.")
    Path file;

    @Option(names = "--drop-column", paramLabel = "K", description = "With --data: drop column K (1-based), e.g. a label.")
    Integer dropColumn;

    boolean given() {
        return file != null;
    }

    /** One line on a misplaced or misnumbered --drop-column. */
    void check() {
        if (dropColumn != null && file == null) throw new IllegalArgumentException("--drop-column needs --data");
        if (dropColumn != null && dropColumn < 1) throw new IllegalArgumentException("--drop-column counts from 1, got " + dropColumn);
    }

    /** The prepared data set, or null without --data. */
    RealData read() {
        check();
        return file == null ? null : RealData.read(file, dropColumn == null ? 0 : dropColumn);
    }
}
