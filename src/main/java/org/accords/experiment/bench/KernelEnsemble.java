package org.accords.experiment.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.accords.experiment.Seeds;
import org.accords.model.WorldPlan;

/**
 * The bare kernel run as an ensemble, shaped like {@link org.accords.experiment.Ensemble}: a
 * fixed pool of workers, one kernel each, taking replication indices from a shared counter, with
 * the same per-replication seeds. It records nothing but the total number of joins.
 */
public final class KernelEnsemble {
    private KernelEnsemble() {}

    /** Runs replications [0, replications) and returns the total number of joins. */
    public static long run(WorldPlan plan, int replications, long seed, int threads) {
        int workers = Math.max(1, Math.min(threads, replications));
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "accords-kernel");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                parts.add(pool.submit(() -> {
                    BareKernel kernel = new BareKernel(plan);
                    long joins = 0;
                    for (int k = next.getAndIncrement(); k < replications; k = next.getAndIncrement()) {
                        joins += kernel.run(Seeds.forReplication(seed, k));
                    }
                    return joins;
                }));
            }
            long total = 0;
            for (Future<Long> f : parts) total += f.get();
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
