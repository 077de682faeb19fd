package org.accords.model;

import java.util.ArrayList;
import java.util.List;
import org.accords.experiment.Ensemble;
import org.accords.scenario.Driver;
import org.accords.scenario.Scenario;

/** Captures, each month, every agent's drivers, contributions, utility, status and offer, and the model's counters. */
final class Snapshot implements RunObserver {
    record AgentState(double[] drivers, double[] contributions, double utility, Status status, double offer) {
        double driver(Driver d) { return drivers[d.ordinal()]; }
    }

    record Month(int tick, List<AgentState> agents, double prestige, int active, int joined, int frozen) {}

    record Event(EventKind kind, int tick, int subject) {}

    final List<Month> months = new ArrayList<>();
    final List<Event> events = new ArrayList<>();

    @Override
    public void onEvent(EventKind kind, int tick, int subject, StateAgent agent) {
        events.add(new Event(kind, tick, subject));
    }

    @Override
    public void onMonth(int tick, AccordsModel model) {
        List<AgentState> list = new ArrayList<>();
        for (StateAgent a : model.agents()) {
            double[] d = new double[Driver.values().length];
            for (Driver x : Driver.values()) d[x.ordinal()] = a.driver(x);
            list.add(new AgentState(d, a.contributions().clone(), a.utility(), a.status(), a.offer()));
        }
        months.add(new Month(tick, list, model.prestige(), model.activeMembers(), model.joinedCount(), model.frozenCount()));
    }

    AgentState at(int tick, int state) { return months.get(tick).agents().get(state); }

    long count(EventKind kind) { return events.stream().filter(e -> e.kind() == kind).count(); }

    /** Runs replication {@code rep} of the scenario and returns what happened. */
    static Snapshot run(Scenario sc, long seed, int rep) {
        Snapshot s = new Snapshot();
        new Ensemble(sc).runOne(seed, rep, s);
        return s;
    }

    /** A started model (tick 0, drivers assessed once) for direct unit tests of agents and the broker. */
    static AccordsModel started(Scenario sc) {
        AccordsModel m = new AccordsModel(new WorldPlan(sc));
        m.random.setSeed(new int[] {1, 2, 3, 4});
        m.start();
        return m;
    }
}
