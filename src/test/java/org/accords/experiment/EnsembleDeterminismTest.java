package org.accords.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.accords.model.EventKind;
import org.accords.scenario.Scenario;
import org.accords.scenario.StateSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ensemble's statistics depend on the scenario and master seed only, never on the thread count. */
class EnsembleDeterminismTest {
    @TempDir
    Path dir;

    /** Every number the report layer reads, in a fixed order. */
    private static List<Object> fingerprint(EnsembleResult r) {
        List<Object> f = new ArrayList<>();
        f.add(r.runs());
        for (int t = 0; t < r.months(); t++) {
            f.add(r.membersMean(t));
            for (int p : new int[] {5, 25, 50, 75, 95}) f.add(r.membersPercentile(t, p));
            f.add(r.joinedMean(t));
            f.add(r.frozenMean(t));
            for (int k = 0; k < Aggregate.COUNTED.length; k++) f.add(r.eventMean(t, k));
            for (int s = 0; s < r.states(); s++) {
                f.add(r.pMember(s, t));
                f.add(r.pJoinedBy(s, t));
                f.add(r.pFrozen(s, t));
            }
        }
        for (int s = 0; s < r.states(); s++) {
            f.add(r.pEverJoined(s));
            for (int p : new int[] {10, 50, 90}) f.add(r.joinTickPercentile(s, p));
            for (int k = 0; k < Aggregate.CONTRIBUTIONS; k++) f.add(r.meanContribution(s, k));
        }
        return f;
    }

    private static EnsembleResult run(Scenario sc, long seed, int threads) {
        return new Ensemble(sc).run(97, seed, threads, i -> { }, new AtomicBoolean());
    }

    @Test
    void sameSeedSameResultsAtAnyThreadCount() {
        Scenario sc = RandomScenarios.generate(1000, dir);
        EnsembleResult one = run(sc, 5, 1);
        EnsembleResult four = run(sc, 5, 4);
        assertEquals(1, one.threads);
        assertEquals(4, four.threads);
        assertEquals(fingerprint(one), fingerprint(four));
        assertEquals(one.trace.size(), four.trace.size());
        for (int i = 0; i < one.trace.size(); i++) {
            TraceEvent a = one.trace.get(i), b = four.trace.get(i);
            assertEquals(a.tick(), b.tick());
            assertEquals(a.kind(), b.kind());
            assertEquals(a.subject(), b.subject());
            assertArrayEquals(a.drivers(), b.drivers());
            assertArrayEquals(a.contributions(), b.contributions());
        }
        assertEquals(fingerprint(one), fingerprint(run(sc, 5, 3)));
    }

    @Test
    void differentSeedDifferentResults() {
        Scenario sc = RandomScenarios.generate(1000, dir);
        assertNotEquals(fingerprint(run(sc, 5, 2)), fingerprint(run(sc, 6, 2)));
    }

    @Test
    void traceIsReplicationZeroWithItsDrivers() {
        Scenario sc = RandomScenarios.generate(1136, dir);
        EnsembleResult r = run(sc, 9, 2);
        List<String> ids = sc.states().stream().map(StateSpec::id).toList();
        int joins = 0;
        for (TraceEvent e : r.trace) {
            if (e.kind() == EventKind.SHOCK_START || e.kind() == EventKind.SHOCK_END) {
                assertEquals(0, e.drivers().length);
                assertTrue(sc.shocks().stream().anyMatch(s -> s.id().equals(e.subject())));
            } else {
                assertTrue(ids.contains(e.subject()));
                double sum = 0;
                for (double c : e.contributions()) sum += c;
                assertEquals(e.utility(), sum, 1e-9, "contributions add up to the utility");
                if (e.kind() == EventKind.JOIN) joins++;
            }
        }
        assertTrue(joins > 0, "replication 0 has joins");
        for (int t = 1; t < r.trace.size(); t++) assertTrue(r.trace.get(t).tick() >= r.trace.get(t - 1).tick());
    }

    @Test
    void progressReportsEveryReplicationAndCancelStops() {
        Scenario sc = RandomScenarios.generate(1017, dir);
        AtomicInteger max = new AtomicInteger();
        new Ensemble(sc).run(30, 1, 2, i -> max.accumulateAndGet(i, Math::max), new AtomicBoolean());
        assertEquals(30, max.get());
        assertThrows(CancellationException.class, () -> new Ensemble(sc).run(30, 1, 2, i -> { }, new AtomicBoolean(true)));
    }
}
