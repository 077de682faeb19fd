package org.accords.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.TestScenarios;
import org.accords.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring against an observed record: hand-computed Brier and skill scores, the observed status, the logistic baseline. */
class HistoryScoringTest {
    @TempDir
    Path dir;

    /** Three states, 12 months; AAA observed joining in 2020-03, BBB joining 2020-02 and freezing 2020-06, thawing 2020-09. */
    private Scenario observedScenario() {
        return TestScenarios.threeStates().set("run.start", "2020-01").set("run.end", "2020-12")
                .extra("""
                        observed:
                          - {state: AAA, kind: join, month: 2020-03}
                          - {state: BBB, kind: join, month: 2020-02}
                          - {state: BBB, kind: freeze, month: 2020-06}
                          - {state: BBB, kind: thaw, month: 2020-09}
                        """).load(dir);
    }

    /** A forecast with given constant probabilities per state. */
    private static Forecast constant(double... p) {
        return new Forecast() {
            @Override public String name() { return "test"; }
            @Override public double pJoinedBy(int s, int t) { return p[s]; }
            @Override public double pFrozen(int s, int t) { return p[s] / 2; }
        };
    }

    @Test
    void observedRecordGivesStatusPerMonth() {
        ObservedRecord o = new ObservedRecord(observedScenario());
        assertFalse(o.joinedBy(0, 1));
        assertTrue(o.joinedBy(0, 2));
        assertTrue(o.joinedBy(1, 1));
        assertFalse(o.frozen(1, 4));
        assertTrue(o.frozen(1, 5));
        assertTrue(o.frozen(1, 7));
        assertFalse(o.frozen(1, 8), "thawed in 2020-09");
        assertEquals(2, o.joinTick(0));
        assertEquals(-1, o.joinTick(2));
        assertTrue(o.hasFreezes());
    }

    @Test
    void brierAndSkillByHand() {
        ObservedRecord o = new ObservedRecord(observedScenario());
        Forecast f = constant(0.9, 0.6, 0.2);
        // month 2 (2020-03): AAA and BBB joined, CCC not: ((0.1)^2 + (0.4)^2 + (0.2)^2) / 3 = 0.21 / 3
        assertEquals(0.07, Scoring.brier(f, o, 2), 1e-12);
        // base rate 2/3: (2/3)(1/3) = 2/9
        assertEquals(2.0 / 9, Scoring.baseRateBrier(o, 2), 1e-12);
        assertEquals(1 - 0.07 / (2.0 / 9), Scoring.skill(0.07, 2.0 / 9), 1e-12);
        assertTrue(Double.isNaN(Scoring.skill(0.1, 0)), "no reference spread, no skill");
        // frozen at month 5 (2020-06): only BBB: forecasts 0.45, 0.3, 0.1 -> (0.45^2 + 0.7^2 + 0.1^2) / 3
        assertEquals((0.45 * 0.45 + 0.7 * 0.7 + 0.1 * 0.1) / 3, Scoring.frozenBrier(f, o, 5), 1e-12);
        // the monthly loss over [2, 2] is the sum of both Brier scores in that month
        assertEquals(Scoring.brier(f, o, 2) + Scoring.frozenBrier(f, o, 2), Scoring.monthlyLoss(f, o, 2, 2), 1e-12);
        // a perfect forecast scores 0
        Forecast perfect = new Forecast() {
            @Override public String name() { return "perfect"; }
            @Override public double pJoinedBy(int s, int t) { return o.joinedBy(s, t) ? 1 : 0; }
            @Override public double pFrozen(int s, int t) { return o.frozen(s, t) ? 1 : 0; }
        };
        assertEquals(0, Scoring.monthlyLoss(perfect, o, 0, 11), 1e-15);
    }

    @Test
    void logisticBaselineLearnsThatOffersPrecedeJoins() {
        // AAA gets a US offer and joins that month; nobody else does
        Scenario sc = TestScenarios.threeStates().set("run.start", "2020-01").set("run.end", "2021-12")
                .shock("{id: offer, start: 2020-06, end: 2020-08, target: [AAA], effects: {usRewards: 1.0}}")
                .extra("observed:\n  - {state: AAA, kind: join, month: 2020-07}\n").load(dir);
        ObservedRecord o = new ObservedRecord(sc);
        LogisticHazardModel m = LogisticHazardModel.fit(sc, o, sc.run().months() - 1);
        double[] beta = m.coefficients();
        int offered = LogisticHazardModel.COVARIATES.indexOf("usRewardsOffered");
        assertTrue(beta[offered] > 0, "the offer raises the hazard: " + beta[offered]);
        assertTrue(m.pJoinedBy(0, 23) > m.pJoinedBy(1, 23), "the offered state is more likely to have joined");
        for (int s = 0; s < 3; s++) {
            for (int t = 1; t < 24; t++) assertTrue(m.pJoinedBy(s, t) >= m.pJoinedBy(s, t - 1), "cumulative probability never falls");
        }
        assertTrue(Double.isNaN(m.pFrozen(0, 0)), "the baseline has no freezes");
    }
}
