package org.accords.scenario;

/** The five things a candidate state weighs each month (DESIGN.md, "Drivers each month"). */
public enum Driver {
    IRAN_THREAT("iranThreat"),
    PALESTINIAN_PRESSURE("palestinianPressure"),
    ECONOMIC_DIVERSIFICATION("economicDiversification"),
    US_REWARDS("usRewards"),
    PEER_INFLUENCE("peerInfluence");

    private final String key;

    Driver(String key) { this.key = key; }

    /** The name used in scenario files and output columns. */
    public String key() { return key; }

    public static Driver byKey(String key) {
        for (Driver d : values()) if (d.key.equals(key)) return d;
        return null;
    }
}
