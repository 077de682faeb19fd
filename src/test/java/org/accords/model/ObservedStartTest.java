package org.accords.model;

import static org.accords.TestScenarios.scenario;
import static org.accords.TestScenarios.state;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.TestScenarios;
import org.accords.experiment.Ensemble;
import org.accords.experiment.EnsembleResult;
import org.accords.scenario.BadInputException;
import org.accords.scenario.Scenario;
import org.accords.scenario.StartingPoint;
import org.accords.scenario.StartingPoint.Standing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run from the observed present: every state starts where the observed record leaves it before the first month. */
class ObservedStartTest {
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    /**
     * AAA joins 2020-03; BBB joins 2020-05 and freezes 2020-09; CCC (relations since 1994) joins
     * 2020-11, symbolically; DDD never. prestigeGain 0.1, prestigeDilution 0.2, prestige 0.5 before.
     */
    private static TestScenarios.Spec spec() {
        return scenario(state("AAA").blocs("X").attrs(0, 0, 0, 0, 0), state("BBB").blocs("X").attrs(0, 0, 0, 0, 0),
                state("CCC").blocs("Y").prior(1994).attrs(0, 0, 0, 0, 0), state("DDD").blocs("Y").attrs(0, 0, 0, 0, 0))
                .set("run.start", "2020-01").set("run.end", "2021-12")
                .set("model.prestigeGain", 0.1).set("model.prestigeDilution", 0.2).set("world.accordsPrestige", 0.5)
                .extra("observed:\n"
                        + "  - {state: AAA, kind: join, month: 2020-03}\n"
                        + "  - {state: BBB, kind: join, month: 2020-05}\n"
                        + "  - {state: BBB, kind: freeze, month: 2020-09}\n"
                        + "  - {state: CCC, kind: join, month: 2020-11}\n");
    }

    @Test
    void statusesAndPrestigeFromTheRecordBeforeTheStartMonth() {
        Scenario sc = spec().load(dir);
        StartingPoint before = StartingPoint.observed(sc, YearMonth.of(2020, 3));
        assertEquals(List.of(Standing.CANDIDATE, Standing.CANDIDATE, Standing.CANDIDATE, Standing.CANDIDATE), before.standings(),
                "an event in the start month is what the forecast must predict");
        assertEquals(0.5, before.accordsPrestige(), EPS);
        assertEquals(List.of(false, false, true, false), before.symbolic());

        StartingPoint mid = StartingPoint.observed(sc, YearMonth.of(2020, 10));
        assertEquals(List.of(Standing.MEMBER, Standing.FROZEN, Standing.CANDIDATE, Standing.CANDIDATE), mid.standings());
        // two substantive joins: 0.5 -> 0.55 -> 0.595
        assertEquals(0.595, mid.accordsPrestige(), EPS);

        StartingPoint after = StartingPoint.observed(sc, YearMonth.of(2021, 1));
        assertEquals(List.of(Standing.MEMBER, Standing.FROZEN, Standing.MEMBER, Standing.CANDIDATE), after.standings());
        assertEquals(List.of(false, false, false, false), after.symbolic(), "no candidate left with relations");
        // CCC's join is symbolic (relations since 1994): 0.595 x (1 - 0.2)
        assertEquals(0.595 * 0.8, after.accordsPrestige(), EPS);

        assertEquals(List.of(Standing.CANDIDATE, Standing.CANDIDATE, Standing.CANDIDATE, Standing.CANDIDATE), sc.startingPoint().standings(),
                "run.initial: none starts every state as a candidate");
    }

    @Test
    void theModelStartsFromThoseStatuses() {
        Scenario sc = spec().set("run.start", "2021-01").set("run.initial", "observed").load(dir);
        AccordsModel m = Snapshot.started(sc);
        assertEquals(Status.MEMBER, m.agent(0).status());
        assertEquals(Status.FROZEN, m.agent(1).status());
        assertEquals(Status.MEMBER, m.agent(2).status());
        assertEquals(Status.CANDIDATE, m.agent(3).status());
        assertEquals(-1, m.agent(0).joinTick(), "joined before the run");
        assertEquals(3, m.joinedCount());
        assertEquals(2, m.activeMembers());
        assertEquals(1, m.frozenCount());
        assertEquals(0.595 * 0.8, m.prestige(), EPS);
        // BBB's only bloc peer AAA is an active member: bloc share 1, all others 2/3 (AAA and CCC of AAA, CCC, DDD)
        double expected = 0.5 * 1 + 0.5 * 2 / 3.0;
        assertEquals(expected, m.peerShare(1), EPS);
    }

    /** Utility 0 against threshold 0, temperature 1, maxHazard 0.5: joins, freezes and thaws all have hazard 0.25 a month. */
    @Test
    void initialMembersCountAsJoinedButNotAsJoinEvents() {
        Scenario sc = spec().set("run.start", "2021-01").set("run.initial", "observed")
                .set("model.joinThreshold", 0.0).set("model.exitThreshold", 0.0 - 1e-9).set("model.temperature", 1.0)
                .set("model.maxHazard", 0.5).set("model.joinCost", 0.0).set("model.symbolicJoinCost", 0.0)
                .set("model.weights.peerInfluence", 0.0).set("world.israelThreat", 0.0).load(dir);
        EnsembleResult r = new Ensemble(sc).run(400, 9, 2, i -> { }, new AtomicBoolean());
        assertEquals(1.0, r.pJoinedBefore(0));
        assertEquals(0.0, r.pJoinedBefore(3));
        for (int s = 0; s < 3; s++) {
            assertEquals(1.0, r.pJoinedBy(s, 0), "state " + s);
            assertEquals(1.0, r.pEverJoined(s));
            assertEquals(-1, r.joinTickPercentile(s, 50), "no join inside the run");
        }
        // only DDD can join inside the run: the join events are DDD's joins
        double joinEvents = 0;
        for (int t = 0; t < r.months(); t++) joinEvents += r.eventMean(t, 0);
        assertEquals(r.pEverJoined(3), joinEvents, EPS);
        assertEquals(3 + r.pEverJoined(3), r.joinedMean(r.months() - 1), EPS);
        // the frozen member thaws (hazard 0.25 a month) and the members freeze: both happen
        assertTrue(r.pFrozen(1, r.months() - 1) < 0.9, "BBB thaws in some runs");
        assertTrue(r.pFrozen(0, r.months() - 1) > 0.1, "AAA freezes in some runs");
        for (int t = 0; t < r.months(); t++) {
            for (int s = 0; s < 4; s++) assertEquals(r.pJoinedBy(s, t), r.pMember(s, t) + r.pFrozen(s, t), EPS);
        }
        // aggregate.json keeps who joined before the start: a restored result says the same
        EnsembleResult back = EnsembleResult.restored(sc, 9, 2, r.started, r.finished, r.data());
        for (int s = 0; s < 4; s++) {
            assertEquals(r.pJoinedBefore(s), back.pJoinedBefore(s));
            assertEquals(r.pJoinedBy(s, 5), back.pJoinedBy(s, 5));
            assertEquals(r.pMember(s, 5), back.pMember(s, 5));
        }
    }

    @Test
    void fromObservedEqualsTheSameScenarioWrittenWithAnObservedStart() {
        TestScenarios.Spec base = spec().set("us.offerRate", 0.5)
                .shock("{id: war, start: 2020-06, end: 2021-03, decay: 2, effects: {world.gazaConflict: 0.5}}")
                .shock("{id: early, start: 2020-02, end: 2020-04, effects: {iranThreat: 0.5}}")
                .shock("{id: late, start: 2021-06, effects: {usRewards: 0.5}}");
        Scenario full = base.load(dir.resolve("a"));
        Scenario derived = full.fromObserved(YearMonth.of(2021, 1));
        Scenario written = base.set("run.start", "2021-01").set("run.initial", "observed").load(dir.resolve("b"));
        assertEquals(written.run(), derived.run());
        assertEquals(List.of("war", "late"), derived.shocks().stream().map(s -> s.id()).toList(), "the shock over before 2021 is dropped");
        assertEquals(written.shocks(), derived.shocks());
        assertEquals(written.resolved().get("run"), derived.resolved().get("run"));
        EnsembleResult a = new Ensemble(derived).run(60, 4, 2, i -> { }, new AtomicBoolean());
        EnsembleResult b = new Ensemble(written).run(60, 4, 1, i -> { }, new AtomicBoolean());
        assertArrayEquals(a.data().memberByState(), b.data().memberByState());
        assertArrayEquals(a.data().eventCounts(), b.data().eventCounts());
        // the war under way since 2020-06 acts in the first month at full size, and starts no event there
        WorldPlan plan = new WorldPlan(derived);
        assertEquals(0.2 + 0.5, plan.perceived(org.accords.scenario.WorldVariable.GAZA_CONFLICT, 0, 0), EPS);
        assertEquals(0, plan.shockStarts(0).length);
        assertThrows(IllegalArgumentException.class, () -> full.fromObserved(YearMonth.of(2022, 1)));
    }

    @Test
    void shocksBeforeTheStartNeedAnObservedStart() {
        TestScenarios.Spec s = spec().set("run.start", "2021-01").shock("{id: war, start: 2020-06, effects: {world.gazaConflict: 0.5}}");
        BadInputException e = assertThrows(BadInputException.class, () -> s.load(dir.resolve("a")));
        assertTrue(e.getMessage().contains("shocks.war.start") && e.getMessage().contains("run.initial: observed"), e.getMessage());
        assertEquals(1, s.set("run.initial", "observed").load(dir.resolve("b")).shocks().size());
        BadInputException bad = assertThrows(BadInputException.class, () -> spec().set("run.initial", "observd").load(dir.resolve("c")));
        assertTrue(bad.getMessage().contains("run.initial") && bad.getMessage().contains("none or observed"), bad.getMessage());
    }
}
