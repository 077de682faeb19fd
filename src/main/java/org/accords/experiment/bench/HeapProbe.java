package org.accords.experiment.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.accords.experiment.Ensemble;
import org.accords.experiment.EnsembleResult;
import org.accords.scenario.Scenario;
import org.accords.scenario.ScenarioLoader;

/**
 * Heap of one ensemble, measured in a fresh JVM (the benchmark starts one per ensemble size):
 * the largest heap still in use after any garbage collection during the run (the live set),
 * the live heap after a final full collection with the result still held, and the process's
 * peak resident memory. Prints one line: {@code reps liveMaxBytes liveEndBytes rssPeakBytes gcs seconds}.
 *
 * <p>Usage: {@code java -Xmx256m -cp accords.jar org.accords.experiment.bench.HeapProbe PRESET_DIR SCENARIO REPS THREADS [KEY=VALUE ...]}
 */
public final class HeapProbe {
    private HeapProbe() {}

    public static void main(String[] args) throws Exception {
        Scenario sc = new ScenarioLoader(Path.of(args[0])).load(args[1], List.of(args).subList(4, args.length));
        int reps = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        AtomicLong liveMax = new AtomicLong();
        AtomicLong gcs = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = 0;
                for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) used += u.getUsed();
                liveMax.accumulateAndGet(used, Math::max);
                gcs.incrementAndGet();
            }, null, null);
        }
        long t0 = System.nanoTime();
        EnsembleResult r = new Ensemble(sc).run(reps, sc.run().seed(), threads, done -> { }, new AtomicBoolean());
        double seconds = (System.nanoTime() - t0) / 1e9;
        long during = gcs.get();
        System.gc();
        long liveEnd = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        liveMax.accumulateAndGet(liveEnd, Math::max);
        if (r.runs() != reps) throw new IllegalStateException("ran " + r.runs() + " of " + reps);
        System.out.printf(Locale.ROOT, "%d %d %d %d %d %.3f%n", reps, liveMax.get(), liveEnd, rssPeak(), during, seconds);
    }

    /** VmHWM from /proc/self/status (Linux), or -1. */
    static long rssPeak() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        } catch (Exception e) {
            // not Linux
        }
        return -1;
    }
}
