package org.accords.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.experiment.bench.BenchScenarios;
import org.accords.model.AccordsModel;
import org.accords.model.EventKind;
import org.accords.model.RunObserver;
import org.accords.model.StateAgent;
import org.accords.model.Status;
import org.accords.model.WorldPlan;
import org.accords.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The aggregate records status changes rather than every state's status every month; that must
 * give exactly the counts of looking at every state every month.
 */
class StreamingCountsTest {
    /** The straightforward observer: every month, every state's status. */
    static final class StatusEveryMonth implements RunObserver {
        final int months;
        final int states;
        final long[] member;
        final long[] joined;
        final long[] frozen;

        StatusEveryMonth(int months, int states) {
            this.months = months;
            this.states = states;
            member = new long[states * months];
            joined = new long[states * months];
            frozen = new long[states * months];
        }

        @Override
        public void onMonth(int tick, AccordsModel model) {
            for (int s = 0; s < states; s++) {
                Status st = model.agent(s).status();
                if (st != Status.CANDIDATE) joined[s * months + tick]++;
                if (st == Status.MEMBER) member[s * months + tick]++;
                if (st == Status.FROZEN) frozen[s * months + tick]++;
            }
        }
    }

    /** Passes everything to both observers. */
    record Both(RunObserver a, RunObserver b) implements RunObserver {
        @Override
        public void onEvent(EventKind kind, int tick, int subject, StateAgent agent) {
            a.onEvent(kind, tick, subject, agent);
            b.onEvent(kind, tick, subject, agent);
        }

        @Override
        public void onMonth(int tick, AccordsModel model) {
            a.onMonth(tick, model);
            b.onMonth(tick, model);
        }

        @Override
        public void onRunEnd(AccordsModel model) {
            a.onRunEnd(model);
            b.onRunEnd(model);
        }
    }

    @Test
    void perStateCountsFromChangesEqualStatusEveryMonth() {
        for (Scenario sc : List.of(BenchScenarios.baseline(), BenchScenarios.shocked())) {
            WorldPlan plan = new WorldPlan(sc);
            AccordsModel model = new AccordsModel(plan);
            Aggregate aggregate = new Aggregate(plan.months, plan.stateCount);
            StatusEveryMonth reference = new StatusEveryMonth(plan.months, plan.stateCount);
            for (int k = 0; k < 400; k++) model.runReplication(Seeds.forReplication(3, k), new Both(aggregate, reference));
            aggregate.complete();
            assertArrayEquals(reference.member, aggregate.memberByState);
            assertArrayEquals(reference.joined, aggregate.joinedByState);
            assertArrayEquals(reference.frozen, aggregate.frozenByState);
        }
        // the shocked scenario does exercise freezes, so the frozen counts are not trivially zero
        WorldPlan plan = new WorldPlan(BenchScenarios.shocked());
        AccordsModel model = new AccordsModel(plan);
        StatusEveryMonth reference = new StatusEveryMonth(plan.months, plan.stateCount);
        for (int k = 0; k < 400; k++) model.runReplication(Seeds.forReplication(3, k), reference);
        assertTrue(java.util.Arrays.stream(reference.frozen).sum() > 0);
    }

    @Test
    void ensembleResultIsTheSameAtAnyThreadCount() {
        Scenario sc = BenchScenarios.shocked();
        Ensemble ensemble = new Ensemble(sc);
        EnsembleResult one = ensemble.run(600, 5, 1, d -> { }, new AtomicBoolean());
        for (int threads : new int[] {2, 3}) {
            EnsembleResult many = ensemble.run(600, 5, threads, d -> { }, new AtomicBoolean());
            assertEquals(one.runs(), many.runs());
            for (int t = 0; t < one.months(); t++) {
                assertEquals(one.membersMean(t), many.membersMean(t), 0.0);
                assertEquals(one.membersPercentile(t, 5), many.membersPercentile(t, 5));
                assertEquals(one.joinedMean(t), many.joinedMean(t), 0.0);
                assertEquals(one.frozenMean(t), many.frozenMean(t), 0.0);
                for (int k = 0; k < Aggregate.COUNTED.length; k++) assertEquals(one.eventMean(t, k), many.eventMean(t, k), 0.0);
                for (int s = 0; s < one.states(); s++) {
                    assertEquals(one.pMember(s, t), many.pMember(s, t), 0.0);
                    assertEquals(one.pJoinedBy(s, t), many.pJoinedBy(s, t), 0.0);
                    assertEquals(one.pFrozen(s, t), many.pFrozen(s, t), 0.0);
                }
            }
            for (int s = 0; s < one.states(); s++) {
                assertEquals(one.pEverJoined(s), many.pEverJoined(s), 0.0);
                assertEquals(one.joinTickPercentile(s, 50), many.joinTickPercentile(s, 50));
                for (int k = 0; k < Aggregate.CONTRIBUTIONS; k++) assertEquals(one.meanContribution(s, k), many.meanContribution(s, k), 0.0);
            }
            assertEquals(one.trace.size(), many.trace.size());
            for (int i = 0; i < one.trace.size(); i++) {
                TraceEvent x = one.trace.get(i);
                TraceEvent y = many.trace.get(i);
                assertEquals(List.of(x.tick(), x.kind(), x.subject(), x.utility()), List.of(y.tick(), y.kind(), y.subject(), y.utility()));
                assertArrayEquals(x.contributions(), y.contributions());
            }
        }
    }
}
