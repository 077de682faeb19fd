package org.accords.cli;

import picocli.CommandLine.Option;

/**
 * --quiet and --debug, the same on every command that has them: a mixin of calibrate, discover
 * and merge, and the base of {@link EnsembleOptions} and {@link ExperimentOptions}, which carry
 * them into the commands that mix those in. {@link Main} reads --debug from the parse result.
 */
class OutputOptions {
    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    boolean debug;
}
