package org.accords.experiment.bench;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.accords.scenario.Condition;
import org.accords.scenario.Driver;
import org.accords.scenario.Scenario;
import org.accords.scenario.ScenarioLoader;
import org.accords.scenario.Shock;
import org.accords.scenario.StateSpec;
import org.accords.scenario.WorldVariable;

/** Scenarios for the performance-related behaviour tests. */
public final class BenchScenarios {
    private BenchScenarios() {}

    public static Scenario baseline() {
        return new ScenarioLoader(Path.of("scenarios")).load("baseline");
    }

    /** The baseline with shocks that move every world variable and driver, open Saudi Arabia's condition and cause freezes. */
    public static Scenario shocked() {
        Scenario b = baseline();
        List<String> all = b.states().stream().map(s -> s.id()).toList();
        List<Shock> shocks = new ArrayList<>(b.shocks());
        shocks.add(new Shock("war", "war", YearMonth.of(2023, 10), YearMonth.of(2025, 10), 2, 6, "all", all, true,
                List.of(new Shock.Effect("world.gazaConflict", null, WorldVariable.GAZA_CONFLICT, 0.9),
                        new Shock.Effect("palestinianPressure", Driver.PALESTINIAN_PRESSURE, null, 0.3),
                        new Shock.Effect("world.israelThreat", null, WorldVariable.ISRAEL_THREAT, 0.3))));
        shocks.add(new Shock("path", "path", YearMonth.of(2026, 1), YearMonth.of(2029, 12), 0, 0, "[SAU]", List.of("SAU"), false,
                List.of(new Shock.Effect("world.statehoodPath", null, WorldVariable.STATEHOOD_PATH, 0.7),
                        new Shock.Effect("usRewards", Driver.US_REWARDS, null, 0.5))));
        shocks.add(new Shock("push", "push", YearMonth.of(2021, 1), YearMonth.of(2022, 12), 0, 0, "all", all, true,
                List.of(new Shock.Effect("world.usEngagement", null, WorldVariable.US_ENGAGEMENT, 0.5),
                        new Shock.Effect("world.accordsPrestige", null, WorldVariable.ACCORDS_PRESTIGE, 0.2),
                        new Shock.Effect("iranThreat", Driver.IRAN_THREAT, null, 0.2),
                        new Shock.Effect("peerInfluence", Driver.PEER_INFLUENCE, null, 0.1),
                        new Shock.Effect("economicDiversification", Driver.ECONOMIC_DIVERSIFICATION, null, 0.1))));
        // conditions on the brand itself and on a shocked variable (a <= condition), besides Saudi Arabia's
        List<StateSpec> states = new ArrayList<>();
        for (StateSpec s : b.states()) {
            Condition extra = switch (s.id()) {
                case "QAT" -> new Condition(WorldVariable.ACCORDS_PRESTIGE, true, 0.55);
                case "OMN" -> new Condition(WorldVariable.GAZA_CONFLICT, false, 0.5);
                default -> null;
            };
            if (extra != null) {
                List<Condition> conditions = new ArrayList<>(s.conditions());
                conditions.add(extra);
                s = new StateSpec(s.id(), s.name(), s.blocs(), s.priorRelationsYear(), s.iranExposure(), s.publicOpposition(),
                        s.regimeInsulation(), s.diversificationNeed(), s.usAlignment(), conditions, s.sources());
            }
            states.add(s);
        }
        return new Scenario(b.name(), b.title(), b.description(), b.run(), b.model(), b.us(), b.world(), states,
                shocks, b.observed(), b.rosterFile(), b.resolved());
    }
}
