package org.accords.model;

import static org.accords.TestScenarios.scenario;
import static org.accords.TestScenarios.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.accords.TestScenarios;
import org.accords.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member freezes ties when a shock drives its utility far below theta_exit, with probability
 * maxHazard a month, and thaws when the shock lifts. One state, utility 4.5 as a candidate (5 less
 * the join cost 0.5; hazard saturated), 5 as a member (a member pays no join cost), a pressure
 * shock of +10 from 2020-07 to 2020-12 (a member's utility -5), maxHazard 0.3.
 */
class FreezeThawTest {
    private static final double H = 0.3;

    @TempDir
    Path dir;

    private Scenario scenarioWithPressureShock() {
        TestScenarios.Spec spec = scenario(state("AAA").attrs(0, 0, 0, 1, 0))
                .set("run.start", "2020-01").set("run.end", "2021-12")
                .set("model.weights.economicDiversification", 5.0).set("model.weights.palestinianPressure", 1.0)
                .set("model.joinCost", 0.5).set("model.joinThreshold", 1.0).set("model.exitThreshold", -1.0)
                .set("model.temperature", 0.01).set("model.maxHazard", H)
                .set("world.israelThreat", 0.0).set("us.offerRate", 0.0)
                .shock("{id: war, start: 2020-07, end: 2020-12, effects: {palestinianPressure: 10}}");
        return spec.load(dir);
    }

    @Test
    void freezeDecisionIsExactlyTheHazard() {
        Scenario sc = scenarioWithPressureShock();
        for (double u : new double[] {H - 1e-9, H + 1e-9}) {
            AccordsModel m = Snapshot.started(sc);
            StateAgent a = m.agent(0);
            m.join(a);
            a.assessDrivers(m, 7); // inside the shock: a member's utility 5 - 10 (no join cost)
            assertEquals(-5.0, a.utility(), 1e-12);
            a.decide(m, u);
            assertEquals(u < H ? Status.FROZEN : Status.MEMBER, a.status(), "u=" + u);
            if (u < H) {
                a.assessDrivers(m, 13); // after the shock: a frozen member weighs restoring ties, utility back to 4.5
                a.decide(m, H - 1e-9);
                assertEquals(Status.MEMBER, a.status());
                assertEquals(0, m.frozenCount());
                assertEquals(1, m.joinedCount());
            }
        }
    }

    @Test
    void membersFreezeAtAboutMaxHazardPerMonthDuringTheShockAndThawAfter() {
        Scenario sc = scenarioWithPressureShock();
        int reps = 400;
        int atRisk = 0, froze = 0, frozenAtShockEnd = 0, thawedFirstMonth = 0;
        for (int k = 0; k < reps; k++) {
            Snapshot s = Snapshot.run(sc, 11, k);
            for (Snapshot.Event e : s.events) {
                if (e.kind() == EventKind.FREEZE) assertTrue(e.tick() >= 6 && e.tick() <= 11, "freeze outside the shock at " + e.tick());
                if (e.kind() == EventKind.THAW) assertTrue(e.tick() >= 12, "thaw during the shock at " + e.tick());
                if (e.kind() == EventKind.JOIN) assertTrue(e.tick() < 6 || e.tick() >= 12, "join during the shock at " + e.tick());
            }
            if (s.at(5, 0).status() == Status.MEMBER) {
                atRisk++;
                if (s.at(6, 0).status() == Status.FROZEN) froze++;
            }
            if (s.at(11, 0).status() == Status.FROZEN) {
                frozenAtShockEnd++;
                if (s.at(12, 0).status() == Status.MEMBER) thawedFirstMonth++;
            }
        }
        assertTrue(atRisk > 300, "most runs join before the shock: " + atRisk);
        double freezeRate = froze / (double) atRisk;
        assertEquals(H, freezeRate, 0.08, "monthly freeze probability");
        // after six months of shock at 0.3 a month, about 1 - 0.7^6 = 88% of members are frozen
        assertTrue(frozenAtShockEnd > 250, "frozen at the end of the shock: " + frozenAtShockEnd);
        assertEquals(H, thawedFirstMonth / (double) frozenAtShockEnd, 0.08, "monthly thaw probability");
    }
}
