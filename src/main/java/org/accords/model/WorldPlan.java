package org.accords.model;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.accords.scenario.Condition;
import org.accords.scenario.Driver;
import org.accords.scenario.Scenario;
import org.accords.scenario.Shock;
import org.accords.scenario.StandingAsk;
import org.accords.scenario.StartingPoint;
import org.accords.scenario.StateSpec;
import org.accords.scenario.Vintages;
import org.accords.scenario.WorldVariable;

/**
 * The scenario's exogenous world, computed once and shared read-only by every replication:
 * for each month and state, the world variables as that state perceives them (start value
 * plus the shocks that target it, clamped to [0, 1]) and the shocks' additions to each driver.
 * Shocks are deterministic, so nothing here depends on the random stream.
 */
public final class WorldPlan {
    public final Scenario scenario;
    public final int months;
    public final int stateCount;
    private final int vars = WorldVariable.values().length;
    private final int drivers = Driver.values().length;

    /** [var][tick * stateCount + state]; for accordsPrestige only the shock shift (the brand itself moves with joins). */
    private final double[][] perceived;
    /** [var][tick]: the variable with only the shocks that target everyone (what the US broker acts on). */
    private final double[][] global;
    /** [driver][tick * stateCount + state]. */
    private final double[][] driverShift;
    /** Per tick, the indices of shocks starting and ending (last active month) then. */
    private final int[][] shockStarts;
    private final int[][] shockEnds;
    /** Union of bloc peers of each state (states sharing at least one bloc), excluding itself. */
    private final int[][] peers;

    // The rows the states and the broker read every month, by name: [tick * stateCount + state]
    // (usEngagement: [tick], with only the shocks that target everyone).
    final double[] iranAggression;
    final double[] gazaConflict;
    final double[] statehoodPath;
    final double[] israelThreat;
    final double[] prestigeShift;
    final double[] iranThreatShift;
    final double[] pressureShift;
    final double[] diversificationShift;
    final double[] usRewardsShift;
    final double[] peerInfluenceShift;
    final double[] usEngagement;
    /** [tick * stateCount + state]: usEngagement as the state sees it (bloc-wide pushes included): how likely Washington courts it. */
    final double[] usEngagementSeen;
    /**
     * [tick * stateCount + state]: how far the world falls short of the state's stated conditions in
     * force this month, the sum over the conditions' variables of max(0, x* - variable as the state
     * sees it); the utility cost is c times this.
     */
    final double[] conditionShortfall;
    /** Per state, its status in the first month (all candidates, or the observed record's statuses). */
    private final Status[] initialStatus;
    /** accordsPrestige in the first month, before shocks. */
    final double initialPrestige;
    /**
     * The roster's dated attributes in force each month, [tick * stateCount + state] (no value
     * before its date; see {@link Vintages}).
     */
    final double[] iranExposure;
    final double[] publicOpposition;
    final double[] regimeInsulation;
    final double[] diversificationNeed;
    final double[] receptiveness;
    /**
     * Per state: it had relations with Israel in the run's first month, by the dated roster. Inside
     * a run relations change only by the model's own joins ({@link StateAgent#hasRelations()}), never
     * by the roster's later dates: those are the record's join months, the outcome a run must predict.
     */
    final boolean[] relationsAtStart;
    /** The dated values with their dates and assumption marks (shared, read-only). */
    public final Vintages vintages;

    public WorldPlan(Scenario scenario) {
        this.scenario = scenario;
        this.months = scenario.run().months();
        List<StateSpec> states = scenario.states();
        this.stateCount = states.size();
        int cells = months * stateCount;
        perceived = new double[vars][cells];
        global = new double[vars][months];
        driverShift = new double[drivers][cells];
        for (WorldVariable v : WorldVariable.values()) {
            boolean dynamic = v == WorldVariable.ACCORDS_PRESTIGE;
            Arrays.fill(perceived[v.ordinal()], dynamic ? 0 : scenario.worldStart(v));
            Arrays.fill(global[v.ordinal()], dynamic ? 0 : scenario.worldStart(v));
        }
        List<List<Integer>> starts = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        for (int t = 0; t < months; t++) {
            starts.add(new ArrayList<>());
            ends.add(new ArrayList<>());
        }
        for (int k = 0; k < scenario.shocks().size(); k++) {
            Shock shock = scenario.shocks().get(k);
            int[] targets = shock.targetStates().stream().mapToInt(scenario::indexOf).filter(i -> i >= 0).toArray();
            int first = Math.max(0, scenario.run().tickOf(shock.start()));
            int last = Math.min(months - 1, scenario.run().tickOf(shock.lastActiveMonth()));
            // a shock under way since before the start (a run from the observed present) did not start in this run
            if (first < months && scenario.run().tickOf(shock.start()) >= 0) starts.get(first).add(k);
            if (last >= 0) ends.get(last).add(k);
            for (int t = first; t <= last; t++) {
                double intensity = shock.intensity(scenario.run().monthOf(t));
                for (Shock.Effect e : shock.effects()) {
                    double amount = intensity * e.amount();
                    double[] row = e.driver() != null ? driverShift[e.driver().ordinal()] : perceived[e.variable().ordinal()];
                    for (int s : targets) row[t * stateCount + s] += amount;
                    if (e.variable() != null && shock.targetsAll()) global[e.variable().ordinal()][t] += amount;
                }
            }
        }
        for (WorldVariable v : WorldVariable.values()) {
            if (v == WorldVariable.ACCORDS_PRESTIGE) continue;
            double[] row = perceived[v.ordinal()];
            for (int i = 0; i < row.length; i++) row[i] = clamp01(row[i]);
            double[] g = global[v.ordinal()];
            for (int i = 0; i < g.length; i++) g[i] = clamp01(g[i]);
        }
        shockStarts = toArrays(starts);
        shockEnds = toArrays(ends);
        peers = new int[stateCount][];
        for (int i = 0; i < stateCount; i++) {
            List<Integer> p = new ArrayList<>();
            for (int j = 0; j < stateCount; j++) {
                if (i != j && !java.util.Collections.disjoint(states.get(i).blocs(), states.get(j).blocs())) p.add(j);
            }
            peers[i] = p.stream().mapToInt(Integer::intValue).toArray();
        }
        iranAggression = perceived[WorldVariable.IRAN_AGGRESSION.ordinal()];
        gazaConflict = perceived[WorldVariable.GAZA_CONFLICT.ordinal()];
        statehoodPath = perceived[WorldVariable.STATEHOOD_PATH.ordinal()];
        israelThreat = perceived[WorldVariable.ISRAEL_THREAT.ordinal()];
        prestigeShift = perceived[WorldVariable.ACCORDS_PRESTIGE.ordinal()];
        iranThreatShift = driverShift[Driver.IRAN_THREAT.ordinal()];
        pressureShift = driverShift[Driver.PALESTINIAN_PRESSURE.ordinal()];
        diversificationShift = driverShift[Driver.ECONOMIC_DIVERSIFICATION.ordinal()];
        usRewardsShift = driverShift[Driver.US_REWARDS.ordinal()];
        peerInfluenceShift = driverShift[Driver.PEER_INFLUENCE.ordinal()];
        usEngagement = global[WorldVariable.US_ENGAGEMENT.ordinal()];
        vintages = new Vintages(scenario);
        iranExposure = vintages.row("iranExposure");
        publicOpposition = vintages.row("publicOpposition");
        regimeInsulation = vintages.row("regimeInsulation");
        diversificationNeed = vintages.row("diversificationNeed");
        double[] prior = vintages.row("priorRelations");
        relationsAtStart = new boolean[stateCount];
        for (int s = 0; s < stateCount; s++) relationsAtStart[s] = !Double.isNaN(prior[s]); // tick 0
        usEngagementSeen = perceived[WorldVariable.US_ENGAGEMENT.ordinal()];
        StartingPoint startingPoint = scenario.startingPoint();
        initialStatus = new Status[stateCount];
        for (int s = 0; s < stateCount; s++) initialStatus[s] = Status.values()[startingPoint.standing(s).ordinal()];
        initialPrestige = startingPoint.accordsPrestige();
        conditionShortfall = new double[cells];
        receptiveness = new double[cells];
        fillParameterRows(conditionShortfall, receptiveness);
    }

    /**
     * The two rows that depend on global parameters (model.conditionLevel, us.askShare): the
     * condition shortfall and receptiveness, by the standing ask and usAlignment in force each
     * month (the dated series, no look-ahead). Reads scenario, perceived and vintages.
     */
    private void fillParameterRows(double[] shortfallRow, double[] receptivenessRow) {
        List<StateSpec> states = scenario.states();
        double[] alignment = vintages.row("usAlignment");
        for (int t = 0; t < months; t++) {
            YearMonth month = month(t);
            for (int s = 0; s < stateCount; s++) {
                StateSpec spec = states.get(s);
                int cell = t * stateCount + s;
                shortfallRow[cell] = shortfall(spec, month, t, s);
                receptivenessRow[cell] = scenario.us().receptiveness(StandingAsk.sizeAt(spec.standingAsk(), month), alignment[cell]);
            }
        }
    }

    /** Each world variable that some condition of the state in force this month names counts once, however many name it. */
    private double shortfall(StateSpec spec, YearMonth month, int t, int s) {
        double level = scenario.model().conditionLevel();
        double sum = 0;
        for (WorldVariable v : WorldVariable.values()) {
            for (Condition c : spec.conditions()) {
                if (c.variable() == v && c.inForce(month)) {
                    sum += Math.max(0, level - perceived[v.ordinal()][t * stateCount + s]);
                    break;
                }
            }
        }
        return sum;
    }

    /** A copy for {@link #copyForModel()}: the large rows shared, the small arrays copied. */
    private WorldPlan(WorldPlan shared, Scenario scenario) {
        this.scenario = scenario;
        months = shared.months;
        stateCount = shared.stateCount;
        perceived = shared.perceived.clone();
        driverShift = shared.driverShift.clone();
        global = deepCopy(shared.global);
        shockStarts = deepCopy(shared.shockStarts);
        shockEnds = deepCopy(shared.shockEnds);
        peers = deepCopy(shared.peers);
        iranAggression = shared.iranAggression;
        gazaConflict = shared.gazaConflict;
        statehoodPath = shared.statehoodPath;
        israelThreat = shared.israelThreat;
        prestigeShift = shared.prestigeShift;
        iranThreatShift = shared.iranThreatShift;
        pressureShift = shared.pressureShift;
        diversificationShift = shared.diversificationShift;
        usRewardsShift = shared.usRewardsShift;
        peerInfluenceShift = shared.peerInfluenceShift;
        usEngagement = global[WorldVariable.US_ENGAGEMENT.ordinal()];
        usEngagementSeen = shared.usEngagementSeen;
        initialStatus = shared.initialStatus.clone();
        initialPrestige = shared.initialPrestige;
        vintages = shared.vintages;
        iranExposure = shared.iranExposure;
        publicOpposition = shared.publicOpposition;
        regimeInsulation = shared.regimeInsulation;
        diversificationNeed = shared.diversificationNeed;
        relationsAtStart = shared.relationsAtStart;
        if (scenario.us().askShare() == shared.scenario.us().askShare()
                && scenario.model().conditionLevel() == shared.scenario.model().conditionLevel()) {
            receptiveness = shared.receptiveness;
            conditionShortfall = shared.conditionShortfall;
        } else {
            // another parameter set (withParameters): the two rows that depend on global parameters
            receptiveness = new double[shared.receptiveness.length];
            conditionShortfall = new double[shared.conditionShortfall.length];
            fillParameterRows(conditionShortfall, receptiveness);
        }
    }

    /**
     * This plan as one model's own object. The large month-by-state rows stay shared (read-only,
     * and too large to share a cache line with anything but their ends); everything small that the
     * monthly loop reads (this object, the outer arrays, the per-state peer lists, the per-month
     * shock lists, the global rows) is copied, and the rows are reached by field, not through an
     * enum's ordinal (an enum constant is a shared object too). Small objects shared by the worker threads of an ensemble get moved by
     * the garbage collector next to one thread's working data, and then every read by the other
     * thread misses the cache: that made two threads, on a fresh JVM, barely faster than one.
     */
    public WorldPlan copyForModel() {
        return new WorldPlan(this, scenario);
    }

    /**
     * The same world under another set of global parameters (one set of a parameter ensemble):
     * the rows are shared (but for receptiveness and the condition shortfall, which depend on
     * us.askShare and model.conditionLevel and are recomputed when those differ), and the model
     * reads its parameters from this scenario. The
     * scenario must differ from this plan's only in its model and broker parameters, which the
     * plan does not depend on.
     */
    public WorldPlan withParameters(Scenario sameWorld) {
        if (sameWorld.run() != scenario.run() || sameWorld.shocks() != scenario.shocks() || sameWorld.states() != scenario.states()) {
            throw new IllegalArgumentException("withParameters needs the same world, shocks and states");
        }
        return new WorldPlan(this, sameWorld);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    private static int[][] deepCopy(int[][] a) {
        int[][] c = new int[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    /** The variable as state {@code s} perceives it in month {@code tick} (for accordsPrestige: the shock shift only). */
    public double perceived(WorldVariable v, int tick, int s) {
        return perceived[v.ordinal()][tick * stateCount + s];
    }

    public double driverShift(Driver d, int tick, int s) { return driverShift[d.ordinal()][tick * stateCount + s]; }

    /** How far the world falls short of state {@code s}'s stated conditions in month {@code tick}: sum of max(0, x* - variable), per variable named. */
    public double conditionShortfall(int tick, int s) { return conditionShortfall[tick * stateCount + s]; }

    /** The utility cost of state {@code s}'s unmet conditions in month {@code tick}: c x the shortfall. */
    public double conditionCost(int tick, int s) { return scenario.model().conditionCost() * conditionShortfall[tick * stateCount + s]; }

    /** A dated roster attribute (one of {@link StateSpec#NUMERIC_ATTRIBUTES}) as state {@code s} has it in month {@code tick}. */
    public double attribute(String attribute, int tick, int s) { return vintages.row(attribute)[tick * stateCount + s]; }

    /** Whether state {@code s} had relations with Israel in the run's first month (a join by it is symbolic). */
    public boolean relationsAtStart(int s) { return relationsAtStart[s]; }

    /** What a unit of US offer is worth to state {@code s} in month {@code tick}: askShare x askSize + (1 - askShare) x usAlignment, both as dated then. */
    public double receptiveness(int tick, int s) { return receptiveness[tick * stateCount + s]; }

    /** The variable with only the shocks that target everyone. */
    public double global(WorldVariable v, int tick) { return global[v.ordinal()][tick]; }

    int[] shockStarts(int tick) { return shockStarts[tick]; }

    int[] shockEnds(int tick) { return shockEnds[tick]; }

    public int[] peers(int s) { return peers[s]; }

    /** accordsPrestige in the first month (before shocks): its start value, or the value the observed joins before it left. */
    public double initialPrestige() { return initialPrestige; }

    /** State {@code s}'s status in the first month. */
    public Status initialStatus(int s) { return initialStatus[s]; }

    public YearMonth month(int tick) { return scenario.run().monthOf(tick); }

    static double clamp01(double x) { return x < 0 ? 0 : (x > 1 ? 1 : x); }

    private static int[][] toArrays(List<List<Integer>> lists) {
        int[][] out = new int[lists.size()][];
        for (int i = 0; i < out.length; i++) out[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        return out;
    }
}
