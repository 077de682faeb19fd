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
import org.accords.scenario.StandingAsk;
import org.accords.scenario.StateSpec;
import org.accords.scenario.WorldVariable;

/** Scenarios for the performance-related behaviour tests. */
public final class BenchScenarios {
    private BenchScenarios() {}

    public static Scenario baseline() {
        return new ScenarioLoader(Path.of("scenarios")).load("baseline");
    }

    /** The baseline with shocks that move every world variable and driver, meet Saudi Arabia's condition, push one bloc and cause freezes. */
    public static Scenario shocked() {
        Scenario b = baseline();
        List<String> all = b.states().stream().map(s -> s.id()).toList();
        List<Shock> shocks = new ArrayList<>(b.shocks());
        shocks.add(new Shock("war", "war", YearMonth.of(2028, 1), YearMonth.of(2030, 6), 2, 6, "all", all, true,
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
        // a bloc-wide US push (the broker courts the Gulf harder)
        List<String> gulf = b.states().stream().filter(s -> s.blocs().contains("Gulf")).map(s -> s.id()).toList();
        shocks.add(new Shock("gulf-push", "gulf push", YearMonth.of(2022, 1), YearMonth.of(2023, 6), 0, 0, "bloc:Gulf", gulf, false,
                List.of(new Shock.Effect("world.usEngagement", null, WorldVariable.US_ENGAGEMENT, 0.4))));
        // dated conditions (one that lapses, one on a shocked variable) and dated standing asks, besides the roster's
        List<StateSpec> states = new ArrayList<>();
        for (StateSpec s : b.states()) {
            Condition extra = switch (s.id()) {
                case "QAT" -> new Condition(WorldVariable.GAZA_CONFLICT, YearMonth.of(2021, 1), YearMonth.of(2027, 12));
                case "OMN" -> new Condition(WorldVariable.STATEHOOD_PATH, YearMonth.of(2022, 6), null);
                default -> null;
            };
            List<StandingAsk> asks = switch (s.id()) {
                case "MAR" -> List.of(new StandingAsk(YearMonth.of(2019, 1), StandingAsk.Kind.RECOGNITION, 1.0));
                case "SDN" -> List.of(new StandingAsk(YearMonth.of(2020, 6), StandingAsk.Kind.SANCTIONS_RELIEF, 1.0),
                        new StandingAsk(YearMonth.of(2021, 6), StandingAsk.Kind.NONE, 0));
                case "OMN" -> List.of(new StandingAsk(YearMonth.of(2024, 1), StandingAsk.Kind.TRADE, 0.4));
                default -> s.standingAsk();
            };
            List<Condition> conditions = new ArrayList<>(s.conditions());
            if (extra != null) conditions.add(extra);
            s = new StateSpec(s.id(), s.name(), s.blocs(), s.priorRelationsYear(), s.iranExposure(), s.publicOpposition(),
                    s.regimeInsulation(), s.diversificationNeed(), s.usAlignment(), conditions, asks, s.sources());
            states.add(s);
        }
        return new Scenario(b.name(), b.title(), b.description(), b.run(), b.model(), b.us(), b.world(), states,
                shocks, b.observed(), b.rosterFile(), b.resolved());
    }
}
