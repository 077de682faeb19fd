package org.accords.scenario;

import java.util.List;
import java.util.Map;

/**
 * One candidate state as the roster (and any per-scenario override) describes it.
 *
 * @param priorRelationsYear year relations with Israel began, or null: a state with prior
 *                           relations can only join symbolically (cheaper, dilutes the brand)
 * @param conditions         stated conditions, each in force from its dated statement
 * @param standingAsk        what Washington could offer the state, as a dated series ({@link StandingAsk#at})
 * @param sources            per attribute, its citation or assumption note
 */
public record StateSpec(String id, String name, List<String> blocs, Integer priorRelationsYear,
                        double iranExposure, double publicOpposition, double regimeInsulation,
                        double diversificationNeed, double usAlignment, List<Condition> conditions,
                        List<StandingAsk> standingAsk, Map<String, Sourced> sources) {
    public StateSpec {
        blocs = List.copyOf(blocs);
        conditions = List.copyOf(conditions);
        standingAsk = List.copyOf(standingAsk);
        sources = Map.copyOf(sources);
    }

    public boolean hasPriorRelations() { return priorRelationsYear != null; }

    /** The numeric attributes that scenarios may override, by their file names. */
    public static final List<String> NUMERIC_ATTRIBUTES = List.of(
            "iranExposure", "publicOpposition", "regimeInsulation", "diversificationNeed", "usAlignment");

    public StateSpec with(String attribute, double value) {
        return new StateSpec(id, name, blocs, priorRelationsYear,
                attribute.equals("iranExposure") ? value : iranExposure,
                attribute.equals("publicOpposition") ? value : publicOpposition,
                attribute.equals("regimeInsulation") ? value : regimeInsulation,
                attribute.equals("diversificationNeed") ? value : diversificationNeed,
                attribute.equals("usAlignment") ? value : usAlignment,
                conditions, standingAsk, sources);
    }

    public double attribute(String attribute) {
        return switch (attribute) {
            case "iranExposure" -> iranExposure;
            case "publicOpposition" -> publicOpposition;
            case "regimeInsulation" -> regimeInsulation;
            case "diversificationNeed" -> diversificationNeed;
            case "usAlignment" -> usAlignment;
            default -> throw new IllegalArgumentException(attribute);
        };
    }
}
