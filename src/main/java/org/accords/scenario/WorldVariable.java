package org.accords.scenario;

/** World variables, each in [0, 1], moved by shocks (DESIGN.md, "World variables"). */
public enum WorldVariable {
    IRAN_AGGRESSION("iranAggression", 0.6, "Iran's regional aggression as the Gulf perceives it"),
    GAZA_CONFLICT("gazaConflict", 0.1, "intensity of war in Gaza; amplifies Palestinian-cause pressure"),
    STATEHOOD_PATH("statehoodPath", 0.1, "credibility of a path to a Palestinian state; relieves pressure"),
    US_ENGAGEMENT("usEngagement", 0.5, "how hard Washington brokers normalization; scales the offer rate"),
    ISRAEL_THREAT("israelThreat", 0.0, "fear of Israel itself (e.g. after the Doha strike); adds to pressure"),
    ACCORDS_PRESTIGE("accordsPrestige", 0.5, "the brand: scales peer influence; substantive joins raise it, symbolic joins dilute it");

    private final String key;
    private final double defaultValue;
    private final String description;

    WorldVariable(String key, double defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() { return key; }
    public double defaultValue() { return defaultValue; }
    public String description() { return description; }

    public static WorldVariable byKey(String key) {
        for (WorldVariable v : values()) if (v.key.equals(key)) return v;
        return null;
    }
}
