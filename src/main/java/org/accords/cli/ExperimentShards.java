package org.accords.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.accords.experiment.ExperimentReader;
import org.accords.experiment.ExperimentSpec;
import org.accords.experiment.Shard;
import org.accords.report.ExperimentFiles;
import org.accords.report.RunReport;
import org.accords.report.ShardFolders;
import org.accords.scenario.BadInputException;

/**
 * Shards of `experiment` and `sensitivity` (points p with p mod N = K) and their merge. A shard
 * folder holds, per design, design.csv, the manifest not yet complete and outcomes.csv with its
 * points; merging puts every point's rows back in point order and then does what the unsharded
 * command does once its points are in: charts, page, analysis.
 */
final class ExperimentShards {
    private ExperimentShards() {}

    private static Path shardFolder(ExperimentOptions o, String name) {
        return (o.out != null ? o.out : Main.home().resolve("results").resolve(ShardOption.folderName(name, o.shard))).toAbsolutePath().normalize();
    }

    static void runExperimentShard(ExperimentReader.Loaded loaded, Path file, ExperimentOptions o, PrintWriter print) throws IOException {
        ExperimentSpec es = loaded.spec();
        Path out = shardFolder(o, es.name());
        long seed = o.seed(loaded);
        int threads = o.threads();
        int points = ExperimentJob.unit(loaded, es.design()).length;
        Instant started = Instant.now();
        int ran = Jobs.intoFolder(out, o.force, (dir, cancel) -> {
            int n = ExperimentJob.runShard(loaded, es.design(), dir, seed, threads, o.shard, o.quiet, cancel);
            RunReport.writeResolvedScenario(loaded.base(), dir);
            ShardFolders.writeManifest(dir, "experiment", Version.get(), es.name(), seed, "points", points, o.shard, n, threads, started, file);
            return n;
        });
        report(es.name(), o, ran, points, out, print);
    }

    static void runSensitivityShard(ExperimentReader.Loaded loaded, SensitivityCommand.Plan plan, Path file, ExperimentOptions o,
                                    PrintWriter print) throws IOException {
        ExperimentSpec es = loaded.spec();
        String name = es.name() + "-sensitivity";
        Path out = shardFolder(o, name);
        long seed = o.seed(loaded);
        int threads = o.threads();
        int points = (plan.morris() == null ? 0 : ExperimentJob.unit(loaded, plan.morris()).length)
                + (plan.sobol() == null ? 0 : ExperimentJob.unit(loaded, plan.sobol()).length);
        Instant started = Instant.now();
        int ran = Jobs.intoFolder(out, o.force, (dir, cancel) -> {
            int n = 0;
            if (plan.morris() != null) n += ExperimentJob.runShard(loaded, plan.morris(), dir.resolve("morris"), seed, threads, o.shard, o.quiet, cancel);
            if (plan.sobol() != null) n += ExperimentJob.runShard(loaded, plan.sobol(), dir.resolve("sobol"), seed, threads, o.shard, o.quiet, cancel);
            RunReport.writeResolvedScenario(loaded.base(), dir);
            ShardFolders.writeManifest(dir, "sensitivity", Version.get(), name, seed, "points", points, o.shard, n, threads, started, file);
            return n;
        });
        report(name, o, ran, points, out, print);
    }

    private static void report(String name, ExperimentOptions o, int ran, int points, Path out, PrintWriter print) {
        if (o.quiet) return;
        print.printf(Locale.ROOT, "%s shard %s: %,d of %,d points%nshard: %s%n", name, o.shard, ran, points, out);
        print.flush();
    }

    /** The experiment the shards were made from, read again, and checked to be unchanged since. */
    private static ExperimentReader.Loaded reload(List<ShardFolders.Found> shards, String sub) throws IOException {
        ShardFolders.Manifest m = shards.get(0).manifest();
        Path first = shards.get(0).dir();
        if (m.source() == null || !Files.isRegularFile(Path.of(m.source()))) {
            throw new BadInputException(null, null, "merge needs the experiment file the shards were made from, " + m.source() + ", and it is not there");
        }
        Path source = Path.of(m.source());
        ExperimentReader.Loaded loaded = new ExperimentReader(Main.loader()).read(source);
        int reps = new ObjectMapper().readTree(first.resolve(sub).resolve(ExperimentFiles.MANIFEST).toFile()).path("replications").asInt();
        return new ExperimentReader.Loaded(loaded.spec().withReplications(reps), loaded.template(), loaded.set(), loaded.base());
    }

    /** Checks that the experiment file still gives the shards' design and manifest. */
    private static void checkUnchanged(ExperimentReader.Loaded loaded, ExperimentSpec.DesignSpec design, long seed, Path shardSub, Path source)
            throws IOException {
        double[][] unit = ExperimentJob.unit(loaded, design);
        String manifest = ExperimentFiles.manifest(loaded.spec(), design, loaded.base().name(), seed, unit.length, Version.get(), false);
        if (!ExperimentJob.designCsv(loaded, design).equals(Files.readString(shardSub.resolve(ExperimentFiles.DESIGN)))
                || !manifest.equals(Files.readString(shardSub.resolve(ExperimentFiles.MANIFEST)))) {
            throw new BadInputException(null, null, source + " has changed since the shards ran (its design or outcomes differ from "
                    + shardSub.resolve(ExperimentFiles.MANIFEST) + "); rerun the shards");
        }
    }

    static Path mergeExperiment(List<ShardFolders.Found> shards, Path out, boolean force, boolean quiet, PrintWriter print) throws IOException {
        ShardFolders.Manifest m = shards.get(0).manifest();
        ExperimentReader.Loaded loaded = reload(shards, "");
        ExperimentSpec.DesignSpec design = loaded.spec().design();
        checkUnchanged(loaded, design, m.seed(), shards.get(0).dir(), Path.of(m.source()));
        Path folder = folder(out, m.name());
        ExperimentJob.Done done = Jobs.intoFolder(folder, force, (dir, cancel) -> mergeDesign(shards, "", loaded, design, m.seed(), dir));
        if (!quiet) {
            ExperimentCommand.printSummary(loaded.spec(), new ExperimentJob.Done(folder, done.unit(), done.values(), done.se(), 0, 0), print);
        }
        return folder;
    }

    static Path mergeSensitivity(List<ShardFolders.Found> shards, Path out, boolean force, boolean quiet, PrintWriter print) throws IOException {
        ShardFolders.Manifest m = shards.get(0).manifest();
        Path first = shards.get(0).dir();
        String sub = Files.isDirectory(first.resolve("morris")) ? "morris" : "sobol";
        ExperimentReader.Loaded loaded = reload(shards, sub);
        SensitivityCommand.Plan plan = SensitivityCommand.plan(loaded.spec(), Path.of(m.source()));
        if (plan.morris() != null) checkUnchanged(loaded, plan.morris(), m.seed(), first.resolve("morris"), Path.of(m.source()));
        if (plan.sobol() != null) checkUnchanged(loaded, plan.sobol(), m.seed(), first.resolve("sobol"), Path.of(m.source()));
        Path folder = folder(out, m.name());
        Jobs.intoFolder(folder, force, (dir, cancel) -> {
            ExperimentJob.Done mo = plan.morris() == null ? null : mergeDesign(shards, "morris", loaded, plan.morris(), m.seed(), dir.resolve("morris"));
            ExperimentJob.Done so = plan.sobol() == null ? null : mergeDesign(shards, "sobol", loaded, plan.sobol(), m.seed(), dir.resolve("sobol"));
            // the analysis writes into the final folder's files only; the summary is printed once it is in place
            SensitivityCommand.analyze(loaded.spec(), plan, mo, so, dir, true, print);
            return null;
        });
        if (!quiet) {
            print.println("results: " + folder);
            print.flush();
        }
        return folder;
    }

    private static Path folder(Path out, String name) {
        return (out != null ? out : Main.home().resolve("results").resolve(name)).toAbsolutePath().normalize();
    }

    /**
     * Writes one design's folder from the shards: their design.csv and manifest, outcomes.csv with
     * every point's rows in point order, then the charts and page. Each shard must hold exactly
     * its own points, each with a row per outcome.
     */
    private static ExperimentJob.Done mergeDesign(List<ShardFolders.Found> shards, String sub, ExperimentReader.Loaded loaded,
                                                  ExperimentSpec.DesignSpec design, long seed, Path dir) throws IOException {
        double[][] unit = ExperimentJob.unit(loaded, design);
        int outcomes = loaded.spec().outcomes().size();
        String[] rows = new String[unit.length];
        String header = null;
        for (ShardFolders.Found f : shards) {
            Shard shard = f.manifest().asShard();
            Path file = f.dir().resolve(sub).resolve(ExperimentFiles.OUTCOMES);
            List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            if (lines.isEmpty()) throw new BadInputException(null, null, "incomplete shard: " + file + " is missing or empty");
            header = lines.get(0);
            StringBuilder block = new StringBuilder();
            int current = -1;
            int count = 0;
            List<Integer> seen = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                int point;
                try {
                    point = Integer.parseInt(line.substring(0, Math.max(0, line.indexOf(','))));
                } catch (NumberFormatException e) {
                    throw new BadInputException(null, null, file + ": a row without a point number: " + line);
                }
                if (point < 0 || point >= unit.length || !shard.covers(point)) {
                    throw new BadInputException(null, null, file + ": point " + point + " does not belong to shard " + shard);
                }
                if (point != current) {
                    if (current >= 0) rows[current] = block.toString();
                    if (rows[point] != null) throw new BadInputException(null, null, file + ": point " + point + " appears twice");
                    block.setLength(0);
                    current = point;
                    seen.add(point);
                    count = 0;
                }
                block.append(line).append('\n');
                count++;
                if (count > outcomes) throw new BadInputException(null, null, file + ": point " + point + " has more rows than outcomes");
            }
            if (current >= 0) rows[current] = block.toString();
            if (seen.size() != shard.size(unit.length)) {
                throw new BadInputException(null, null, "incomplete shard: " + file + " holds " + seen.size() + " of its " + shard.size(unit.length) + " points");
            }
        }
        Files.createDirectories(dir);
        Path first = shards.get(0).dir().resolve(sub);
        Files.copy(first.resolve(ExperimentFiles.DESIGN), dir.resolve(ExperimentFiles.DESIGN));
        Files.copy(first.resolve(ExperimentFiles.MANIFEST), dir.resolve(ExperimentFiles.MANIFEST));
        try (var w = Files.newBufferedWriter(dir.resolve(ExperimentFiles.OUTCOMES), StandardCharsets.UTF_8)) {
            w.write(header);
            w.write('\n');
            for (String r : rows) w.write(r);
        }
        return ExperimentJob.finish(loaded, design, unit, dir, seed, 0, 0);
    }
}
