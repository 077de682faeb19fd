package org.accords.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.accords.experiment.EnsembleResult;
import org.accords.report.RunReport;
import org.accords.report.ShardFolders;
import org.accords.scenario.BadInputException;
import org.accords.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merge the shard folders of one study (made with --shard K/N) into the result folder the unsharded",
                "command writes, byte for byte (manifest.json and index.html record times and threads).",
                "Refuses (exit 2) shards from different inputs, versions or seeds, and any shard missing or given twice."})
final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR",
            description = "Shard folders, in any order; a folder that is not a shard but holds shard folders stands for all of them.")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "DIR", description = "Result folder (default: results/<name>, as the unsharded command).")
    Path out;

    @Option(names = "--force", description = "Replace an existing result folder.")
    boolean force;

    @Mixin
    OutputOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        merge(expand(dirs), out, force, output.quiet, spec.commandLine().getOut());
        return Main.OK;
    }

    /**
     * Checks the shards are one study, covered exactly once, and writes its result folder to
     * {@code out} (default: where the unsharded command writes). Returns the folder.
     */
    static Path merge(List<Path> shardDirs, Path out, boolean force, boolean quiet, java.io.PrintWriter print) throws IOException {
        List<ShardFolders.Found> shards = new ArrayList<>();
        for (Path d : shardDirs) shards.add(ShardFolders.read(d));
        ShardFolders.checkOneStudy(shards, Version.get());
        ShardFolders.Manifest m = shards.get(0).manifest();
        Path first = shards.get(0).dir();
        Path folder = (out != null ? out : Main.home().resolve("results").resolve(m.name())).toAbsolutePath().normalize();
        switch (m.kind()) {
            case "run" -> {
                Scenario sc = Main.loader().load(first.resolve("scenario.resolved.yaml").toString());
                EnsembleResult r = Jobs.intoFolder(folder, force, (dir, cancel) -> {
                    EnsembleResult merged = ShardFolders.mergeRun(shards, sc);
                    List<Path> runs = shards.stream().map(f -> f.dir().resolve(RunReport.RUNS)).toList();
                    if (runs.stream().allMatch(Files::isRegularFile)) RunReport.mergeRuns(runs, dir.resolve(RunReport.RUNS));
                    org.accords.report.ChartChoices charts = ShardFolders.charts(first);
                    org.accords.report.Overrides overrides = ShardFolders.overrides(first);
                    // as the unsharded run writes it (a few replications run again here)
                    Jobs.writeWhyNot(merged, charts, dir, Runtime.getRuntime().availableProcessors(), overrides, cancel);
                    RunReport.write(merged, dir, Version.get(), overrides, charts);
                    return merged;
                });
                if (!quiet) RunCommand.printSummary(r, folder, print);
            }
            case "experiment" -> ExperimentShards.mergeExperiment(shards, out, force, quiet, print);
            case "sensitivity" -> ExperimentShards.mergeSensitivity(shards, out, force, quiet, print);
            case EnsembleCalibration.KIND -> WaveShards.merge(shards, out, force, quiet, print);
            default -> throw new BadInputException(null, null, first + ": shards of `" + m.kind() + "` cannot be merged by this version");
        }
        return folder;
    }

    /** Each argument, or the shard folders directly inside it when it is not a shard itself (hidden folders skipped). */
    static List<Path> expand(List<Path> args) throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path a : args) {
            if (Files.isDirectory(a) && !Files.exists(a.resolve(ShardFolders.MANIFEST))) {
                try (Stream<Path> s = Files.list(a)) {
                    List<Path> inside = s.filter(p -> !p.getFileName().toString().startsWith("."))
                            .filter(p -> Files.isRegularFile(p.resolve(ShardFolders.MANIFEST))).sorted().toList();
                    if (!inside.isEmpty()) {
                        all.addAll(inside);
                        continue;
                    }
                }
            }
            all.add(a);
        }
        return all;
    }
}
