package org.accords.scenario;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roster's dated attributes of a scenario's states, month by month, computed once per
 * scenario: at month t each value is the latest measurement dated at or before t, or a marked
 * assumption (see {@link AttributeSeries}). The model reads the rows; runs report how many
 * state-months used an assumption, per attribute.
 */
public final class Vintages {
    /** The attributes, in row order: {@link StateSpec#DATED_ATTRIBUTES}. */
    public static final List<String> ATTRIBUTES = StateSpec.DATED_ATTRIBUTES;

    private final int months;
    private final int states;
    /** [attribute][tick * states + state]; priorRelations: NaN for none, else the year. */
    private final double[][] values;
    private final AttributeSeries.Use[][] uses;
    private final int[] assumptionUses;

    public Vintages(Scenario scenario) {
        months = scenario.run().months();
        List<StateSpec> specs = scenario.states();
        states = specs.size();
        values = new double[ATTRIBUTES.size()][months * states];
        uses = new AttributeSeries.Use[ATTRIBUTES.size()][months * states];
        assumptionUses = new int[ATTRIBUTES.size()];
        for (int t = 0; t < months; t++) {
            YearMonth month = scenario.run().monthOf(t);
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < ATTRIBUTES.size(); a++) {
                    AttributeSeries.Use u = specs.get(s).valueAt(ATTRIBUTES.get(a), month);
                    values[a][t * states + s] = u.value();
                    uses[a][t * states + s] = u;
                    if (u.assumption()) assumptionUses[a]++;
                }
            }
        }
    }

    public static int index(String attribute) {
        int i = ATTRIBUTES.indexOf(attribute);
        if (i < 0) throw new IllegalArgumentException(attribute);
        return i;
    }

    /** The row of one attribute, [tick * states + state] (shared: read, don't write). */
    public double[] row(String attribute) { return values[index(attribute)]; }

    /** What state {@code s} uses for the attribute in month {@code tick}, with its date and assumption mark. */
    public AttributeSeries.Use use(String attribute, int tick, int s) { return uses[index(attribute)][tick * states + s]; }

    /** State-months whose value of some attribute is an assumption (a stated one, or a later measurement carried back). */
    public int assumptionUses() {
        int n = 0;
        for (int u : assumptionUses) n += u;
        return n;
    }

    /** {@link #assumptionUses()} by attribute, in {@link #ATTRIBUTES} order. */
    public Map<String, Integer> assumptionUsesByAttribute() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int a = 0; a < ATTRIBUTES.size(); a++) m.put(ATTRIBUTES.get(a), assumptionUses[a]);
        return m;
    }

    /** All state-month-attribute values of the run (the denominator of the assumption count). */
    public int valueUses() { return ATTRIBUTES.size() * months * states; }

    public int months() { return months; }

    public int states() { return states; }
}
