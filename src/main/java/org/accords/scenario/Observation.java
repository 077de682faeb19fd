package org.accords.scenario;

import java.time.YearMonth;

/** An observed historical event (announcement month) that the backtest scores against and charts mark. */
public record Observation(String state, Kind kind, YearMonth month, String note) {
    public enum Kind {
        JOIN("join"), FREEZE("freeze"), THAW("thaw");
        private final String key;
        Kind(String key) { this.key = key; }
        public String key() { return key; }
        public static Kind byKey(String k) {
            for (Kind x : values()) if (x.key.equals(k)) return x;
            return null;
        }
    }
}
