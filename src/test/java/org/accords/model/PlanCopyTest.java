package org.accords.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.accords.experiment.bench.BenchScenarios;
import org.accords.scenario.Driver;
import org.accords.scenario.WorldVariable;
import org.junit.jupiter.api.Test;

/** A model's own copy of the plan (and of the records it reads) holds exactly the same world. */
class PlanCopyTest {
    @Test
    void copyForModelHoldsTheSameWorld() {
        WorldPlan plan = new WorldPlan(BenchScenarios.shocked());
        WorldPlan copy = plan.copyForModel();
        assertNotSame(plan, copy);
        assertEquals(plan.months, copy.months);
        assertEquals(plan.stateCount, copy.stateCount);
        for (int t = 0; t < plan.months; t++) {
            for (WorldVariable v : WorldVariable.values()) {
                assertEquals(plan.global(v, t), copy.global(v, t), 0.0);
                for (int s = 0; s < plan.stateCount; s++) assertEquals(plan.perceived(v, t, s), copy.perceived(v, t, s), 0.0);
            }
            for (Driver d : Driver.values()) {
                for (int s = 0; s < plan.stateCount; s++) assertEquals(plan.driverShift(d, t, s), copy.driverShift(d, t, s), 0.0);
            }
            assertArrayEquals(plan.shockStarts(t), copy.shockStarts(t));
            assertArrayEquals(plan.shockEnds(t), copy.shockEnds(t));
            assertEquals(plan.usEngagement[t], copy.global(WorldVariable.US_ENGAGEMENT, t), 0.0);
        }
        for (int s = 0; s < plan.stateCount; s++) {
            assertArrayEquals(plan.peers(s), copy.peers(s));
            assertNotSame(plan.peers(s), copy.peers(s));
        }
        // the named rows are the variables' and drivers' rows
        int cell = 40 * plan.stateCount + 3;
        assertEquals(plan.perceived(WorldVariable.GAZA_CONFLICT, 40, 3), copy.gazaConflict[cell], 0.0);
        assertEquals(plan.driverShift(Driver.PALESTINIAN_PRESSURE, 40, 3), copy.pressureShift[cell], 0.0);
    }

    @Test
    void modelReadsItsOwnCopies() {
        WorldPlan plan = new WorldPlan(BenchScenarios.shocked());
        AccordsModel model = new AccordsModel(plan);
        assertNotSame(plan, model.plan());
        assertNotSame(plan.scenario.model(), model.parameters());
        assertEquals(plan.scenario.model(), model.parameters());
        for (int s = 0; s < plan.stateCount; s++) {
            assertNotSame(plan.scenario.states().get(s), model.agent(s).spec);
            assertEquals(plan.scenario.states().get(s), model.agent(s).spec);
        }
    }
}
