package org.accords.cli;

import java.util.ArrayList;
import java.util.List;
import org.accords.scenario.BadInputException;
import picocli.CommandLine.Option;

/** Options shared by the commands that run ensembles. */
final class EnsembleOptions {
    @Option(names = "--reps", paramLabel = "N", description = "Replications (default: the scenario's run.replications).")
    Integer reps;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: the scenario's run.seed).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all ${sys:accords.cores} cores).")
    Integer threads;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override any scenario key, e.g. --set model.weights.usRewards=2.0 (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--params", paramLabel = "FILE", description = "Apply the scalar keys of a parameter fragment (e.g. a calibration written by `accords calibrate --out FILE`) before any --set.")
    java.nio.file.Path params;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    boolean debug;

    /** The --params fragment, merged over the scenario before any override. */
    List<java.nio.file.Path> fragments() {
        return params == null ? List.of() : List.of(params);
    }

    /** --params flattened to key=value, then the overrides: for passing everything on to a child process. */
    List<String> flatOverrides() {
        List<String> all = new ArrayList<>();
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
        if (threads == null) return Runtime.getRuntime().availableProcessors();
        if (threads < 1) throw new BadInputException(null, "--threads", "must be a positive whole number, found " + threads);
        return threads;
    }

    static {
        System.setProperty("accords.cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    }
}
