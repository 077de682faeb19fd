package org.accords.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The scalar scenario keys, each with its type, default, valid range and meaning: the one place
 * where defaults are declared. {@code scenarios/REFERENCE.md} is generated from this table and
 * a test keeps the two in step.
 */
public record Parameter(String path, Type type, Object defaultValue, double min, double max, String doc) {

    public enum Type { MONTH, INT, LONG, NUMBER, TEXT }

    public static final List<Parameter> ALL;

    static {
        List<Parameter> p = new ArrayList<>();
        p.add(new Parameter("name", Type.TEXT, null, 0, 0, "short id, used as the result folder name (default: the file name)"));
        p.add(new Parameter("title", Type.TEXT, "", 0, 0, "one-line title shown on charts and reports"));
        p.add(new Parameter("description", Type.TEXT, "", 0, 0, "the question, the facts it rests on (with sources) and what the modeller expects"));
        p.add(new Parameter("run.start", Type.MONTH, "2020-01", 0, 0, "first simulated month (tick 0), YYYY-MM"));
        p.add(new Parameter("run.end", Type.MONTH, "2030-12", 0, 0, "last simulated month (inclusive), YYYY-MM"));
        p.add(new Parameter("run.initial", Type.TEXT, "none", 0, 0, "none: every state starts as a candidate; observed: each state starts where the scenario's `observed` record puts it before run.start (member, frozen or candidate), and shocks under way at run.start act from the first month"));
        p.add(new Parameter("run.replications", Type.INT, 1000, 1, 10_000_000, "Monte Carlo replications"));
        p.add(new Parameter("run.seed", Type.LONG, 7L, 0, Long.MAX_VALUE, "master seed; replication k is seeded from (seed, k) alone"));
        p.add(new Parameter("model.weights.iranThreat", Type.NUMBER, 1.0, 0, 20, "weight of the Iran threat driver"));
        p.add(new Parameter("model.weights.palestinianPressure", Type.NUMBER, 1.5, 0, 20, "weight of Palestinian-cause pressure (subtracted)"));
        p.add(new Parameter("model.weights.economicDiversification", Type.NUMBER, 0.7, 0, 20, "weight of economic diversification need"));
        p.add(new Parameter("model.weights.usRewards", Type.NUMBER, 1.2, 0, 20, "weight of US rewards on offer"));
        p.add(new Parameter("model.weights.peerInfluence", Type.NUMBER, 0.6, 0, 20, "weight of peers already in"));
        p.add(new Parameter("model.joinThreshold", Type.NUMBER, 1.0, -20, 20, "theta_join: utility at which the join hazard is half of maxHazard; members thaw above it"));
        p.add(new Parameter("model.exitThreshold", Type.NUMBER, -0.5, -20, 20, "theta_exit (< joinThreshold): members freeze ties below it"));
        p.add(new Parameter("model.temperature", Type.NUMBER, 0.2, 0.001, 20, "tau: spread of the logistic hazard around a threshold"));
        p.add(new Parameter("model.maxHazard", Type.NUMBER, 0.3, 0.0, 1.0, "h_max: largest monthly probability of a join, freeze or thaw"));
        p.add(new Parameter("model.joinCost", Type.NUMBER, 0.5, 0, 20, "utility cost of a substantive join (no prior relations)"));
        p.add(new Parameter("model.symbolicJoinCost", Type.NUMBER, 0.1, 0, 20, "utility cost of a symbolic join (relations already exist)"));
        p.add(new Parameter("model.insulationDamping", Type.NUMBER, 0.7, 0, 1, "k: pressure = opposition x (1 - k x regimeInsulation) x ..."));
        p.add(new Parameter("model.gazaAmplification", Type.NUMBER, 1.0, 0, 20, "g: pressure x (1 + g x gazaConflict)"));
        p.add(new Parameter("model.statehoodRelief", Type.NUMBER, 0.6, 0, 1, "s: pressure x (1 - s x statehoodPath)"));
        p.add(new Parameter("model.blocPeerShare", Type.NUMBER, 0.7, 0, 1, "weight of bloc peers (vs all candidates) in peer influence"));
        p.add(new Parameter("model.prestigeGain", Type.NUMBER, 0.15, 0, 1, "a substantive join moves accordsPrestige this share of the way to 1"));
        p.add(new Parameter("model.prestigeDilution", Type.NUMBER, 0.1, 0, 1, "a symbolic join takes this share of accordsPrestige away"));
        p.add(new Parameter("model.conditionCost", Type.NUMBER, 2.0, 0, 20, "c: a stated condition (roster `conditions`, in force from its dated statement) costs c x max(0, x* - variable) a month"));
        p.add(new Parameter("model.conditionLevel", Type.NUMBER, 0.5, 0, 1, "x*: the level of a condition's world variable at which the condition counts as met (no cost)"));
        p.add(new Parameter("us.offerRate", Type.NUMBER, 0.3, 0, 1, "monthly chance of a new US offer at usEngagement = 1 (scaled by usEngagement)"));
        p.add(new Parameter("us.offerSize", Type.NUMBER, 0.6, 0, 20, "size of a new offer (usRewards units, before x usAlignment)"));
        p.add(new Parameter("us.offerDecay", Type.NUMBER, 0.85, 0, 1, "share of an offer left after each month"));
        p.add(new Parameter("us.askShare", Type.NUMBER, 0.0, 0, 1, "a: share of an offer's value that comes from meeting the state's standing ask: usRewards = offer x (a x askSize + (1 - a) x usAlignment)"));
        p.add(new Parameter("us.capacity", Type.INT, 2, 0, 1000, "most US offers live at once"));
        for (WorldVariable v : WorldVariable.values()) {
            p.add(new Parameter("world." + v.key(), Type.NUMBER, v.defaultValue(), 0, 1, "start value: " + v.description()));
        }
        p.add(new Parameter("states.roster", Type.TEXT, "roster.yaml", 0, 0, "roster file, relative to the scenario file that names it (default: scenarios/roster.yaml)"));
        ALL = Collections.unmodifiableList(p);
    }

    public static Parameter byPath(String path) {
        for (Parameter p : ALL) if (p.path.equals(path)) return p;
        return null;
    }

    /** Keys directly under a section path ("" for the top level), in declaration order. */
    public static List<String> childKeys(String section) {
        String prefix = section.isEmpty() ? "" : section + ".";
        List<String> keys = new ArrayList<>();
        for (Parameter p : ALL) {
            if (!p.path.startsWith(prefix)) continue;
            String rest = p.path.substring(prefix.length());
            String first = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
            if (!keys.contains(first)) keys.add(first);
        }
        return keys;
    }

    public String rangeText() {
        return switch (type) {
            case MONTH -> "YYYY-MM";
            case TEXT -> "text";
            case INT, LONG -> (long) min + " .. " + (max >= Long.MAX_VALUE ? "2^63-1" : String.valueOf((long) max));
            case NUMBER -> fmt(min) + " .. " + fmt(max);
        };
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
