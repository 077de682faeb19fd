package org.accords.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.experiment.Calibrator;
import org.accords.experiment.backtest.EventObjective;
import org.accords.report.Num;
import org.accords.scenario.BadInputException;
import org.accords.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fit the global parameters (weights, thresholds, hazard scale, broker settings; bounds in",
                "Calibrator.SPACE) to the history scenario's observed record up to a cutoff, with CMA-ES and",
                "common random numbers. Writes the fitted values as the fragment scenarios/_calibrated.yaml,",
                "which baseline (and so every preset) extends, and reports in- and out-of-sample losses."})
final class CalibrateCommand implements Callable<Integer> {
    /** The fragment's machine-readable line naming the last month of the record the fit used. */
    static final String FITTED_THROUGH = "# fitted-through: ";
    /** What the point fit minimises (the backtest's own score). */
    static final String LOSS = new EventObjective(1, 0, 1).description();

    @Option(names = "--until", paramLabel = "YYYY-MM", defaultValue = "2022-12", description = "Cutoff of the calibration window. Default: ${DEFAULT-VALUE}.")
    String until;

    @Option(names = "--budget", paramLabel = "N", defaultValue = "600", description = "Objective evaluations (CMA-ES). Default: ${DEFAULT-VALUE}.")
    int budget;

    @Option(names = "--reps", paramLabel = "N", description = "Replications per evaluation (same seeds every time). Default: 200, or 64 per point with --ensemble.")
    Integer reps;

    @Option(names = "--ensemble", paramLabel = "K", description = "History matching instead of a point fit: write K parameter sets not ruled out (default file scenarios/_ensemble.yaml) and a page.")
    Integer ensemble;

    @Option(names = "--waves", paramLabel = "W", defaultValue = "4", description = "With --ensemble: waves of history matching. Default: ${DEFAULT-VALUE}.")
    int waves;

    @Option(names = "--points", paramLabel = "N", defaultValue = "1000", description = "With --ensemble: parameter points evaluated per wave. Default: ${DEFAULT-VALUE}.")
    int points;

    @Option(names = "--rule", paramLabel = "RULE", defaultValue = "k-max", description = "With --ensemble: rule out a point when its largest (max), second-largest (second-max) or k-th largest implausibility exceeds 3, k set by the number of targets so that the true parameters pass with 95%% probability under Pukelsheim's three-sigma bound (k-max: 2 for up to 7 targets, 6 for 44). Default: ${DEFAULT-VALUE}.")
    String rule;

    @Option(names = "--page", paramLabel = "DIR", description = "With --ensemble: the page's folder (default: results/ensemble-until-<YYYY-MM>).")
    Path page;

    @Option(names = "--wave", paramLabel = "W", description = {"With --ensemble: compute only wave W of the history match into a wave folder",
            "(default: results/ensemble-until-<YYYY-MM>-wave-W-shard-K-of-N); wave 2 and later need --after. `accords merge` joins a wave's shards."})
    Integer wave;

    @Option(names = "--shard", paramLabel = "K/N", converter = ShardOption.class,
            description = "With --wave: compute only the wave's points p with p mod N = K (default: 0/1, the whole wave).")
    org.accords.experiment.Shard shard;

    @Option(names = "--after", paramLabel = "DIR", description = {"With --ensemble: the merged waves 1..M of this history match (from `accords merge`).",
            "With --wave, M must be W-1; without, the match continues from them and writes the ensemble, as if run in one go."})
    Path after;

    @Option(names = "--wave-dir", paramLabel = "DIR", description = "With --wave: the wave folder to write.")
    Path waveDir;

    /** For Slurm tasks, which read the frozen resolved scenario: the --scenario the job was made with, for the record. */
    @Option(names = "--record-scenario", hidden = true, paramLabel = "NAME")
    String recordScenario;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the optimizer and of the replications. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--scenario", paramLabel = "SCENARIO", defaultValue = "history", description = "Scenario with the observed record. Default: ${DEFAULT-VALUE}.")
    String scenario;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the fragment (default: scenarios/_calibrated.yaml).")
    Path out;

    @Option(names = "--force", description = "Replace an existing fragment (scenarios/_calibrated.yaml by default).")
    boolean force;

    @Mixin
    OutputOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The command's settings, checked, and the file it writes (null for one wave, which writes none). */
    record Prepared(YearMonth cutoff, int reps, int threads, org.accords.scenario.Scenario start, Path target) {}

    /** Checks every setting and the target file before anything runs (also for `slurm calibrate`, before a job is written). */
    Prepared prepare() {
        YearMonth cutoff = BacktestCommand.month(until, "--until");
        if (budget < 1) throw new BadInputException(null, "--budget", "must be a positive whole number, found " + budget);
        int reps = this.reps == null ? (ensemble == null ? 200 : 64) : this.reps;
        if (reps < 1) throw new BadInputException(null, "--reps", "must be a positive whole number, found " + reps);
        if (seed < 0) throw new BadInputException(null, "--seed", "must be zero or a positive whole number, found " + seed);
        if (ensemble == null) {
            for (Object[] o : new Object[][] {{"--wave", wave}, {"--shard", shard}, {"--after", after}, {"--wave-dir", waveDir}}) {
                if (o[1] != null) throw new BadInputException(null, (String) o[0], "only with --ensemble (history matching runs in waves; a point fit does not)");
            }
        }
        if (wave == null && shard != null) throw new BadInputException(null, "--shard", "splits one wave: give --wave W too");
        if (wave == null && waveDir != null) throw new BadInputException(null, "--wave-dir", "only with --wave");
        int t = EnsembleOptions.threads(threads, spec == null ? null : spec.commandLine().getErr());
        ScenarioLoader loader = Main.loader();
        var start = loader.load(scenario);
        if (start.observed().isEmpty()) throw new BadInputException(null, "--scenario", "'" + scenario + "' has no observed record to fit");
        if (cutoff.isBefore(start.run().start()) || cutoff.isAfter(start.run().end())) {
            throw new BadInputException(null, "--until", cutoff + " lies outside the run " + start.run().start() + " .. " + start.run().end());
        }
        String fileName = ensemble == null ? "_calibrated.yaml" : "_ensemble.yaml";
        if (EventObjective.origins(start.run().start(), cutoff).isEmpty()) {
            throw new BadInputException(null, "--until", "the calibration window " + start.run().start() + " .. " + cutoff + " is shorter than "
                    + EventObjective.WINDOW + " months: nothing to score");
        }
        if (wave != null) return new Prepared(cutoff, reps, t, start, null);
        Path target = (out != null ? out : loader.presetDir().resolve(fileName)).toAbsolutePath().normalize();
        if (target.getParent() == null) throw new BadInputException(null, "--out", target + " is not a file name");
        if (java.nio.file.Files.isDirectory(target)) throw new BadInputException(null, "--out", target + " is a folder; give a file name");
        if (!java.nio.file.Files.isDirectory(target.getParent())) throw new BadInputException(null, "--out", "no folder " + target.getParent());
        if (java.nio.file.Files.exists(target) && !force) {
            throw new BadInputException(null, "--out", target + " exists; add --force to replace it"
                    + (out == null ? (ensemble == null ? " (it holds the committed calibration that every preset extends)"
                            : " (it holds the committed parameter ensemble that run, compare and backtest use)") : ""));
        }
        return new Prepared(cutoff, reps, t, start, target);
    }

    @Override
    public Integer call() throws IOException {
        Prepared prepared = prepare();
        YearMonth cutoff = prepared.cutoff();
        int reps = prepared.reps();
        int t = prepared.threads();
        var start = prepared.start();
        ScenarioLoader loader = Main.loader();
        if (wave != null) return EnsembleCalibration.wave(this, start, cutoff, reps, t);
        Path target = prepared.target();
        // a hidden temporary file beside the target, made now: an unwritable target stops before the fitting
        Path tmp = createTemp(target);
        if (ensemble != null) {
            Files.delete(tmp); // history matching writes its own file atomically; this was the check
            return EnsembleCalibration.run(this, start, cutoff, reps, t, target);
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean show = !output.quiet;
        AtomicBoolean cancel = Interruption.newFlag();
        Calibrator.Fit fit;
        try {
            boolean live = ProgressBar.wanted(output.quiet);
            int step = Math.max(1, budget / 10);
            fit = new Calibrator(o -> loader.load(scenario, o), new Calibrator.Settings(cutoff, budget, reps, seed, t),
                    new EventObjective(reps, seed, t)).run(p -> {
                // redraw in place on a terminal; otherwise a line every tenth of the budget
                if (live && (p.evaluation() % 5 == 0 || p.evaluation() == p.budget())) {
                    err.printf(Locale.ROOT, "\rcalibrate: evaluation %d/%d  loss %.5f  best %.5f   ", p.evaluation(), p.budget(), p.loss(), p.best());
                    err.flush();
                } else if (show && !live && (p.evaluation() % step == 0)) {
                    err.printf(Locale.ROOT, "calibrate: evaluation %d/%d  best loss %.5f%n", p.evaluation(), p.budget(), p.best());
                    err.flush();
                }
            }, cancel);
            if (cancel.get()) throw new java.util.concurrent.CancellationException();
            if (ProgressBar.wanted(output.quiet)) err.println();
            String command = String.format(Locale.ROOT, "./accords calibrate --until %s --budget %d --reps %d --seed %d", cutoff, budget, reps, seed);
            writeFragment(tmp, target, fit, command, cutoff, start.run().end());
            tmp = null;
        } finally {
            Interruption.done(cancel);
            if (tmp != null) Files.deleteIfExists(tmp);
        }
        String command = String.format(Locale.ROOT, "./accords calibrate --until %s --budget %d --reps %d --seed %d", cutoff, budget, reps, seed);
        if (show) {
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "fitted %d parameters in %d evaluations (%s)%n", Calibrator.SPACE.keys().size(), fit.evaluations(), command);
            o.printf(Locale.ROOT, "loss (%s): start %.5f -> in-sample (%s..%s) %.5f; %s%n", LOSS,
                    fit.startLoss(), start.run().start(), cutoff, fit.inSample(), Double.isNaN(fit.outOfSample()) ? "no complete out-of-sample window"
                            : String.format(Locale.ROOT, "out-of-sample (%s..%s) %.5f", cutoff.plusMonths(1), start.run().end(), fit.outOfSample()));
            for (var e : fit.values().entrySet()) o.printf(Locale.ROOT, "  %-40s %s%n", e.getKey(), Num.fmt(e.getValue(), 4));
            List<String> bounds = fit.boundsReached();
            o.println(bounds.isEmpty() ? "no parameter ended on a bound of the search" : "ended on a bound: " + String.join("; ", bounds));
            o.println("written: " + target.toAbsolutePath().normalize());
            // the default target is extended by every preset; any other file must be passed on
            o.println("check it with: ./accords backtest" + (out == null ? "" : " --params " + target));
        }
        return Main.OK;
    }

    /** The fragment: nested YAML of the fitted keys, with the command and scores that produced it. */
    /** The hidden temporary file the fragment is written to before it is moved into place. */
    static Path createTemp(Path target) {
        try {
            java.security.SecureRandom random = new java.security.SecureRandom();
            for (int attempt = 0; ; attempt++) {
                // createFile, not createTempFile: the fragment keeps the user's umask, not 0600
                Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + Long.toHexString(random.nextLong() >>> 16));
                try {
                    return Files.createFile(tmp);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    if (attempt > 20) throw e;
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new BadInputException(null, "--out", "cannot write in " + target.getParent() + " (" + (e instanceof IOException io ? BadInputException.reason(io) : "not supported") + ")");
        }
    }

    /** Writes the fragment into {@code tmp} and moves it onto {@code target} in one step. */
    static void writeFragment(Path tmp, Path target, Calibrator.Fit fit, String command, YearMonth cutoff, YearMonth end) throws IOException {
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        for (var e : fit.values().entrySet()) {
            String key = e.getKey();
            int dot = key.lastIndexOf('.');
            sections.computeIfAbsent(key.substring(0, dot), k -> new LinkedHashMap<>()).put(key.substring(dot + 1), e.getValue());
        }
        StringBuilder y = new StringBuilder();
        y.append("# Calibrated global parameters. Generated file: do not edit by hand; rerun\n");
        y.append("#   ").append(command).append('\n');
        y.append(String.format(Locale.ROOT, "# loss (%s): in-sample (..%s) %.5f, %s%n", LOSS, cutoff, fit.inSample(),
                Double.isNaN(fit.outOfSample()) ? "no complete out-of-sample window"
                        : String.format(Locale.ROOT, "out-of-sample (%s..%s) %.5f", cutoff.plusMonths(1), end, fit.outOfSample())));
        y.append("# Only global parameters are fitted (bounds: Calibrator.SPACE); no state attribute is.\n");
        List<String> bounds = fit.boundsReached();
        y.append("# ").append(bounds.isEmpty() ? "no parameter ended on a bound of the search" : "ended on a bound: " + String.join("; ", bounds)).append('\n');
        // read by backtest: scores of events after this month are out of sample
        y.append(FITTED_THROUGH).append(cutoff).append('\n');
        List<String> order = List.of("model", "model.weights", "us");
        String lastTop = "";
        for (String section : order) {
            Map<String, Object> values = sections.get(section);
            if (values == null) continue;
            String top = section.contains(".") ? section.substring(0, section.indexOf('.')) : section;
            String indent = section.contains(".") ? "  " : "";
            if (!top.equals(lastTop)) {
                y.append(top).append(":\n");
                lastTop = top;
            }
            if (section.contains(".")) y.append("  ").append(section.substring(section.indexOf('.') + 1)).append(":\n");
            for (var e : values.entrySet()) y.append(indent).append("  ").append(e.getKey()).append(": ").append(Num.fmt((Double) e.getValue(), 4)).append('\n');
        }
        Files.writeString(tmp, y.toString());
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
