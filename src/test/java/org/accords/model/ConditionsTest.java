package org.accords.model;

import static org.accords.TestScenarios.scenario;
import static org.accords.TestScenarios.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.TestScenarios;
import org.accords.experiment.Ensemble;
import org.accords.experiment.EnsembleResult;
import org.accords.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stated condition is a soft cost, never a gate: from the month of its dated statement it costs
 * c x max(0, x* - variable) a month, the variable as the state perceives it, with the global c and x*.
 */
class ConditionsTest {
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    /**
     * One state whose only driver is diversification: U = 10 x 1 - joinCost 0.5 = 9.5 before any
     * condition; c = 3, x* = 0.5 and statehoodPath 0.1, so an unmet condition costs 3 x 0.4 = 1.2.
     */
    private static TestScenarios.Spec spec(TestScenarios.State... states) {
        return scenario(states)
                .set("run.start", "2020-01").set("run.end", "2020-12")
                .set("model.weights.economicDiversification", 10.0).set("model.joinCost", 0.5)
                .set("model.joinThreshold", 0.0).set("model.exitThreshold", -1.0)
                .set("model.temperature", 0.01).set("model.maxHazard", 1.0)
                .set("model.conditionCost", 3.0).set("model.conditionLevel", 0.5)
                .set("world.statehoodPath", 0.1).set("world.gazaConflict", 0.6).set("world.accordsPrestige", 0.5)
                .set("us.offerRate", 0.0);
    }

    private static TestScenarios.State joiner(String id) {
        return state(id).attrs(0, 0, 0, 1, 0);
    }

    private static EnsembleResult run(Scenario sc) {
        return new Ensemble(sc).run(50, 5, 2, i -> { }, new AtomicBoolean());
    }

    @Test
    void anUnmetConditionCostsCTimesTheShortfall() {
        Scenario sc = spec(joiner("AAA").condition("statehoodPath", "2019-06"), joiner("BBB")).load(dir);
        WorldPlan plan = new WorldPlan(sc);
        assertEquals(1.2, plan.conditionCost(0, 0), EPS);
        assertEquals(0.0, plan.conditionCost(0, 1), EPS);
        AccordsModel m = Snapshot.started(sc);
        assertEquals(9.5 - 1.2, m.agent(0).utility(), EPS);
        assertEquals(1.2, m.agent(0).conditionCost(), EPS);
        assertEquals(-0.5 - 1.2, m.agent(0).contributions()[StateAgent.COST], EPS);
        assertEquals(9.5, m.agent(1).utility(), EPS);
    }

    @Test
    void aConditionCostsOnlyWhileItIsInForce() {
        // stated in June 2020, withdrawn after September 2020
        Scenario sc = spec(joiner("AAA").condition("statehoodPath", "2020-06", "2020-09")).load(dir);
        WorldPlan plan = new WorldPlan(sc);
        for (int t = 0; t < 12; t++) assertEquals(t >= 5 && t <= 8 ? 1.2 : 0.0, plan.conditionCost(t, 0), EPS, "month " + t);
    }

    @Test
    void theCostFallsAsTheVariableRisesAndVanishesAtTheLevel() {
        // statehoodPath rises by 0.2 on AAA in April (gap 0.2: cost 0.6) and by 0.5 more in July (0.8 >= x*: no cost)
        Scenario sc = spec(joiner("AAA").condition("statehoodPath", "2019-06"), joiner("BBB").condition("statehoodPath", "2019-06"))
                .shock("{id: talks, start: 2020-04, target: [AAA], effects: {world.statehoodPath: 0.2}}")
                .shock("{id: deal, start: 2020-07, target: [AAA], effects: {world.statehoodPath: 0.5}}")
                .load(dir);
        WorldPlan plan = new WorldPlan(sc);
        for (int t = 0; t < 12; t++) {
            double expected = t < 3 ? 1.2 : (t < 6 ? 3 * (0.5 - 0.3) : 0.0);
            assertEquals(expected, plan.conditionCost(t, 0), 1e-9, "AAA month " + t);
            assertEquals(1.2, plan.conditionCost(t, 1), EPS, "BBB does not see AAA's shock, month " + t);
        }
    }

    @Test
    void twoStatementsOnOneVariableCostOnceAndTwoVariablesAdd() {
        Scenario sc = spec(joiner("AAA").condition("statehoodPath", "2002-03").condition("statehoodPath", "2019-11"),
                joiner("BBB").condition("statehoodPath", "2002-03").condition("gazaConflict", "2019-11")).load(dir);
        WorldPlan plan = new WorldPlan(sc);
        assertEquals(1.2, plan.conditionCost(0, 0), EPS);
        // gazaConflict 0.6 is above x* = 0.5: that condition is met and costs nothing
        assertEquals(1.2, plan.conditionCost(0, 1), EPS);
        Scenario low = spec(joiner("BBB").condition("statehoodPath", "2002-03").condition("gazaConflict", "2019-11"))
                .set("world.gazaConflict", 0.2).load(dir.resolve("low"));
        assertEquals(1.2 + 3 * 0.3, new WorldPlan(low).conditionCost(0, 0), 1e-9);
    }

    @Test
    void aConditionIsNeverAGate() {
        // U = 8.3 against threshold 0 with tau 0.01: the hazard is 1 and the state joins at once despite the unmet condition
        EnsembleResult r = run(spec(joiner("AAA").condition("statehoodPath", "2019-06")).load(dir));
        assertEquals(1.0, r.pJoinedBy(0, 0));
    }

    @Test
    void aLargeEnoughCostKeepsTheStateOutAndLiftingTheVariableLetsItIn() {
        // c = 20, x* = 0.7: cost 12 > 9.5, U = -2.5, hazard ~ 0 until a path (statehoodPath 0.8 from June) removes the cost
        Scenario sc = spec(joiner("AAA").condition("statehoodPath", "2019-06")).set("model.conditionCost", 20.0).set("model.conditionLevel", 0.7)
                .shock("{id: path, start: 2020-06, target: [AAA], effects: {world.statehoodPath: 0.7}}")
                .load(dir);
        EnsembleResult r = run(sc);
        for (int t = 0; t < 12; t++) assertEquals(t >= 5 ? 1.0 : 0.0, r.pJoinedBy(0, t), "month " + t);
    }

    @Test
    void withoutConditionsOrWithZeroCostNothingChanges() {
        Scenario none = spec(joiner("AAA")).load(dir.resolve("a"));
        Scenario free = spec(joiner("AAA").condition("statehoodPath", "2019-06")).set("model.conditionCost", 0.0).load(dir.resolve("b"));
        Snapshot a = Snapshot.run(none, 3, 0);
        Snapshot b = Snapshot.run(free, 3, 0);
        for (int t = 0; t < 12; t++) assertEquals(a.at(t, 0).utility(), b.at(t, 0).utility(), 0.0);
        assertTrue(a.months.size() == 12 && b.count(EventKind.JOIN) == 1);
    }
}
