package org.accords.model;

import static org.accords.TestScenarios.scenario;
import static org.accords.TestScenarios.state;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.accords.scenario.Driver;
import org.accords.scenario.Scenario;
import org.accords.scenario.WorldVariable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shocks as the states perceive them: targets all / bloc / list / one id, clamping to [0, 1], the global value. */
class WorldPlanTest {
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    private WorldPlan plan() {
        Scenario sc = scenario(state("AAA").blocs("X"), state("BBB").blocs("X", "Z"), state("CCC").blocs("Y"))
                .set("run.start", "2020-01").set("run.end", "2020-12")
                .set("world.gazaConflict", 0.2).set("world.statehoodPath", 0.1).set("world.usEngagement", 0.5)
                .set("world.iranAggression", 0.5)
                .shock("{id: war, start: 2020-03, end: 2020-04, target: all, effects: {world.gazaConflict: 0.9}}")
                .shock("{id: talks-fail, start: 2020-05, end: 2020-05, target: 'bloc:X', effects: {world.statehoodPath: -0.5}}")
                .shock("{id: threat, start: 2020-06, end: 2020-07, ramp: 1, decay: 2, target: [CCC], effects: {iranThreat: 0.4}}")
                .shock("{id: push, start: 2020-02, duration: 2, target: AAA, effects: {world.israelThreat: 0.3, world.iranAggression: 0.7}}")
                .load(dir);
        return new WorldPlan(sc);
    }

    @Test
    void targetAllIsClampedAndMovesTheGlobalValue() {
        WorldPlan p = plan();
        for (int t = 0; t < 12; t++) {
            double expected = (t == 2 || t == 3) ? 1.0 : 0.2; // 0.2 + 0.9 clamped to 1
            for (int s = 0; s < 3; s++) assertEquals(expected, p.perceived(WorldVariable.GAZA_CONFLICT, t, s), EPS, "t" + t + " s" + s);
            assertEquals(expected, p.global(WorldVariable.GAZA_CONFLICT, t), EPS);
        }
    }

    @Test
    void blocTargetIsClampedAtZeroAndLeavesOthersAndTheGlobalValue() {
        WorldPlan p = plan();
        assertEquals(0.0, p.perceived(WorldVariable.STATEHOOD_PATH, 4, 0), EPS);
        assertEquals(0.0, p.perceived(WorldVariable.STATEHOOD_PATH, 4, 1), EPS);
        assertEquals(0.1, p.perceived(WorldVariable.STATEHOOD_PATH, 4, 2), EPS);
        assertEquals(0.1, p.global(WorldVariable.STATEHOOD_PATH, 4), EPS);
        assertEquals(0.1, p.perceived(WorldVariable.STATEHOOD_PATH, 3, 0), EPS);
        assertEquals(0.1, p.perceived(WorldVariable.STATEHOOD_PATH, 5, 1), EPS);
    }

    @Test
    void listTargetDriverShiftWithRampAndDecay() {
        WorldPlan p = plan();
        double[] expected = {0, 0, 0, 0, 0, 0.2, 0.4, 0.4 * 2 / 3, 0.4 / 3, 0, 0, 0};
        for (int t = 0; t < 12; t++) {
            assertEquals(expected[t], p.driverShift(Driver.IRAN_THREAT, t, 2), EPS, "t" + t);
            assertEquals(0.0, p.driverShift(Driver.IRAN_THREAT, t, 0), EPS);
            assertEquals(0.0, p.driverShift(Driver.IRAN_THREAT, t, 1), EPS);
            for (Driver d : Driver.values()) {
                if (d != Driver.IRAN_THREAT) assertEquals(0.0, p.driverShift(d, t, 2), EPS);
            }
        }
    }

    @Test
    void singleIdTargetWithDuration() {
        WorldPlan p = plan();
        for (int t = 0; t < 12; t++) {
            boolean on = t == 1 || t == 2;
            assertEquals(on ? 0.3 : 0.0, p.perceived(WorldVariable.ISRAEL_THREAT, t, 0), EPS);
            assertEquals(on ? 1.0 : 0.5, p.perceived(WorldVariable.IRAN_AGGRESSION, t, 0), EPS); // 0.5 + 0.7 clamped
            assertEquals(0.0, p.perceived(WorldVariable.ISRAEL_THREAT, t, 1), EPS);
            assertEquals(0.0, p.global(WorldVariable.ISRAEL_THREAT, t), EPS);
        }
    }

    @Test
    void blocPeersShareAtLeastOneBloc() {
        WorldPlan p = plan();
        assertArrayEquals(new int[] {1}, p.peers(0));
        assertArrayEquals(new int[] {0}, p.peers(1));
        assertArrayEquals(new int[] {}, p.peers(2));
    }
}
