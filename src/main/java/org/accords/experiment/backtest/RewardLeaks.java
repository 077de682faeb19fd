package org.accords.experiment.backtest;

import java.util.ArrayList;
import java.util.List;
import org.accords.scenario.Driver;
import org.accords.scenario.Observation;
import org.accords.scenario.Scenario;
import org.accords.scenario.Shock;

/**
 * Targeted US-reward shocks that would carry the outcome into a backtest: a reward aimed at a
 * state that starts in the very month the state is observed to join. Such a reward was announced
 * with the deal, so a model given it replays the join instead of forecasting it.
 */
public final class RewardLeaks {
    public record Leak(Shock shock, String state, Observation join) {
        public String explanation() {
            return "shock '" + shock.id() + "' gives " + state + " a targeted US reward from " + shock.start()
                    + ", the month " + state + " is observed to join: a reward announced with the deal carries the outcome into the forecast"
                    + " (move it to a what-if scenario, or let the broker offer it)";
        }
    }

    private RewardLeaks() {}

    public static List<Leak> find(Scenario sc) {
        List<Leak> out = new ArrayList<>();
        for (Shock s : sc.shocks()) {
            if (s.targetsAll()) continue;
            boolean reward = s.effects().stream().anyMatch(e -> e.driver() == Driver.US_REWARDS && e.amount() > 0);
            if (!reward) continue;
            for (Observation o : sc.observed()) {
                if (o.kind() == Observation.Kind.JOIN && o.month().equals(s.start()) && s.targetStates().contains(o.state())) {
                    out.add(new Leak(s, o.state(), o));
                }
            }
        }
        return out;
    }
}
