package org.accords.model;

import org.accords.scenario.BrokerParameters;
import org.accords.scenario.ModelParameters;
import org.accords.scenario.WorldVariable;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Washington as broker. Each month live offers decay; then, with probability
 * offerRate x usEngagement, and while fewer than {@code capacity} offers are live, it makes a
 * new offer to the candidate where the offer raises the monthly join probability most. It acts
 * on the utilities the states had last month.
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
        double chance = params.offerRate() * model.plan().usEngagement[tick];
        if (u >= chance || live >= params.capacity() || params.offerSize() <= 0) return;
        StateAgent target = chooseTarget(model, tick);
        if (target != null) {
            target.receiveOffer(params.offerSize());
            model.offerMade(target);
        }
    }

    /** The candidate without a live offer, whose conditions are met, with the largest gain in join hazard; ties go to roster order. */
    StateAgent chooseTarget(AccordsModel model, int tick) {
        ModelParameters p = model.parameters();
        StateAgent best = null;
        double bestGain = 0;
        for (StateAgent a : model.agents()) {
            if (a.hasJoined() || a.offer() >= LIVE_SHARE * params.offerSize()) continue;
            if (!a.conditionsMet(model.plan(), tick)) continue;
            double gain = gainFromOffer(a, p);
            if (gain > bestGain) {
                bestGain = gain;
                best = a;
            }
        }
        return best;
    }

    double gainFromOffer(StateAgent a, ModelParameters p) {
        double boost = p.weights().usRewards() * params.offerSize() * a.receptiveness();
        return Hazard.of(a.utility() + boost, p.joinThreshold(), p.temperature(), p.maxHazard())
                - Hazard.of(a.utility(), p.joinThreshold(), p.temperature(), p.maxHazard());
    }
}
