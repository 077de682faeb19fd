package org.accords.experiment.backtest;

import static org.accords.TestScenarios.scenario;
import static org.accords.TestScenarios.state;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.accords.experiment.LogisticHazardModel;
import org.accords.model.WorldPlan;
import org.accords.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The logistic competitor's relations covariate never carries the outcome: the roster dates
 * relations by the join itself, so a training row takes them as known the month before, and a
 * forecast as known at the origin.
 */
class LogisticRelationsTest {
    @TempDir
    Path dir;

    @Test
    void theJoinMonthsRowHasNoRelationsYet() {
        Scenario sc = scenario(state("AAA").priorFrom("2020-06", 2020), state("BBB"))
                .set("run.start", "2020-01").set("run.end", "2020-12")
                .extra("observed:\n  - {state: AAA, kind: join, month: 2020-06, note: test}\n")
                .load(dir);
        WorldPlan plan = new WorldPlan(sc);
        ObservedHistory history = new ObservedHistory(List.of("AAA", "BBB"), sc.observed());
        LogisticEvents model = new LogisticEvents(plan, history, YearMonth.of(2020, 9));
        int relations = LogisticHazardModel.COVARIATES.indexOf("priorRelations");
        List<double[]> joinRows = model.rows.get(Transition.JOIN.ordinal());
        List<Double> joined = model.ys.get(Transition.JOIN.ordinal());
        // AAA and BBB at risk of joining 2020-01..06 (AAA's last row is its join month), BBB to 2020-09
        assertEquals(6 + 9, joinRows.size());
        int events = 0;
        for (int i = 0; i < joinRows.size(); i++) {
            assertEquals(0.0, joinRows.get(i)[relations], "row " + i); // no one had relations before joining
            if (joined.get(i) == 1.0) events++;
        }
        assertEquals(1, events);
        // as a member at risk of freezing, AAA's rows from 2020-07 carry the relations its join opened
        for (double[] row : model.rows.get(Transition.FREEZE.ordinal())) assertEquals(1.0, row[relations]);
        assertEquals(3, model.rows.get(Transition.FREEZE.ordinal()).size());
        // a forecast takes them as known at the origin
        assertEquals(1.0, model.covariates(0, YearMonth.of(2020, 11), YearMonth.of(2020, 9))[relations]);
        assertEquals(0.0, model.covariates(0, YearMonth.of(2020, 11), YearMonth.of(2020, 4))[relations]);
    }
}
