package org.accords.model;

import org.accords.scenario.BrokerParameters;
import org.accords.scenario.Condition;
import org.accords.scenario.ModelParameters;
import org.accords.scenario.StateSpec;
import org.accords.scenario.Weights;

/**
 * Copies of the scenario's small records for one model, made by the thread that builds the model.
 * The monthly loop reads these records for every state every month; when the worker threads of an
 * ensemble share them, the garbage collector can move them next to one thread's working data, and
 * the other thread's reads then miss the cache every time (see {@link WorldPlan#copyForModel()}).
 */
final class OwnCopy {
    private OwnCopy() {}

    static ModelParameters of(ModelParameters p) {
        Weights w = p.weights();
        return new ModelParameters(
                new Weights(w.iranThreat(), w.palestinianPressure(), w.economicDiversification(), w.usRewards(), w.peerInfluence()),
                p.joinThreshold(), p.exitThreshold(), p.temperature(), p.maxHazard(), p.joinCost(), p.symbolicJoinCost(),
                p.insulationDamping(), p.gazaAmplification(), p.statehoodRelief(), p.blocPeerShare(), p.prestigeGain(),
                p.prestigeDilution());
    }

    static BrokerParameters of(BrokerParameters b) {
        return new BrokerParameters(b.offerRate(), b.offerSize(), b.offerDecay(), b.rewardFloor(), b.capacity());
    }

    static StateSpec of(StateSpec s) {
        return new StateSpec(s.id(), s.name(), s.blocs(), s.priorRelationsYear(), s.iranExposure(), s.publicOpposition(),
                s.regimeInsulation(), s.diversificationNeed(), s.usAlignment(), s.conditions(), s.sources(), s.series());
    }

    static Condition of(Condition c) {
        return new Condition(c.variable(), c.atLeast(), c.level());
    }
}
