package org.accords.scenario;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/** The simulated horizon (inclusive months) and the ensemble size and master seed. */
public record RunSettings(YearMonth start, YearMonth end, int replications, long seed) {
    /** Number of simulated months; tick 0 is {@code start}. */
    public int months() { return (int) ChronoUnit.MONTHS.between(start, end) + 1; }

    public int tickOf(YearMonth m) { return (int) ChronoUnit.MONTHS.between(start, m); }

    public YearMonth monthOf(int tick) { return start.plusMonths(tick); }
}
