package org.accords.model;

import java.util.List;
import org.accords.scenario.ModelParameters;
import org.accords.scenario.StateSpec;
import sim.engine.RandomSequence;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The world of one replication, a MASON {@link SimState}. One tick is one calendar month; tick 0
 * is the scenario's start month. Each tick runs, in schedule order: the world and its shocks,
 * the US broker, the states in a fresh random order, the recorder.
 *
 * <p>An instance is reused across replications (a worker thread seeds it and calls
 * {@link #runReplication}), so a replication allocates almost nothing.
 */
public final class AccordsModel extends SimState {
    private static final long serialVersionUID = 1L;

    public static final int ORDER_WORLD = 0;
    public static final int ORDER_BROKER = 1;
    public static final int ORDER_STATES = 2;
    public static final int ORDER_RECORDER = 3;

    private final WorldPlan plan;
    private final ModelParameters parameters;
    private final StateAgent[] agents;
    private final UsBroker broker;
    private final Steppable worldPhase = state -> ((AccordsModel) state).applyShocks();
    private final Steppable recorder = state -> ((AccordsModel) state).record();
    private transient RunObserver observer = RunObserver.NONE;

    private int tick;
    private double prestige;
    private int activeMembers;
    private int joined;
    private int frozen;
    /** Per state, how many of its bloc peers are active members. */
    private final int[] activeBlocPeers;

    public AccordsModel(WorldPlan plan) {
        super(0L);
        // the model's own copies of what its monthly loop reads (see WorldPlan.copyForModel)
        this.plan = plan.copyForModel();
        this.parameters = OwnCopy.of(plan.scenario.model());
        List<StateSpec> specs = plan.scenario.states();
        agents = new StateAgent[specs.size()];
        for (int i = 0; i < agents.length; i++) agents[i] = new StateAgent(i, specs.get(i), parameters);
        broker = new UsBroker(OwnCopy.of(plan.scenario.us()));
        activeBlocPeers = new int[agents.length];
    }

    /** Seeds, runs every month of the horizon and reports to {@code observer}. */
    public void runReplication(int[] seed, RunObserver observer) {
        prepare(seed, observer);
        start();
        observer.onRunStart(this);
        for (int t = 0; t < plan.months; t++) schedule.step(this);
        finish();
        observer.onRunEnd(this);
        this.observer = RunObserver.NONE;
    }

    /**
     * Seeds this model and sets its observer, ready for {@link #start()}: for a controller that
     * steps the schedule itself (the GUI's MASON Console), one month per step.
     */
    public void prepare(int[] seed, RunObserver observer) {
        random.setSeed(seed);
        this.observer = observer;
    }

    @Override
    public void start() {
        super.start();
        tick = 0;
        prestige = plan.initialPrestige;
        activeMembers = joined = frozen = 0;
        java.util.Arrays.fill(activeBlocPeers, 0);
        // a run from the observed present starts with the members and frozen members of the record
        for (StateAgent a : agents) {
            a.reset(plan.initialStatus(a.index), plan.relationsAtStart(a.index));
            if (!a.hasJoined()) continue;
            joined++;
            if (a.isActiveMember()) becomeActive(a, true);
            else frozen++;
        }
        // the broker acts on last month's utilities, so the states assess once before tick 0
        for (StateAgent a : agents) a.assessDrivers(this, 0);
        schedule.scheduleRepeating(Schedule.EPOCH, ORDER_WORLD, worldPhase, 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, ORDER_BROKER, broker, 1.0);
        // a new sequence each run: RandomSequence shuffles its array in place, and a run must
        // not depend on the order the previous run on this thread left behind
        schedule.scheduleRepeating(Schedule.EPOCH, ORDER_STATES, new RandomSequence(agents), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, ORDER_RECORDER, recorder, 1.0);
    }

    private void applyShocks() {
        tick = (int) schedule.getTime();
        for (int k : plan.shockStarts(tick)) observer.onEvent(EventKind.SHOCK_START, tick, k, null);
    }

    private void record() {
        observer.onMonth(tick, this);
        for (int k : plan.shockEnds(tick)) observer.onEvent(EventKind.SHOCK_END, tick, k, null);
    }

    // ---- transitions, called by the agents and the broker ------------------------------------

    void join(StateAgent a) {
        boolean symbolic = a.hasRelations(); // before the join, which opens relations
        a.setStatus(Status.MEMBER, tick);
        joined++;
        becomeActive(a, true);
        // a substantive join lifts the brand; a symbolic one (relations already existed) dilutes it
        if (symbolic) prestige -= parameters.prestigeDilution() * prestige;
        else prestige += parameters.prestigeGain() * (1 - prestige);
        observer.onEvent(EventKind.JOIN, tick, a.index, a);
    }

    void freeze(StateAgent a) {
        a.setStatus(Status.FROZEN, tick);
        frozen++;
        becomeActive(a, false);
        observer.onEvent(EventKind.FREEZE, tick, a.index, a);
    }

    void thaw(StateAgent a) {
        a.setStatus(Status.MEMBER, tick);
        frozen--;
        becomeActive(a, true);
        observer.onEvent(EventKind.THAW, tick, a.index, a);
    }

    void offerMade(StateAgent a) {
        observer.onEvent(EventKind.OFFER, tick, a.index, a);
    }

    private void becomeActive(StateAgent a, boolean active) {
        int delta = active ? 1 : -1;
        activeMembers += delta;
        for (int peer : plan.peers(a.index)) activeBlocPeers[peer] += delta;
    }

    /**
     * Share of peers already in: a blend of the state's bloc peers and of all other candidates,
     * weighted by blocPeerShare (all candidates only, for a state with no bloc peers).
     */
    double peerShare(int s) {
        int others = agents.length - 1;
        if (others == 0) return 0;
        double overall = (activeMembers - (agents[s].isActiveMember() ? 1 : 0)) / (double) others;
        int blocPeers = plan.peers(s).length;
        if (blocPeers == 0) return overall;
        double bloc = activeBlocPeers[s] / (double) blocPeers;
        double a = parameters.blocPeerShare();
        return a * bloc + (1 - a) * overall;
    }

    // ---- read access for the broker, the recorder and tests ----------------------------------

    public int tick() { return tick; }
    public WorldPlan plan() { return plan; }
    public ModelParameters parameters() { return parameters; }
    public StateAgent[] agents() { return agents; }
    public StateAgent agent(int i) { return agents[i]; }
    public double prestige() { return prestige; }
    public int activeMembers() { return activeMembers; }
    public int joinedCount() { return joined; }
    public int frozenCount() { return frozen; }
    UsBroker broker() { return broker; }
}
