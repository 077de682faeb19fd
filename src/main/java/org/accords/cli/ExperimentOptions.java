package org.accords.cli;

import java.nio.file.Path;
import org.accords.experiment.ExperimentReader;
import org.accords.scenario.BadInputException;
import picocli.CommandLine.Option;

/** Options shared by the commands that run experiment files ({@code experiment}, {@code sensitivity}). */
final class ExperimentOptions extends OutputOptions {
    @Option(names = "--reps", paramLabel = "N", description = "Replications per point (default: the file's replications).")
    Integer reps;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: the file's seed, else the scenario's run.seed).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads per point (default: all ${sys:accords.cores} cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Result folder (default: results/<experiment name>).")
    Path out;

    @Option(names = "--resume", description = "Continue an interrupted experiment in its folder: skip the points already in outcomes.csv.")
    boolean resume;

    @Option(names = "--force", description = "Replace an existing experiment folder.")
    boolean force;

    @Option(names = "--shard", paramLabel = "K/N", converter = ShardOption.class,
            description = {"Run only the points p with p mod N = K into a shard folder (default: results/<name>-shard-K-of-N);",
                    "`accords merge` joins all N shards into the same folder, byte for byte, as the unsharded command."})
    org.accords.experiment.Shard shard;

    /** Reads the experiment file, with --reps applied. */
    ExperimentReader.Loaded load(Path file) {
        ExperimentReader.Loaded loaded = new ExperimentReader(Main.loader()).read(file);
        if (reps == null) return loaded;
        if (reps < 1) throw new BadInputException(null, "--reps", "must be a positive whole number, found " + reps);
        return new ExperimentReader.Loaded(loaded.spec().withReplications(reps), loaded.template(), loaded.set(), loaded.base());
    }

    long seed(ExperimentReader.Loaded loaded) {
        if (seed != null) {
            if (seed < 0) throw new BadInputException(null, "--seed", "must be zero or a positive whole number, found " + seed);
            return seed;
        }
        return loaded.spec().seed() != null ? loaded.spec().seed() : loaded.base().run().seed();
    }

    /** As for runs: all cores by default, capped at a few per core with a note. */
    int threads() {
        return EnsembleOptions.threads(threads, err());
    }

    Path folder(String name) {
        return out != null ? out : Main.home().resolve("results").resolve(name);
    }
}
