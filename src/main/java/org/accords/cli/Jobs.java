package org.accords.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.experiment.Ensemble;
import org.accords.experiment.EnsembleResult;
import org.accords.report.ResultFolder;
import org.accords.report.RunReport;
import org.accords.scenario.Scenario;

/** Running an ensemble into a result folder, with clean interruption (Ctrl-C, SIGTERM). */
final class Jobs {
    private Jobs() {}

    /**
     * Runs the scenario's ensemble and writes its folder whole. On Ctrl-C or SIGTERM the workers
     * stop between replications, the temporary folder is removed, and the JVM exits only after
     * that cleanup (the shutdown hook waits for it).
     */
    static EnsembleResult runToFolder(Scenario sc, Path out, boolean force, int threads, boolean quiet, PrintWriter err) throws IOException {
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
            int reps = sc.run().replications();
            ProgressBar bar = new ProgressBar(System.err, reps, sc.name(), ProgressBar.wanted(quiet));
            EnsembleResult result = new Ensemble(sc).run(reps, sc.run().seed(), threads, bar, cancel);
            RunReport.write(result, folder.dir(), Version.get());
            if (cancel.get()) throw new CancellationException();
            folder.commit();
            return result;
        } finally {
            cleanedUp.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting; the hook is running and will return now
            }
        }
    }
}
