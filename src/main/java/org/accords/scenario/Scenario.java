package org.accords.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * A fully merged, validated scenario: immutable plain data, all the model needs.
 *
 * @param states     the roster after exclusions and per-scenario overrides, in roster order
 * @param world      start values of the world variables, indexed by {@link WorldVariable#ordinal()}
 * @param rosterFile the roster file read (copied into every result folder)
 * @param resolved   the merged scenario tree with every default filled in, as written to
 *                   {@code scenario.resolved.yaml}
 */
public record Scenario(String name, String title, String description, RunSettings run,
                       ModelParameters model, BrokerParameters us, double[] world,
                       List<StateSpec> states, List<Shock> shocks, List<Observation> observed,
                       Path rosterFile, java.util.Map<String, Object> resolved) {
    public Scenario {
        states = List.copyOf(states);
        shocks = List.copyOf(shocks);
        observed = List.copyOf(observed);
        world = world.clone();
    }

    public double worldStart(WorldVariable v) { return world[v.ordinal()]; }

    public int indexOf(String stateId) {
        for (int i = 0; i < states.size(); i++) if (states.get(i).id().equals(stateId)) return i;
        return -1;
    }
}
