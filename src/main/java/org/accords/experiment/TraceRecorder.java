package org.accords.experiment;

import java.util.ArrayList;
import java.util.List;
import org.accords.model.AccordsModel;
import org.accords.model.EventKind;
import org.accords.model.RunObserver;
import org.accords.model.StateAgent;
import org.accords.scenario.Driver;

/** Keeps every event of one replication with its drivers, and passes everything on to another observer. */
final class TraceRecorder implements RunObserver {
    private final RunObserver next;
    private final List<String> shockIds;
    final List<TraceEvent> events = new ArrayList<>();

    TraceRecorder(RunObserver next, List<String> shockIds) {
        this.next = next;
        this.shockIds = shockIds;
    }

    @Override
    public void onEvent(EventKind kind, int tick, int subject, StateAgent agent) {
        if (agent == null) {
            events.add(new TraceEvent(tick, kind, shockIds.get(subject), new double[0], new double[0], Double.NaN));
        } else {
            double[] d = new double[Driver.values().length];
            for (Driver x : Driver.values()) d[x.ordinal()] = agent.driver(x);
            events.add(new TraceEvent(tick, kind, agent.spec.id(), d, agent.contributions().clone(), agent.utility()));
        }
        next.onEvent(kind, tick, subject, agent);
    }

    @Override
    public void onRunStart(AccordsModel model) { next.onRunStart(model); }

    @Override
    public void onMonth(int tick, AccordsModel model) { next.onMonth(tick, model); }

    @Override
    public void onRunEnd(AccordsModel model) { next.onRunEnd(model); }
}
