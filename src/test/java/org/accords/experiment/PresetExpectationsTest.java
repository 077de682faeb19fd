package org.accords.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.accords.scenario.Scenario;
import org.accords.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The testable expectations of the preset library (scenarios/*.yaml), run on the real presets.
 *
 * <p>Every ensemble uses the same master seed, so replication k of two scenarios shares its random
 * stream (common random numbers): differences come from the scenarios, not from the draws. The
 * margins are still set against the unpaired Monte Carlo standard error, which is larger: for a
 * mean count of states, SE = sqrt(sum over states of p(1 - p) / reps), and a directional claim
 * must clear {@link #Z} standard errors of the difference. Where a preset's description says the
 * model contradicted the modeller's expectation, the test asserts what the model shows.
 */
class PresetExpectationsTest {
    static final int REPS = 400;
    static final long SEED = 2020;
    static final int THREADS = 2;
    /** Standard errors a directional difference must clear. */
    static final double Z = 4;

    /** The preset library of the issue: each needs a title, a sourced description and the model's answer. */
    static final List<String> LIBRARY = List.of("history", "no-gaza-war", "gaza-war-prolonged", "qatar-strike",
            "saudi-iran-rapprochement", "saudi-statehood-path", "us-disengagement", "us-reward-surge",
            "central-asia-wave", "iran-escalation", "west-bank-annexation");

    static final ScenarioLoader LOADER = new ScenarioLoader(Path.of("scenarios"));
    static final Map<String, Run> CACHE = new ConcurrentHashMap<>();

    /** One preset's ensemble at {@link #REPS} replications and the common seed. */
    record Run(Scenario sc, EnsembleResult r) {
        int end() { return r.months() - 1; }
        int tick(String yyyyMm) { return sc.run().tickOf(YearMonth.parse(yyyyMm)); }
        int s(String id) {
            int i = sc.indexOf(id);
            assertTrue(i >= 0, id + " not in " + sc.name());
            return i;
        }
        double joined() { return r.joinedMean(end()); }
        double members() { return r.membersMean(end()); }
        double pJoined(String id) { return r.pJoinedBy(s(id), end()); }
        double pFrozen(String id) { return r.pFrozen(s(id), end()); }
        double pMember(String id) { return r.pMember(s(id), end()); }

        /** Standard error of the mean number of states joined by month t (states taken as independent). */
        double seJoined(int t) {
            double v = 0;
            for (int s = 0; s < r.states(); s++) { double p = r.pJoinedBy(s, t); v += p * (1 - p); }
            return Math.sqrt(v / r.runs());
        }

        double seMembers(int t) {
            double v = 0;
            for (int s = 0; s < r.states(); s++) { double p = r.pMember(s, t); v += p * (1 - p); }
            return Math.sqrt(v / r.runs());
        }

        /** Mean number of substantive joins (states without prior relations) by the end. */
        double substantiveJoined() {
            double sum = 0;
            for (int s = 0; s < r.states(); s++) {
                if (!sc.states().get(s).hasPriorRelations()) sum += r.pJoinedBy(s, end());
            }
            return sum;
        }
    }

    static Run run(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            Scenario sc = LOADER.load(n, List.of("run.replications=" + REPS));
            return new Run(sc, new Ensemble(sc).run(REPS, SEED, THREADS, i -> { }, new AtomicBoolean()));
        });
    }

    static double se(double a, double b) { return Math.sqrt(a * a + b * b); }

    /** A difference in a stated direction, by more than Z standard errors. */
    static void assertAbove(double diff, double se, String what) {
        assertTrue(diff > Z * se, what + ": difference " + diff + " is not above " + Z + " x SE " + se);
    }

    /** SE of a difference of two probabilities estimated from REPS runs each. */
    static double seP(double p1, double p2) {
        return Math.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / REPS + 1.0 / (REPS * REPS));
    }

    // ---- the library's descriptions ------------------------------------------------------------

    private static final Pattern SOURCE = Pattern.compile("https?://|scenarios/data");

    @Test
    void everyPresetHasATitle() {
        for (String name : LOADER.presetNames()) {
            assertFalse(LOADER.load(name).title().isBlank(), name + " has no title");
        }
    }

    @Test
    void libraryPresetsStateQuestionSourcesAndTheModelsAnswer() {
        List<String> presets = LOADER.presetNames();
        for (String name : LIBRARY) {
            assertTrue(presets.contains(name), "missing preset " + name);
            Scenario sc = LOADER.load(name);
            assertFalse(sc.title().isBlank(), name + " has no title");
            String d = sc.description();
            assertTrue(SOURCE.matcher(d).find(), name + ": description cites no source (a URL or scenarios/data)");
            assertTrue(d.contains("Question"), name + ": description states no question");
            if (!name.equals("history")) {
                assertTrue(d.contains("What the modeller expects"), name + ": no stated expectation");
                assertTrue(d.contains("What the model says"), name + ": no reported result");
            }
        }
    }

    @Test
    void libraryPresetsShareTheirReferenceHorizonAndSeed() {
        // compare refuses different horizons: past counterfactuals end with history, what-ifs with outlook
        Scenario history = LOADER.load("history");
        Scenario outlook = LOADER.load("outlook");
        for (String name : LIBRARY) {
            Scenario sc = LOADER.load(name);
            assertTrue(sc.run().equals(history.run()) || sc.run().equals(outlook.run()),
                    name + ": run settings " + sc.run() + " differ from history's and outlook's");
        }
    }

    // Since issue 8 (model parts): stated conditions are a soft cost from the month of their dated
    // statement, never a gate (Saudi Arabia's only condition in the roster is dated November 2025, so
    // nothing held it back in 2020-2025, and from then on the F-35/MNNA offer outweighs it), and
    // outlook and its what-ifs start in 2026-01 from the observed statuses of 2025-12 (the UAE, Sudan,
    // Morocco and Kazakhstan members, Bahrain frozen). The assertions below state what the model now
    // shows; they move again with the 1993-2025 record, the dated roster and the recalibration.

    // ---- past counterfactuals (against history, 2020-01..2025-12) ------------------------------

    @Test
    void noGazaWarEndsWithMoreJoinsThanHistory() {
        Run h = run("history"), n = run("no-gaza-war");
        assertAbove(n.joined() - h.joined(), se(n.seJoined(n.end()), h.seJoined(h.end())), "no-gaza-war minus history, joined by 2025-12");
        // Saudi Arabia joins in most runs either way; without the war's pressure, more often
        assertTrue(h.pJoined("SAU") > 0.5, "P(SAU joined by 2025-12) = " + h.pJoined("SAU"));
        assertAbove(n.pJoined("SAU") - h.pJoined("SAU"), seP(n.pJoined("SAU"), h.pJoined("SAU")), "Saudi Arabia joined without the war");
    }

    @Test
    void saudiIranDealHeldSaudiArabiaBack() {
        // contradicted expectation (no difference while the condition binds): with the condition a
        // cost dated 2025-11, the deal's lower Iran threat is what keeps Saudi Arabia out in some runs
        Run h = run("history"), n = run("saudi-iran-rapprochement");
        assertAbove(n.pJoined("SAU") - h.pJoined("SAU"), seP(n.pJoined("SAU"), h.pJoined("SAU")), "Saudi Arabia joined without the deal");
        for (String id : List.of("ARE", "SDN", "MAR")) assertEquals(h.pJoined(id), n.pJoined(id), 1e-12, id + " does not see the deal");
    }

    // ---- what-ifs from 2026 (against outlook, 2026-01..2030-12, from the observed 2025-12 state) --

    @Test
    void prolongedGazaWarEndsWithFewerJoinsAndMoreFreezes() {
        Run o = run("outlook"), g = run("gaza-war-prolonged");
        assertAbove(o.joined() - g.joined(), se(o.seJoined(o.end()), g.seJoined(g.end())), "outlook minus gaza-war-prolonged, joined");
        assertAbove(g.pFrozen("MAR") - o.pFrozen("MAR"), seP(g.pFrozen("MAR"), o.pFrozen("MAR")), "Morocco frozen");
        // contradicted expectation: Central Asia is not spared
        assertAbove(o.pJoined("KGZ") - g.pJoined("KGZ"), seP(o.pJoined("KGZ"), g.pJoined("KGZ")), "Kyrgyzstan joined");
    }

    @Test
    void dohaStrikeCostKuwaitsRareJoinAndLittleElse() {
        Run o = run("outlook"), q = run("qatar-strike");
        assertEquals(0, o.pJoined("KWT"), "with the strike Kuwait never joins");
        // about 0.05 at 1,000 runs; at 400 runs its SE is 0.011, so 0.01 is four SEs below it
        assertTrue(q.pJoined("KWT") > 0.01, "P(Kuwait joined) without the strike = " + q.pJoined("KWT"));
        // Saudi Arabia joins in the first months of 2026 either way: the F-35/MNNA offer outweighs its unmet condition
        assertEquals(o.pJoined("SAU"), q.pJoined("SAU"), 1e-12);
        // smaller than expected: under common random numbers the totals differ by well under one state
        assertTrue(Math.abs(q.joined() - o.joined()) < 0.3, "strike effect on joins: " + (q.joined() - o.joined()));
    }

    @Test
    void statehoodPathBringsSaudiArabiaInAndFewFollowers() {
        Run o = run("outlook"), s = run("saudi-statehood-path");
        // contradicted expectation: Saudi Arabia joins within 2026 without the path too (the US offer
        // outweighs the soft cost of its unmet condition); the path's effect is on the followers
        for (Run r : List.of(o, s)) assertTrue(r.r.pJoinedBy(r.s("SAU"), r.tick("2026-12")) > 0.9, "Saudi Arabia joins within 2026 in " + r.sc.name());
        assertAbove(s.joined() - o.joined(), se(s.seJoined(s.end()), o.seJoined(o.end())), "statehood path minus outlook, joined");
        assertAbove(s.pJoined("PAK") - o.pJoined("PAK"), seP(s.pJoined("PAK"), o.pJoined("PAK")), "Pakistan follows");
        // contradicted expectation: no GCC state follows Saudi Arabia, and Indonesia stays out
        for (String id : List.of("OMN", "KWT", "QAT", "IDN")) assertEquals(0, s.pJoined(id), id);
    }

    @Test
    void usDisengagementEndsWithFewerJoinsAndNoneAfter2025() {
        Run o = run("outlook"), d = run("us-disengagement");
        assertAbove(o.joined() - d.joined(), se(o.seJoined(o.end()), d.seJoined(d.end())), "outlook minus us-disengagement, joined");
        assertTrue(o.joined() - d.joined() > 3, "most of outlook's 2026-2030 joins rest on US rewards");
        double before = 0;
        for (int s = 0; s < d.r.states(); s++) before += d.r.pJoinedBefore(s);
        assertEquals(5, before, 1e-12, "the UAE, Bahrain, Sudan, Morocco and Kazakhstan joined before 2026");
        assertEquals(before, d.joined(), 1e-12, "no state joins after 2025");
    }

    @Test
    void usRewardSurgeEndsWithManyMoreJoinsButNotTheConditionedStates() {
        Run o = run("outlook"), u = run("us-reward-surge");
        assertAbove(u.joined() - o.joined(), se(u.seJoined(u.end()), o.seJoined(o.end())), "surge minus outlook, joined");
        assertTrue(u.joined() - o.joined() > 10, "the surge brings in more than ten states: " + (u.joined() - o.joined()));
        // a condition is a cost that rewards can outweigh: Indonesia joins in some runs (it never did behind a gate)
        assertTrue(u.pJoined("IDN") > 0.03 && u.pJoined("IDN") < 0.3, "P(IDN joined) = " + u.pJoined("IDN"));
        assertEquals(0, o.pJoined("IDN"));
        assertEquals(0, u.pJoined("OMN"), "Oman's boycott law holds");
        assertTrue(u.pFrozen("JOR") > 0.5, "Jordan's symbolic join freezes once rewards fade: " + u.pFrozen("JOR"));
    }

    @Test
    void centralAsiaWaveAddsAzerbaijanWithoutCostingSubstantiveJoins() {
        Run o = run("outlook"), c = run("central-asia-wave");
        assertAbove(c.pJoined("AZE") - o.pJoined("AZE"), seP(c.pJoined("AZE"), o.pJoined("AZE")), "Azerbaijan joined");
        assertAbove(c.joined() - o.joined(), se(c.seJoined(c.end()), o.seJoined(o.end())), "wave minus outlook, joined");
        // contradicted expectation: at the fitted peer weight the brand moves no one; only US
        // attention shifts (Pakistan), well under a third of a state on average
        double diff = c.substantiveJoined() - o.substantiveJoined();
        assertTrue(Math.abs(diff) < 0.3, "substantive joins changed by " + diff);
    }

    @Test
    void iranEscalationMovesNoOne() {
        // contradicted expectation: the Iran driver is too small to lift any holdout over the threshold
        Run o = run("outlook"), i = run("iran-escalation");
        assertTrue(Math.abs(i.joined() - o.joined()) < 0.1, "joined: " + i.joined() + " vs " + o.joined());
        for (String id : List.of("KWT", "OMN", "QAT", "IRQ")) assertEquals(0, i.pJoined(id), id);
        assertEquals(o.pJoined("SAU"), i.pJoined("SAU"), 1e-12, "Saudi Arabia joins in 2026 either way");
    }

    @Test
    void westBankAnnexationFreezesTheUaeAndTheArabMembers() {
        Run o = run("outlook"), w = run("west-bank-annexation");
        assertTrue(w.pFrozen("ARE") > 0.9, "P(UAE frozen at 2030-12) = " + w.pFrozen("ARE"));
        assertEquals(0, o.pFrozen("ARE"));
        for (String id : List.of("MAR", "SDN")) {
            assertAbove(w.pFrozen(id) - o.pFrozen(id), seP(w.pFrozen(id), o.pFrozen(id)), id + " frozen");
        }
        // Bahrain starts frozen in 2026 (its observed freeze of November 2023) and stays frozen in both
        for (Run r : List.of(o, w)) assertEquals(1.0, r.pFrozen("BHR"), 1e-12, r.sc.name());
        assertAbove(o.members() - w.members(), se(o.seMembers(o.end()), w.seMembers(w.end())), "outlook minus annexation, active members");
        assertEquals(1.0, w.r.pMember(w.s("ARE"), w.tick("2026-06")), 1e-12, "the UAE is an active member before the annexation");
    }
}
