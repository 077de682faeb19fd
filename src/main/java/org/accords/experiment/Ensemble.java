package org.accords.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.accords.model.AccordsModel;
import org.accords.model.RunObserver;
import org.accords.model.WorldPlan;
import java.util.Set;
import org.accords.scenario.ParameterSets;
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
    /** The parameter ensemble the replications are spread over, or null for one parameter point. */
    private final ParameterSets sets;
    private final Set<String> held;
    /** Per parameter set, the plan under that set (rows shared with {@link #plan}). */
    private final WorldPlan[] setPlans;

    public Ensemble(Scenario scenario) {
        this(scenario, null, Set.of());
    }

    /**
     * An ensemble whose replication r runs under parameter set r mod K of {@code sets}; seeds are
     * those of a single-point run, so the cost and the random streams stay the same.
     *
     * @param held keys the scenario or the command line set on purpose: they keep the scenario's value in every set
     */
    public Ensemble(Scenario scenario, ParameterSets sets, Set<String> held) {
        this.scenario = scenario;
        this.plan = new WorldPlan(scenario);
        this.sets = sets;
        this.held = Set.copyOf(held);
        this.setPlans = new WorldPlan[sets == null ? 0 : sets.size()];
        for (int j = 0; j < setPlans.length; j++) setPlans[j] = plan.withParameters(sets.apply(scenario, j, this.held));
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
        return run(replications, seed, threads, shard, progress, cancel, true);
    }

    /**
     * Runs without recording replication 0's event trace (the experiments' points need only the
     * aggregate, and the trace costs a few replications' time per point).
     */
    public EnsembleResult runWithoutTrace(int replications, long seed, int threads, AtomicBoolean cancel) {
        return run(replications, seed, threads, Shard.WHOLE, done -> { }, cancel, false);
    }

    private EnsembleResult run(int replications, long seed, int threads, Shard shard, IntConsumer progress, AtomicBoolean cancel,
                               boolean keepTrace) {
        Instant started = Instant.now();
        int share = shard.size(replications);
        int workers = Math.max(1, Math.min(threads, share));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<String> shockIds = scenario.shocks().stream().map(Shock::id).toList();
        List<TraceEvent> trace = new ArrayList<>();
        ExecutorService pool = Workers.pool(workers, "accords-worker");
        try {
            List<Future<Aggregate>> parts = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                parts.add(pool.submit(() -> {
                    AccordsModel pointModel = setPlans.length == 0 ? new AccordsModel(plan) : null;
                    AccordsModel[] setModels = new AccordsModel[setPlans.length];
                    Aggregate part = new Aggregate(plan.months, plan.stateCount, setPlans.length);
                    for (int i = next.getAndIncrement(); i < share; i = next.getAndIncrement()) {
                        if (cancel.get()) throw new CancellationException();
                        long k = shard.unit(i);
                        AccordsModel model = pointModel;
                        if (model == null) {
                            int j = (int) (k % setPlans.length);
                            if (setModels[j] == null) setModels[j] = new AccordsModel(setPlans[j]);
                            model = setModels[j];
                            part.useSet(j);
                        }
                        if (k == 0 && keepTrace) {
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
            Aggregate total = new Aggregate(plan.months, plan.stateCount, setPlans.length);
            for (Future<Aggregate> f : parts) total.add(Workers.take(f));
            return new EnsembleResult(scenario, seed, workers, started, Instant.now(), total, trace, shard, 0, sets, held);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A runner for one thread that reruns chosen replications as the ensemble ran them (seed and
     * parameter set), keeping one model per parameter set as the ensemble's workers do: building
     * a model costs more than running a replication.
     */
    public Runner runner() {
        return new Runner();
    }

    /** See {@link #runner()}; not for use by two threads at once. */
    public final class Runner {
        private final AccordsModel[] models = new AccordsModel[Math.max(1, setPlans.length)];

        private Runner() {}

        public void run(long seed, long replication, RunObserver observer) {
            int j = setPlans.length == 0 ? 0 : (int) (replication % setPlans.length);
            if (models[j] == null) models[j] = new AccordsModel(setPlans.length == 0 ? plan : setPlans[j]);
            models[j].runReplication(Seeds.forReplication(seed, replication), observer);
        }
    }

    /** Runs one replication (under its parameter set) with an observer of the caller's (tests, the backtest). */
    public void runOne(long seed, int replication, RunObserver observer) {
        WorldPlan p = setPlans.length == 0 ? plan : setPlans[replication % setPlans.length];
        new AccordsModel(p).runReplication(Seeds.forReplication(seed, replication), observer);
    }
}
