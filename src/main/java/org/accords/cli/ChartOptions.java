package org.accords.cli;

import java.util.ArrayList;
import java.util.List;
import org.accords.report.ChartChoices;
import org.accords.report.ChartWindow;
import org.accords.scenario.BadInputException;
import org.accords.scenario.RunSettings;
import picocli.CommandLine.Option;

/** Options about the charts of run and compare: the time charts' window and the trajectories' states. */
final class ChartOptions {
    @Option(names = "--window", paramLabel = "FROM..TO",
            description = "Months the time charts show, e.g. --window 2026-01..2030-12 (either end may be left open: 2026-01..). "
                    + "Default: the whole run. Tables and CSV files always cover the whole run.")
    String window;

    @Option(names = "--states", paramLabel = "ID,ID", split = ",",
            description = "States for the trajectories and \"why not\" charts, e.g. --states SAU,PAK,KAZ (default: the movers; for "
                    + "\"why not\", the candidates that join in fewer than half the runs, those the scenario names first, then the nearest misses).")
    List<String> states = new ArrayList<>();

    /** The window, parsed (exit 2 when malformed): checked against a run later. */
    ChartWindow parsedWindow() {
        return window == null ? ChartWindow.WHOLE : ChartWindow.parse(window);
    }

    /**
     * The choices checked against the run the charts show (exit 2 before any simulation when the
     * window is not within it); {@code what} names the run in the message.
     */
    ChartChoices resolve(RunSettings run, String what) {
        ChartWindow w = parsedWindow();
        return new ChartChoices(w.isWhole() ? w : w.within(run, what), states);
    }

    /** Checks each --states id against the states some scenario simulates. */
    void checkStates(java.util.function.Predicate<String> known, String where) {
        for (String id : states) {
            if (!known.test(id)) {
                throw new BadInputException(null, "--states", "unknown state id '" + id + "' in " + where
                        + "; a state not in the roster is added by file with states: {add: [...]}");
            }
        }
    }
}
