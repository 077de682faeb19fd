package org.accords.scenario;

import java.time.YearMonth;
import java.util.List;

/**
 * A dated change to the world. Intensity rises linearly over {@code ramp} months from
 * {@code start}, is full until {@code end} (inclusive) and falls linearly over {@code decay}
 * months after it, from the level it had reached; it is zero outside [start, end + decay].
 *
 * @param targetStates ids of the targeted states (all roster states for target "all")
 * @param targetsAll   true for target "all": world effects then also move the global variable
 */
public record Shock(String id, String label, YearMonth start, YearMonth end, int ramp, int decay,
                    String target, List<String> targetStates, boolean targetsAll, List<Effect> effects) {
    public Shock {
        targetStates = List.copyOf(targetStates);
        effects = List.copyOf(effects);
    }

    /** A signed change to a driver (for the targeted states) or to a world variable. */
    public record Effect(String key, Driver driver, WorldVariable variable, double amount) {}

    /** Intensity in [0, 1] in the given month. */
    public double intensity(YearMonth month) {
        if (month.isBefore(start)) return 0;
        if (!month.isAfter(end)) {
            long since = java.time.temporal.ChronoUnit.MONTHS.between(start, month);
            return since < ramp ? (since + 1.0) / (ramp + 1.0) : 1.0;
        }
        long after = java.time.temporal.ChronoUnit.MONTHS.between(end, month);
        // fade from the level reached at the end (below 1 when the ramp outlasts the window)
        return after <= decay ? intensity(end) * (1.0 - after / (decay + 1.0)) : 0.0;
    }

    /** Last month with non-zero intensity. */
    public YearMonth lastActiveMonth() { return end.plusMonths(decay); }
}
