package org.accords.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.accords.TestScenarios;
import org.accords.model.WorldPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data vintages: at month t the latest measurement dated at or before t, or a marked and counted assumption. */
class VintagesTest {
    @TempDir
    Path dir;

    private static final Sourced SRC = new Sourced("a survey", "share opposed", null);

    private static AttributeSeries.Point p(String month, double v) {
        return new AttributeSeries.Point(YearMonth.parse(month), v, SRC);
    }

    @Test
    void theLatestMeasurementAtOrBeforeTheMonth() {
        AttributeSeries s = AttributeSeries.of(List.of(p("1995-12", 0.2), p("2000-06", 0.4), p("2010-12", 0.6)), null);
        assertEquals(0.2, s.at(YearMonth.of(1995, 12)).value());
        assertEquals(0.2, s.at(YearMonth.of(2000, 5)).value());
        assertEquals(0.4, s.at(YearMonth.of(2000, 6)).value());
        assertEquals(0.4, s.at(YearMonth.of(2010, 11)).value());
        assertEquals(0.6, s.at(YearMonth.of(2030, 1)).value());
        assertFalse(s.at(YearMonth.of(2000, 6)).assumption());
        assertEquals(YearMonth.of(2000, 6), s.at(YearMonth.of(2003, 1)).date());
        assertEquals(0.6, s.latest());
    }

    @Test
    void beforeTheFirstMeasurementTheValueIsAMarkedAssumption() {
        AttributeSeries carried = AttributeSeries.of(List.of(p("2020-11", 0.53)), null);
        AttributeSeries.Use u = carried.at(YearMonth.of(2020, 8));
        assertEquals(0.53, u.value());
        assertTrue(u.assumption(), "a later measurement carried back is an assumption");
        assertTrue(u.reason().contains("2020-11"), u.reason());
        assertFalse(carried.at(YearMonth.of(2020, 11)).assumption());

        AttributeSeries stated = AttributeSeries.of(List.of(p("2020-11", 0.53)), new AttributeSeries.Point(null, 0.88, new Sourced(null, null, "regional average")));
        assertEquals(0.88, stated.at(YearMonth.of(2020, 8)).value());
        assertTrue(stated.at(YearMonth.of(2020, 8)).assumption());
        assertNull(stated.at(YearMonth.of(2020, 8)).date());
        assertEquals(0.53, stated.at(YearMonth.of(2020, 12)).value());
    }

    @Test
    void aMeasurementWhoseNoteIsAnAssumptionStaysMarkedAfterItsDate() {
        AttributeSeries s = AttributeSeries.of(List.of(new AttributeSeries.Point(YearMonth.of(2011, 12), 0.84,
                new Sourced(null, null, "the region stands in for the state"))), null);
        assertTrue(s.at(YearMonth.of(2015, 1)).assumption());
        assertFalse(AttributeSeries.undated(0.5, SRC).at(YearMonth.of(1990, 1)).assumption());
        assertTrue(AttributeSeries.undated(0.5, new Sourced(null, null, "guess")).at(YearMonth.of(1990, 1)).assumption());
    }

    @Test
    void seriesOutOfOrderOrAnUnmarkedPriorValueAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AttributeSeries.of(List.of(p("2001-01", 0.1), p("2000-01", 0.2)), null));
        assertThrows(IllegalArgumentException.class, () -> AttributeSeries.of(List.of(p("2001-01", 0.1)), new AttributeSeries.Point(null, 0.3, SRC)));
    }

    /** A roster whose AAA opposition is measured only in 2020-06, in a run from 2020-01: five assumption months, counted. */
    @Test
    void aLaterMeasurementEntersTheRunOnlyMarkedAndCounted() throws Exception {
        Path f = TestScenarios.threeStates().write(dir, "s.yaml");
        Path roster = dir.resolve("roster.yaml");
        String text = Files.readString(roster);
        String old = text.substring(text.indexOf("    publicOpposition:"), text.indexOf('\n', text.indexOf("    publicOpposition:")) + 1);
        Files.writeString(roster, text.replaceFirst(java.util.regex.Pattern.quote(old),
                "    publicOpposition: {source: survey, rule: share, series: [{month: 2020-06, value: 0.9}]}\n"));
        Scenario sc = new ScenarioLoader(dir).load(f.toString());
        WorldPlan plan = new WorldPlan(sc);
        int aaa = sc.indexOf("AAA");
        for (int t = 0; t < sc.run().months(); t++) {
            AttributeSeries.Use u = plan.vintages.use("publicOpposition", t, aaa);
            assertEquals(0.9, plan.attribute("publicOpposition", t, aaa), "the run uses the measured value");
            assertEquals(t < 5, u.assumption(), "month " + sc.run().monthOf(t) + " before the measurement is an assumption");
        }
        // AAA: 5 marked months; BBB and CCC keep their assumption-noted test values (12 months each)
        assertEquals(5 + 2 * 12, plan.vintages.assumptionUsesByAttribute().get("publicOpposition"));
    }

    /**
     * Every preset, every state, attribute and month: the value the run uses is dated at or before
     * the month, or carries the assumption mark. Fails if a later measurement enters a run unmarked.
     */
    @Test
    void noPresetUsesALaterMeasurementWithoutTheAssumptionMark() {
        ScenarioLoader loader = new ScenarioLoader(Path.of("scenarios"));
        for (String name : loader.presetNames()) {
            Scenario sc = loader.load(name);
            WorldPlan plan = new WorldPlan(sc);
            int marked = 0;
            for (String a : Vintages.ATTRIBUTES) {
                for (int t = 0; t < sc.run().months(); t++) {
                    YearMonth month = sc.run().monthOf(t);
                    for (int s = 0; s < sc.states().size(); s++) {
                        AttributeSeries.Use u = plan.vintages.use(a, t, s);
                        boolean dated = u.date() != null && !u.date().isAfter(month);
                        assertTrue(dated || u.assumption(), name + ": " + sc.states().get(s).id() + "." + a + " in " + month
                                + " uses a value dated " + u.date() + " without the assumption mark");
                        if (u.assumption()) marked++;
                    }
                }
            }
            assertEquals(plan.vintages.assumptionUses(), marked, name);
        }
    }

    /** The named leaks: the UAE's and Bahrain's Nov-2020 poll and Morocco's 2022 figure never enter before their dates. */
    @Test
    void postJoinSurveysEnterOnlyFromTheirFieldwork() {
        Scenario h = new ScenarioLoader(Path.of("scenarios")).load("history");
        for (String[] c : new String[][] {{"ARE", "2020-08", "2020-11"}, {"BHR", "2020-09", "2020-11"}, {"MAR", "2020-12", "2022-12"}}) {
            StateSpec s = h.states().get(h.indexOf(c[0]));
            AttributeSeries.Use atJoin = s.valueAt("publicOpposition", YearMonth.parse(c[1]));
            assertTrue(atJoin.assumption(), c[0] + " at its join uses a pre-join assumption");
            assertTrue(atJoin.date() == null || !atJoin.date().isAfter(YearMonth.parse(c[1])), c[0] + ": " + atJoin);
            assertEquals(YearMonth.parse(c[2]), s.valueAt("publicOpposition", YearMonth.parse(c[2])).date(), c[0]);
        }
    }
}
