/**
 * The picocli command line: one small class per subcommand, shared options as mixins
 * ({@code DerivationOptions}, {@code ModelOption}, {@code LossOption}), input limits ({@code Limits}) and
 * the mapping of bad input to one line and exit code 2 ({@code Errors}). No mathematics lives here.
 */
package org.prism.cli;
