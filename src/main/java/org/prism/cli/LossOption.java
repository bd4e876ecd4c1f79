package org.prism.cli;

import picocli.CommandLine.Option;

/** The {@code --loss} option shared by the expansion commands: a loss of the model. */
final class LossOption {
    @Option(names = {"-l", "--loss"}, paramLabel = "LOSS",
            description = "Loss to expand, by its name in the model (default: the loss the flow follows; train for the built-in model).")
    String loss;
}
