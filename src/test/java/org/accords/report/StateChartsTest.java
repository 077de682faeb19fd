package org.accords.report;

import static org.accords.TestScenarios.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.experiment.Ensemble;
import org.accords.experiment.EnsembleResult;
import org.accords.scenario.Scenario;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The states and drivers charts on a scenario whose outcome is known exactly under the current
 * model's soft conditions: AAA joins in the first month, BBB once a shock in 2020-05 meets its
 * condition, CCC and DDD never (an unmet condition costs more than any gain). The record has AAA
 * join in 2020-02 and DDD in 2020-06.
 */
class StateChartsTest {
    @TempDir
    static Path dir;
    static EnsembleResult result;

    @BeforeAll
    static void run() {
        Scenario sc = ReportFilesTest.known(
                state("AAA").name("Aland").attrs(0, 0, 0, 1, 0).blocs("X"),
                state("BBB").name("Borduria").attrs(0, 0, 0, 1, 0).blocs("X").condition("statehoodPath", "2019-01"),
                state("CCC").name("Carpania").attrs(0, 0, 0, 1, 0).blocs("Y").condition("statehoodPath", "2019-01"),
                state("DDD").name("Drusselstein").attrs(0, 0, 0, 1, 0).blocs("Y").condition("statehoodPath", "2019-01"))
                .extra("observed:\n  - {state: AAA, kind: join, month: 2020-02, note: test}\n"
                        + "  - {state: DDD, kind: join, month: 2020-06, note: test}\n")
                .load(dir.resolve("sc"));
        result = new Ensemble(sc).run(25, 3, 1, i -> { }, new AtomicBoolean());
    }

    private static List<String> columns(CategoryDataset d) {
        List<String> c = new ArrayList<>();
        for (Object k : d.getColumnKeys()) c.add(k.toString());
        return c;
    }

    private static String subtitle(JFreeChart chart) {
        return ((TextTitle) chart.getSubtitle(chart.getSubtitleCount() - 1)).getText();
    }

    @Test
    void theOutcomesAreTheKnownOnes() {
        assertEquals(1.0, result.pEverJoined(0));
        assertEquals(1.0, result.pEverJoined(1));
        assertEquals(0.0, result.pEverJoined(2));
        assertEquals(0.0, result.pEverJoined(3));
        assertTrue(StateCharts.moves(result, 0) && StateCharts.moves(result, 1));
        assertFalse(StateCharts.moves(result, 2) || StateCharts.moves(result, 3));
    }

    @Test
    void statesChartNamesStatesShowsTheRecordAndLeavesOutWhoNeverMoves() {
        JFreeChart chart = StateCharts.probabilities(List.of(result));
        CategoryDataset d = ((CategoryPlot) chart.getPlot()).getDataset();
        assertEquals(List.of("Aland (AAA) · observed: joined 2020-02", "Borduria (BBB) · observed: no step to 2020-06",
                "Drusselstein (DDD) · observed: joined 2020-06"), columns(d),
                "CCC never moves and the record has no step for it: no row; DDD never moves in the model but the record has it join: kept");
        assertEquals(1.0, d.getValue("P(ever joined)", "Aland (AAA) · observed: joined 2020-02").doubleValue());
        assertEquals(0.0, d.getValue("P(ever joined)", "Drusselstein (DDD) · observed: joined 2020-06").doubleValue());
        assertTrue(subtitle(chart).contains("; 1 state that never moves in any run left out"), subtitle(chart));
    }

    @Test
    void observedOutcomesSayJoinsFreezesAndTheRecordsReach() {
        Scenario sc = result.scenario;
        var join = org.accords.scenario.Observation.Kind.byKey("join");
        var freeze = org.accords.scenario.Observation.Kind.byKey("freeze");
        List<org.accords.scenario.Observation> record = List.of(
                new org.accords.scenario.Observation("AAA", join, java.time.YearMonth.of(2019, 5), "t"),
                new org.accords.scenario.Observation("AAA", freeze, java.time.YearMonth.of(2020, 3), "t"),
                new org.accords.scenario.Observation("BBB", join, java.time.YearMonth.of(2020, 2), "t"),
                new org.accords.scenario.Observation("BBB", freeze, java.time.YearMonth.of(2020, 4), "t"),
                new org.accords.scenario.Observation("DDD", join, java.time.YearMonth.of(2020, 6), "t"));
        Scenario withRecord = copy(sc, sc.run(), record);
        assertEquals("member before 2020-01, frozen by 2020-06", StateCharts.observedOutcome(withRecord, 0));
        assertEquals("joined 2020-02, frozen by 2020-06", StateCharts.observedOutcome(withRecord, 1));
        assertEquals("no step to 2020-06", StateCharts.observedOutcome(withRecord, 2));
        assertEquals("joined 2020-06", StateCharts.observedOutcome(withRecord, 3));
        // a run after the record: no observed outcome, and no "observed" on the chart
        Scenario after = copy(sc, new org.accords.scenario.RunSettings(java.time.YearMonth.of(2021, 1), java.time.YearMonth.of(2021, 6), 1, 1,
                sc.run().initial()), record);
        assertEquals(null, StateCharts.observedOutcome(after, 0));
    }

    private static Scenario copy(Scenario sc, org.accords.scenario.RunSettings run, List<org.accords.scenario.Observation> observed) {
        return new Scenario(sc.name(), sc.title(), sc.description(), run, sc.model(), sc.us(), sc.world(), sc.states(), sc.shocks(), observed,
                sc.rosterFile(), sc.resolved());
    }

    @Test
    void driversChartHasReadableNamesAndTheRunsBehindEachBar() {
        JFreeChart chart = StateCharts.drivers(List.of(result));
        CategoryDataset d = ((CategoryPlot) chart.getPlot()).getDataset();
        List<String> rows = new ArrayList<>();
        for (Object k : d.getRowKeys()) rows.add(k.toString());
        assertEquals(List.of("Iran threat", "Palestinian pressure", "Economic diversification", "US rewards", "Peer influence", "Join cost"), rows);
        assertEquals(List.of("Aland (AAA) · n = 25", "Borduria (BBB) · n = 25"), columns(d), "both join in all 25 runs; CCC and DDD in none");
        // economic diversification: weight 10 x need 1 at the moment of joining
        assertEquals(10.0, d.getValue("Economic diversification", "Aland (AAA) · n = 25").doubleValue(), 1e-6);
        assertEquals(-0.5, d.getValue("Join cost", "Aland (AAA) · n = 25").doubleValue(), 1e-6);
        assertTrue(subtitle(chart).contains("n: runs in which the state joined"));
    }

    @Test
    void inAComparisonTheDriverRowsNameTheScenarioAndItsRuns() throws Exception {
        JFreeChart chart = StateCharts.drivers(List.of(result, result));
        assertTrue(columns(((CategoryPlot) chart.getPlot()).getDataset()).contains("Aland (AAA) · known · n = 25"));
        Path out = dir.resolve("svg");
        Files.createDirectories(out);
        Charts.save(chart, out, "drivers");
        assertTrue(Files.readString(out.resolve("drivers.svg")).contains("Economic diversification"), "the legend, in the SVG");
    }
}
