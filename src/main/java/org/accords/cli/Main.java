package org.accords.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.accords.scenario.BadInputException;
import org.accords.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code accords} command line. Exit codes: 0 success, 2 bad input or usage (one line on
 * stderr, no stack trace), 1 internal fault (stack trace only with --debug), 130 interrupted.
 */
@Command(name = "accords", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Agent-based simulation (MASON) of normalization with Israel under the Abraham Accords.",
        subcommands = {ListCommand.class, RunCommand.class, CompareCommand.class, ValidateCommand.class, BacktestCommand.class, CalibrateCommand.class,
                ExperimentCommand.class, SensitivityCommand.class, DiscoverCommand.class, RobustnessCommand.class,
                BenchCommand.class, ReferenceCommand.class, MergeCommand.class, SlurmCommand.class, GuiCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERRUPTED = 130;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try `accords run`, or `accords --help`");
    }

    /** The project folder: presets are in its scenarios/, results go to its results/. */
    static Path home() {
        return Path.of(System.getProperty("accords.home", ".")).toAbsolutePath().normalize();
    }

    static ScenarioLoader loader() {
        return new ScenarioLoader(home().resolve("scenarios"));
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter err = new PrintWriter(System.err, true);
        Interruption.install(err);
        int code = execute(args, new PrintWriter(System.out, true), err);
        Interruption.finished();
        System.exit(code);
    }

    /** Runs the command line with the given streams and returns the exit code (used by tests too). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(out, err).execute(args);
    }

    /** The command line, configured: help, `slurm`'s pass-through, one-line errors and exit codes. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Main::commandList);
        // `slurm COMMAND ARGS...`: the inner command's options pass through as its arguments
        cli.getSubcommands().get("slurm").setUnmatchedOptionsArePositionalParams(true);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("accords: " + BadInputException.clean(ex.getMessage()) + " (see `accords "
                    + commandName(ex.getCommandLine()) + "--help`)");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof BadInputException bad) {
                err.println("accords: " + bad.getMessage());
                return BAD_INPUT;
            }
            if (ex instanceof CancellationException) {
                Interruption.report(err);
                return INTERRUPTED;
            }
            boolean debug = debug(parseResult);
            err.println("accords: internal error: " + BadInputException.clean(String.valueOf(ex)) + (debug ? "" : " (rerun with --debug for the stack trace)"));
            if (debug) ex.printStackTrace(err);
            return INTERNAL;
        });
        return cli;
    }

    /**
     * Whether the command line asked for stack traces: --debug matched by the command that ran (or
     * one above it), or, for `slurm`, among the inner command's arguments it passes on.
     */
    static boolean debug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) return true;
            if (p.commandSpec().userObject() instanceof SlurmCommand s && s.command != null && s.command.contains("--debug")) return true;
        }
        return false;
    }

    /** The command list of --help: each command's first whole sentence, wrapped, never cut mid-sentence. */
    static String commandList(CommandLine.Help help) {
        if (help.subcommands().isEmpty()) return "";
        int width = help.commandSpec().usageMessage().width();
        int nameWidth = help.subcommands().keySet().stream().mapToInt(String::length).max().orElse(8) + 4;
        CommandLine.Help.TextTable table = CommandLine.Help.TextTable.forColumns(help.colorScheme(),
                new CommandLine.Help.Column(nameWidth, 2, CommandLine.Help.Column.Overflow.SPAN),
                new CommandLine.Help.Column(width - nameWidth, 2, CommandLine.Help.Column.Overflow.WRAP));
        for (var e : help.subcommands().entrySet()) table.addRowValues(e.getKey(), summary(e.getValue().commandSpec()));
        return table.toString();
    }

    /** A command's header if it has one, else the first sentence of its description. */
    static String summary(CommandLine.Model.CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        if (header.length > 0 && !header[0].isBlank()) return header[0].strip();
        String text = String.join(" ", spec.usageMessage().description()).replaceAll("\\s+", " ").strip();
        java.util.regex.Matcher end = java.util.regex.Pattern.compile("[.!?](\\s|$)").matcher(text);
        return end.find() ? text.substring(0, end.start() + 1) : text;
    }

    private static String commandName(CommandLine cl) {
        String name = cl.getCommandName();
        return name.equals("accords") ? "" : name + " ";
    }
}
