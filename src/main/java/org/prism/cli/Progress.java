package org.prism.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.prism.simulation.ProgressListener;

/**
 * A progress bar with ETA on stderr, shown only when stderr is a terminal and the work is long
 * enough to need one (so tests and pipes stay clean).
 */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar of {@code total} steps; a negative total is not known yet ({@link #max}), the bar shows elapsed time. */
    static Progress start(String task, long total, boolean worthShowing) {
        if (!worthShowing || !stderrIsTerminal() || total == 0) return new Progress(null);
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setMaxRenderedLength(100).build());
    }

    /**
     * Whether stderr (where the bar goes) is a terminal, so {@code prism ... > out.json} still shows
     * progress. Java 17 cannot ask this directly: on Linux, where fd 2 points; elsewhere, whether the
     * process has a console (stdin and stdout terminals).
     */
    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    void max(long total) {
        if (bar != null) bar.maxHint(total);
    }

    void stepBy(long n) {
        if (bar != null) bar.stepBy(n);
    }

    /** Warnings held by {@link #holdingListener} until {@link #printHeldWarnings}. */
    private final List<String> held = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    /** A simulation's listener: steps to this bar, each warning one line {@code "<command>: warning: ..."} on {@code err}. */
    ProgressListener listener(PrintWriter err, String command) {
        return listener(message -> {
            synchronized (err) {
                err.println(command + ": warning: " + message);
                err.flush();
            }
        });
    }

    /**
     * A simulation's listener whose warnings wait for {@link #printHeldWarnings}: printed after a run that
     * succeeds, and dropped when the run fails, whose error line says what went wrong in one line.
     */
    ProgressListener holdingListener() {
        return listener(held::add);
    }

    private ProgressListener listener(java.util.function.Consumer<String> onWarning) {
        return new ProgressListener() {
            @Override
            public void stepsDone(long k) {
                stepBy(k);
            }

            @Override
            public void warning(String message) {
                onWarning.accept(message);
            }
        };
    }

    void printHeldWarnings(PrintWriter err, String command) {
        synchronized (held) {
            for (String w : held) err.println(command + ": warning: " + w);
        }
        err.flush();
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
