package org.accords.scenario;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One candidate state as the roster (and any per-scenario override) describes it.
 *
 * <p>Every numeric attribute and priorRelations is a dated series ({@link #series}, read with
 * {@link #valueAt}); the scalar components hold each series' latest measurement, for code that
 * wants one number (tables, the bench kernel). The model reads the series month by month.
 *
 * @param priorRelationsYear year relations with Israel began, or null: a state with prior
 *                           relations can only join symbolically (cheaper, dilutes the brand)
 * @param sources            per attribute, its citation or assumption note
 * @param series             per attribute of {@link #DATED_ATTRIBUTES}, its dated measurements
 *                           (priorRelations: the year, NaN for none)
 */
public record StateSpec(String id, String name, List<String> blocs, Integer priorRelationsYear,
                        double iranExposure, double publicOpposition, double regimeInsulation,
                        double diversificationNeed, double usAlignment, List<Condition> conditions,
                        Map<String, Sourced> sources, Map<String, AttributeSeries> series) {
    public StateSpec {
        blocs = List.copyOf(blocs);
        conditions = List.copyOf(conditions);
        sources = Map.copyOf(sources);
        Map<String, AttributeSeries> all = new LinkedHashMap<>();
        for (String a : DATED_ATTRIBUTES) {
            AttributeSeries s = series.get(a);
            all.put(a, s != null ? s : AttributeSeries.undated(scalar(a, priorRelationsYear, iranExposure, publicOpposition,
                    regimeInsulation, diversificationNeed, usAlignment), sources.getOrDefault(a, new Sourced(null, null, null))));
        }
        series = Map.copyOf(all);
    }

    /** A state whose attributes are single undated values (hand-written rosters, tests, the bench). */
    public StateSpec(String id, String name, List<String> blocs, Integer priorRelationsYear,
                     double iranExposure, double publicOpposition, double regimeInsulation,
                     double diversificationNeed, double usAlignment, List<Condition> conditions,
                     Map<String, Sourced> sources) {
        this(id, name, blocs, priorRelationsYear, iranExposure, publicOpposition, regimeInsulation, diversificationNeed,
                usAlignment, conditions, sources, Map.of());
    }

    public boolean hasPriorRelations() { return priorRelationsYear != null; }

    /** The numeric attributes that scenarios may override, by their file names. */
    public static final List<String> NUMERIC_ATTRIBUTES = List.of(
            "iranExposure", "publicOpposition", "regimeInsulation", "diversificationNeed", "usAlignment");

    /** The attributes held as dated series: the numeric ones and priorRelations. */
    public static final List<String> DATED_ATTRIBUTES = List.of(
            "iranExposure", "publicOpposition", "regimeInsulation", "diversificationNeed", "usAlignment", "priorRelations");

    /** A scenario override: the attribute becomes one undated value at every month (the what-if's input, not a measurement). */
    public StateSpec with(String attribute, double value) {
        Map<String, AttributeSeries> s = new LinkedHashMap<>(series);
        s.put(attribute, AttributeSeries.undated(value, new Sourced("scenario file", "states.overrides", null)));
        return new StateSpec(id, name, blocs, priorRelationsYear,
                attribute.equals("iranExposure") ? value : iranExposure,
                attribute.equals("publicOpposition") ? value : publicOpposition,
                attribute.equals("regimeInsulation") ? value : regimeInsulation,
                attribute.equals("diversificationNeed") ? value : diversificationNeed,
                attribute.equals("usAlignment") ? value : usAlignment,
                conditions, sources, s);
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

    /** The value of a dated attribute in force in {@code month}, and whether it is an assumption. */
    public AttributeSeries.Use valueAt(String attribute, YearMonth month) {
        AttributeSeries s = series.get(attribute);
        if (s == null) throw new IllegalArgumentException(attribute);
        return s.at(month);
    }

    /** Whether relations with Israel existed in {@code month} by the dated series (a join then is symbolic). */
    public boolean hasPriorRelationsAt(YearMonth month) {
        return !Double.isNaN(valueAt("priorRelations", month).value());
    }

    private static double scalar(String a, Integer prior, double ie, double po, double ri, double dn, double ua) {
        return switch (a) {
            case "iranExposure" -> ie;
            case "publicOpposition" -> po;
            case "regimeInsulation" -> ri;
            case "diversificationNeed" -> dn;
            case "usAlignment" -> ua;
            case "priorRelations" -> prior == null ? Double.NaN : prior;
            default -> throw new IllegalArgumentException(a);
        };
    }
}
