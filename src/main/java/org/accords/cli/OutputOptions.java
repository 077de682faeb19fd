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

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    /** The command's error stream, for notes; null when these options were not parsed from a command line. */
    java.io.PrintWriter err() {
        return mixee == null ? null : mixee.commandLine().getErr();
    }
}
