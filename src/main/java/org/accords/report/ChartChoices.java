package org.accords.report;

import java.util.List;

/**
 * What the command line chose about the charts (not the results): the months of the time charts
 * and the states of the trajectory charts. Recorded in manifest.json.
 *
 * @param window the months the time charts show
 * @param states the states of the trajectory charts (empty: the movers)
 */
public record ChartChoices(ChartWindow window, List<String> states) {
    public static final ChartChoices DEFAULT = new ChartChoices(ChartWindow.WHOLE, List.of());

    public ChartChoices {
        window = window == null ? ChartWindow.WHOLE : window;
        states = states == null ? List.of() : List.copyOf(states);
    }
}
