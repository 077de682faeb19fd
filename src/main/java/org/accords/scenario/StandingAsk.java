package org.accords.scenario;

import java.time.YearMonth;
import java.util.List;

/**
 * What Washington could offer a state, as a source first shows the state asking for it: one dated
 * entry of the state's standing-ask series. The model uses the size (the value to the state of
 * having the ask met, 0-1); the kind is descriptive.
 */
public record StandingAsk(YearMonth from, Kind kind, double size) {
    public enum Kind {
        RECOGNITION("recognition"), SANCTIONS_RELIEF("sanctionsRelief"), ARMS("arms"), DEFENCE_PACT("defencePact"),
        TRADE("trade"), GENERIC("generic"), NONE("none");

        private final String key;

        Kind(String key) { this.key = key; }

        public String key() { return key; }

        public static Kind byKey(String k) {
            for (Kind x : values()) if (x.key.equals(k)) return x;
            return null;
        }
    }

    /** The entry in force in {@code month}: the one with the latest {@code from} at or before it, or null (no ask yet). */
    public static StandingAsk at(List<StandingAsk> series, YearMonth month) {
        StandingAsk found = null;
        for (StandingAsk a : series) {
            if (!a.from.isAfter(month) && (found == null || a.from.isAfter(found.from))) found = a;
        }
        return found;
    }

    /** Size of the ask in force in {@code month}; 0 before the first entry. */
    public static double sizeAt(List<StandingAsk> series, YearMonth month) {
        StandingAsk a = at(series, month);
        return a == null ? 0 : a.size;
    }

    /** The series assumed for a state whose asks are not coded: a generic ask of size 1 at every date. */
    public static final List<StandingAsk> NOT_CODED = List.of(new StandingAsk(YearMonth.of(1900, 1), Kind.GENERIC, 1.0));
}
