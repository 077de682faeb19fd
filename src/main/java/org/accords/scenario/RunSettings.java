package org.accords.scenario;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The simulated horizon (inclusive months), the ensemble size and master seed, and where the
 * states start: all candidates, or where the scenario's observed record puts them.
 */
public record RunSettings(YearMonth start, YearMonth end, int replications, long seed, Initial initial) {
    /** How the states start in the first month. */
    public enum Initial {
        /** Every state a candidate (a state with prior relations would join symbolically). */
        NONE("none"),
        /** Each state as the observed record stands before the first month: member, frozen or candidate. */
        OBSERVED("observed");

        private final String key;

        Initial(String key) { this.key = key; }

        public String key() { return key; }

        public static Initial byKey(String k) {
            for (Initial x : values()) if (x.key.equals(k)) return x;
            return null;
        }
    }

    /** A run whose states all start as candidates. */
    public RunSettings(YearMonth start, YearMonth end, int replications, long seed) {
        this(start, end, replications, seed, Initial.NONE);
    }

    /** Number of simulated months; tick 0 is {@code start}. */
    public int months() { return (int) ChronoUnit.MONTHS.between(start, end) + 1; }

    public int tickOf(YearMonth m) { return (int) ChronoUnit.MONTHS.between(start, m); }

    public YearMonth monthOf(int tick) { return start.plusMonths(tick); }

    public RunSettings withStart(YearMonth s, Initial i) { return new RunSettings(s, end, replications, seed, i); }

    public RunSettings withEnd(YearMonth e) { return new RunSettings(start, e, replications, seed, initial); }
}
