package org.accords.experiment.bench;

import java.util.ArrayList;
import java.util.List;
import org.accords.scenario.Scenario;
import org.accords.scenario.StateSpec;

/** Synthetic rosters for measuring cost against roster size. */
public final class Rosters {
    private Rosters() {}

    /**
     * The scenario with a roster of {@code size} states: copies of the real roster, in order, as
     * often as needed. Copy c of a state gets the id {@code ARE.c} and its blocs renamed
     * {@code GCC.c}, so every copy is a world of its own whose blocs have their real sizes: a
     * larger roster means more states of the same kind, not larger blocs.
     */
    public static Scenario synthetic(Scenario base, int size) {
        List<StateSpec> real = base.states();
        List<StateSpec> states = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            StateSpec s = real.get(i % real.size());
            int copy = i / real.size();
            if (copy > 0) {
                List<String> blocs = s.blocs().stream().map(b -> b + "." + copy).toList();
                s = new StateSpec(s.id() + "." + copy, s.name(), blocs, s.priorRelationsYear(), s.iranExposure(),
                        s.publicOpposition(), s.regimeInsulation(), s.diversificationNeed(), s.usAlignment(),
                        s.conditions(), s.sources(), s.series());
            }
            states.add(s);
        }
        return new Scenario(base.name() + "-" + size, base.title(), base.description(), base.run(), base.model(),
                base.us(), base.world(), states, base.shocks(), base.observed(), base.rosterFile(), base.resolved());
    }
}
