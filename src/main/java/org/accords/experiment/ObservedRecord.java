package org.accords.experiment;

import java.util.List;
import org.accords.scenario.Observation;
import org.accords.scenario.Scenario;

/**
 * The scenario's observed record as status per state and month: joined by then, frozen then.
 * Events before the run's start count from tick 0; events after its end are ignored.
 */
public final class ObservedRecord {
    private final int months;
    private final int states;
    private final boolean[] joinedBy;
    private final boolean[] frozen;
    private final int[] joinTick;

    public ObservedRecord(Scenario sc) {
        months = sc.run().months();
        states = sc.states().size();
        joinedBy = new boolean[months * states];
        frozen = new boolean[months * states];
        joinTick = new int[states];
        java.util.Arrays.fill(joinTick, -1);
        List<Observation> sorted = sc.observed().stream().sorted(java.util.Comparator.comparing(Observation::month)).toList();
        for (Observation o : sorted) {
            int s = sc.indexOf(o.state());
            if (s < 0 || !o.changesStatus()) continue;
            int t0 = Math.max(0, sc.run().tickOf(o.month()));
            if (t0 >= months) continue;
            for (int t = t0; t < months; t++) {
                switch (o.kind()) {
                    case JOIN -> joinedBy[t * states + s] = true;
                    case FREEZE -> frozen[t * states + s] = true;
                    case THAW -> frozen[t * states + s] = false;
                }
            }
            if (o.kind() == Observation.Kind.JOIN && joinTick[s] < 0) joinTick[s] = t0;
        }
    }

    public boolean joinedBy(int s, int tick) { return joinedBy[tick * states + s]; }

    public boolean frozen(int s, int tick) { return frozen[tick * states + s]; }

    /** Observed join tick, or -1. */
    public int joinTick(int s) { return joinTick[s]; }

    public int months() { return months; }

    public int states() { return states; }

    public boolean hasFreezes() {
        for (boolean f : frozen) if (f) return true;
        return false;
    }
}
