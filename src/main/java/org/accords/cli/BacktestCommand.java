package org.accords.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.accords.experiment.Backtest;
import org.accords.experiment.LogisticHazardModel;
import org.accords.experiment.ObservedRecord;
import org.accords.report.BacktestReport;
import org.accords.report.RunReport;
import org.accords.scenario.BadInputException;
import org.accords.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Score a scenario with an observed record (default: history) against what happened:",
                "Brier and skill scores at checkpoints for the ABM and a logistic event-history baseline fitted",
                "on the calibration window, join timing errors, P(frozen) for observed freezes, and the targets.",
                "Writes the run folder plus backtest.csv, backtest.png/.svg and backtest.txt."})
final class BacktestCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", defaultValue = "history",
            description = "Scenario with an `observed:` record. Default: ${DEFAULT-VALUE}.")
    String scenario;

    @Mixin
    EnsembleOptions options;

    @Option(names = "--until", paramLabel = "YYYY-MM", defaultValue = "2022-12",
            description = "End of the calibration window: the logistic baseline is fitted up to it; later checkpoints are out of sample. Default: ${DEFAULT-VALUE}.")
    String until;

    @Option(names = "--out", paramLabel = "DIR", description = "Result folder (default: results/backtest-<scenario name>-until-<YYYY-MM>).")
    Path out;

    @Option(names = "--force", description = "Replace an existing result folder.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        YearMonth cutoff = month(until, "--until");
        Scenario sc = Main.loader().load(scenario, options.fragments(), options.overrides());
        int threads = options.threads();
        Path folder = out != null ? out : Main.home().resolve("results").resolve("backtest-" + sc.name() + "-until-" + cutoff);
        if (sc.observed().isEmpty()) {
            throw new BadInputException(null, "observed", "scenario '" + sc.name() + "' has no observed record to score against (see scenarios/history.yaml)");
        }
        if (cutoff.isBefore(sc.run().start()) || cutoff.isAfter(sc.run().end())) {
            throw new BadInputException(null, "--until", cutoff + " lies outside the run " + sc.run().start() + " .. " + sc.run().end());
        }
        Backtest.Result result = Jobs.intoFolder(folder, force, (dir, cancel) -> {
            var ensemble = Jobs.ensemble(sc, threads, options.quiet, cancel);
            ObservedRecord observed = new ObservedRecord(sc);
            var logistic = LogisticHazardModel.fit(sc, observed, sc.run().tickOf(cutoff));
            Backtest.Result r = Backtest.score(sc, ensemble, logistic, observed, cutoff, Backtest.DEFAULT_CHECKPOINTS);
            RunReport.write(ensemble, dir, Version.get());
            BacktestReport.write(r, dir);
            return r;
        });
        if (!options.quiet) {
            BacktestReport.printTable(result, spec.commandLine().getOut());
            if (options.params != null) spec.commandLine().getOut().println("parameters: " + options.params.toAbsolutePath().normalize() + " (--params)");
            spec.commandLine().getOut().println("results: " + folder.toAbsolutePath().normalize());
        }
        return Main.OK;
    }

    static YearMonth month(String text, String option) {
        if (!text.matches("\\d{4}-\\d{2}")) throw new BadInputException(null, option, "expected a month as YYYY-MM, found '" + text + "'");
        try {
            return YearMonth.parse(text);
        } catch (java.time.DateTimeException e) {
            throw new BadInputException(null, option, "not a valid month: '" + text + "'");
        }
    }
}
