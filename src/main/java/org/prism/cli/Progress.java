package org.prism.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with ETA on stderr, shown only when stderr is a terminal and the work is long
 * enough to need one (so tests and pipes stay clean).
 */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    static Progress start(String task, long total, boolean worthShowing) {
        if (!worthShowing || System.console() == null || total <= 0) return new Progress(null);
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setMaxRenderedLength(100).build());
    }

    void stepBy(long n) {
        if (bar != null) bar.stepBy(n);
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
