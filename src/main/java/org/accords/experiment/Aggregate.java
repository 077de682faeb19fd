package org.accords.experiment;

import org.accords.model.AccordsModel;
import org.accords.model.EventKind;
import org.accords.model.RunObserver;
import org.accords.model.StateAgent;
import org.accords.scenario.Driver;

/**
 * Streaming ensemble statistics: counters and histograms whose size depends on months and
 * states, never on the number of replications. All sums are integers (driver contributions in
 * fixed point), so merging partial aggregates in any order gives bit-identical results; that is
 * what makes the output files independent of the thread count.
 */
public final class Aggregate implements RunObserver {
    /** Fixed-point scale for driver contributions: 2^24 units per utility point. */
    static final double FIXED = 1 << 24;
    public static final int CONTRIBUTIONS = Driver.values().length + 1;
    public static final EventKind[] COUNTED = {EventKind.JOIN, EventKind.FREEZE, EventKind.THAW, EventKind.OFFER};

    final int months;
    final int states;
    long runs;
    /** [t * (states + 1) + k]: runs with k active members in month t. */
    final long[] memberHistogram;
    /** [t * (states + 1) + k]: runs in which k states had ever joined by month t. */
    final long[] joinedHistogram;
    final long[] joinedSum;
    final long[] frozenSum;
    /**
     * [s * months + t]: net change, summed over runs, of state s being an active member (joins and
     * thaws +1, freezes -1) and of being frozen, in month t. A state's status changes only through
     * these events, so recording the changes (a few per run) instead of every state's status every
     * month (states x months per run) loses nothing: {@link #complete()} sums them up.
     */
    final long[] memberChange;
    final long[] frozenChange;
    /** [s * months + t]: runs in which state s first joined in month t. */
    final long[] joinTickHistogram;
    /** [s * months + t]: runs in which state s is an active member, has joined, is frozen in month t; set by {@link #complete()}. */
    long[] memberByState;
    long[] joinedByState;
    long[] frozenByState;
    final long[] everJoined;
    /** [s * CONTRIBUTIONS + k], fixed point, at the moment of joining. */
    final long[] contributionSum;
    /** [t * COUNTED.length + kind] */
    final long[] eventCounts;
    /** Parameter sets of an ensemble run (0 for a run at one parameter point). */
    final int sets;
    /** [j]: runs made with parameter set j. */
    final long[] setRuns;
    /** [j * months + t]: states ever joined, and active members, in month t, summed over the runs of set j. */
    final long[] setJoinedSum;
    final long[] setMemberSum;
    /** The parameter set of the replication being recorded. */
    private int currentSet;

    public Aggregate(int months, int states) {
        this(months, states, 0);
    }

    /** @param sets the parameter sets of an ensemble run, each tallied on its own (0 for one parameter point) */
    public Aggregate(int months, int states, int sets) {
        this.months = months;
        this.states = states;
        this.sets = sets;
        setRuns = new long[sets];
        setJoinedSum = new long[sets * months];
        setMemberSum = new long[sets * months];
        memberHistogram = new long[months * (states + 1)];
        joinedHistogram = new long[months * (states + 1)];
        joinedSum = new long[months];
        frozenSum = new long[months];
        memberChange = new long[states * months];
        frozenChange = new long[states * months];
        joinTickHistogram = new long[states * months];
        everJoined = new long[states];
        contributionSum = new long[states * CONTRIBUTIONS];
        eventCounts = new long[months * COUNTED.length];
    }

    @Override
    public void onEvent(EventKind kind, int tick, int subject, StateAgent agent) {
        switch (kind) {
            case JOIN -> {
                eventCounts[tick * COUNTED.length]++;
                joinTickHistogram[subject * months + tick]++;
                memberChange[subject * months + tick]++;
                everJoined[subject]++;
                double[] c = agent.contributions();
                for (int k = 0; k < CONTRIBUTIONS; k++) contributionSum[subject * CONTRIBUTIONS + k] += Math.round(c[k] * FIXED);
            }
            case FREEZE -> {
                eventCounts[tick * COUNTED.length + 1]++;
                memberChange[subject * months + tick]--;
                frozenChange[subject * months + tick]++;
            }
            case THAW -> {
                eventCounts[tick * COUNTED.length + 2]++;
                memberChange[subject * months + tick]++;
                frozenChange[subject * months + tick]--;
            }
            case OFFER -> eventCounts[tick * COUNTED.length + 3]++;
            default -> { }
        }
    }

    @Override
    public void onMonth(int tick, AccordsModel model) {
        memberHistogram[tick * (states + 1) + model.activeMembers()]++;
        joinedSum[tick] += model.joinedCount();
        joinedHistogram[tick * (states + 1) + model.joinedCount()]++;
        frozenSum[tick] += model.frozenCount();
        if (sets > 0) {
            setJoinedSum[currentSet * months + tick] += model.joinedCount();
            setMemberSum[currentSet * months + tick] += model.activeMembers();
        }
    }

    @Override
    public void onRunEnd(AccordsModel model) {
        runs++;
        if (sets > 0) setRuns[currentSet]++;
    }

    /** The parameter set the next replication runs with. */
    void useSet(int j) {
        currentSet = j;
    }

    /** Adds another partial aggregate into this one. */
    public void add(Aggregate o) {
        runs += o.runs;
        addAll(memberHistogram, o.memberHistogram);
        addAll(joinedHistogram, o.joinedHistogram);
        addAll(joinedSum, o.joinedSum);
        addAll(frozenSum, o.frozenSum);
        addAll(memberChange, o.memberChange);
        addAll(frozenChange, o.frozenChange);
        addAll(joinTickHistogram, o.joinTickHistogram);
        addAll(everJoined, o.everJoined);
        addAll(contributionSum, o.contributionSum);
        addAll(eventCounts, o.eventCounts);
        addAll(setRuns, o.setRuns);
        addAll(setJoinedSum, o.setJoinedSum);
        addAll(setMemberSum, o.setMemberSum);
    }

    /**
     * Sums the per-month changes into the per-state counts ({@link #memberByState} and the
     * others). Call once all partial aggregates are added; calling it again recomputes the same.
     */
    void complete() {
        memberByState = runningSums(memberChange);
        frozenByState = runningSums(frozenChange);
        joinedByState = runningSums(joinTickHistogram);
    }

    /** Per state, the running sum over months: [s * months + t] = sum of changes[s * months + u] for u <= t. */
    private long[] runningSums(long[] changes) {
        long[] sums = new long[changes.length];
        for (int s = 0; s < states; s++) {
            long sum = 0;
            for (int t = 0; t < months; t++) sums[s * months + t] = sum += changes[s * months + t];
        }
        return sums;
    }

    /** The inverse of {@link #runningSums}: per state, each month's count less the month before's. */
    private long[] changes(long[] sums) {
        long[] changes = new long[sums.length];
        for (int s = 0; s < states; s++) {
            long before = 0;
            for (int t = 0; t < months; t++) {
                changes[s * months + t] = sums[s * months + t] - before;
                before = sums[s * months + t];
            }
        }
        return changes;
    }

    /** The counters as plain data (for aggregate.json, so a later comparison can reuse a run folder). */
    public Data data() {
        complete();
        return new Data(months, states, runs, memberHistogram.clone(), joinedHistogram.clone(), joinedSum.clone(), frozenSum.clone(),
                memberByState.clone(), joinedByState.clone(), frozenByState.clone(), joinTickHistogram.clone(), everJoined.clone(),
                contributionSum.clone(), eventCounts.clone(), sets == 0 ? null : setRuns.clone(), sets == 0 ? null : setJoinedSum.clone(),
                sets == 0 ? null : setMemberSum.clone());
    }

    /** Rebuilds an aggregate from its data; checks the array sizes. */
    public static Aggregate of(Data d) {
        Aggregate a = new Aggregate(d.months(), d.states(), d.setRuns() == null ? 0 : d.setRuns().length);
        a.runs = d.runs();
        if (a.sets > 0) {
            copy(d.setRuns(), a.setRuns);
            copy(d.setJoinedSum(), a.setJoinedSum);
            copy(d.setMemberSum(), a.setMemberSum);
        }
        copy(d.memberHistogram(), a.memberHistogram);
        copy(d.joinedHistogram(), a.joinedHistogram);
        copy(d.joinedSum(), a.joinedSum);
        copy(d.frozenSum(), a.frozenSum);
        copy(a.changes(checked(d.memberByState(), a.memberChange.length)), a.memberChange);
        copy(a.changes(checked(d.frozenByState(), a.frozenChange.length)), a.frozenChange);
        copy(d.joinTickHistogram(), a.joinTickHistogram);
        copy(d.everJoined(), a.everJoined);
        copy(d.contributionSum(), a.contributionSum);
        copy(d.eventCounts(), a.eventCounts);
        a.complete();
        if (!java.util.Arrays.equals(a.joinedByState, checked(d.joinedByState(), a.joinTickHistogram.length))) {
            throw new IllegalArgumentException("aggregate data inconsistent: joinedByState does not sum joinTickHistogram");
        }
        return a;
    }

    /**
     * Adds up partial counters (shards of one ensemble) into {@code into}; null starts a new sum.
     * Integer counters, so the order of shards does not matter.
     */
    public static Data sum(Data into, Data part) {
        Aggregate a = of(part);
        if (into != null) {
            if (into.months() != part.months() || into.states() != part.states()) throw new IllegalArgumentException("shards of different sizes");
            a.add(of(into));
        }
        return a.data();
    }

    private static long[] checked(long[] from, int length) {
        if (from == null || from.length != length) throw new IllegalArgumentException("aggregate data of the wrong size");
        return from;
    }

    private static void copy(long[] from, long[] to) {
        System.arraycopy(checked(from, to.length), 0, to, 0, to.length);
    }

    /** Plain-data form of an aggregate; layouts as documented on the fields above. */
    public record Data(int months, int states, long runs, long[] memberHistogram, long[] joinedHistogram, long[] joinedSum,
                       long[] frozenSum, long[] memberByState, long[] joinedByState, long[] frozenByState,
                       long[] joinTickHistogram, long[] everJoined, long[] contributionSum, long[] eventCounts,
                       long[] setRuns, long[] setJoinedSum, long[] setMemberSum) {}

    private static void addAll(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) into[i] += from[i];
    }
}
