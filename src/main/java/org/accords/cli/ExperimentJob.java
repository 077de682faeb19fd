package org.accords.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntPredicate;
import org.accords.experiment.Designs;
import org.accords.experiment.ExperimentReader;
import org.accords.experiment.ExperimentSpec;
import org.accords.experiment.PointLoop;
import org.accords.experiment.ScenarioPointModel;
import org.accords.report.ExperimentFiles;
import org.accords.report.ExperimentReport;
import org.accords.report.ResultFolder;
import org.accords.scenario.BadInputException;

/**
 * Runs an experiment's points into its folder, streaming outcomes.csv, then draws its charts and
 * page. Shared by {@code experiment} and {@code sensitivity}. Which points run is a predicate, so
 * a shard (points p with p mod N = K) is one more condition on it.
 */
final class ExperimentJob {
    /** What a finished experiment folder holds, for the caller's summary or analysis. */
    record Done(Path folder, double[][] unit, double[][] values, double[][] se, int ran, double seconds) {}

    private ExperimentJob() {}

    static Done run(ExperimentReader.Loaded loaded, ExperimentSpec.DesignSpec design, Path folder, long seed, int threads,
                    boolean resume, boolean force, boolean quiet, IntPredicate shard) throws IOException {
        ExperimentSpec spec = loaded.spec();
        Path dir = folder.toAbsolutePath().normalize();
        if (Files.exists(dir) && !resume) {
            if (!force) throw new BadInputException(null, null, "result folder " + dir + " already exists; use --resume to continue it, --force to replace it, or --out to choose another");
            if (!isExperimentFolder(dir)) throw new BadInputException(null, null, dir + " is not an experiment folder written by accords; not replacing it");
            ResultFolder.deleteTree(dir);
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new BadInputException(null, null, dir + " exists and is not a folder");
        double[][] unit = Designs.unit(spec.factors(), design);
        ScenarioPointModel model = new ScenarioPointModel(loaded, spec.replications(), seed, threads);
        // every point must bind before anything is written: a refused combination is bad input, found now
        for (double[] point : unit) model.scenario(point);
        String designCsv = ExperimentFiles.designCsv(spec.factors(), unit);
        String scenarioName = loaded.base().name();
        String version = Version.get();
        String manifest = ExperimentFiles.manifest(spec, design, scenarioName, seed, unit.length, version, false);
        List<String> outcomeNames = model.outcomeNames();

        AtomicBoolean cancel = new AtomicBoolean();
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.set(true);
            try {
                closed.await(30, TimeUnit.SECONDS); // let the last finished point reach the disk
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "accords-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        long started = System.nanoTime();
        int ran;
        try (ExperimentFiles files = ExperimentFiles.open(dir, designCsv, manifest, outcomeNames, resume)) {
            int toRun = 0;
            for (int p = 0; p < unit.length; p++) if (shard.test(p) && !files.isDone(p)) toRun++;
            ran = toRun;
            ProgressBar bar = new ProgressBar(System.err, Math.max(1, toRun), spec.name(), ProgressBar.wanted(quiet));
            PointLoop.run(unit, model, p -> shard.test(p) && !files.isDone(p), files, bar, cancel);
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // exiting: the hook runs and returns now that the file is closed
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return finish(loaded, design, unit, dir, seed, ran, seconds);
    }

    /** Once outcomes.csv holds every point: charts, page, and the manifest marked complete. */
    static Done finish(ExperimentReader.Loaded loaded, ExperimentSpec.DesignSpec design, double[][] unit, Path dir, long seed, int ran,
                       double seconds) throws IOException {
        ExperimentSpec spec = loaded.spec();
        String scenarioName = loaded.base().name();
        String version = Version.get();
        List<String> outcomeNames = spec.outcomes().stream().map(org.accords.experiment.Outcome::name).toList();
        ExperimentFiles.Table table = ExperimentFiles.readOutcomes(dir, outcomeNames, unit.length);
        double[][] values = table.value();
        List<String> charts = ExperimentReport.writeCharts(spec, design, unit, values, dir);
        ExperimentReport.writePage(spec, design, scenarioName, seed, unit.length, values, charts, dir, version);
        ExperimentFiles.complete(dir, ExperimentFiles.manifest(spec, design, scenarioName, seed, unit.length, version, true));
        return new Done(dir, unit, values, table.se(), ran, seconds);
    }

    /**
     * Runs one shard's points (p mod N = K) of a design into {@code dir} (inside a shard folder
     * being written): design.csv, the manifest not yet complete, and outcomes.csv with only this
     * shard's points. No charts: they need every point, and `merge` draws them.
     *
     * @return the number of points run
     */
    static int runShard(ExperimentReader.Loaded loaded, ExperimentSpec.DesignSpec design, Path dir, long seed, int threads,
                        org.accords.experiment.Shard shard, boolean quiet, AtomicBoolean cancel) throws IOException {
        ExperimentSpec spec = loaded.spec();
        double[][] unit = Designs.unit(spec.factors(), design);
        ScenarioPointModel model = new ScenarioPointModel(loaded, spec.replications(), seed, threads);
        // this shard's points must bind before any runs (a refused combination is bad input); the other
        // shards check theirs, so the fixed cost of a task does not grow with the size of the design
        for (int p = shard.index(); p < unit.length; p += shard.count()) model.scenario(unit[p]);
        String designCsv = ExperimentFiles.designCsv(spec.factors(), unit);
        String manifest = ExperimentFiles.manifest(spec, design, loaded.base().name(), seed, unit.length, Version.get(), false);
        int share = shard.size(unit.length);
        try (ExperimentFiles files = ExperimentFiles.open(dir, designCsv, manifest, model.outcomeNames(), false)) {
            ProgressBar bar = new ProgressBar(System.err, Math.max(1, share), spec.name() + " " + shard, ProgressBar.wanted(quiet));
            PointLoop.run(unit, model, shard::covers, files, bar, cancel);
        }
        return share;
    }

    /** The design's points, and the folder text a run of it writes first (to check shards against the file). */
    static String designCsv(ExperimentReader.Loaded loaded, ExperimentSpec.DesignSpec design) throws IOException {
        return ExperimentFiles.designCsv(loaded.spec().factors(), Designs.unit(loaded.spec().factors(), design));
    }

    static double[][] unit(ExperimentReader.Loaded loaded, ExperimentSpec.DesignSpec design) {
        return Designs.unit(loaded.spec().factors(), design);
    }

    private static boolean isExperimentFolder(Path dir) {
        try {
            return new ObjectMapper().readTree(dir.resolve(ExperimentFiles.MANIFEST).toFile()).has("experiment");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
