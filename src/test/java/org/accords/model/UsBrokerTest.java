package org.accords.model;

import static org.accords.TestScenarios.scenario;
import static org.accords.TestScenarios.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.accords.TestScenarios;
import org.accords.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The US broker: whom it picks, whom it skips, capacity, decay. */
class UsBrokerTest {
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    /**
     * Utility of a state = 2 x diversification (every other driver zero, no cost) against
     * theta 1, tau 0.5, h_max 0.4; an offer of 0.5 adds 1.0 x 0.5 x usAlignment.
     */
    private static TestScenarios.Spec spec(TestScenarios.State... states) {
        return scenario(states)
                .set("run.start", "2020-01").set("run.end", "2020-12")
                .set("model.weights.economicDiversification", 2.0).set("model.weights.usRewards", 1.0)
                .set("model.joinCost", 0.0).set("model.joinThreshold", 1.0).set("model.exitThreshold", -1.0)
                .set("model.temperature", 0.5).set("model.maxHazard", 0.4)
                .set("world.israelThreat", 0.0).set("world.statehoodPath", 0.1).set("world.usEngagement", 1.0)
                .set("us.offerSize", 0.5).set("us.offerDecay", 0.5).set("us.askShare", 0.0).set("us.capacity", 2)
                .set("us.offerRate", 1.0);
    }

    private static TestScenarios.State s(String id, double diversification, double alignment) {
        return state(id).attrs(0, 0, 0, diversification, alignment);
    }

    @Test
    void gainFromOfferByHand() {
        AccordsModel m = Snapshot.started(spec(s("AAA", 0.5, 0.9), s("BBB", 1.0, 0.9)).load(dir));
        UsBroker b = m.broker();
        assertEquals(1.0, m.agent(0).utility(), EPS);
        // h(1 + 0.45) - h(1) = 0.4 / (1 + e^-0.9) - 0.2
        assertEquals(0.08437980105000159, b.gainFromOffer(m.agent(0), m.parameters(), 0.9), 1e-14);
        // h(2.45) - h(2)
        assertEquals(0.02681974357747996, b.gainFromOffer(m.agent(1), m.parameters(), 0.9), 1e-14);
        // askShare 0: what a unit of offer is worth is the usAlignment alone
        assertEquals(0.9, m.plan().receptiveness(0, 0), EPS);
    }

    @Test
    void picksTheLargestHazardGainNotTheLargestAlignment() {
        // AAA is more aligned but already far above the threshold: the offer moves its hazard less
        AccordsModel m = Snapshot.started(spec(s("AAA", 1.0, 0.9), s("BBB", 0.5, 0.5)).load(dir));
        UsBroker b = m.broker();
        assertEquals(0.02681974357747996, b.gainFromOffer(m.agent(0), m.parameters(), 0.9), 1e-14);
        // h(1.25) - h(1) = 0.4 / (1 + e^-0.5) - 0.2
        assertEquals(0.04898373248074184, b.gainFromOffer(m.agent(1), m.parameters(), 0.5), 1e-14);
        assertSame(m.agent(1), b.chooseTarget(m, 0));
    }

    @Test
    void skipsMembersAndLiveOffers() {
        Scenario sc = spec(s("AAA", 0.5, 0.9), s("BBB", 0.5, 0.7), s("CCC", 0.5, 0.5), s("DDD", 0.5, 0.2)).load(dir);
        AccordsModel m = Snapshot.started(sc);
        UsBroker b = m.broker();
        assertSame(m.agent(0), b.chooseTarget(m, 0));
        m.join(m.agent(0));
        assertSame(m.agent(1), b.chooseTarget(m, 0));
        m.agent(1).receiveOffer(0.5);
        assertSame(m.agent(2), b.chooseTarget(m, 0));
        m.agent(2).receiveOffer(0.5);
        assertSame(m.agent(3), b.chooseTarget(m, 0));
        // an offer below a tenth of a new offer is no longer live
        m.agent(3).receiveOffer(0.04);
        assertSame(m.agent(3), b.chooseTarget(m, 0));
        m.agent(3).receiveOffer(0.01);
        assertNull(b.chooseTarget(m, 0));
    }

    @Test
    void frozenMembersAreNotCandidates() {
        AccordsModel m = Snapshot.started(spec(s("AAA", 0.5, 0.9)).load(dir));
        m.join(m.agent(0));
        m.freeze(m.agent(0));
        assertNull(m.broker().chooseTarget(m, 0));
    }

    /** Offers decay by offerDecay each month, every offer is an event, and no more than capacity are live at once. */
    @Test
    void offersDecayEachMonthAndCapacityIsRespected() {
        Scenario sc = spec(s("AAA", 0.3, 0.9), s("BBB", 0.4, 0.7), s("CCC", 0.45, 0.5), s("DDD", 0.2, 0.6), s("EEE", 0.35, 0.8))
                .set("run.end", "2021-12").load(dir);
        double size = 0.5, decay = 0.5;
        int offers = 0;
        for (int k = 0; k < 30; k++) {
            Snapshot s = Snapshot.run(sc, 21, k);
            double[] prev = new double[5];
            for (Snapshot.Month month : s.months) {
                int t = month.tick();
                int live = 0;
                for (int i = 0; i < 5; i++) {
                    final int state = i;
                    boolean offered = s.events.stream().anyMatch(e -> e.kind() == EventKind.OFFER && e.tick() == t && e.subject() == state);
                    double expected = prev[i] * decay + (offered ? size : 0);
                    double offer = month.agents().get(i).offer();
                    assertEquals(expected, offer, EPS, "run " + k + " month " + t + " state " + i);
                    if (offer >= 0.1 * size) live++;
                    prev[i] = offer;
                }
                assertTrue(live <= 2, "live offers " + live + " > capacity in month " + t);
                long thisMonth = s.events.stream().filter(e -> e.kind() == EventKind.OFFER && e.tick() == t).count();
                assertTrue(thisMonth <= 1, "at most one new offer a month");
            }
            offers += (int) s.count(EventKind.OFFER);
        }
        assertTrue(offers > 30, "the broker made offers: " + offers);
    }

    @Test
    void offersThatNeverDecayFillTheCapacityOnce() {
        Scenario sc = spec(s("AAA", 0.3, 0.9), s("BBB", 0.4, 0.7), s("CCC", 0.45, 0.5), s("DDD", 0.2, 0.6), s("EEE", 0.35, 0.8))
                .set("us.offerDecay", 1.0).set("us.capacity", 2).load(dir);
        for (int k = 0; k < 20; k++) {
            Snapshot s = Snapshot.run(sc, 4, k);
            assertEquals(2, s.count(EventKind.OFFER), "run " + k);
        }
    }

    @Test
    void noOffersWithoutUsEngagementAndGlobalShockTurnsThemOn() {
        TestScenarios.Spec base = spec(s("AAA", 0.3, 0.9), s("BBB", 0.4, 0.7)).set("world.usEngagement", 0.0).set("us.capacity", 5);
        Scenario none = base.load(dir.resolve("a"));
        for (int k = 0; k < 10; k++) assertEquals(0, Snapshot.run(none, 1, k).count(EventKind.OFFER));
        // Washington courts everyone or a bloc: a usEngagement shock on a list of states is refused
        org.junit.jupiter.api.Assertions.assertThrows(org.accords.scenario.BadInputException.class,
                () -> base.shock("{id: push, start: 2020-06, target: [AAA, BBB], effects: {world.usEngagement: 1.0}}").load(dir.resolve("b")));
        Scenario all = spec(s("AAA", 0.3, 0.9), s("BBB", 0.4, 0.7)).set("world.usEngagement", 0.0).set("us.capacity", 5)
                .shock("{id: push, start: 2020-06, target: all, effects: {world.usEngagement: 1.0}}").load(dir.resolve("c"));
        int offers = 0;
        for (int k = 0; k < 10; k++) {
            Snapshot s = Snapshot.run(all, 1, k);
            for (Snapshot.Event e : s.events) if (e.kind() == EventKind.OFFER) assertTrue(e.tick() >= 5, "offer before the push");
            offers += (int) s.count(EventKind.OFFER);
        }
        assertTrue(offers > 0);
    }

    @Test
    void aBlocWidePushCourtsOnlyThatBloc() {
        // no engagement anywhere but in bloc Y from April: every offer goes to CCC, the only state in Y, and none before April
        Scenario sc = spec(s("AAA", 0.5, 0.9).blocs("X"), s("BBB", 0.5, 0.9).blocs("X"), s("CCC", 0.3, 0.5).blocs("Y"))
                .set("world.usEngagement", 0.0).set("us.offerDecay", 0.0)
                .shock("{id: summit, start: 2020-04, target: bloc:Y, effects: {world.usEngagement: 1.0}}").load(dir);
        int offers = 0;
        for (int k = 0; k < 10; k++) {
            Snapshot s = Snapshot.run(sc, 2, k);
            for (Snapshot.Event e : s.events) {
                if (e.kind() != EventKind.OFFER) continue;
                assertEquals(2, e.subject(), "offer outside the courted bloc");
                assertTrue(e.tick() >= 3, "offer before the summit");
                offers++;
            }
        }
        assertTrue(offers > 0);
    }

    @Test
    void theBrokerWeighsTheGainByHowEngagedItIsWithEachState() {
        // AAA gains h(1.45) - h(1) = 0.0844, BBB h(1.25) - h(1) = 0.0490; engagement 0.3 with AAA's bloc, 0.9 with BBB's:
        // 0.3 x 0.0844 = 0.0253 < 0.9 x 0.0490 = 0.0441, so BBB
        Scenario sc = spec(s("AAA", 0.5, 0.9).blocs("X"), s("BBB", 0.5, 0.5).blocs("Y"))
                .set("world.usEngagement", 0.3)
                .shock("{id: push, start: 2020-01, target: bloc:Y, effects: {world.usEngagement: 0.6}}").load(dir);
        AccordsModel m = Snapshot.started(sc);
        assertSame(m.agent(1), m.broker().chooseTarget(m, 0));
        Scenario even = spec(s("AAA", 0.5, 0.9).blocs("X"), s("BBB", 0.5, 0.5).blocs("Y")).set("world.usEngagement", 0.3).load(dir.resolve("even"));
        AccordsModel e = Snapshot.started(even);
        assertSame(e.agent(0), e.broker().chooseTarget(e, 0));
    }

    @Test
    void anOfferIsWorthTheStandingAskItMeets() {
        // askShare 1: a unit of offer is worth the size of the ask in force (usAlignment no longer counts)
        Scenario sc = spec(s("AAA", 0.5, 0.9).noAsk(), s("BBB", 0.5, 0.1).ask("2020-06", "recognition", 1.0),
                s("CCC", 0.5, 0.1).ask("2019-01", "arms", 0.4).ask("2020-03", "none", 0.0))
                .set("us.askShare", 1.0).load(dir);
        WorldPlan plan = new WorldPlan(sc);
        for (int t = 0; t < 12; t++) {
            assertEquals(0.0, plan.receptiveness(t, 0), EPS);
            assertEquals(t >= 5 ? 1.0 : 0.0, plan.receptiveness(t, 1), EPS, "month " + t);
            assertEquals(t < 2 ? 0.4 : 0.0, plan.receptiveness(t, 2), EPS, "month " + t);
        }
        // blend: askShare 0.25 gives 0.25 x size + 0.75 x usAlignment
        Scenario blend = spec(s("BBB", 0.5, 0.1).ask("2020-06", "recognition", 0.8)).set("us.askShare", 0.25).load(dir.resolve("blend"));
        WorldPlan bp = new WorldPlan(blend);
        assertEquals(0.75 * 0.1, bp.receptiveness(0, 0), EPS);
        assertEquals(0.25 * 0.8 + 0.75 * 0.1, bp.receptiveness(6, 0), EPS);
        // the broker never courts a state an offer cannot move, and courts BBB only once its ask stands
        int offers = 0;
        for (int k = 0; k < 10; k++) {
            Snapshot s = Snapshot.run(sc, 2, k);
            for (Snapshot.Event e : s.events) {
                if (e.kind() != EventKind.OFFER) continue;
                assertTrue(e.subject() == 1 && e.tick() >= 5 || e.subject() == 2 && e.tick() < 2, "offer to " + e.subject() + " in month " + e.tick());
                offers++;
            }
        }
        assertTrue(offers > 0);
    }
}
