package org.prism.cli;

import picocli.CommandLine.Option;

/** The {@code --loss} option shared by the expansion commands. */
final class LossOption {
    enum Loss { train, pop }

    @Option(names = {"-l", "--loss"}, defaultValue = "train",
            description = "Loss to expand: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Loss loss;
}
