package org.accords.model;

import static org.accords.TestScenarios.scenario;
import static org.accords.TestScenarios.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.TestScenarios;
import org.accords.experiment.Ensemble;
import org.accords.experiment.EnsembleResult;
import org.accords.scenario.Scenario;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unmet conditions block joining outright, however large the utility; a shock can unblock it. */
class ConditionsTest {
    @TempDir
    Path dir;

    /** Utility 9.5 against threshold 0, temperature 0.01, maxHazard 1: the join hazard is exactly 1. */
    private static TestScenarios.Spec certainJoiner(TestScenarios.State s) {
        return scenario(s.attrs(0, 0, 0, 1, 0))
                .set("run.start", "2020-01").set("run.end", "2020-12")
                .set("model.weights.economicDiversification", 10.0).set("model.joinCost", 0.5)
                .set("model.joinThreshold", 0.0).set("model.exitThreshold", -1.0)
                .set("model.temperature", 0.01).set("model.maxHazard", 1.0)
                .set("world.statehoodPath", 0.1).set("world.gazaConflict", 0.6).set("world.accordsPrestige", 0.5)
                .set("us.offerRate", 0.0);
    }

    private static EnsembleResult run(Scenario sc) {
        return new Ensemble(sc).run(50, 5, 2, i -> { }, new AtomicBoolean());
    }

    @Test
    void withoutConditionsTheStateJoinsInTheFirstMonth() {
        EnsembleResult r = run(certainJoiner(state("AAA")).load(dir));
        assertEquals(1.0, r.pJoinedBy(0, 0));
    }

    @Test
    void unmetConditionBlocksJoiningDespiteHugeUtility() {
        Scenario sc = certainJoiner(state("AAA").atLeast("statehoodPath", 0.5)).load(dir);
        EnsembleResult r = run(sc);
        assertEquals(0.0, r.pEverJoined(0));
        for (int t = 0; t < 12; t++) assertEquals(0.0, r.pJoinedBy(0, t));
        Snapshot s = Snapshot.run(sc, 5, 0);
        assertTrue(s.at(11, 0).utility() > 9, "utility is huge");
    }

    @Test
    void aShockThatMeetsTheConditionLetsTheStateJoinThatMonth() {
        Scenario sc = certainJoiner(state("AAA").atLeast("statehoodPath", 0.5))
                .shock("{id: deal, start: 2020-06, end: 2020-12, target: [AAA], effects: {world.statehoodPath: 0.5}}")
                .load(dir);
        EnsembleResult r = run(sc);
        for (int t = 0; t < 12; t++) assertEquals(t >= 5 ? 1.0 : 0.0, r.pJoinedBy(0, t), "month " + t);
    }

    @Test
    void atMostConditionAndTheStatesOwnPerception() {
        // gazaConflict 0.6 must fall to at most 0.3: a shock of -0.5 from 2020-04 on AAA only
        Scenario sc = certainJoiner(state("AAA").atMost("gazaConflict", 0.3))
                .shock("{id: ceasefire, start: 2020-04, end: 2020-12, target: AAA, effects: {world.gazaConflict: -0.5}}")
                .load(dir);
        EnsembleResult r = run(sc);
        for (int t = 0; t < 12; t++) assertEquals(t >= 3 ? 1.0 : 0.0, r.pJoinedBy(0, t), "month " + t);
        WorldPlan plan = new WorldPlan(sc);
        AccordsModel m = Snapshot.started(sc);
        assertFalse(m.agent(0).conditionsMet(plan, 2));
        assertTrue(m.agent(0).conditionsMet(plan, 3));
    }

    @Test
    void conditionOnPrestigeUsesTheActualPrestige() {
        // accordsPrestige starts at 0.5, so a condition 'at least 0.3' is met from the start
        EnsembleResult r = run(certainJoiner(state("AAA").atLeast("accordsPrestige", 0.3)).load(dir));
        assertEquals(1.0, r.pJoinedBy(0, 0));
    }
}
