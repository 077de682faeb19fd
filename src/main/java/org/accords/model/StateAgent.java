package org.accords.model;

import org.accords.scenario.Condition;
import org.accords.scenario.Driver;
import org.accords.scenario.ModelParameters;
import org.accords.scenario.StateSpec;
import org.accords.scenario.WorldVariable;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * A candidate state. Each month it assesses its drivers, forms a utility and draws once against
 * its monthly hazard: a candidate may join, a member may freeze ties, a frozen member may thaw.
 */
public final class StateAgent implements Steppable {
    private static final long serialVersionUID = 1L;

    /** Index of the cost term in {@link #contributions()}, after the five drivers. */
    public static final int COST = Driver.values().length;

    public final int index;
    public final StateSpec spec;
    private final double joinCost;
    private final double symbolicJoinCost;
    private final Condition[] conditions;
    /** This month's join cost: symbolic while relations exist by the dated roster, substantive otherwise. */
    private double cost;
    /** How much of a US offer this state values this month (BrokerParameters.receptiveness of its dated usAlignment). */
    private double receptiveness;

    private Status status;
    private int joinTick;
    private double offer;
    private double utility;
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
        this.conditions = spec.conditions().stream().map(OwnCopy::of).toArray(Condition[]::new);
    }

    void reset() {
        status = Status.CANDIDATE;
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
        cost = plan.priorRelations[cell] ? symbolicJoinCost : joinCost;
        receptiveness = plan.receptiveness[cell];
        drivers[0] = plan.iranExposure[cell] * plan.iranAggression[cell] + plan.iranThreatShift[cell];
        drivers[1] = plan.publicOpposition[cell] * (1 - p.insulationDamping() * plan.regimeInsulation[cell])
                * (1 + p.gazaAmplification() * plan.gazaConflict[cell]) * (1 - p.statehoodRelief() * plan.statehoodPath[cell])
                + plan.israelThreat[cell] + plan.pressureShift[cell];
        drivers[2] = plan.diversificationNeed[cell] + plan.diversificationShift[cell];
        drivers[3] = (offer + plan.usRewardsShift[cell]) * receptiveness;
        drivers[4] = prestige * model.peerShare(index) + plan.peerInfluenceShift[cell];

        contributions[0] = p.weights().iranThreat() * drivers[0];
        contributions[1] = -p.weights().palestinianPressure() * drivers[1];
        contributions[2] = p.weights().economicDiversification() * drivers[2];
        contributions[3] = p.weights().usRewards() * drivers[3];
        contributions[4] = p.weights().peerInfluence() * drivers[4];
        contributions[COST] = -cost;
        utility = contributions[0] + contributions[1] + contributions[2] + contributions[3] + contributions[4] - cost;
    }

    /** One draw {@code u} in [0,1) against the hazard that applies to this state's status. */
    void decide(AccordsModel model, double u) {
        ModelParameters p = model.parameters();
        // (if-else on the constants rather than a switch: an enum switch reads a shared lookup table)
        if (status == Status.CANDIDATE) {
            if (u < Hazard.of(utility, p.joinThreshold(), p.temperature(), p.maxHazard())
                    && conditionsMet(model.plan(), model.tick())) {
                model.join(this);
            }
        } else if (status == Status.MEMBER) {
            // freezing mirrors joining: the hazard rises as utility falls below theta_exit
            if (u < Hazard.of(-utility, -p.exitThreshold(), p.temperature(), p.maxHazard())) model.freeze(this);
        } else if (u < Hazard.of(utility, p.joinThreshold(), p.temperature(), p.maxHazard())) {
            model.thaw(this);
        }
    }

    /**
     * Stated preconditions (e.g. a path to a Palestinian state) as this state perceives the world
     * in month {@code tick}; accordsPrestige as it saw it at its last assessment.
     */
    public boolean conditionsMet(WorldPlan plan, int tick) {
        for (Condition c : conditions) {
            double value = c.variable() == WorldVariable.ACCORDS_PRESTIGE ? perceivedPrestige : plan.perceived(c.variable(), tick, index);
            if (!c.isMet(value)) return false;
        }
        return true;
    }

    void setStatus(Status s, int tick) {
        if (s == Status.MEMBER && status == Status.CANDIDATE) joinTick = tick;
        status = s;
    }

    void receiveOffer(double size) { offer += size; }

    void decayOffer(double keep) { offer *= keep; }

    public Status status() { return status; }
    public boolean isActiveMember() { return status == Status.MEMBER; }
    public boolean hasJoined() { return status != Status.CANDIDATE; }
    public int joinTick() { return joinTick; }
    public double offer() { return offer; }
    public double utility() { return utility; }
    /** The join cost at the last assessment (symbolic while relations existed then). */
    public double cost() { return cost; }
    public double receptiveness() { return receptiveness; }
    public double driver(Driver d) { return drivers[d.ordinal()]; }
    /** Contributions to utility by driver ordinal, then the (negative) cost at {@link #COST}. Live array: read, don't keep. */
    public double[] contributions() { return contributions; }
}
