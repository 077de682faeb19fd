package org.accords.model;

import org.accords.scenario.Driver;
import org.accords.scenario.ModelParameters;
import org.accords.scenario.StateSpec;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * A candidate state. Each month it assesses its drivers, forms a utility and draws once against
 * its monthly hazard: a candidate may join, a member may freeze ties, a frozen member may thaw.
 */
public final class StateAgent implements Steppable {
    private static final long serialVersionUID = 1L;

    /** Index of the cost term in {@link #contributions()}, after the five drivers: the join cost plus the cost of unmet conditions. */
    public static final int COST = Driver.values().length;

    public final int index;
    public final StateSpec spec;
    private final double joinCost;
    private final double symbolicJoinCost;
    /** This month's join cost: symbolic while the state has relations, substantive otherwise. */
    private double cost;

    private Status status;
    /**
     * Relations with Israel: those of the run's first month, then set by the state's own join in the
     * run (a freeze suspends ties without ending relations: the model has no cut). Never the roster's
     * later dates, which are the record's outcomes.
     */
    private boolean relations;
    private int joinTick;
    private double offer;
    private double utility;
    /** This month's cost of stated conditions not met, c x WorldPlan.conditionShortfall. */
    private double conditionCost;
    /** This month's value of a unit of US offer to this state (WorldPlan.receptiveness). */
    private double receptiveness;
    /** accordsPrestige as this state saw it when it last assessed (the brand moves with joins, so it is not in the plan). */
    private double perceivedPrestige;
    /** Raw driver values this month, by {@link Driver#ordinal()}. */
    private final double[] drivers = new double[Driver.values().length];
    /** Signed contributions to utility: w_k * driver_k (pressure negative), then -cost. */
    private final double[] contributions = new double[Driver.values().length + 1];

    StateAgent(int index, StateSpec spec, ModelParameters params) {
        this.index = index;
        this.spec = OwnCopy.of(spec);
        this.joinCost = params.joinCost();
        this.symbolicJoinCost = params.symbolicJoinCost();
    }

    /** Back to the first month: the given status, no offer; a state that joined before the start has no join month in the run. */
    void reset(Status initial, boolean relationsAtStart) {
        status = initial;
        relations = relationsAtStart;
        joinTick = -1;
        offer = 0;
        utility = 0;
    }

    @Override
    public void step(SimState state) {
        AccordsModel model = (AccordsModel) state;
        assessDrivers(model, model.tick());
        decide(model, model.random.nextDouble());
    }

    /** Computes this month's drivers, contributions and utility (DESIGN.md, "Drivers each month"). */
    void assessDrivers(AccordsModel model, int tick) {
        WorldPlan plan = model.plan();
        ModelParameters p = model.parameters();
        int cell = tick * plan.stateCount + index;
        double prestige = WorldPlan.clamp01(model.prestige() + plan.prestigeShift[cell]);
        perceivedPrestige = prestige;

        // the roster's attributes as dated in this month (WorldPlan.vintages): no value before its date
        // the cost of joining is paid by a state that joins or restores ties, not by a member weighing a freeze
        cost = status == Status.MEMBER ? 0 : relations ? symbolicJoinCost : joinCost;
        receptiveness = plan.receptiveness[cell];
        drivers[0] = plan.iranExposure[cell] * plan.iranAggression[cell] + plan.iranThreatShift[cell];
        drivers[1] = plan.publicOpposition[cell] * (1 - p.insulationDamping() * plan.regimeInsulation[cell])
                * (1 + p.gazaAmplification() * plan.gazaConflict[cell]) * (1 - p.statehoodRelief() * plan.statehoodPath[cell])
                + plan.israelThreat[cell] + plan.pressureShift[cell];
        drivers[2] = plan.diversificationNeed[cell] + plan.diversificationShift[cell];
        conditionCost = p.conditionCost() * plan.conditionShortfall[cell];
        drivers[3] = (offer + plan.usRewardsShift[cell]) * receptiveness;
        drivers[4] = prestige * model.peerShare(index) + plan.peerInfluenceShift[cell];

        contributions[0] = p.weights().iranThreat() * drivers[0];
        contributions[1] = -p.weights().palestinianPressure() * drivers[1];
        contributions[2] = p.weights().economicDiversification() * drivers[2];
        contributions[3] = p.weights().usRewards() * drivers[3];
        contributions[4] = p.weights().peerInfluence() * drivers[4];
        contributions[COST] = -(cost + conditionCost);
        utility = contributions[0] + contributions[1] + contributions[2] + contributions[3] + contributions[4] - cost - conditionCost;
    }

    /** One draw {@code u} in [0,1) against the hazard that applies to this state's status. */
    void decide(AccordsModel model, double u) {
        ModelParameters p = model.parameters();
        // (if-else on the constants rather than a switch: an enum switch reads a shared lookup table)
        if (status == Status.CANDIDATE) {
            if (u < Hazard.of(utility, p.joinThreshold(), p.temperature(), p.maxHazard())) model.join(this);
        } else if (status == Status.MEMBER) {
            // freezing mirrors joining: the hazard rises as utility falls below theta_exit
            if (u < Hazard.of(-utility, -p.exitThreshold(), p.temperature(), p.maxHazard())) model.freeze(this);
        } else if (u < Hazard.of(utility, p.joinThreshold(), p.temperature(), p.maxHazard())) {
            model.thaw(this);
        }
    }

    void setStatus(Status s, int tick) {
        if (s == Status.MEMBER && status == Status.CANDIDATE) {
            joinTick = tick;
            relations = true;
        }
        status = s;
    }

    void receiveOffer(double size) { offer += size; }

    void decayOffer(double keep) { offer *= keep; }

    public Status status() { return status; }
    public boolean isActiveMember() { return status == Status.MEMBER; }
    public boolean hasJoined() { return status != Status.CANDIDATE; }
    public int joinTick() { return joinTick; }
    /** Relations with Israel now: at the run's start, or opened by this state's join in the run. */
    public boolean hasRelations() { return relations; }
    public double offer() { return offer; }
    public double utility() { return utility; }
    /** The join cost at the last assessment (symbolic while the state had relations then), without the conditions. */
    public double cost() { return cost; }
    /** This month's cost of the stated conditions not met, c x max(0, x* - variable); part of {@link #COST}. */
    public double conditionCost() { return conditionCost; }
    /** This month's value of a unit of US offer to this state. */
    public double receptiveness() { return receptiveness; }
    public double driver(Driver d) { return drivers[d.ordinal()]; }
    /** Contributions to utility by driver ordinal, then the (negative) cost at {@link #COST}. Live array: read, don't keep. */
    public double[] contributions() { return contributions; }
}
