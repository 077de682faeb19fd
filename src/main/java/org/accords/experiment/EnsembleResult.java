package org.accords.experiment;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.accords.scenario.ParameterSets;
import org.accords.scenario.Scenario;

/**
 * The outcome of an ensemble: the merged statistics, the full event trace of replication 0 (to
 * explain single joins), and how the run was made. Plain data for the report layer.
 */
public final class EnsembleResult {
    public final Scenario scenario;
    public final long seed;
    public final int threads;
    public final Instant started;
    public final Instant finished;
    public final List<TraceEvent> trace;
    /** The share of the replications this result holds ({@link Shard#WHOLE} unless run with --shard). */
    public final Shard shard;
    /** How many shard folders this result was merged from; 0 when computed in one process. */
    public final int mergedShards;
    /** The parameter ensemble the replications were spread over, or null for a run at one parameter point. */
    public final ParameterSets parameterSets;
    /** Keys held at the scenario's value in every set (set on purpose by the scenario or the command line). */
    public final Set<String> held;
    private final Aggregate a;

    EnsembleResult(Scenario scenario, long seed, int threads, Instant started, Instant finished, Aggregate a, List<TraceEvent> trace) {
        this(scenario, seed, threads, started, finished, a, trace, Shard.WHOLE, 0, null, Set.of());
    }

    EnsembleResult(Scenario scenario, long seed, int threads, Instant started, Instant finished, Aggregate a, List<TraceEvent> trace,
                   Shard shard, int mergedShards, ParameterSets parameterSets, Set<String> held) {
        this.parameterSets = parameterSets;
        this.held = Set.copyOf(held);
        this.scenario = scenario;
        this.shard = shard;
        this.mergedShards = mergedShards;
        this.seed = seed;
        this.threads = threads;
        this.started = started;
        this.finished = finished;
        this.a = a;
        a.complete();
        this.trace = List.copyOf(trace);
    }

    /** A result restored from a run folder's aggregate.json (no trace). */
    public static EnsembleResult restored(Scenario scenario, long seed, int threads, Instant started, Instant finished, Aggregate.Data data) {
        return restored(scenario, seed, threads, started, finished, data, List.of(), 0, null, Set.of());
    }

    /** A whole result rebuilt from saved counters (the sum of {@code mergedShards} shards) and replication 0's trace. */
    public static EnsembleResult restored(Scenario scenario, long seed, int threads, Instant started, Instant finished, Aggregate.Data data,
                                          List<TraceEvent> trace, int mergedShards) {
        return restored(scenario, seed, threads, started, finished, data, trace, mergedShards, null, Set.of());
    }

    /**
     * A whole result rebuilt from saved counters (the sum of {@code mergedShards} shards) and
     * replication 0's trace; {@code sets} is the parameter ensemble it was run over (null: one point).
     */
    public static EnsembleResult restored(Scenario scenario, long seed, int threads, Instant started, Instant finished, Aggregate.Data data,
                                          List<TraceEvent> trace, int mergedShards, ParameterSets sets, Set<String> held) {
        Aggregate a = Aggregate.of(data);
        if (a.months != scenario.run().months() || a.states != scenario.states().size()) {
            throw new IllegalArgumentException("aggregate does not match the scenario's months and states");
        }
        if (sets != null && a.sets != sets.size()) throw new IllegalArgumentException("aggregate does not match the parameter sets");
        return new EnsembleResult(scenario, seed, threads, started, finished, a, trace, Shard.WHOLE, mergedShards, sets, held);
    }

    /** Parameter sets the replications were spread over (0: one parameter point). */
    public int setCount() { return a.sets; }

    public long setRuns(int j) { return a.setRuns[j]; }

    /** Mean states ever joined by month t over the runs of parameter set j (NaN if it had none). */
    public double setJoinedMean(int j, int t) {
        return a.setRuns[j] == 0 ? Double.NaN : a.setJoinedSum[j * a.months + t] / (double) a.setRuns[j];
    }

    /** Mean active members in month t over the runs of parameter set j (NaN if it had none). */
    public double setMembersMean(int j, int t) {
        return a.setRuns[j] == 0 ? Double.NaN : a.setMemberSum[j * a.months + t] / (double) a.setRuns[j];
    }

    public Aggregate.Data data() { return a.data(); }

    public long runs() { return a.runs; }
    public int months() { return a.months; }
    public int states() { return a.states; }

    /** Mean number of active members (joined, not frozen) in month t. */
    public double membersMean(int t) {
        long sum = 0;
        for (int k = 0; k <= a.states; k++) sum += k * a.memberHistogram[t * (a.states + 1) + k];
        return sum / (double) a.runs;
    }

    /** The pct-th percentile of active members in month t: the smallest k reached by at least pct% of runs. */
    public int membersPercentile(int t, int pct) {
        long cum = 0;
        for (int k = 0; k <= a.states; k++) {
            cum += a.memberHistogram[t * (a.states + 1) + k];
            if (cum * 100 >= (long) pct * a.runs) return k;
        }
        return a.states;
    }

    public double joinedMean(int t) { return a.joinedSum[t] / (double) a.runs; }

    /** Sample variance over runs of the number of states ever joined by month t. */
    public double joinedVariance(int t) {
        if (a.runs < 2) return 0;
        double mean = joinedMean(t);
        double ss = 0;
        for (int k = 0; k <= a.states; k++) ss += a.joinedHistogram[t * (a.states + 1) + k] * (k - mean) * (k - mean);
        return ss / (a.runs - 1);
    }

    /** The pct-th percentile of the number of states ever joined by month t. */
    public int joinedPercentile(int t, int pct) {
        long cum = 0;
        for (int k = 0; k <= a.states; k++) {
            cum += a.joinedHistogram[t * (a.states + 1) + k];
            if (cum * 100 >= (long) pct * a.runs) return k;
        }
        return a.states;
    }
    public double frozenMean(int t) { return a.frozenSum[t] / (double) a.runs; }

    public double pMember(int s, int t) { return a.memberByState[s * a.months + t] / (double) a.runs; }
    public double pJoinedBy(int s, int t) { return a.joinedByState[s * a.months + t] / (double) a.runs; }
    public double pFrozen(int s, int t) { return a.frozenByState[s * a.months + t] / (double) a.runs; }
    public double pEverJoined(int s) { return a.everJoined[s] / (double) a.runs; }

    /** Runs in which state s joined during the run (not before its first month): the runs behind its driver means. */
    public long joinsDuringRun(int s) { return a.everJoined[s] - a.joinedBefore[s]; }

    /** Share of runs in which state s had joined before the first month (a run from the observed present). */
    public double pJoinedBefore(int s) { return a.joinedBefore[s] / (double) a.runs; }

    /** Join-month percentile among the runs in which state s joined during the run, as a tick; -1 if it never did. */
    public int joinTickPercentile(int s, int pct) {
        long n = a.everJoined[s] - a.joinedBefore[s];
        if (n == 0) return -1;
        long cum = 0;
        for (int t = 0; t < a.months; t++) {
            cum += a.joinTickHistogram[s * a.months + t];
            if (cum * 100 >= (long) pct * n) return t;
        }
        return a.months - 1;
    }

    /** Mean contribution k (driver ordinal, or StateAgent.COST) to utility at the moment state s joined during the run; NaN if it never did. */
    public double meanContribution(int s, int k) {
        long n = a.everJoined[s] - a.joinedBefore[s];
        return n == 0 ? Double.NaN : a.contributionSum[s * Aggregate.CONTRIBUTIONS + k] / Aggregate.FIXED / n;
    }

    /** Mean count per run of events of kind index (see {@link Aggregate#COUNTED}) in month t. */
    public double eventMean(int t, int kind) {
        return a.eventCounts[t * Aggregate.COUNTED.length + kind] / (double) a.runs;
    }

    public double wallSeconds() {
        return (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0;
    }
}
