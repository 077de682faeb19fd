package org.accords.experiment.backtest;

import java.util.Set;
import org.accords.experiment.Seeds;
import org.accords.model.AccordsModel;
import org.accords.model.WorldPlan;
import org.accords.scenario.ParameterSets;
import org.accords.scenario.Scenario;

/**
 * The ABM as an event forecaster: an ensemble of the scenario that starts the month after the
 * origin from the observed standings there, and the share of replications in which each state
 * changes standing within the window. Replications run in order with seeds from (seed, k)
 * alone, so the result does not depend on the machine. Over a parameter ensemble, replication k
 * runs under set k mod K, as in {@code run}: the forecast then carries parameter uncertainty too.
 */
public final class AbmEvents implements EventModel {
    private final Scenario scenario;
    private final FirstChanges counts;

    /** @param scenario starts at origin + 1 (tick 0), from the observed standings at the origin */
    public AbmEvents(Scenario scenario, int replications, long seed) {
        this(scenario, null, Set.of(), replications, seed);
    }

    /**
     * @param sets a parameter ensemble (replication k runs under set k mod K), or null for the scenario's own parameters
     * @param held keys that keep the scenario's value in every set
     */
    public AbmEvents(Scenario scenario, ParameterSets sets, Set<String> held, int replications, long seed) {
        this.scenario = scenario;
        counts = new FirstChanges(scenario.run().months(), scenario.states().size());
        WorldPlan plan = new WorldPlan(scenario);
        // one model per parameter set, reseeded per replication, as an ensemble worker does
        AccordsModel[] models = new AccordsModel[sets == null ? 1 : sets.size()];
        for (int k = 0; k < replications; k++) {
            int j = k % models.length;
            if (models[j] == null) models[j] = new AccordsModel(sets == null ? plan : plan.withParameters(sets.apply(scenario, j, held)));
            models[j].runReplication(Seeds.forReplication(seed, k), counts);
        }
    }

    @Override
    public String name() { return "abm"; }

    @Override
    public double[] forecast(EventWindow w) {
        if (!w.first().equals(scenario.run().start())) {
            throw new IllegalArgumentException("the ABM run starts " + scenario.run().start() + ", the window " + w.first());
        }
        if (w.horizon() > scenario.run().months()) throw new IllegalArgumentException("window longer than the run");
        double[] p = new double[w.items().size()];
        for (int i = 0; i < p.length; i++) {
            int s = scenario.indexOf(w.items().get(i).id());
            p[i] = counts.pChangedBy(s, w.horizon() - 1);
        }
        return p;
    }

    /** P(at least {@code k} joins in the first {@code months} months). */
    public double pJoinsAtLeast(int k, int months) {
        return counts.pJoinsAtLeast(k, months - 1);
    }

    public long runs() { return counts.runs; }
}
