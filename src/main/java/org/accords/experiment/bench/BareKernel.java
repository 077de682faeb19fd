package org.accords.experiment.bench;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.accords.model.WorldPlan;
import org.accords.scenario.BrokerParameters;
import org.accords.scenario.Driver;
import org.accords.scenario.ModelParameters;
import org.accords.scenario.StateSpec;
import org.accords.scenario.WorldVariable;

/**
 * The benchmark's lower bound: the model's arithmetic, one replication at a time, in plain loops
 * over primitive arrays. No MASON schedule, no agents as objects, no observer, no recording.
 *
 * <p>It does the same work as {@link org.accords.model.AccordsModel} in the same order with the
 * same {@link MersenneTwisterFast} draws: seeding and the 1249-draw priming that
 * {@code SimState.start()} does; every month the broker's offer decay, its one draw and (when it
 * acts) the search for the best target with two logistic hazards per candidate, weighted by
 * usEngagement as each state sees it; the states'
 * Fisher-Yates shuffle as MASON's {@code RandomSequence} does it (in place, carried from month to
 * month); per state the five drivers, the peer share, the utility, the hazard with
 * {@link Math#exp} and one {@code nextDouble}; joins, freezes and thaws with their peer, prestige
 * bookkeeping; the cost of stated conditions, the value of an offer and the starting statuses come
 * precomputed from the plan, as in the model. Every double is computed by the same operations in the same order,
 * so for the same seed it reproduces the model's replication exactly (a test checks this).
 *
 * <p>Not thread-safe: one kernel per thread.
 */
public final class BareKernel {
    private static final int CANDIDATE = 0;
    private static final int MEMBER = 1;
    private static final int FROZEN = 2;
    /** Same as UsBroker.LIVE_SHARE. */
    private static final double LIVE_SHARE = 0.1;
    /** Draws SimState.start() discards after seeding. */
    private static final int PRIMING_DRAWS = 1249;

    final int n;
    final int months;

    // ---- the world, read-only: [tick * n + s] ----------------------------------------------
    private final double[] iranAggression;
    private final double[] gaza;
    private final double[] statehood;
    private final double[] israelThreat;
    private final double[] prestigeShift;
    private final double[] shiftIran;
    private final double[] shiftPressure;
    private final double[] shiftDiversification;
    private final double[] shiftUs;
    private final double[] shiftPeer;
    /** [tick * n + s]: usEngagement as the state sees it. */
    private final double[] engagementSeen;
    /** Peers of state s: peerList[peerStart[s] .. peerStart[s+1]). */
    private final int[] peerStart;
    private final int[] peerList;
    /** [tick * n + s]: the cost of the state's unmet stated conditions (WorldPlan.conditionCost). */
    private final double[] conditionCost;
    /** Status in the first month (a run from the observed present starts with the record's members). */
    private final int[] initialStatus;

    // ---- per state, read-only ----------------------------------------------------------------
    private final double[] iranExposure;
    private final double[] opposition;
    private final double[] insulation;
    private final double[] diversification;
    /** The join cost at the state's last assessment. */
    private final double[] cost;
    /** [tick * n + state]: receptiveness. */
    private final double[] receptivenessRow;
    /** Per state: relations in the first month (StateAgent: then only the state's own join opens them). */
    private final boolean[] relationsAtStart;
    private final double joinCost;
    private final double symbolicJoinCost;

    // ---- parameters ----------------------------------------------------------------------------
    private final double wIran, wPressure, wDiversification, wUs, wPeer;
    private final double joinThreshold, exitThreshold, temperature, maxHazard;
    private final double insulationDamping, gazaAmplification, statehoodRelief, blocPeerShare;
    private final double prestigeGain, prestigeDilution, prestigeStart;
    private final double offerRate, offerSize, offerDecay;
    private final int capacity;

    // ---- the replication's state ------------------------------------------------------------------
    private final MersenneTwisterFast random = new MersenneTwisterFast(0L);
    private final int[] status;
    private final double[] offer;
    private final double[] utility;
    private final double[] perceivedPrestige;
    private final int[] activeBlocPeers;
    private final int[] order;
    private final int[] joinTick;
    private final boolean[] relations;
    private double prestige;
    private int activeMembers;
    private int joined;
    private int frozen;

    public BareKernel(WorldPlan plan) {
        n = plan.stateCount;
        months = plan.months;
        iranAggression = perceived(plan, WorldVariable.IRAN_AGGRESSION);
        gaza = perceived(plan, WorldVariable.GAZA_CONFLICT);
        statehood = perceived(plan, WorldVariable.STATEHOOD_PATH);
        israelThreat = perceived(plan, WorldVariable.ISRAEL_THREAT);
        prestigeShift = perceived(plan, WorldVariable.ACCORDS_PRESTIGE);
        shiftIran = shift(plan, Driver.IRAN_THREAT);
        shiftPressure = shift(plan, Driver.PALESTINIAN_PRESSURE);
        shiftDiversification = shift(plan, Driver.ECONOMIC_DIVERSIFICATION);
        shiftUs = shift(plan, Driver.US_REWARDS);
        shiftPeer = shift(plan, Driver.PEER_INFLUENCE);
        engagementSeen = perceived(plan, WorldVariable.US_ENGAGEMENT);
        conditionCost = new double[months * n];
        for (int t = 0; t < months; t++) {
            for (int s = 0; s < n; s++) conditionCost[t * n + s] = plan.conditionCost(t, s);
        }

        List<StateSpec> specs = plan.scenario.states();
        ModelParameters p = plan.scenario.model();
        peerStart = new int[n + 1];
        for (int s = 0; s < n; s++) peerStart[s + 1] = peerStart[s] + plan.peers(s).length;
        peerList = new int[peerStart[n]];
        // the roster's dated attributes month by month, as the model reads them (WorldPlan.vintages)
        iranExposure = attribute(plan, "iranExposure");
        opposition = attribute(plan, "publicOpposition");
        insulation = attribute(plan, "regimeInsulation");
        diversification = attribute(plan, "diversificationNeed");
        receptivenessRow = new double[months * n];
        relationsAtStart = new boolean[n];
        for (int s = 0; s < n; s++) relationsAtStart[s] = plan.relationsAtStart(s);
        for (int t = 0; t < months; t++) {
            for (int s = 0; s < n; s++) receptivenessRow[t * n + s] = plan.receptiveness(t, s);
        }
        cost = new double[n];
        initialStatus = new int[n];
        joinCost = p.joinCost();
        symbolicJoinCost = p.symbolicJoinCost();
        for (int s = 0; s < n; s++) {
            System.arraycopy(plan.peers(s), 0, peerList, peerStart[s], plan.peers(s).length);
            initialStatus[s] = switch (plan.initialStatus(s)) {
                case CANDIDATE -> CANDIDATE;
                case MEMBER -> MEMBER;
                case FROZEN -> FROZEN;
            };
        }
        wIran = p.weights().iranThreat();
        wPressure = p.weights().palestinianPressure();
        wDiversification = p.weights().economicDiversification();
        wUs = p.weights().usRewards();
        wPeer = p.weights().peerInfluence();
        joinThreshold = p.joinThreshold();
        exitThreshold = p.exitThreshold();
        temperature = p.temperature();
        maxHazard = p.maxHazard();
        insulationDamping = p.insulationDamping();
        gazaAmplification = p.gazaAmplification();
        statehoodRelief = p.statehoodRelief();
        blocPeerShare = p.blocPeerShare();
        prestigeGain = p.prestigeGain();
        prestigeDilution = p.prestigeDilution();
        prestigeStart = plan.initialPrestige();
        BrokerParameters b = plan.scenario.us();
        offerRate = b.offerRate();
        offerSize = b.offerSize();
        offerDecay = b.offerDecay();
        capacity = b.capacity();

        status = new int[n];
        offer = new double[n];
        utility = new double[n];
        perceivedPrestige = new double[n];
        activeBlocPeers = new int[n];
        order = new int[n];
        joinTick = new int[n];
        relations = new boolean[n];
    }

    private static double[] attribute(WorldPlan plan, String attribute) {
        double[] row = new double[plan.months * plan.stateCount];
        for (int t = 0; t < plan.months; t++)
            for (int s = 0; s < plan.stateCount; s++) row[t * plan.stateCount + s] = plan.attribute(attribute, t, s);
        return row;
    }

    private static double[] perceived(WorldPlan plan, WorldVariable v) {
        double[] row = new double[plan.months * plan.stateCount];
        for (int t = 0; t < plan.months; t++)
            for (int s = 0; s < plan.stateCount; s++) row[t * plan.stateCount + s] = plan.perceived(v, t, s);
        return row;
    }

    private static double[] shift(WorldPlan plan, Driver d) {
        double[] row = new double[plan.months * plan.stateCount];
        for (int t = 0; t < plan.months; t++)
            for (int s = 0; s < plan.stateCount; s++) row[t * plan.stateCount + s] = plan.driverShift(d, t, s);
        return row;
    }

    /** Runs one replication from the given seed; returns the number of joins. */
    public int run(int[] seed) {
        random.setSeed(seed);
        for (int i = 0; i < PRIMING_DRAWS; i++) random.nextInt();
        prestige = prestigeStart;
        activeMembers = joined = frozen = 0;
        for (int s = 0; s < n; s++) {
            status[s] = initialStatus[s];
            offer[s] = 0;
            utility[s] = 0;
            activeBlocPeers[s] = 0;
            joinTick[s] = -1;
            relations[s] = relationsAtStart[s];
            order[s] = s;
        }
        for (int s = 0; s < n; s++) {
            if (status[s] == CANDIDATE) continue;
            joined++;
            if (status[s] == MEMBER) setActive(s, 1);
            else frozen++;
        }
        for (int s = 0; s < n; s++) utility[s] = utility(s, 0);
        for (int t = 0; t < months; t++) {
            broker(t);
            for (int i = n - 1; i >= 1; i--) {
                int j = random.nextInt(i + 1);
                int x = order[j];
                order[j] = order[i];
                order[i] = x;
            }
            for (int i = 0; i < n; i++) {
                int s = order[i];
                utility[s] = utility(s, t);
                decide(s, t, random.nextDouble());
            }
        }
        return joined;
    }

    private double utility(int s, int t) {
        int cell = t * n + s;
        double pr = prestige + prestigeShift[cell];
        pr = pr < 0 ? 0 : (pr > 1 ? 1 : pr);
        perceivedPrestige[s] = pr;
        cost[s] = status[s] == MEMBER ? 0 : relations[s] ? symbolicJoinCost : joinCost;
        double iran = iranExposure[cell] * iranAggression[cell] + shiftIran[cell];
        double pressure = opposition[cell] * (1 - insulationDamping * insulation[cell])
                * (1 + gazaAmplification * gaza[cell]) * (1 - statehoodRelief * statehood[cell])
                + israelThreat[cell] + shiftPressure[cell];
        double div = diversification[cell] + shiftDiversification[cell];
        double us = (offer[s] + shiftUs[cell]) * receptivenessRow[cell];
        double peer = pr * peerShare(s) + shiftPeer[cell];
        return wIran * iran + -wPressure * pressure + wDiversification * div + wUs * us + wPeer * peer - cost[s] - conditionCost[cell];
    }

    private double peerShare(int s) {
        int others = n - 1;
        if (others == 0) return 0;
        double overall = (activeMembers - (status[s] == MEMBER ? 1 : 0)) / (double) others;
        int blocPeers = peerStart[s + 1] - peerStart[s];
        if (blocPeers == 0) return overall;
        double bloc = activeBlocPeers[s] / (double) blocPeers;
        return blocPeerShare * bloc + (1 - blocPeerShare) * overall;
    }

    private double hazard(double u, double threshold) {
        return maxHazard / (1.0 + Math.exp(-(u - threshold) / temperature));
    }

    private void decide(int s, int t, double u) {
        switch (status[s]) {
            case CANDIDATE -> {
                if (u < hazard(utility[s], joinThreshold)) {
                    status[s] = MEMBER;
                    joinTick[s] = t;
                    joined++;
                    setActive(s, 1);
                    if (relations[s]) prestige -= prestigeDilution * prestige;
                    else prestige += prestigeGain * (1 - prestige);
                    relations[s] = true;
                }
            }
            case MEMBER -> {
                if (u < hazard(-utility[s], -exitThreshold)) {
                    status[s] = FROZEN;
                    frozen++;
                    setActive(s, -1);
                }
            }
            default -> {
                if (u < hazard(utility[s], joinThreshold)) {
                    status[s] = MEMBER;
                    frozen--;
                    setActive(s, 1);
                }
            }
        }
    }

    private void setActive(int s, int delta) {
        activeMembers += delta;
        for (int k = peerStart[s]; k < peerStart[s + 1]; k++) activeBlocPeers[peerList[k]] += delta;
    }

    private void broker(int t) {
        double liveLevel = LIVE_SHARE * offerSize;
        int live = 0;
        for (int s = 0; s < n; s++) {
            offer[s] *= offerDecay;
            if (offer[s] >= liveLevel) live++;
        }
        double u = random.nextDouble();
        if (live >= capacity || offerSize <= 0) return;
        double engagement = 0;
        for (int s = 0; s < n; s++) {
            if (status[s] == CANDIDATE && offer[s] < liveLevel) engagement = Math.max(engagement, engagementSeen[t * n + s]);
        }
        if (u >= offerRate * engagement) return;
        int best = -1;
        double bestValue = 0;
        for (int s = 0; s < n; s++) {
            if (status[s] != CANDIDATE || offer[s] >= liveLevel) continue;
            double boost = wUs * offerSize * receptivenessRow[t * n + s];
            double value = engagementSeen[t * n + s] * (hazard(utility[s] + boost, joinThreshold) - hazard(utility[s], joinThreshold));
            if (value > bestValue) {
                bestValue = value;
                best = s;
            }
        }
        if (best >= 0) offer[best] += offerSize;
    }

    // ---- the outcome of the last replication (for the reproduction test) --------------------------

    public int joinedCount() { return joined; }
    public int activeMembers() { return activeMembers; }
    public int frozenCount() { return frozen; }
    /** Month state s first joined in the last replication, or -1. */
    public int joinTick(int s) { return joinTick[s]; }
    public double prestige() { return prestige; }
}
