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

    public Aggregate(int months, int states) {
        this.months = months;
        this.states = states;
        memberHistogram = new long[months * (states + 1)];
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
        frozenSum[tick] += model.frozenCount();
    }

    @Override
    public void onRunEnd(AccordsModel model) {
        runs++;
    }

    /** Adds another partial aggregate into this one. */
    public void add(Aggregate o) {
        runs += o.runs;
        addAll(memberHistogram, o.memberHistogram);
        addAll(joinedSum, o.joinedSum);
        addAll(frozenSum, o.frozenSum);
        addAll(memberChange, o.memberChange);
        addAll(frozenChange, o.frozenChange);
        addAll(joinTickHistogram, o.joinTickHistogram);
        addAll(everJoined, o.everJoined);
        addAll(contributionSum, o.contributionSum);
        addAll(eventCounts, o.eventCounts);
    }

    /** Sums the per-month changes into per-month counts, once all partial aggregates are added. */
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

    private static void addAll(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) into[i] += from[i];
    }
}
