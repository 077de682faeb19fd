package org.accords.scenario;

/** Utility weights w_k of the drivers. Palestinian pressure enters with a minus sign. */
public record Weights(double iranThreat, double palestinianPressure, double economicDiversification,
                      double usRewards, double peerInfluence) {
    public double of(Driver d) {
        return switch (d) {
            case IRAN_THREAT -> iranThreat;
            case PALESTINIAN_PRESSURE -> palestinianPressure;
            case ECONOMIC_DIVERSIFICATION -> economicDiversification;
            case US_REWARDS -> usRewards;
            case PEER_INFLUENCE -> peerInfluence;
        };
    }
}
