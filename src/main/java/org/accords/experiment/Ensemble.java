package org.accords.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.accords.model.AccordsModel;
import org.accords.model.RunObserver;
import org.accords.model.WorldPlan;
import org.accords.scenario.Scenario;
import org.accords.scenario.Shock;

/**
 * Runs a Monte Carlo ensemble in parallel. Each worker thread owns one model and one partial
 * aggregate and takes replication indices from a shared counter; the partials are merged at the
 * end. Seeds depend only on (master seed, replication), and the aggregate is integer-valued,
 * so the result is the same whatever the thread count.
 */
public final class Ensemble {
    private final Scenario scenario;
    private final WorldPlan plan;

    public Ensemble(Scenario scenario) {
        this.scenario = scenario;
        this.plan = new WorldPlan(scenario);
    }

    public WorldPlan plan() { return plan; }

    /**
     * @param progress called with the number of finished replications (from worker threads)
     * @param cancel   checked between replications; when set, the run ends with a CancellationException
     */
    public EnsembleResult run(int replications, long seed, int threads, IntConsumer progress, AtomicBoolean cancel) {
        return run(replications, seed, threads, Shard.WHOLE, progress, cancel);
    }

    /**
     * Runs only the shard's share of the replications (r mod N = K). Each replication keeps its
     * global index, hence its seed, so the shards' aggregates add up to the unsharded one exactly.
     */
    public EnsembleResult run(int replications, long seed, int threads, Shard shard, IntConsumer progress, AtomicBoolean cancel) {
        Instant started = Instant.now();
        int share = shard.size(replications);
        int workers = Math.max(1, Math.min(threads, share));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<String> shockIds = scenario.shocks().stream().map(Shock::id).toList();
        List<TraceEvent> trace = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "accords-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Aggregate>> parts = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                parts.add(pool.submit(() -> {
                    AccordsModel model = new AccordsModel(plan);
                    Aggregate part = new Aggregate(plan.months, plan.stateCount);
                    for (int i = next.getAndIncrement(); i < share; i = next.getAndIncrement()) {
                        if (cancel.get()) throw new CancellationException();
                        long k = shard.unit(i);
                        if (k == 0) {
                            TraceRecorder recorder = new TraceRecorder(part, shockIds);
                            model.runReplication(Seeds.forReplication(seed, k), recorder);
                            synchronized (trace) { trace.addAll(recorder.events); }
                        } else {
                            model.runReplication(Seeds.forReplication(seed, k), part);
                        }
                        progress.accept(done.incrementAndGet());
                    }
                    return part;
                }));
            }
            Aggregate total = new Aggregate(plan.months, plan.stateCount);
            for (Future<Aggregate> f : parts) total.add(f.get());
            return new EnsembleResult(scenario, seed, workers, started, Instant.now(), total, trace, shard, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException c) throw c;
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs one replication with an observer of the caller's (tests, the backtest). */
    public void runOne(long seed, int replication, RunObserver observer) {
        new AccordsModel(plan).runReplication(Seeds.forReplication(seed, replication), observer);
    }
}
