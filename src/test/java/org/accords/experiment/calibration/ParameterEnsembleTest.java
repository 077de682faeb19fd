package org.accords.experiment.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.experiment.Aggregate;
import org.accords.experiment.Ensemble;
import org.accords.experiment.EnsembleResult;
import org.accords.experiment.SetEffects;
import org.accords.scenario.Origin;
import org.accords.scenario.ParameterSets;
import org.accords.scenario.Scenario;
import org.accords.scenario.ScenarioLoader;
import org.accords.TestScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs over parameter sets, the targets taken from the record, and the across-set summary of a difference. */
class ParameterEnsembleTest {
    static final ScenarioLoader LOADER = new ScenarioLoader(Path.of("scenarios"));
    /** Every global numeric model and broker key of the reference table. */
    static final List<String> KEYS = org.accords.scenario.Parameter.ALL.stream()
            .filter(p -> p.type() == org.accords.scenario.Parameter.Type.NUMBER && (p.path().startsWith("model.") || p.path().startsWith("us.")))
            .map(org.accords.scenario.Parameter::path).toList();

    static ParameterSets sets(List<Map<String, Double>> values) {
        List<ParameterSets.Member> members = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) members.add(new ParameterSets.Member(i + 1, values.get(i), 0, new Origin("test", i + 1)));
        return new ParameterSets(Path.of("test.yaml"), "test", "0", List.copyOf(values.get(0).keySet()), members);
    }

    @Test
    void setValuesBindLikeTheSameKeysSetOnTheCommandLine() {
        Map<String, Double> v = new LinkedHashMap<>();
        List<String> overrides = new ArrayList<>();
        for (int i = 0; i < KEYS.size(); i++) {
            double x = KEYS.get(i).equals("model.exitThreshold") ? -1.25 : 0.05 + 0.01 * i; // exit below every join threshold here
            v.put(KEYS.get(i), x);
            overrides.add(KEYS.get(i) + "=" + x);
        }
        Scenario base = LOADER.load("history");
        Scenario bySet = ParameterSets.withValues(base, v);
        Scenario byLoader = LOADER.load("history", overrides);
        assertEquals(byLoader.model(), bySet.model(), "every global model parameter is carried over");
        assertEquals(byLoader.us(), bySet.us(), "every broker parameter is carried over");
    }

    @Test
    void oneSetWithTheScenariosOwnValuesIsThePointRun() {
        Scenario sc = LOADER.load("history");
        Map<String, Double> own = Map.of("model.weights.usRewards", sc.model().weights().usRewards(), "model.joinThreshold", sc.model().joinThreshold());
        EnsembleResult point = new Ensemble(sc).run(300, 11, 2, d -> { }, new AtomicBoolean());
        EnsembleResult one = new Ensemble(sc, sets(List.of(own)), Set.of()).run(300, 11, 2, d -> { }, new AtomicBoolean());
        assertArrayEquals(point.data().memberHistogram(), one.data().memberHistogram());
        assertArrayEquals(point.data().joinedByState(), one.data().joinedByState());
        assertArrayEquals(point.data().eventCounts(), one.data().eventCounts());
    }

    @Test
    void replicationRRunsUnderSetRModKWithItsUsualSeed() {
        Scenario sc = LOADER.load("history");
        // the code's defaults for the hazard cap, the join cost and the pressure instead of the fitted ones
        // (near persistence), so that the US-reward weight shows in joins whatever the calibration
        Map<String, Double> lively = Map.of("model.maxHazard", 0.3, "model.joinCost", 0.5, "model.joinThreshold", 1.0,
                "model.weights.palestinianPressure", 1.5, "model.gazaAmplification", 1.0, "model.conditionCost", 2.0);
        Map<String, Double> a = new java.util.HashMap<>(lively);
        a.put("model.weights.usRewards", 1.0);
        Map<String, Double> b = new java.util.HashMap<>(lively);
        b.put("model.weights.usRewards", 9.0);
        ParameterSets two = sets(List.of(a, b));
        EnsembleResult mixed = new Ensemble(sc, two, Set.of()).run(101, 5, 3, d -> { }, new AtomicBoolean());
        // the same replications by hand: even ones under set a, odd ones under set b
        Ensemble underA = new Ensemble(ParameterSets.withValues(sc, a));
        Ensemble underB = new Ensemble(ParameterSets.withValues(sc, b));
        Aggregate byHand = new Aggregate(sc.run().months(), sc.states().size());
        Aggregate onlyA = new Aggregate(sc.run().months(), sc.states().size());
        for (int k = 0; k < 101; k++) {
            (k % 2 == 0 ? underA : underB).runOne(5, k, byHand);
            if (k % 2 == 0) underA.runOne(5, k, onlyA);
        }
        Aggregate.Data h = byHand.data();
        assertArrayEquals(h.memberHistogram(), mixed.data().memberHistogram());
        assertArrayEquals(h.joinedByState(), mixed.data().joinedByState());
        assertArrayEquals(h.contributionSum(), mixed.data().contributionSum());
        assertEquals(51, mixed.setRuns(0));
        assertEquals(50, mixed.setRuns(1));
        int last = sc.run().months() - 1;
        assertEquals(onlyA.data().joinedSum()[last] / 51.0, mixed.setJoinedMean(0, last), 1e-12, "per-set tallies hold set a's runs only");
        assertTrue(mixed.setJoinedMean(1, last) > mixed.setJoinedMean(0, last), "a far larger US-reward weight brings more joins");
        // the sets' tallies survive the round trip through aggregate.json's data
        EnsembleResult restored = EnsembleResult.restored(sc, 5, 1, mixed.started, mixed.finished, mixed.data(), List.of(), 0, two, Set.of());
        assertEquals(mixed.setJoinedMean(1, last), restored.setJoinedMean(1, last));
    }

    @Test
    void targetsComeFromTheRecordAndTheRecorderCountsWhatTheEnsembleCounts(@TempDir Path dir) {
        Scenario sc = TestScenarios.scenario(TestScenarios.state("AAA").attrs(0.7, 0.4, 0.8, 0.6, 0.9),
                        TestScenarios.state("BBB").attrs(0.3, 0.5, 0.5, 0.5, 0.4).prior(1994),
                        TestScenarios.state("CCC").attrs(0.6, 0.6, 0.6, 0.3, 0.2))
                .set("run.start", "2020-01").set("run.end", "2021-06").set("us.offerRate", 0.5)
                .extra("observed:\n  - {state: BBB, kind: join, month: 1994-01}\n  - {state: AAA, kind: join, month: 2020-03}\n"
                        + "  - {state: BBB, kind: symbolic, month: 2021-01}\n  - {state: AAA, kind: freeze, month: 2021-02}\n"
                        + "  - {state: AAA, kind: thaw, month: 2021-05}\n")
                .load(dir);
        WindowTargets targets = new WindowTargets(sc, YearMonth.of(2021, 6), 12);
        Map<String, Double> z = new LinkedHashMap<>();
        for (Implausibility.Target t : targets.targets()) z.put(t.name(), t.observed());
        assertEquals(List.of("joins 2020-01..2020-12", "freezes 2020-01..2020-12", "frozen in 2020-12", "joins by states the record has not joining 2020-01..2020-12",
                "joins 2021-01..2021-06", "freezes 2021-01..2021-06", "frozen in 2021-06", "joins by states the record has not joining 2021-01..2021-06"),
                List.copyOf(z.keySet()), "two windows, the last one cut at the cutoff");
        assertEquals(List.of(1.0, 0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0), List.copyOf(z.values()),
                "ties opened before the start are not a target; a symbolic join counts as a join, as the model counts it; a thaw lowers the frozen count");
        Scenario second = targets.windows().get(1);
        assertEquals(YearMonth.of(2021, 1), second.run().start());
        assertEquals(org.accords.scenario.RunSettings.Initial.OBSERVED, second.run().initial(), "each window starts from the observed standings");
        assertEquals(6, second.run().months());

        // the simulator's window (36 months: the whole record here) counts what the ensemble of the same window counts
        ModelSimulator sim = new ModelSimulator(sc, YearMonth.of(2021, 6), 200, 9);
        double[] centre = new double[ModelSimulator.dimension()];
        java.util.Arrays.fill(centre, 0.5);
        HistoryMatching.Output out = sim.run(centre);
        Scenario window = sim.targets().windows().get(0);
        EnsembleResult e = new Ensemble(ParameterSets.withValues(window, ModelSimulator.values(centre))).run(200, 9, 2, d -> { }, new AtomicBoolean());
        assertEquals(e.frozenMean(window.run().months() - 1), out.mean()[2], 1e-12, "frozen at the window's end");
        assertEquals(200, out.replications());
    }

    @Test
    void theKthLargestRuleGrowsWithTheNumberOfTargets() {
        // smallest k with P(Binomial(n, 4/81) >= k) <= 0.05, by hand: n = 7: P(>= 2) = 0.043; n = 10: P(>= 2) = 0.084, P(>= 3) = 0.011
        assertEquals(2, Implausibility.Rule.K_MAX.rank(7));
        assertEquals(3, Implausibility.Rule.K_MAX.rank(10));
        assertEquals(6, Implausibility.Rule.K_MAX.rank(44));
        assertEquals(1, Implausibility.Rule.K_MAX.rank(1));
        assertEquals(2, Implausibility.Rule.SECOND_MAX.rank(44));
        double[] i = {0.5, 9, 4, 3.5, 1, 2, 8, 0.1, 7, 6};
        assertEquals(9, Implausibility.Rule.MAX.summary(i));
        assertEquals(8, Implausibility.Rule.SECOND_MAX.summary(i));
        assertEquals(7, Implausibility.Rule.K_MAX.summary(i), "ten targets: the third largest");
        assertEquals("3rd-largest (k = 3 of 10 targets)", Implausibility.Rule.K_MAX.describe(10));
        assertEquals("6th-largest (k = 6 of 44 targets)", Implausibility.Rule.K_MAX.describe(44));
    }

    @Test
    void acrossSetSummaryByHand() {
        double[] effects = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        SetEffects e = SetEffects.of(5.5, effects);
        assertEquals(5.5, e.median(), 1e-12);
        assertEquals(1.1, e.low80(), 1e-12, "commons-math3's default estimate: position p(n + 1)");
        assertEquals(9.9, e.high80(), 1e-12);
        assertEquals(1.0, e.low95(), 1e-12, "below the first position: the smallest");
        assertEquals(10.0, e.high95(), 1e-12);
        assertEquals(1.0, e.signShare());
        assertEquals("robust", e.label());
        SetEffects mixed = SetEffects.of(0.3, new double[] {1, 1, 1, 1, 1, 1, 1, 1, -1, 0});
        assertEquals(0.8, mixed.signShare(), 1e-12, "a zero effect does not hold a positive sign");
        assertEquals("fragile", mixed.label());
        SetEffects nine = SetEffects.of(-0.3, new double[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, 2});
        assertEquals(0.9, nine.signShare(), 1e-12);
        assertEquals("robust", nine.label(), "90% of sets is enough");
        assertEquals(1.0, SetEffects.of(0, new double[] {0, 0, 0}).signShare(), "no effect, in every set");
    }

    @Test
    void noAcrossSetSummaryWithoutTheSameEnsemble() {
        Scenario sc = LOADER.load("history").truncatedTo(YearMonth.of(2020, 12));
        EnsembleResult point = new Ensemble(sc).run(20, 1, 1, d -> { }, new AtomicBoolean());
        EnsembleResult ens = new Ensemble(sc, sets(List.of(Map.of("model.weights.usRewards", 2.0))), Set.of()).run(20, 1, 1, d -> { }, new AtomicBoolean());
        assertNull(SetEffects.joined(ens, point, 11), "a point run has no sets to pair with");
        assertEquals(1, SetEffects.joined(ens, ens, 11).sets());
    }
}
