package org.accords.model;

import static org.accords.TestScenarios.scenario;
import static org.accords.TestScenarios.state;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.accords.TestScenarios;
import org.accords.scenario.Driver;
import org.accords.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-computed drivers, contributions and utility (DESIGN.md, "Drivers each month" and "Decision"). */
class DriversTest {
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    /** One state, one month, every parameter the drivers use set explicitly. */
    private static TestScenarios.Spec oneState(TestScenarios.State s) {
        return scenario(s)
                .set("run.start", "2020-01").set("run.end", "2020-01")
                .set("model.weights.iranThreat", 1.0).set("model.weights.palestinianPressure", 2.0)
                .set("model.weights.economicDiversification", 0.5).set("model.weights.usRewards", 1.5)
                .set("model.weights.peerInfluence", 0.7)
                .set("model.insulationDamping", 0.5).set("model.gazaAmplification", 1.0).set("model.statehoodRelief", 0.5)
                .set("model.joinCost", 0.5).set("model.symbolicJoinCost", 0.2)
                .set("world.iranAggression", 0.5).set("world.gazaConflict", 0.2).set("world.statehoodPath", 0.1)
                .set("world.israelThreat", 0.1).set("world.accordsPrestige", 0.5)
                .set("us.offerRate", 0.0).set("us.askShare", 0.0);
    }

    /** Exposure 0.8, opposition 0.6, insulation 0.5, diversification 0.4, alignment 0.5. */
    private static TestScenarios.State plain() {
        return state("AAA").attrs(0.8, 0.6, 0.5, 0.4, 0.5);
    }

    @Test
    void driversContributionsAndUtilityOfOneState() {
        Snapshot.AgentState a = Snapshot.run(oneState(plain()).load(dir), 1, 0).at(0, 0);
        // iran = 0.8 x 0.5
        assertEquals(0.4, a.driver(Driver.IRAN_THREAT), EPS);
        // pressure = 0.6 x (1 - 0.5 x 0.5) x (1 + 1 x 0.2) x (1 - 0.5 x 0.1) + israelThreat 0.1 = 0.513 + 0.1
        assertEquals(0.613, a.driver(Driver.PALESTINIAN_PRESSURE), EPS);
        assertEquals(0.4, a.driver(Driver.ECONOMIC_DIVERSIFICATION), EPS);
        assertEquals(0.0, a.driver(Driver.US_REWARDS), EPS);
        // the only candidate has no peers
        assertEquals(0.0, a.driver(Driver.PEER_INFLUENCE), EPS);
        assertArrayEquals(new double[] {0.4, -1.226, 0.2, 0.0, 0.0, -0.5}, a.contributions(), EPS);
        assertEquals(-1.126, a.utility(), EPS);
    }

    @Test
    void priorRelationsMeanTheSymbolicJoinCost() {
        Snapshot.AgentState a = Snapshot.run(oneState(plain().prior(1979)).load(dir), 1, 0).at(0, 0);
        assertEquals(-0.2, a.contributions()[StateAgent.COST], EPS);
        assertEquals(0.4 - 1.226 + 0.2 - 0.2, a.utility(), EPS);
    }

    @Test
    void shockEffectsAddToDriversAndWorldVariables() {
        Scenario sc = oneState(plain())
                .shock("{id: s, start: 2020-01, end: 2020-01, effects: {iranThreat: 0.1, palestinianPressure: -0.2,"
                        + " economicDiversification: 0.3, usRewards: 0.4, peerInfluence: 0.05, world.gazaConflict: 0.3,"
                        + " world.iranAggression: 0.25}}")
                .set("us.askShare", 0.2)
                .load(dir);
        Snapshot.AgentState a = Snapshot.run(sc, 1, 0).at(0, 0);
        // iran = 0.8 x (0.5 + 0.25) + 0.1
        assertEquals(0.7, a.driver(Driver.IRAN_THREAT), EPS);
        // pressure = 0.6 x 0.75 x (1 + 0.5) x 0.95 + 0.1 - 0.2
        assertEquals(0.6 * 0.75 * 1.5 * 0.95 - 0.1, a.driver(Driver.PALESTINIAN_PRESSURE), EPS);
        assertEquals(0.7, a.driver(Driver.ECONOMIC_DIVERSIFICATION), EPS);
        // a usRewards effect is an offer valued by receptiveness 0.2 + 0.8 x 0.5 = 0.6
        assertEquals(0.24, a.driver(Driver.US_REWARDS), EPS);
        assertEquals(0.05, a.driver(Driver.PEER_INFLUENCE), EPS);
        assertEquals(1.5 * 0.24, a.contributions()[Driver.US_REWARDS.ordinal()], EPS);
        double u = 0.7 - 2.0 * (0.6 * 0.75 * 1.5 * 0.95 - 0.1) + 0.5 * 0.7 + 1.5 * 0.24 + 0.7 * 0.05 - 0.5;
        assertEquals(u, a.utility(), EPS);
    }

    /**
     * Four states with huge utility and hazard exactly 1: AAA and BBB (bloc X) join in month 0;
     * CCC (bloc X) and DDD (bloc Y) are kept out by the cost of an unmet condition (20 x 0.8 = 16).
     * Peer influence in month 1 by hand.
     */
    @Test
    void peerInfluenceBlendsBlocPeersAndAllCandidatesScaledByPrestige() {
        TestScenarios.State a = state("AAA").blocs("X").attrs(0, 0, 0, 1, 0);
        TestScenarios.State b = state("BBB").blocs("X").attrs(0, 0, 0, 1, 0);
        TestScenarios.State c = state("CCC").blocs("X").attrs(0, 0, 0, 1, 0).condition("statehoodPath", "2019-01");
        TestScenarios.State d = state("DDD").blocs("Y").attrs(0, 0, 0, 1, 0).condition("statehoodPath", "2019-01");
        Scenario sc = scenario(a, b, c, d)
                .set("run.start", "2020-01").set("run.end", "2020-02")
                .set("model.maxHazard", 1.0).set("model.temperature", 0.01)
                .set("model.joinThreshold", 0.0).set("model.exitThreshold", -1.0)
                .set("model.joinCost", 0.5).set("model.weights.economicDiversification", 1.0)
                .set("model.weights.peerInfluence", 1.0)
                .set("model.blocPeerShare", 0.5).set("model.prestigeGain", 0.1).set("model.prestigeDilution", 0.1)
                .set("model.conditionCost", 20.0).set("model.conditionLevel", 0.9)
                .set("world.accordsPrestige", 0.5).set("world.israelThreat", 0.0).set("world.statehoodPath", 0.1)
                .load(dir);
        Snapshot s = Snapshot.run(sc, 3, 0);
        assertEquals(2, s.months.get(0).joined());
        // two substantive joins: 0.5 -> 0.55 -> 0.595
        assertEquals(0.595, s.months.get(0).prestige(), EPS);
        // AAA (member): bloc peers BBB, CCC -> 1/2; all others (2 - 1)/3 -> 0.5 x 0.5 + 0.5 x 1/3
        assertEquals(0.595 * (0.25 + 0.5 / 3), s.at(1, 0).driver(Driver.PEER_INFLUENCE), EPS);
        // CCC: bloc peers AAA, BBB both in -> 1; all others 2/3
        assertEquals(0.595 * (0.5 + 0.5 * 2 / 3.0), s.at(1, 2).driver(Driver.PEER_INFLUENCE), EPS);
        // DDD has no bloc peers: all candidates only
        assertEquals(0.595 * 2 / 3.0, s.at(1, 3).driver(Driver.PEER_INFLUENCE), EPS);
        assertEquals(Status.CANDIDATE, s.at(1, 2).status());
        assertEquals(Status.CANDIDATE, s.at(1, 3).status());
    }

    @Test
    void symbolicJoinDilutesPrestige() {
        Scenario sc = scenario(state("AAA").attrs(0, 0, 0, 1, 0).prior(1994))
                .set("run.start", "2020-01").set("run.end", "2020-01")
                .set("model.maxHazard", 1.0).set("model.temperature", 0.01).set("model.joinThreshold", 0.0)
                .set("model.symbolicJoinCost", 0.1).set("model.prestigeDilution", 0.2).set("model.prestigeGain", 0.5)
                .set("world.accordsPrestige", 0.5)
                .load(dir);
        Snapshot s = Snapshot.run(sc, 1, 0);
        assertEquals(1, s.months.get(0).joined());
        assertEquals(0.4, s.months.get(0).prestige(), EPS);
    }
}
