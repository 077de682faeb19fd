package org.accords.model;

import static org.accords.TestScenarios.scenario;
import static org.accords.TestScenarios.state;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.accords.TestScenarios;
import org.accords.experiment.bench.BareKernel;
import org.accords.experiment.Seeds;
import org.accords.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relations with Israel inside a run: those of the run's first month, then only what the model
 * itself does. The roster dates relations by the record's join month, so a run that followed the
 * dated roster would make a state's join cheaper (symbolic) from the month it was observed to
 * join: an input dated by the outcome.
 */
class RelationsTest {
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    /** AAA as given, BBB plain; join threshold 1, utility about -1: few joins, AAA mostly a candidate all year. */
    private Scenario twoStates(TestScenarios.State aaa, String sub) {
        return scenario(aaa, state("BBB").attrs(0.8, 0.6, 0.5, 0.4, 0.5))
                .set("run.start", "2020-01").set("run.end", "2020-12").set("run.replications", 30)
                .load(dir.resolve(sub));
    }

    private static TestScenarios.State aaa() {
        return state("AAA").attrs(0.8, 0.6, 0.5, 0.4, 0.5);
    }

    @Test
    void relationsDatedInsideTheRunChangeNothingInIt() {
        Scenario none = twoStates(aaa(), "none");
        Scenario june = twoStates(aaa().priorFrom("2020-06", 2020), "june");
        Scenario march = twoStates(aaa().priorFrom("2020-03", 2020), "march");
        int candidateMonthsAfterJune = 0;
        for (int rep = 0; rep < 30; rep++) {
            Snapshot a = Snapshot.run(none, 7, rep);
            for (Scenario other : new Scenario[] {june, march}) {
                Snapshot b = Snapshot.run(other, 7, rep);
                assertEquals(a.events, b.events, "rep " + rep);
                for (int t = 0; t < 12; t++) {
                    assertEquals(a.months.get(t).prestige(), b.months.get(t).prestige(), 0.0);
                    for (int s = 0; s < 2; s++) {
                        assertArrayEquals(a.at(t, s).contributions(), b.at(t, s).contributions(), 0.0, "rep " + rep + " month " + t);
                        assertEquals(a.at(t, s).status(), b.at(t, s).status());
                    }
                }
            }
            for (int t = 6; t < 12; t++) {
                if (a.at(t, 0).status() != Status.CANDIDATE) continue;
                candidateMonthsAfterJune++;
                // the substantive cost, not the symbolic 0.2 the dated roster says from 2020-06
                assertEquals(-0.5, a.at(t, 0).contributions()[StateAgent.COST], EPS);
            }
        }
        assertTrue(candidateMonthsAfterJune > 100, "the comparison exercises candidates after the dated month");
    }

    @Test
    void relationsDatedBeforeTheStartMakeEveryJoinSymbolic() {
        Scenario sc = twoStates(aaa().priorFrom("2019-06", 2019), "before");
        Snapshot s = Snapshot.run(sc, 7, 0);
        for (int t = 0; t < 12; t++) {
            if (s.at(t, 0).status() == Status.CANDIDATE) assertEquals(-0.2, s.at(t, 0).contributions()[StateAgent.COST], EPS);
        }
        WorldPlan plan = new WorldPlan(sc);
        assertTrue(plan.relationsAtStart(0));
        assertFalse(plan.relationsAtStart(1));
        assertFalse(new WorldPlan(twoStates(aaa().priorFrom("2020-02", 2020), "feb")).relationsAtStart(0));
    }

    /**
     * AAA (no relations) joins in month 0 (utility 1 - 0.5 far above threshold 0, hazard 1), freezes
     * in month 2 under a pressure shock of 5, and in month 3 weighs a thaw: its own join opened
     * relations, so restoring ties costs the symbolic 0.2, not 0.5. A substantive join lifts prestige.
     */
    @Test
    void theStatesOwnJoinOpensRelations() {
        Scenario sc = scenario(state("AAA").attrs(0, 0, 0, 1, 0))
                .set("run.start", "2020-01").set("run.end", "2020-05")
                .set("model.maxHazard", 1.0).set("model.temperature", 0.01)
                .set("model.joinThreshold", 0.0).set("model.exitThreshold", -1.0)
                .set("model.weights.economicDiversification", 1.0).set("model.weights.palestinianPressure", 1.0)
                .set("model.joinCost", 0.5).set("model.symbolicJoinCost", 0.2)
                .set("world.israelThreat", 0.0).set("world.accordsPrestige", 0.5).set("model.prestigeGain", 0.1)
                .shock("{id: p, start: 2020-03, end: 2020-03, effects: {palestinianPressure: 5}}")
                .load(dir);
        Snapshot s = Snapshot.run(sc, 3, 0);
        assertEquals(-0.5, s.at(0, 0).contributions()[StateAgent.COST], EPS);
        assertEquals(Status.MEMBER, s.at(0, 0).status());
        assertEquals(0.55, s.months.get(0).prestige(), EPS);
        assertEquals(Status.FROZEN, s.at(2, 0).status());
        assertEquals(-0.2, s.at(3, 0).contributions()[StateAgent.COST], EPS);
        assertEquals(Status.MEMBER, s.at(3, 0).status());

        // the bare kernel follows the same rule
        WorldPlan plan = new WorldPlan(sc);
        AccordsModel model = new AccordsModel(plan);
        BareKernel kernel = new BareKernel(plan);
        int[] seed = Seeds.forReplication(3, 0);
        model.runReplication(seed, RunObserver.NONE);
        assertEquals(model.joinedCount(), kernel.run(seed));
        assertEquals(model.prestige(), kernel.prestige(), 0.0);
        assertTrue(model.agent(0).hasRelations());
    }
}
