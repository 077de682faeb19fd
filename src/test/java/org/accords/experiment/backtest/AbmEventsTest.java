package org.accords.experiment.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.accords.TestScenarios;
import org.accords.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ABM as an event forecaster, on cases whose answer is known without simulation. */
class AbmEventsTest {
    @TempDir
    Path dir;

    private Scenario scenario(double maxHazard, double joinThreshold) {
        return TestScenarios.threeStates().set("run.start", "2020-01").set("run.end", "2020-12")
                .set("model.maxHazard", maxHazard).set("model.joinThreshold", joinThreshold).set("model.exitThreshold", -20)
                .set("model.temperature", 0.2).extra("observed:\n  - {state: AAA, kind: join, month: 2020-03}\n").load(dir);
    }

    private static EventWindow window(Scenario sc, int h) {
        ObservedHistory history = new ObservedHistory(sc.states().stream().map(s -> s.id()).toList(), sc.observed());
        return EventWindow.observe(history, YearMonth.of(2019, 12), h);
    }

    @Test
    void noHazardMeansNoEventAndTheScoresOfPersistence() {
        Scenario sc = scenario(0.0, 1.0);
        AbmEvents abm = new AbmEvents(sc, 50, 1);
        EventWindow w = window(sc, 12);
        assertArrayEquals(new double[3], abm.forecast(w));
        assertEquals(0.0, abm.pJoinsAtLeast(1, 12));
        assertArrayEquals(EventScores.log(new Persistence().forecast(w), w.outcomes()), EventScores.log(abm.forecast(w), w.outcomes()));
    }

    @Test
    void certainHazardMeansEveryStateJoinsInTheFirstMonth() {
        // utility far above the threshold and maxHazard 1: every candidate joins in month 0
        Scenario sc = scenario(1.0, -19);
        AbmEvents abm = new AbmEvents(sc, 50, 1);
        assertArrayEquals(new double[] {1, 1, 1}, abm.forecast(window(sc, 1)));
        assertEquals(1.0, abm.pJoinsAtLeast(3, 1));
        assertEquals(50, abm.runs());
        // first changes only: the exit threshold is out of reach, so nobody freezes later
        assertEquals(List.of(true, false, false), java.util.Arrays.stream(window(sc, 12).items().toArray(EventWindow.Item[]::new)).map(EventWindow.Item::happened).toList());
    }

    @Test
    void overAnEnsembleReplicationKRunsUnderSetKModK() {
        // set 1: no hazard (nobody moves); set 2: certain joins in the first month. Over 50
        // replications, the 25 odd ones join: P = 0.5 for every state, exactly.
        Scenario sc = scenario(0.5, 0.0);
        org.accords.scenario.Origin o = new org.accords.scenario.Origin("test", 1);
        org.accords.scenario.ParameterSets sets = new org.accords.scenario.ParameterSets(dir.resolve("e.yaml"), "", "0", List.of("model.maxHazard", "model.joinThreshold"),
                List.of(new org.accords.scenario.ParameterSets.Member(1, java.util.Map.of("model.maxHazard", 0.0, "model.joinThreshold", 1.0), 0, o),
                        new org.accords.scenario.ParameterSets.Member(2, java.util.Map.of("model.maxHazard", 1.0, "model.joinThreshold", -19.0), 0, o)));
        AbmEvents abm = new AbmEvents(sc, sets, java.util.Set.of(), 50, 1);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, abm.forecast(window(sc, 1)));
        assertEquals(0.5, abm.pJoinsAtLeast(3, 1));
    }
}
