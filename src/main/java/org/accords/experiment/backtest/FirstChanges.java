package org.accords.experiment.backtest;

import org.accords.model.AccordsModel;
import org.accords.model.EventKind;
import org.accords.model.RunObserver;
import org.accords.model.StateAgent;

/**
 * Counts, over replications, the month of each state's first change of standing (join, freeze
 * or thaw) and the number of joins by each month. Integer counts only, so merging is exact.
 */
final class FirstChanges implements RunObserver {
    final int months;
    final int states;
    long runs;
    /** [s * months + t]: runs in which state s first changed standing in month t. */
    final long[] firstChange;
    /** [t * (states + 1) + k]: runs with k join events in months 0..t. */
    final long[] joinsBy;
    private final int[] first;
    private final int[] joinsIn;

    FirstChanges(int months, int states) {
        this.months = months;
        this.states = states;
        firstChange = new long[states * months];
        joinsBy = new long[months * (states + 1)];
        first = new int[states];
        joinsIn = new int[months];
        java.util.Arrays.fill(first, -1);
    }

    @Override
    public void onEvent(EventKind kind, int tick, int subject, StateAgent agent) {
        if (kind != EventKind.JOIN && kind != EventKind.FREEZE && kind != EventKind.THAW) return;
        if (first[subject] < 0) first[subject] = tick;
        if (kind == EventKind.JOIN) joinsIn[tick]++;
    }

    @Override
    public void onRunEnd(AccordsModel model) {
        runs++;
        for (int s = 0; s < states; s++) if (first[s] >= 0) firstChange[s * months + first[s]]++;
        int sum = 0;
        for (int t = 0; t < months; t++) {
            sum += joinsIn[t];
            joinsBy[t * (states + 1) + Math.min(sum, states)]++;
        }
        java.util.Arrays.fill(first, -1);
        java.util.Arrays.fill(joinsIn, 0);
    }

    /** P(state s changes standing in months 0 .. t). */
    double pChangedBy(int s, int t) {
        long n = 0;
        for (int u = 0; u <= t; u++) n += firstChange[s * months + u];
        return runs == 0 ? 0 : n / (double) runs;
    }

    /** P(at least k joins in months 0 .. t). */
    double pJoinsAtLeast(int k, int t) {
        long n = 0;
        for (int j = k; j <= states; j++) n += joinsBy[t * (states + 1) + j];
        return runs == 0 ? 0 : n / (double) runs;
    }
}
