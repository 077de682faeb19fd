package org.accords.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The real roster, scenarios/roster.yaml: every value sourced (source and rule) or marked as an assumption. */
class RosterTest {
    private static final Path ROSTER = Path.of("scenarios", "roster.yaml");

    private static List<StateSpec> roster() {
        return new RosterReader(new YamlReader()).read(ROSTER);
    }

    @Test
    void atLeastThirtyStatesWithUniqueIsoIds() {
        List<StateSpec> states = roster();
        assertTrue(states.size() >= 30, "only " + states.size() + " states");
        Set<String> ids = new HashSet<>();
        for (StateSpec s : states) {
            assertTrue(s.id().matches("[A-Z]{3}"), s.id());
            assertTrue(ids.add(s.id()), "duplicate " + s.id());
            assertTrue(!s.name().isBlank(), s.id());
            assertTrue(!s.blocs().isEmpty(), s.id() + " has no bloc");
        }
    }

    @Test
    void everyValueHasASourceAndRuleOrAnAssumption() {
        for (StateSpec s : roster()) {
            for (String attribute : List.of("blocs", "priorRelations", "iranExposure", "publicOpposition", "regimeInsulation",
                    "diversificationNeed", "usAlignment")) {
                Sourced src = s.sources().get(attribute);
                assertTrue(src != null && src.isCited(), s.id() + "." + attribute + " is not cited");
            }
            for (int k = 0; k < s.conditions().size(); k++) {
                Sourced src = s.sources().get("conditions[" + k + "]");
                assertTrue(src != null && src.isCited(), s.id() + ".conditions[" + k + "] is not cited");
            }
            for (String a : StateSpec.NUMERIC_ATTRIBUTES) {
                double v = s.attribute(a);
                assertTrue(v >= 0 && v <= 1, s.id() + "." + a + " = " + v);
            }
            if (s.hasPriorRelations()) assertTrue(s.priorRelationsYear() >= 1948 && s.priorRelationsYear() <= 2020, s.id());
        }
    }

    /** Issue 8: every value of the shipped roster is a dated measurement or a marked assumption, never an undated number. */
    @Test
    void everyShippedValueIsDatedOrAMarkedAssumption() {
        for (StateSpec s : roster()) {
            for (String a : StateSpec.DATED_ATTRIBUTES) {
                AttributeSeries series = s.series().get(a);
                assertTrue(series.isDated(), s.id() + "." + a + " has an undated value");
                assertTrue(!series.points().isEmpty() || series.before() != null, s.id() + "." + a);
            }
        }
    }

    @Test
    void everyPresetValidates() {
        ScenarioLoader loader = new ScenarioLoader(Path.of("scenarios"));
        List<String> presets = loader.presetNames();
        assertTrue(presets.contains("baseline"), presets.toString());
        for (String p : presets) {
            Scenario sc = loader.load(p);
            assertTrue(!sc.states().isEmpty() && sc.states().size() <= roster().size(), p);
        }
    }
}
