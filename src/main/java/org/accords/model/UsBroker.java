package org.accords.model;

import org.accords.scenario.BrokerParameters;
import org.accords.scenario.ModelParameters;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Washington as broker. Each month live offers decay; then, while fewer than {@code capacity}
 * offers are live, it makes a new offer with probability offerRate x usEngagement, where
 * usEngagement is the highest among the states it could still court (a bloc-wide push raises it
 * for that bloc only). The offer goes to the candidate without a live offer where it raises the
 * monthly join probability most, weighted by how engaged Washington is with that state. An offer is
 * worth more to a state whose standing ask it meets (WorldPlan.receptiveness). The broker acts on
 * the utilities the states had last month.
 */
public final class UsBroker implements Steppable {
    private static final long serialVersionUID = 1L;

    /** An offer counts as live while at least this share of a new offer remains. */
    public static final double LIVE_SHARE = 0.1;

    private final BrokerParameters params;

    UsBroker(BrokerParameters params) { this.params = params; }

    @Override
    public void step(SimState state) {
        AccordsModel model = (AccordsModel) state;
        int tick = model.tick();
        StateAgent[] agents = model.agents();
        int live = 0;
        for (StateAgent a : agents) {
            a.decayOffer(params.offerDecay());
            if (a.offer() >= LIVE_SHARE * params.offerSize()) live++;
        }
        // one draw every month, offer or not, so runs stay aligned for common random numbers
        double u = model.random.nextDouble();
        if (live >= params.capacity() || params.offerSize() <= 0 || u >= params.offerRate() * engagement(model, tick)) return;
        StateAgent target = chooseTarget(model, tick);
        if (target != null) {
            target.receiveOffer(params.offerSize());
            model.offerMade(target);
        }
    }

    private boolean courtable(StateAgent a) {
        return !a.hasJoined() && a.offer() < LIVE_SHARE * params.offerSize();
    }

    /** usEngagement with the most engaged of the states Washington could court (candidates without a live offer); 0 if none. */
    double engagement(AccordsModel model, int tick) {
        WorldPlan plan = model.plan();
        double e = 0;
        for (StateAgent a : model.agents()) {
            if (courtable(a)) e = Math.max(e, plan.usEngagementSeen[tick * plan.stateCount + a.index]);
        }
        return e;
    }

    /** The candidate without a live offer with the largest engagement-weighted gain in join hazard (ties go to roster order), or null. */
    StateAgent chooseTarget(AccordsModel model, int tick) {
        ModelParameters p = model.parameters();
        WorldPlan plan = model.plan();
        StateAgent best = null;
        double bestValue = 0;
        for (StateAgent a : model.agents()) {
            if (!courtable(a)) continue;
            int cell = tick * plan.stateCount + a.index;
            double value = plan.usEngagementSeen[cell] * gainFromOffer(a, p, plan.receptiveness[cell]);
            if (value > bestValue) {
                bestValue = value;
                best = a;
            }
        }
        return best;
    }

    /** How much an offer would raise the state's monthly join hazard, given what a unit of offer is worth to it. */
    double gainFromOffer(StateAgent a, ModelParameters p, double receptiveness) {
        double boost = p.weights().usRewards() * params.offerSize() * receptiveness;
        return Hazard.of(a.utility() + boost, p.joinThreshold(), p.temperature(), p.maxHazard())
                - Hazard.of(a.utility(), p.joinThreshold(), p.temperature(), p.maxHazard());
    }
}
