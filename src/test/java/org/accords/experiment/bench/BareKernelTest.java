package org.accords.experiment.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.accords.experiment.Seeds;
import org.accords.model.AccordsModel;
import org.accords.model.RunObserver;
import org.accords.model.WorldPlan;
import org.accords.scenario.ParameterSets;
import org.accords.scenario.Scenario;
import org.accords.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The benchmark compares the model with a bare kernel; the comparison is honest only if the
 * kernel does the model's work. It must reproduce the model's replications exactly.
 */
class BareKernelTest {
    @Test
    void reproducesEveryPresetsReplications() {
        ScenarioLoader loader = new ScenarioLoader(Path.of("scenarios"));
        for (String preset : loader.presetNames()) {
            Scenario sc = loader.load(preset);
            WorldPlan plan = new WorldPlan(sc);
            AccordsModel model = new AccordsModel(plan);
            BareKernel kernel = new BareKernel(plan);
            for (int k = 0; k < 40; k++) {
                int[] seed = Seeds.forReplication(sc.run().seed(), k);
                model.runReplication(seed, RunObserver.NONE);
                assertEquals(model.joinedCount(), kernel.run(seed), preset + ", replication " + k);
                assertEquals(model.frozenCount(), kernel.frozenCount(), preset + ", replication " + k);
                assertEquals(model.prestige(), kernel.prestige(), 0.0, preset + ", replication " + k);
            }
        }
    }

    @Test
    void reproducesTheModelsReplicationsExactly() {
        // the code's defaults for the hazard cap, the thresholds, the join cost, the pressure and the conditions instead of the
        // fitted ones (maxHazard 0.05 and joinCost 3.11 are near persistence), so that the comparison sees
        // joins and freezes whatever the calibration
        Map<String, Double> lively = Map.of("model.maxHazard", 0.3, "model.joinCost", 0.5, "model.joinThreshold", 1.0, "model.exitThreshold", -0.5,
                "model.weights.palestinianPressure", 1.5, "model.gazaAmplification", 1.0, "model.conditionCost", 2.0);
        for (Scenario sc : List.of(ParameterSets.withValues(BenchScenarios.baseline(), lively),
                ParameterSets.withValues(BenchScenarios.shocked(), lively))) {
            WorldPlan plan = new WorldPlan(sc);
            AccordsModel model = new AccordsModel(plan);
            BareKernel kernel = new BareKernel(plan);
            int frozenSeen = 0;
            int joinsSeen = 0;
            for (int k = 0; k < 300; k++) {
                int[] seed = Seeds.forReplication(sc.run().seed(), k);
                model.runReplication(seed, RunObserver.NONE);
                int joins = kernel.run(seed);
                String where = sc.shocks().size() + " shocks, replication " + k;
                assertEquals(model.joinedCount(), joins, where);
                assertEquals(model.activeMembers(), kernel.activeMembers(), where);
                assertEquals(model.frozenCount(), kernel.frozenCount(), where);
                assertEquals(model.prestige(), kernel.prestige(), 0.0, where);
                for (int s = 0; s < plan.stateCount; s++) assertEquals(model.agent(s).joinTick(), kernel.joinTick(s), where);
                frozenSeen += model.frozenCount();
                joinsSeen += joins;
            }
            assertTrue(joinsSeen > 0, "the comparison exercises joins");
            if (!sc.shocks().isEmpty()) assertTrue(frozenSeen > 0, "the shocked scenario exercises freezes");
        }
    }
}
