package org.accords.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.experiment.Ensemble;
import org.accords.experiment.EnsembleResult;
import org.accords.experiment.Shard;
import org.accords.report.ResultFolder;
import org.accords.report.RunReport;
import org.accords.report.ShardFolders;
import org.accords.scenario.ParameterSets;
import org.accords.scenario.Scenario;

/** Work that writes a result folder whole, with clean interruption (Ctrl-C, SIGTERM). */
final class Jobs {
    private Jobs() {}

    /** Fills a temporary folder; may check {@code cancel} and must stop when it is set. */
    interface FolderWork<T> {
        T fill(Path dir, AtomicBoolean cancel) throws IOException;
    }

    /**
     * Runs {@code work} into a temporary sibling of {@code out} and moves it into place when
     * complete. On Ctrl-C or SIGTERM the work stops, the temporary folder is removed, and the JVM
     * exits only after that cleanup (the shutdown hook waits for it).
     */
    static <T> T intoFolder(Path out, boolean force, FolderWork<T> work) throws IOException {
        ResultFolder.checkTarget(out.toAbsolutePath().normalize(), force);
        AtomicBoolean cancel = new AtomicBoolean();
        CountDownLatch cleanedUp = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.set(true);
            try {
                cleanedUp.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "accords-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (ResultFolder folder = ResultFolder.open(out, force)) {
            T result = work.fill(folder.dir(), cancel);
            if (cancel.get()) throw new CancellationException();
            folder.commit();
            return result;
        } finally {
            cleanedUp.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting; the hook is running and returns now that cleanup is done
            }
        }
    }

    /** Runs the scenario's ensemble and writes its run folder. */
    static EnsembleResult runToFolder(Scenario sc, Path out, boolean force, int threads, boolean quiet) throws IOException {
        return runToFolder(sc, null, java.util.Set.of(), out, force, threads, quiet);
    }

    /** As above, with the replications spread over a parameter ensemble (null: one point). */
    static EnsembleResult runToFolder(Scenario sc, ParameterSets sets, java.util.Set<String> held, Path out, boolean force, int threads, boolean quiet)
            throws IOException {
        return intoFolder(out, force, (dir, cancel) -> {
            EnsembleResult result = ensemble(sc, sets, held, Shard.WHOLE, threads, quiet, cancel);
            RunReport.write(result, dir, Version.get());
            return result;
        });
    }

    /** Runs the shard's share of the ensemble and writes its shard folder (for `accords merge`). */
    static EnsembleResult runShardToFolder(Scenario sc, Shard shard, Path out, boolean force, int threads, boolean quiet) throws IOException {
        return runShardToFolder(sc, null, java.util.Set.of(), shard, out, force, threads, quiet);
    }

    /** As above, over a parameter ensemble (null: one point). */
    static EnsembleResult runShardToFolder(Scenario sc, ParameterSets sets, java.util.Set<String> held, Shard shard, Path out, boolean force,
                                           int threads, boolean quiet) throws IOException {
        return intoFolder(out, force, (dir, cancel) -> {
            EnsembleResult result = ensemble(sc, sets, held, shard, threads, quiet, cancel);
            ShardFolders.writeRun(result, dir, Version.get());
            return result;
        });
    }

    static EnsembleResult ensemble(Scenario sc, int threads, boolean quiet, AtomicBoolean cancel) {
        return ensemble(sc, Shard.WHOLE, threads, quiet, cancel);
    }

    static EnsembleResult ensemble(Scenario sc, Shard shard, int threads, boolean quiet, AtomicBoolean cancel) {
        return ensemble(sc, null, java.util.Set.of(), shard, threads, quiet, cancel);
    }

    /** The scenario's ensemble; with {@code sets}, replication r runs under parameter set r mod K (same seeds, same cost). */
    static EnsembleResult ensemble(Scenario sc, ParameterSets sets, java.util.Set<String> held, Shard shard, int threads, boolean quiet,
                                   AtomicBoolean cancel) {
        int reps = sc.run().replications();
        String label = shard.count() == 1 ? sc.name() : sc.name() + " " + shard;
        ProgressBar bar = new ProgressBar(System.err, Math.max(1, shard.size(reps)), label, ProgressBar.wanted(quiet));
        return new Ensemble(sc, sets, held).run(reps, sc.run().seed(), threads, shard, bar, cancel);
    }
}
