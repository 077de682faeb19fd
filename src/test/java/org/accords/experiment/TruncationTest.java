package org.accords.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.TestScenarios;
import org.accords.scenario.Scenario;
import org.accords.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario cut at an earlier month gives exactly the first months of the full run (the model is causal). */
class TruncationTest {
    @TempDir
    Path dir;

    @Test
    void truncatedRunEqualsTheFirstMonthsOfTheFullRun() {
        Scenario full = TestScenarios.threeStates()
                .set("run.start", "2020-01").set("run.end", "2022-12").set("model.maxHazard", 0.2).set("model.joinThreshold", 0.0)
                .shock("{id: early, start: 2020-06, end: 2021-12, decay: 4, effects: {world.gazaConflict: 0.5}}")
                .shock("{id: late, start: 2022-03, effects: {usRewards: 2.0}}")
                .load(dir);
        Scenario cut = full.truncatedTo(YearMonth.of(2021, 6));
        assertEquals(18, cut.run().months());
        assertEquals(1, cut.shocks().size(), "the shock starting after the cut is dropped");
        assertEquals(YearMonth.of(2021, 6), cut.shocks().get(0).end(), "a later end is clipped");
        EnsembleResult a = new Ensemble(full).run(300, 5, 2, i -> { }, new AtomicBoolean());
        EnsembleResult b = new Ensemble(cut).run(300, 5, 1, i -> { }, new AtomicBoolean());
        for (int t = 0; t < cut.run().months(); t++) {
            assertEquals(a.membersMean(t), b.membersMean(t), "month " + t);
            assertEquals(a.joinedMean(t), b.joinedMean(t), "month " + t);
            for (int s = 0; s < full.states().size(); s++) assertEquals(a.pJoinedBy(s, t), b.pJoinedBy(s, t));
        }
        assertThrows(IllegalArgumentException.class, () -> full.truncatedTo(YearMonth.of(2019, 12)));
    }

    @Test
    void theResolvedTreeOfACutScenarioLoadsAgain() throws Exception {
        Scenario full = TestScenarios.threeStates().set("run.end", "2022-12")
                .shock("{id: s, start: 2020-06, end: 2022-10, effects: {world.gazaConflict: 0.5}}").load(dir);
        Scenario cut = full.truncatedTo(YearMonth.of(2021, 6));
        Path out = dir.resolve("resolved");
        java.nio.file.Files.createDirectories(out);
        org.accords.report.RunReport.writeResolvedScenario(cut, out);
        Scenario again = new ScenarioLoader(dir).load(out.resolve("scenario.resolved.yaml").toString());
        assertEquals(cut.resolved(), again.resolved());
    }
}
