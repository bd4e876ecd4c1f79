package org.prism.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Maps failures to exit codes and one stderr line each: malformed command lines and bad input
 * (IllegalArgumentException, ArithmeticException from user values, a file the file system refuses) give exit code 2;
 * interruption 130; anything else is a bug, reported in one line with exit code 1 (set
 * PRISM_DEBUG=1 for the stack trace).
 */
final class Errors {
    static final int INVALID_INPUT = 2;
    static final int INTERRUPTED = 130;
    /** Set once "prism: interrupted" is printed, by the command or by the shutdown hook: the line appears once. */
    static final java.util.concurrent.atomic.AtomicBoolean INTERRUPT_REPORTED = new java.util.concurrent.atomic.AtomicBoolean();

    private Errors() {}

    /** One line: the command, what is wrong with its command line, a suggestion if picocli has one, where help is. */
    static int handleParameterException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        StringBuilder line = new StringBuilder(name).append(": ").append(oneLine(ex.getMessage()));
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            line.append(" (did you mean ").append(u.getSuggestions().get(0)).append("?)"); // the closest only
        }
        line.append("; see '").append(name).append(" --help'");
        PrintWriter err = cmd.getErr();
        err.println(line);
        err.flush();
        return INVALID_INPUT;
    }

    static int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (System.getenv("PRISM_DEBUG") != null) ex.printStackTrace(err);
        int code;
        java.nio.file.FileSystemException file = fileProblem(ex);
        if (ex instanceof org.prism.diagram.WickRecursion.CancellationException || ex instanceof InterruptedException) {
            if (INTERRUPT_REPORTED.compareAndSet(false, true)) err.println("prism: interrupted");
            code = INTERRUPTED;
        } else if (ex instanceof IllegalArgumentException || ex instanceof ArithmeticException) {
            err.println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine(ex.getMessage()));
            code = INVALID_INPUT;
        } else if (file != null) {
            // the file system refused a file the command writes or reads (a file where a folder should be, no permission, a full disk)
            err.println(cmd.getCommandSpec().qualifiedName() + ": cannot use '" + file.getFile() + "': "
                    + (file.getReason() != null ? file.getReason() : file.getClass().getSimpleName()));
            code = INVALID_INPUT;
        } else {
            err.println(cmd.getCommandSpec().qualifiedName() + ": internal error (" + ex.getClass().getSimpleName() + "): "
                    + oneLine(String.valueOf(ex.getMessage())) + " -- set PRISM_DEBUG=1 for details");
            code = 1;
        }
        err.flush();
        return code;
    }

    private static java.nio.file.FileSystemException fileProblem(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.nio.file.FileSystemException f) return f;
        }
        return null;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
