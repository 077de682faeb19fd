package org.accords.experiment;

import static org.accords.TestScenarios.scenario;
import static org.accords.TestScenarios.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.TestScenarios;
import org.accords.model.AccordsModel;
import org.accords.model.RunObserver;
import org.accords.model.StateAgent;
import org.accords.model.Status;
import org.accords.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Why not": utility against the threshold and its parts, checked by hand, against the model, and across thread counts. */
class WhyNotTest {
    @TempDir
    Path dir;

    private static EnsembleResult run(Scenario sc) {
        return new Ensemble(sc).run(sc.run().replications(), sc.run().seed(), 2, done -> { }, new AtomicBoolean());
    }

    /** A lively world: offers, peers, a condition, shocks. */
    private Scenario lively() {
        return scenario(state("AAA").blocs("X").attrs(0.7, 0.4, 0.8, 0.6, 0.9),
                state("BBB").blocs("X", "Y").attrs(0.3, 0.9, 0.2, 0.5, 0.4).prior(1994),
                state("CCC").blocs("Y").attrs(0.6, 0.6, 0.6, 0.3, 0.2).condition("statehoodPath", "2019-06"),
                state("DDD").blocs("Z").attrs(0.1, 0.2, 0.9, 0.9, 0.7))
                .set("run.start", "2020-01").set("run.end", "2021-06").set("run.replications", 40).set("run.seed", 7)
                .set("model.joinThreshold", 0.2).set("model.exitThreshold", -0.6).set("model.maxHazard", 0.3)
                .set("us.offerRate", 0.6).set("us.capacity", 2).set("world.usEngagement", 0.8)
                .shock("{id: deal, start: 2020-09, target: 'bloc:Y', effects: {world.statehoodPath: 0.5, usRewards: 0.4}}")
                .load(dir.resolve("lively"));
    }

    @Test
    void theAgentsPartsAddUpToItsUtility() {
        Scenario sc = lively();
        int[] checked = {0};
        new Ensemble(sc).runOne(sc.run().seed(), 3, new RunObserver() {
            @Override
            public void onMonth(int tick, AccordsModel model) {
                for (StateAgent a : model.agents()) {
                    double[] c = a.contributions();
                    assertEquals(a.utility(), c[0] + c[1] + c[2] + c[3] + c[4] - a.cost() - a.conditionCost(), 1e-12);
                    assertEquals(-(a.cost() + a.conditionCost()), c[StateAgent.COST], 1e-12);
                    checked[0]++;
                }
            }
        });
        assertEquals(4 * 18, checked[0]);
    }

    /**
     * One state, weights 1, no offers, no peers: iran 0.5 x 0.5 = 0.25; pressure 0.5 x (1 - 0.5 x 0.5) x (1 + 0.2) x (1 - 0.5 x 0.1)
     * = 0.4275; diversification 0.5; join cost 0.5; the condition on statehoodPath (in force 2020-01..2020-06) costs
     * 1.0 x (0.5 - 0.1) = 0.4. Utility -0.5775 while the condition is in force, -0.1775 after.
     */
    @Test
    void handComputedPartsAndTheMonthsAConditionCosts() {
        // no member ever freezes (exit threshold far below): a state that joined is never at risk of joining again
        Scenario sc = scenario(state("AAA").condition("statehoodPath", "2020-01", "2020-06"))
                .set("run.replications", 30).set("model.exitThreshold", -20).load(dir.resolve("one"));
        EnsembleResult r = run(sc);
        WhyNot w = WhyNot.compute(r, 2, new AtomicBoolean());
        assertEquals(30, w.replications);
        assertEquals(30, w.atRisk(0, 0));
        double[] parts = {0.25, -0.4275, 0.5, 0, 0, -0.5, -0.4};
        for (int t = 0; t < 12; t++) {
            assertTrue(w.atRisk(0, t) > 0, "month " + t);
            if (t > 0) assertTrue(w.atRisk(0, t) <= w.atRisk(0, t - 1), "a member is no longer at risk of joining");
            boolean inForce = t < 6;
            for (int k = 0; k < parts.length; k++) {
                double expected = k == 6 && !inForce ? 0 : parts[k];
                assertEquals(expected, w.part(0, t, k), 1e-6, "part " + WhyNot.PARTS.get(k) + " month " + t);
            }
            double u = inForce ? -0.5775 : -0.1775;
            assertEquals(u, w.utilityMean(0, t), 1e-6);
            assertEquals(u, w.utilityPercentile(0, t, 10), 1e-6);
            assertEquals(u, w.utilityPercentile(0, t, 90), 1e-6);
            assertEquals(1.0, w.threshold(0, t), 1e-6);
            assertEquals(inForce ? 1.0 : 0.0, w.conditionCostShare(0, t));
        }
        assertTrue(w.atRisk(0, 11) < 30, "some runs join (hazard about 2% a month)");
    }

    @Test
    void meansAreThoseOfTheRunsAtRiskAndTheSameAtAnyThreadCount() {
        Scenario sc = lively();
        EnsembleResult r = run(sc);
        WhyNot one = WhyNot.compute(r, 1, new AtomicBoolean()), three = WhyNot.compute(r, 3, new AtomicBoolean());
        // an independent path: each replication run again, utilities averaged over the months a state was not a member at the start
        int states = r.states(), months = r.months();
        double[] sum = new double[states * months];
        long[] n = new long[states * months];
        for (int k = 0; k < 40; k++) {
            new Ensemble(sc).runOne(sc.run().seed(), k, new RunObserver() {
                Status[] before;

                @Override
                public void onRunStart(AccordsModel model) {
                    before = new Status[states];
                    for (StateAgent a : model.agents()) before[a.index] = a.status();
                }

                @Override
                public void onMonth(int tick, AccordsModel model) {
                    for (StateAgent a : model.agents()) {
                        if (before[a.index] != Status.MEMBER) {
                            sum[a.index * months + tick] += a.utility();
                            n[a.index * months + tick]++;
                        }
                        before[a.index] = a.status();
                    }
                }
            });
        }
        boolean frozenOrJoined = false;
        for (int s = 0; s < states; s++) {
            for (int t = 0; t < months; t++) {
                assertEquals(n[s * months + t], one.atRisk(s, t));
                frozenOrJoined |= one.atRisk(s, t) < 40;
                if (n[s * months + t] > 0) assertEquals(sum[s * months + t] / n[s * months + t], one.utilityMean(s, t), 1e-6);
                double parts = 0;
                for (int k = 0; k < WhyNot.PARTS.size(); k++) parts += one.part(s, t, k);
                assertEquals(one.utilityMean(s, t), parts, 1e-9, "the parts add up to the utility");
                assertEquals(one.utilityMean(s, t), three.utilityMean(s, t), 0.0);
                assertEquals(one.utilityPercentile(s, t, 10), three.utilityPercentile(s, t, 10), 0.0);
                assertEquals(one.conditionCostShare(s, t), three.conditionCostShare(s, t), 0.0);
            }
        }
        assertTrue(frozenOrJoined, "some state joins, so the runs at risk differ from all runs");
    }

    @Test
    void defaultStatesAreTheNamedThenTheNearestMisses() {
        TestScenarios.Spec spec = scenario(state("AAA").attrs(0.9, 0.1, 0.5, 0.9, 0.5), state("BBB").attrs(0.5, 0.5, 0.5, 0.5, 0.5),
                state("CCC").name("Carthage").attrs(0.1, 0.9, 0.5, 0.1, 0.5), state("DDD").attrs(0.3, 0.6, 0.5, 0.4, 0.5),
                state("EEE").attrs(0.2, 0.8, 0.5, 0.2, 0.5))
                .set("run.replications", 30).set("model.joinThreshold", 3.0).set("model.exitThreshold", -5.0);
        EnsembleResult plain = run(spec.load(dir.resolve("plain")));
        WhyNot w = WhyNot.compute(plain, 2, new AtomicBoolean());
        // nobody joins: nearest misses by utility, highest first (AAA has the most going for it, CCC the least)
        assertEquals(List.of(0, 1, 3, 4), w.defaultStates());
        EnsembleResult named = run(spec.set("description", "Why does Carthage stay out?").load(dir.resolve("named")));
        assertEquals(List.of(2, 0, 1, 3), WhyNot.compute(named, 2, new AtomicBoolean()).defaultStates());
        // a state that joins in most runs has no "why not"
        EnsembleResult easy = run(spec.set("model.joinThreshold", -3.0).load(dir.resolve("easy")));
        assertEquals(List.of(), WhyNot.compute(easy, 2, new AtomicBoolean()).defaultStates());
    }
}
