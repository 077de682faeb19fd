package org.accords.experiment.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import org.accords.model.Status;
import org.accords.scenario.Observation;
import org.junit.jupiter.api.Test;

/** Observed standings, event windows, scores and the two persistence competitors, all by hand. */
class EventScoringTest {
    private static Observation obs(String s, Observation.Kind k, String m) {
        return new Observation(s, k, YearMonth.parse(m), "");
    }

    /**
     * Four states. A joins 2020-05; B joins 2019-02 and freezes 2020-03; C is frozen (join 2018-01,
     * freeze 2018-06) and its "join" 2021-03 is a thaw; D never moves (a symbolic join changes no ties).
     */
    static ObservedHistory tiny() {
        return new ObservedHistory(List.of("A", "B", "C", "D"), List.of(
                obs("A", Observation.Kind.JOIN, "2020-05"),
                obs("B", Observation.Kind.JOIN, "2019-02"),
                obs("B", Observation.Kind.FREEZE, "2020-03"),
                obs("C", Observation.Kind.JOIN, "2018-01"),
                obs("C", Observation.Kind.FREEZE, "2018-06"),
                obs("C", Observation.Kind.JOIN, "2021-03"),
                obs("D", Observation.Kind.SYMBOLIC, "2020-06")));
    }

    @Test
    void standingsFollowTheRecordAndAJoinByAFrozenStateIsAThaw() {
        ObservedHistory h = tiny();
        assertEquals(Status.CANDIDATE, h.statusAt(0, YearMonth.of(2020, 4)));
        assertEquals(Status.MEMBER, h.statusAt(0, YearMonth.of(2020, 5)));
        assertEquals(Status.FROZEN, h.statusAt(1, YearMonth.of(2020, 3)));
        assertEquals(Status.FROZEN, h.statusAt(2, YearMonth.of(2019, 12)));
        assertEquals(Status.MEMBER, h.statusAt(2, YearMonth.of(2021, 3)));
        assertEquals(YearMonth.of(2021, 3), h.firstChange(2, YearMonth.of(2019, 12), YearMonth.of(2022, 12)));
        assertNull(h.firstChange(3, YearMonth.of(2019, 12), YearMonth.of(2022, 12)));
        assertTrue(h.changedIn(0, YearMonth.of(2020, 5)));
        assertFalse(h.changedIn(0, YearMonth.of(2020, 6)));
    }

    @Test
    void aWindowScoresTheOneChangeEachStateIsAtRiskOf() {
        EventWindow w = EventWindow.observe(tiny(), YearMonth.of(2019, 12), 12);
        assertEquals(List.of(Transition.JOIN, Transition.FREEZE, Transition.THAW, Transition.JOIN),
                w.items().stream().map(EventWindow.Item::kind).toList());
        // A joins 2020-05 and B freezes 2020-03 inside 2020; C thaws only in 2021-03
        assertArrayEquals(new boolean[] {true, true, false, false}, w.outcomes());
        assertEquals(2, w.events());
        assertTrue(EventWindow.observe(tiny(), YearMonth.of(2019, 12), 15).outcomes()[2]);
        // an old join is not an event again: from 2020-06, A is a member at risk of freezing
        EventWindow later = EventWindow.observe(tiny(), YearMonth.of(2020, 6), 12);
        assertEquals(Transition.FREEZE, later.items().get(0).kind());
        assertFalse(later.outcomes()[0]);
    }

    @Test
    void brierAndLogScoresByHand() {
        double[] p = {0.2, 0.9, 0.0, 1.0};
        boolean[] y = {true, false, true, true};
        assertArrayEquals(new double[] {0.64, 0.81, 1.0, 0.0}, EventScores.brier(p, y), 1e-12);
        double[] l = EventScores.log(p, y);
        assertEquals(-Math.log(0.2), l[0], 1e-12);
        assertEquals(-Math.log(0.1), l[1], 1e-12);
        assertEquals(-Math.log(0.001), l[2], 1e-12); // clipped: 6.9 instead of infinity
        assertEquals(-Math.log(0.999), l[3], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> EventScores.brier(new double[] {1.2}, new boolean[] {true}));
    }

    @Test
    void persistenceGivesZeroAndItsBrierIsTheShareOfEvents() {
        EventWindow w = EventWindow.observe(tiny(), YearMonth.of(2019, 12), 12);
        double[] p = new Persistence().forecast(w);
        assertArrayEquals(new double[4], p);
        // two of four states changed: Brier (1 + 1 + 0 + 0) / 4
        assertEquals(0.5, EventScores.mean(EventScores.brier(p, w.outcomes())), 1e-12);
        assertEquals((2 * -Math.log(0.001) + 2 * -Math.log(0.999)) / 4, EventScores.mean(EventScores.log(p, w.outcomes())), 1e-12);
    }

    @Test
    void persistenceWithRateCountsStateMonthsAtRisk() {
        // training 2020-01 .. 2020-12: A at risk of joining 2020-01..05 (joins in 05), of freezing 06..12;
        // B at risk of freezing 01..03 (freezes in 03), of thawing 04..12; C at risk of thawing all 12;
        // D at risk of joining all 12.
        PersistenceWithRate r = new PersistenceWithRate(tiny(), YearMonth.of(2020, 1), YearMonth.of(2020, 12));
        assertEquals(5 + 12, r.atRisk(Transition.JOIN));
        assertEquals(1, r.events(Transition.JOIN));
        assertEquals(7 + 3, r.atRisk(Transition.FREEZE));
        assertEquals(1, r.events(Transition.FREEZE));
        assertEquals(9 + 12, r.atRisk(Transition.THAW));
        assertEquals(0, r.events(Transition.THAW));
        EventWindow w = EventWindow.observe(tiny(), YearMonth.of(2020, 12), 12);
        double[] p = r.forecast(w);
        assertEquals(1 - Math.pow(1 - 1 / 10.0, 12), p[0], 1e-12); // A: member, at risk of freezing
        assertEquals(0, p[1], 1e-12);                               // B: frozen, no thaw seen in training
        assertEquals(1 - Math.pow(1 - 1 / 17.0, 12), p[3], 1e-12); // D: candidate
    }

    @Test
    void bootstrapIntervalsAreFixedAndCoverTheMean() {
        double[] v = {0, 0, 0, 1, 0, 0, 1, 0, 0, 0};
        Bootstrap.Interval a = Bootstrap.mean(v);
        assertEquals(0.2, a.mean(), 1e-12);
        assertTrue(a.lower() <= 0.2 && 0.2 <= a.upper() && a.lower() >= 0 && a.upper() <= 1);
        assertTrue(a.upper() - a.lower() > 0.2, "ten items, two ones: a wide interval");
        assertEquals(a, Bootstrap.mean(v));
        Bootstrap.Interval constant = Bootstrap.mean(new double[] {0.3, 0.3, 0.3});
        assertEquals(0.3, constant.lower(), 1e-12);
        assertEquals(0.3, constant.upper(), 1e-12);
        // one cluster holding every item: every resample is the whole sample
        Bootstrap.Interval one = Bootstrap.mean(v, new int[v.length]);
        assertEquals(0.2, one.lower(), 1e-12);
        assertEquals(0.2, one.upper(), 1e-12);
    }
}
