package org.accords.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped record 1993-2025 (scenarios/history.yaml): its span, its sources, and no reward that carries the outcome. */
class HistoryRecordTest {
    static final ScenarioLoader LOADER = new ScenarioLoader(Path.of("scenarios"));

    @Test
    void historyRuns1993To2025WithAtLeastTwentySourcedTransitions() {
        Scenario h = LOADER.load("history");
        assertEquals(YearMonth.of(1993, 1), h.run().start());
        assertEquals(YearMonth.of(2025, 12), h.run().end());
        int inRun = 0;
        for (Observation o : h.observed()) {
            assertTrue(o.source().startsWith("http"), o.state() + " " + o.month() + ": no source URL");
            assertFalse(o.date().isEmpty(), o.state() + " " + o.month() + ": no date");
            if (!o.month().isBefore(h.run().start()) && !o.month().isAfter(h.run().end())) inRun++;
        }
        assertTrue(inRun >= 20, "only " + inRun + " observed transitions in 1993-2025");
    }

    @Test
    void statesWithTiesBefore1993AreMembersFromTheStart() {
        Scenario h = LOADER.load("history");
        Map<String, YearMonth> firstJoin = new HashMap<>();
        for (Observation o : h.observed()) if (o.kind() == Observation.Kind.JOIN) firstJoin.putIfAbsent(o.state(), o.month());
        for (String id : List.of("EGY", "KAZ", "UZB", "TJK", "KGZ", "AZE")) {
            assertTrue(firstJoin.containsKey(id) && firstJoin.get(id).isBefore(h.run().start()), id + " has no join before 1993");
        }
        assertEquals(YearMonth.of(1993, 10), firstJoin.get("TKM"), "Turkmenistan's ties date from October 1993");
        // Kazakhstan's 2025 Accords join is symbolic: it changes no status
        assertTrue(h.observed().stream().anyMatch(o -> o.state().equals("KAZ") && o.kind() == Observation.Kind.SYMBOLIC
                && o.month().equals(YearMonth.of(2025, 11))));
    }

    @Test
    void theIssueListIsInTheRecord() {
        Scenario h = LOADER.load("history");
        Set<String> events = new java.util.HashSet<>();
        for (Observation o : h.observed()) events.add(o.state() + " " + o.kind().key() + " " + o.month().getYear());
        for (String e : List.of("JOR join 1994", "MAR join 1994", "MAR freeze 2000", "MAR thaw 2020", "TUN join 1994",
                "TUN freeze 2000", "OMN join 1996", "QAT join 1996", "QAT freeze 2009", "MRT join 1995", "MRT freeze 2009",
                "TCD join 2019", "ARE join 2020", "BHR join 2020", "SDN join 2020", "BHR freeze 2023")) {
            assertTrue(events.contains(e), "missing: " + e);
        }
        // Qatar's closure announced in November 2000 was not carried out: no 2000 freeze
        assertFalse(events.contains("QAT freeze 2000"));
    }

    /** Issue 8: a dated reward to a named state gives the join away; history has none (a US push moves usEngagement world-wide). */
    @Test
    void noShockInHistoryTouchesUsRewards() {
        for (String name : List.of("history")) {
            for (Shock s : LOADER.load(name).shocks()) {
                for (Shock.Effect e : s.effects()) {
                    assertTrue(e.driver() != Driver.US_REWARDS, name + ": shock " + s.id() + " moves usRewards");
                }
            }
        }
    }
}
