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
        ExperimentFiles.Table table = ExperimentFiles.readOutcomes(dir, outcomeNames, unit.length);
        double[][] values = table.value();
        List<String> charts = ExperimentReport.writeCharts(spec, design, unit, values, dir);
        ExperimentReport.writePage(spec, design, scenarioName, seed, unit.length, values, charts, dir, version);
        ExperimentFiles.complete(dir, ExperimentFiles.manifest(spec, design, scenarioName, seed, unit.length, version, true));
        return new Done(dir, unit, values, table.se(), ran, seconds);
    }

    private static boolean isExperimentFolder(Path dir) {
        try {
            return new ObjectMapper().readTree(dir.resolve(ExperimentFiles.MANIFEST).toFile()).has("experiment");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
