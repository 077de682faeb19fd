package org.accords.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.accords.experiment.Calibrator;
import org.accords.experiment.backtest.EventObjective;
import org.accords.experiment.backtest.RewardLeaks;
import org.accords.experiment.backtest.RollingOrigins;
import org.accords.report.RollingOriginsReport;
import org.accords.scenario.BadInputException;
import org.accords.scenario.ParameterSets;
import org.accords.scenario.Scenario;
import org.accords.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Rolling-origin backtest of a scenario with an observed record (default: history): at each origin,",
                "forecast the joins, freezes and thaws of the next 12 and 36 months from the observed standings there,",
                "and score them event by event (Brier and log score, bootstrap intervals over states) for the ABM,",
                "persistence, persistence plus the training window's rate, and a cross-validated logistic model.",
                "Over a parameter ensemble (by default the committed one), replication k runs under set k mod K.",
                "Every score says whether it is in or out of sample. Writes backtest.txt, windows.csv, events.csv,",
                "summary.csv, backtest.png/.svg and index.html."})
final class BacktestCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", defaultValue = "history",
            description = "Scenario with an `observed:` record. Default: ${DEFAULT-VALUE}.")
    String scenario;

    @Mixin
    EnsembleOptions options;

    @Option(names = "--origins", paramLabel = "YYYY-MM,...", split = ",",
            description = "Forecast origins (default: 1999-12,2008-06,2012-12,2019-12,2022-12,2023-09). Windows that end after the record are not scored.")
    List<String> origins;

    @Option(names = "--horizons", paramLabel = "MONTHS,...", split = ",", description = "Window lengths in months (default: 12,36).")
    List<Integer> horizons;

    @Option(names = "--fitted-through", paramLabel = "YYYY-MM",
            description = "Last month of the record the ABM's parameters were fitted to (default: the --until of the ensemble's command, else read from the --params fragment or scenarios/_calibrated.yaml).")
    String fittedThrough;

    @Option(names = "--refit", description = "Calibrate the ABM on the record up to each origin first (slow; then every ABM score is out of sample).")
    boolean refit;

    @Option(names = "--refit-budget", paramLabel = "N", defaultValue = "60", description = "CMA-ES evaluations per origin with --refit. Default: ${DEFAULT-VALUE}.")
    int refitBudget;

    @Option(names = "--refit-reps", paramLabel = "N", defaultValue = "50", description = "Replications per evaluation with --refit. Default: ${DEFAULT-VALUE}.")
    int refitReps;

    @Option(names = "--out", paramLabel = "DIR", description = "Result folder (default: results/backtest-<scenario name>).")
    Path out;

    @Option(names = "--force", description = "Replace an existing result folder.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ScenarioLoader loader = Main.loader();
        List<String> overrides = options.overrides();
        Scenario record = loader.load(scenario, options.fragments(), overrides);
        if (record.observed().isEmpty()) {
            throw new BadInputException(null, "observed", "scenario '" + record.name() + "' has no observed record to score against (see scenarios/history.yaml)");
        }
        List<RewardLeaks.Leak> leaks = RewardLeaks.find(record);
        if (!leaks.isEmpty()) {
            RewardLeaks.Leak l = leaks.get(0);
            throw new BadInputException(loader.shockKeyOrigin(scenario, l.shock().id(), "start"), "shocks." + l.shock().id() + ".start", l.explanation());
        }
        List<YearMonth> originList = new ArrayList<>();
        for (String o : origins == null ? RollingOrigins.DEFAULT_ORIGINS.stream().map(YearMonth::toString).toList() : origins) {
            originList.add(month(o.strip(), "--origins"));
        }
        List<Integer> horizonList = horizons == null ? RollingOrigins.DEFAULT_HORIZONS : horizons;
        for (int h : horizonList) if (h < 1 || h > 240) throw new BadInputException(null, "--horizons", "a window is 1 to 240 months, found " + h);
        if (refit && refitBudget < 1) throw new BadInputException(null, "--refit-budget", "must be a positive whole number, found " + refitBudget);
        if (refit && refitReps < 1) throw new BadInputException(null, "--refit-reps", "must be a positive whole number, found " + refitReps);
        ParameterChoice choice = options.parameters();
        if (refit && choice.isEnsemble() && options.paramsOption != null) {
            throw new BadInputException(null, "--params", "--refit fits one parameter point per origin; it cannot run over a parameter ensemble (leave --params out or give --params point)");
        }
        // --refit replaces the parameters at every origin: a committed ensemble is not used then
        ParameterSets sets = refit ? null : choice.sets();
        Set<String> held = sets == null ? Set.of() : choice.heldFor(loader, scenario, overrides, record);
        YearMonth committedFit = fittedThrough != null ? month(fittedThrough, "--fitted-through")
                : sets != null ? sets.fittedThrough() : committedFitMonth(loader);
        int threads = options.threads();
        String fitNote = committedFit == null ? ", fitted-through month unknown: every ABM score counted in sample" : ", fitted through " + committedFit;
        String parameters = refit
                ? String.format(java.util.Locale.ROOT, "refitted on the record up to each origin (calibrate --budget %d --reps %d --seed %d)", refitBudget, refitReps, record.run().seed())
                : sets != null ? choice.describe() + fitNote
                : (options.params() != null ? options.params().toString() : "scenarios/_calibrated.yaml") + fitNote;
        Function<YearMonth, YearMonth> fitted = refit ? o -> o : o -> committedFit;
        Path folder = out != null ? out : Main.home().resolve("results").resolve("backtest-" + record.name());
        AtomicBoolean cancel = new AtomicBoolean();
        RollingOrigins.OriginScenario abm = (origin, months) -> {
            Scenario withParameters = record;
            if (refit) {
                if (EventObjective.origins(record.run().start(), origin).isEmpty()) {
                    throw new BadInputException(null, "--refit", "fewer than " + EventObjective.WINDOW + " months of record before " + origin + " to fit on");
                }
                Calibrator.Fit fit = new Calibrator(x -> loader.load(scenario, options.fragments(), concat(overrides, x)),
                        new Calibrator.Settings(origin, refitBudget, refitReps, record.run().seed(), threads),
                        new EventObjective(refitReps, record.run().seed(), threads)).run(p -> { }, cancel);
                withParameters = loader.load(scenario, options.fragments(), concat(overrides, fit.overrides()));
            }
            // model8's start from the observed standings: the month after the origin, shocks under way acting
            return withParameters.fromObserved(origin.plusMonths(1)).truncatedTo(origin.plusMonths(months));
        };
        RollingOrigins.Settings settings = new RollingOrigins.Settings(originList, horizonList, record.run().replications(), record.run().seed(), abm, fitted, sets, held);
        RollingOrigins.Result result = Jobs.intoFolder(folder, force, (dir, c) -> {
            RollingOrigins.Result r = RollingOrigins.run(record, settings);
            RollingOriginsReport.write(r, parameters, dir);
            return r;
        });
        if (!options.quiet) {
            RollingOriginsReport.printTable(result, parameters, spec.commandLine().getOut());
            spec.commandLine().getOut().println("results: " + folder.toAbsolutePath().normalize());
        }
        return Main.OK;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The fitted-through month recorded by calibrate in the --params fragment, else in scenarios/_calibrated.yaml; null if none. */
    private YearMonth committedFitMonth(ScenarioLoader loader) throws IOException {
        Path fragment = options.params() != null ? options.params() : loader.presetDir().resolve("_calibrated.yaml");
        if (!Files.isRegularFile(fragment)) return null;
        for (String line : Files.readAllLines(fragment)) {
            if (line.startsWith(CalibrateCommand.FITTED_THROUGH)) {
                return month(line.substring(CalibrateCommand.FITTED_THROUGH.length()).strip(), fragment + ": fitted-through");
            }
        }
        return null;
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
