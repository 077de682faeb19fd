package org.accords.cli;

import java.util.ArrayList;
import java.util.List;
import org.accords.scenario.BadInputException;
import picocli.CommandLine.Option;

/** Options shared by the commands that run ensembles. */
final class EnsembleOptions extends OutputOptions {
    @Option(names = "--reps", paramLabel = "N", description = "Replications (default: the scenario's run.replications).")
    Integer reps;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: the scenario's run.seed).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all ${sys:accords.cores} cores).")
    Integer threads;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override any scenario key, e.g. --set model.weights.usRewards=2.0 (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--params", paramLabel = "ensemble|point|FILE", description = {
            "Which global parameters to run. Default: the committed parameter ensemble (scenarios/_ensemble.yaml, replication r uses set r mod K) if there is one, else the point fit.",
            "point: the single best fit (scenarios/_calibrated.yaml). FILE: an ensemble file, or a fragment (e.g. `accords calibrate --out FILE`). Merge a scenario fragment over the scenario, as if the scenario extended it last (any keys; no `extends`), before --set, --reps and --seed."})
    String paramsOption;

    private ParameterChoice choice;

    /** What the command line changed, for the record (manifest, chart subtitles, pages). */
    org.accords.report.Overrides record() {
        return new org.accords.report.Overrides(paramsOption, sets, reps, seed);
    }

    /** The --params fragment, merged over the scenario before any override (none for an ensemble). */
    List<java.nio.file.Path> fragments() {
        java.nio.file.Path params = params();
        return params == null ? List.of() : List.of(params);
    }

    /** The --params fragment file when it is a point fragment (not a keyword, not an ensemble), else null. */
    java.nio.file.Path params() {
        return parameters().fragment();
    }

    /** What --params chose: a point (the scenario as loaded, or a fragment) or a parameter ensemble. */
    ParameterChoice parameters() {
        if (choice == null) {
            choice = ParameterChoice.of(paramsOption, Main.loader().presetDir());
        }
        return choice;
    }

    /** --params flattened to key=value, then the overrides: for passing everything on to a child process. */
    List<String> flatOverrides() {
        List<String> all = new ArrayList<>();
        java.nio.file.Path params = params();
        if (params != null) all.addAll(org.accords.scenario.ScenarioLoader.fragmentOverrides(params));
        all.addAll(overrides());
        return all;
    }

    /** --set overrides, then --reps and --seed, which win. */
    List<String> overrides() {
        List<String> all = new ArrayList<>(sets);
        if (reps != null) {
            if (reps < 1) throw new BadInputException(null, "--reps", "must be a positive whole number, found " + reps);
            all.add("run.replications=" + reps);
        }
        if (seed != null) {
            if (seed < 0) throw new BadInputException(null, "--seed", "must be zero or a positive whole number, found " + seed);
            all.add("run.seed=" + seed);
        }
        return all;
    }

    int threads() {
        return threads(threads, err());
    }

    /** More worker threads than this many per core only cost memory and switching. */
    static final int THREADS_PER_CORE = 4;

    /** The worker threads to use: all cores by default; more than {@link #THREADS_PER_CORE} per core are capped, with a note. */
    static int threads(Integer requested, java.io.PrintWriter err) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (requested == null) return cores;
        if (requested < 1) throw new BadInputException(null, "--threads", "must be a positive whole number, found " + requested);
        int cap = THREADS_PER_CORE * cores;
        if (requested > cap) {
            if (err != null) {
                err.println("accords: --threads " + requested + " capped at " + cap + " (" + THREADS_PER_CORE + " per core, " + cores
                        + " cores); results are the same at any thread count");
                err.flush();
            }
            return cap;
        }
        return requested;
    }

    static {
        System.setProperty("accords.cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    }
}
