package org.accords.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.accords.model.AccordsModel;
import org.accords.model.EventKind;
import org.accords.model.RunObserver;
import org.accords.model.StateAgent;
import org.accords.model.Status;
import org.accords.model.WorldPlan;
import org.accords.scenario.Scenario;
import org.accords.scenario.Shock;
import org.accords.scenario.WorldVariable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The DESIGN.md invariants, checked over 20 random scenarios. */
class InvariantsTest {
    private static final double EPS = 1e-9;

    @TempDir
    Path dir;

    static Stream<Long> seeds() {
        return Stream.iterate(1000L, s -> s + 17).limit(20);
    }

    /** Checks every month and every event of one replication. */
    private static final class Checker implements RunObserver {
        final WorldPlan plan;
        final int states;
        int lastJoined = 0;
        int joins = 0;
        int monthsSeen = 0;

        Checker(WorldPlan plan) {
            this.plan = plan;
            this.states = plan.stateCount;
        }

        @Override
        public void onEvent(EventKind kind, int tick, int subject, StateAgent agent) {
            if (kind == EventKind.JOIN) {
                joins++;
                // conditions are a cost, never a gate: the utility a state joined with carries this month's cost of them
                assertEquals(plan.conditionCost(tick, subject), agent.conditionCost(), 0.0, "condition cost of " + agent.spec.id() + " at " + tick);
                assertEquals(-(agent.cost() + agent.conditionCost()), agent.contributions()[StateAgent.COST], 1e-12);
                assertEquals(Status.MEMBER, agent.status());
                assertEquals(tick, agent.joinTick());
            }
            if (kind == EventKind.FREEZE) assertEquals(Status.FROZEN, agent.status());
            if (kind == EventKind.THAW) assertEquals(Status.MEMBER, agent.status());
        }

        @Override
        public void onMonth(int tick, AccordsModel m) {
            assertEquals(monthsSeen++, tick);
            assertTrue(m.activeMembers() >= 0 && m.activeMembers() <= states, "active " + m.activeMembers());
            assertTrue(m.joinedCount() <= states);
            assertEquals(m.joinedCount(), m.activeMembers() + m.frozenCount(), "members + frozen == joined");
            assertTrue(m.joinedCount() >= lastJoined, "cumulative joins fell");
            assertEquals(joins, m.joinedCount());
            lastJoined = m.joinedCount();
            int member = 0, frozen = 0;
            for (StateAgent a : m.agents()) {
                if (a.status() == Status.MEMBER) member++;
                if (a.status() == Status.FROZEN) frozen++;
            }
            assertEquals(member, m.activeMembers());
            assertEquals(frozen, m.frozenCount());
            assertTrue(m.prestige() >= 0 && m.prestige() <= 1, "prestige " + m.prestige());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void modelInvariantsHoldInEveryMonth(long seed) {
        Scenario sc = RandomScenarios.generate(seed, dir);
        Ensemble e = new Ensemble(sc);
        for (int k = 0; k < 10; k++) {
            Checker c = new Checker(e.plan());
            e.runOne(seed, k, c);
            assertEquals(sc.run().months(), c.monthsSeen);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shocksActOnlyInsideTheirWindow(long seed) {
        Scenario sc = RandomScenarios.generate(seed, dir);
        for (Shock shock : sc.shocks()) {
            Scenario only = new Scenario(sc.name(), sc.title(), sc.description(), sc.run(), sc.model(), sc.us(), sc.world(),
                    sc.states(), List.of(shock), sc.observed(), sc.rosterFile(), sc.resolved());
            WorldPlan p = new WorldPlan(only);
            for (int t = 0; t < p.months; t++) {
                double intensity = shock.intensity(sc.run().monthOf(t));
                boolean inside = !sc.run().monthOf(t).isBefore(shock.start()) && !sc.run().monthOf(t).isAfter(shock.lastActiveMonth());
                assertEquals(inside, intensity > 0, shock.id() + " month " + t);
                for (int s = 0; s < p.stateCount; s++) {
                    boolean targeted = shock.targetStates().contains(sc.states().get(s).id());
                    for (Shock.Effect eff : shock.effects()) {
                        double amount = targeted ? intensity * eff.amount() : 0;
                        if (eff.driver() != null) {
                            double shift = p.driverShift(eff.driver(), t, s);
                            assertEquals(amount, shift, EPS);
                            assertEquals(inside && targeted, shift != 0, shock.id() + " " + eff.key() + " t" + t + " s" + s);
                        } else if (eff.variable() == WorldVariable.ACCORDS_PRESTIGE) {
                            assertEquals(amount, p.perceived(eff.variable(), t, s), EPS);
                        } else {
                            double start = sc.worldStart(eff.variable());
                            double expected = Math.max(0, Math.min(1, start + amount));
                            assertEquals(expected, p.perceived(eff.variable(), t, s), EPS, shock.id() + " " + eff.key());
                            double global = shock.targetsAll() ? expected : start;
                            assertEquals(global, p.global(eff.variable(), t), EPS);
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void ensembleStatisticsAreConsistent(long seed) {
        Scenario sc = RandomScenarios.generate(seed, dir);
        EnsembleResult r = new Ensemble(sc).run(40, seed, 2, i -> { }, new AtomicBoolean());
        assertEquals(40, r.runs());
        int months = r.months(), states = r.states();
        double joinEvents = 0;
        for (int t = 0; t < months; t++) {
            int p5 = r.membersPercentile(t, 5), p25 = r.membersPercentile(t, 25), p50 = r.membersPercentile(t, 50),
                    p75 = r.membersPercentile(t, 75), p95 = r.membersPercentile(t, 95);
            assertTrue(0 <= p5 && p5 <= p25 && p25 <= p50 && p50 <= p75 && p75 <= p95 && p95 <= states,
                    "percentiles " + p5 + " " + p25 + " " + p50 + " " + p75 + " " + p95);
            assertTrue(r.membersMean(t) >= 0 && r.membersMean(t) <= states);
            assertEquals(r.joinedMean(t), r.membersMean(t) + r.frozenMean(t), EPS);
            if (t > 0) assertTrue(r.joinedMean(t) >= r.joinedMean(t - 1));
            joinEvents += r.eventMean(t, 0);
            for (int s = 0; s < states; s++) {
                for (double p : new double[] {r.pMember(s, t), r.pFrozen(s, t), r.pJoinedBy(s, t)}) assertTrue(p >= 0 && p <= 1, "p " + p);
                assertEquals(r.pJoinedBy(s, t), r.pMember(s, t) + r.pFrozen(s, t), EPS);
                if (t > 0) assertTrue(r.pJoinedBy(s, t) >= r.pJoinedBy(s, t - 1), "P(joined by) fell");
            }
        }
        assertEquals(r.joinedMean(months - 1), joinEvents, EPS, "joins counted as events == joined at the end");
        for (int s = 0; s < states; s++) {
            assertEquals(r.pJoinedBy(s, months - 1), r.pEverJoined(s), EPS);
            if (r.pEverJoined(s) > 0) {
                int p10 = r.joinTickPercentile(s, 10), p50 = r.joinTickPercentile(s, 50), p90 = r.joinTickPercentile(s, 90);
                assertTrue(0 <= p10 && p10 <= p50 && p50 <= p90 && p90 < months);
            } else {
                assertEquals(-1, r.joinTickPercentile(s, 50));
                assertTrue(Double.isNaN(r.meanContribution(s, 0)));
            }
        }
    }
}
