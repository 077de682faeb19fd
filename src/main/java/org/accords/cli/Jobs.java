package org.accords.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.experiment.Ensemble;
import org.accords.experiment.EnsembleResult;
import org.accords.experiment.Shard;
import org.accords.report.Overrides;
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
     * complete. On Ctrl-C or SIGTERM the work stops and the temporary folder is removed; the JVM
     * exits only after that cleanup (see {@link Interruption}).
     */
    static <T> T intoFolder(Path out, boolean force, FolderWork<T> work) throws IOException {
        ResultFolder.checkTarget(out, force);
        AtomicBoolean cancel = Interruption.newFlag();
        try (ResultFolder folder = ResultFolder.open(out, force)) {
            if (cancel.get()) throw new CancellationException();
            T result = work.fill(folder.dir(), cancel);
            if (cancel.get()) throw new CancellationException();
            folder.commit();
            return result;
        } finally {
            Interruption.done(cancel);
        }
    }

    /** Runs the scenario's ensemble and writes its run folder, with the command-line overrides on record. */
    static EnsembleResult runToFolder(Scenario sc, Path out, boolean force, int threads, boolean quiet, Overrides overrides, RunsOption runs)
            throws IOException {
        return runToFolder(sc, null, java.util.Set.of(), out, force, threads, quiet, overrides, runs, org.accords.report.ChartChoices.DEFAULT, true);
    }

    /**
     * As above, with the replications spread over a parameter ensemble (null: one point).
     * @param charts the time charts' window and the states of the trajectories and "why not" charts (empty: each chart's default)
     * @param whyNot whether to write the "why not" chart and CSV (a second pass over the first replications)
     */
    static EnsembleResult runToFolder(Scenario sc, ParameterSets sets, java.util.Set<String> held, Path out, boolean force, int threads,
                                      boolean quiet, Overrides overrides, RunsOption runs, org.accords.report.ChartChoices charts, boolean whyNot)
            throws IOException {
        return intoFolder(out, force, (dir, cancel) -> {
            EnsembleResult result = ensemble(sc, sets, held, Shard.WHOLE, threads, quiet, cancel);
            if (runs.wanted(result, quiet)) RunReport.writeRuns(result, dir, threads, cancel);
            if (whyNot) writeWhyNot(result, charts, dir, threads, overrides, cancel);
            RunReport.write(result, dir, Version.get(), overrides, charts);
            return result;
        });
    }

    /** whynot.csv and whynot.png/.svg: the first replications run again, recording every state's utility and its parts. */
    static void writeWhyNot(EnsembleResult result, org.accords.report.ChartChoices charts, Path dir, int threads, Overrides overrides,
                            AtomicBoolean cancel) throws IOException {
        org.accords.report.WhyNotReport.write(org.accords.experiment.WhyNot.compute(result, threads, cancel), charts.states(), charts.window(), dir,
                overrides.chartNote());
    }

    /** Runs the shard's share of the ensemble (over a parameter ensemble; null: one point) into its shard folder, overrides on record. */
    static EnsembleResult runShardToFolder(Scenario sc, ParameterSets sets, java.util.Set<String> held, Shard shard, Path out, boolean force,
                                           int threads, boolean quiet, Overrides overrides, RunsOption runs,
                                           org.accords.report.ChartChoices charts) throws IOException {
        return intoFolder(out, force, (dir, cancel) -> {
            EnsembleResult result = ensemble(sc, sets, held, shard, threads, quiet, cancel);
            // the whole study's size decides, so every shard writes its share or none does
            if (runs.wanted(sc, quiet)) RunReport.writeRuns(result, dir, threads, cancel);
            ShardFolders.writeRun(result, dir, Version.get());
            ShardFolders.writeOverrides(overrides, dir);
            ShardFolders.writeCharts(charts, dir);
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
