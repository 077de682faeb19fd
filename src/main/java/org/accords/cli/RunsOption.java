package org.accords.cli;

import org.accords.experiment.EnsembleResult;
import org.accords.scenario.Scenario;
import picocli.CommandLine;

/** Whether a run writes runs.csv: auto (up to {@link #AUTO_ROWS} rows), on, off. */
enum RunsOption {
    AUTO, ON, OFF;

    /** About 6 MB of CSV (16,000 replications of 31 states): beyond it, ask with --runs on (keeps large timing runs as they were). */
    static final long AUTO_ROWS = 500_000;

    boolean wanted(Scenario sc, boolean quiet) {
        long rows = (long) sc.run().replications() * sc.states().size();
        if (this == AUTO && rows > AUTO_ROWS && !quiet) {
            System.err.printf(java.util.Locale.ROOT, "accords: runs.csv not written (%,d rows; --runs on writes it)%n", rows);
        }
        return this == ON || (this == AUTO && rows <= AUTO_ROWS);
    }

    boolean wanted(EnsembleResult r, boolean quiet) {
        return wanted(r.scenario, quiet);
    }

    static final class Converter implements CommandLine.ITypeConverter<RunsOption> {
        @Override
        public RunsOption convert(String value) {
            return switch (value) {
                case "auto" -> AUTO;
                case "on" -> ON;
                case "off" -> OFF;
                default -> throw new CommandLine.TypeConversionException("expected auto, on or off, found '" + value + "'");
            };
        }
    }
}
