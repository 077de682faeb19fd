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

    /**
     * This scenario cut at an earlier last month: shocks that start later are dropped and later
     * ends are clipped. The model is causal, so the truncated run equals the first months of the
     * full one with the same seed; a comparison can then use the common window of its scenarios.
     */
    public Scenario truncatedTo(java.time.YearMonth end) {
        if (!end.isBefore(run.end())) return this;
        if (end.isBefore(run.start())) throw new IllegalArgumentException("cannot truncate before the start");
        RunSettings r = run.withEnd(end);
        List<Shock> kept = new java.util.ArrayList<>();
        for (Shock s : shocks) {
            if (s.start().isAfter(end)) continue;
            kept.add(s.end().isAfter(end) ? new Shock(s.id(), s.label(), s.start(), end, s.ramp(), s.decay(), s.target(),
                    s.targetStates(), s.targetsAll(), s.effects()) : s);
        }
        java.util.Map<String, Object> tree = new java.util.LinkedHashMap<>(resolved);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> runTree = new java.util.LinkedHashMap<>((java.util.Map<String, Object>) tree.get("run"));
        runTree.put("end", end.toString());
        tree.put("run", runTree);
        List<Object> shockTree = new java.util.ArrayList<>();
        for (Object o : (List<?>) tree.get("shocks")) {
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>((java.util.Map<String, Object>) o);
            if (java.time.YearMonth.parse((String) m.get("start")).isAfter(end)) continue;
            if (java.time.YearMonth.parse((String) m.get("end")).isAfter(end)) m.put("end", end.toString());
            shockTree.add(m);
        }
        tree.put("shocks", shockTree);
        return new Scenario(name, title, description, r, model, us, world, states, kept, observed, rosterFile, tree);
    }

    /** Where the states stand in the first month: all candidates, or the observed record's statuses (run.initial: observed). */
    public StartingPoint startingPoint() {
        return StartingPoint.of(this);
    }

    /**
     * This scenario as a forecast from the observed present at {@code origin}: it starts in that
     * month with every state where the observed record puts it before then (run.initial: observed)
     * and ends where this one ends. Shocks that are over before the origin are dropped; shocks under
     * way go on acting from the first month at the intensity their calendar month gives. The world's
     * start values and the observed record are kept (the record still holds what is to be forecast).
     * The rolling-origin backtest and the 2026+ what-ifs both start this way.
     */
    public Scenario fromObserved(java.time.YearMonth origin) {
        if (origin.isBefore(run.start()) || origin.isAfter(run.end())) {
            throw new IllegalArgumentException("origin " + origin + " outside the run " + run.start() + " .. " + run.end());
        }
        RunSettings r = run.withStart(origin, RunSettings.Initial.OBSERVED);
        List<Shock> kept = new java.util.ArrayList<>();
        for (Shock s : shocks) if (!s.lastActiveMonth().isBefore(origin)) kept.add(s);
        java.util.Map<String, Object> tree = new java.util.LinkedHashMap<>(resolved);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> runTree = new java.util.LinkedHashMap<>((java.util.Map<String, Object>) tree.get("run"));
        runTree.put("start", origin.toString());
        runTree.put("initial", RunSettings.Initial.OBSERVED.key());
        tree.put("run", runTree);
        java.util.Set<String> keptIds = new java.util.HashSet<>();
        for (Shock s : kept) keptIds.add(s.id());
        List<Object> shockTree = new java.util.ArrayList<>();
        for (Object o : (List<?>) tree.get("shocks")) {
            if (keptIds.contains(((java.util.Map<?, ?>) o).get("id"))) shockTree.add(o);
        }
        tree.put("shocks", shockTree);
        return new Scenario(name, title, description, r, model, us, world, states, kept, observed, rosterFile, tree);
    }

    public int indexOf(String stateId) {
        for (int i = 0; i < states.size(); i++) if (states.get(i).id().equals(stateId)) return i;
        return -1;
    }
}
