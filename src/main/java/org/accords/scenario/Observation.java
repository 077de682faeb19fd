package org.accords.scenario;

import java.time.YearMonth;

/**
 * An observed historical event (announcement month) that the backtest scores against and charts mark.
 *
 * @param date   the day or month as the source gives it ({@code 1994-09-01} or {@code 2000-10}), or empty
 * @param source the URL (or {@code scenarios/data} file) the event is checked against, or empty
 */
public record Observation(String state, Kind kind, YearMonth month, String note, String date, String source) {
    public Observation(String state, Kind kind, YearMonth month, String note) {
        this(state, kind, month, note, "", "");
    }

    /** Whether the event changes the state's status in the record (a symbolic join does not). */
    public boolean changesStatus() { return kind != Kind.SYMBOLIC; }

    public enum Kind {
        /** Official ties opened (diplomatic relations, interest sections, liaison or trade offices). */
        JOIN("join"),
        /** Ties suspended, cut or downgraded by the state (ambassador or head of mission recalled or withheld, office closed). */
        FREEZE("freeze"),
        /** What was suspended restored (ambassador back, office reopened). */
        THAW("thaw"),
        /** A state that already has ties joins the Abraham Accords brand: no change in ties. */
        SYMBOLIC("symbolic");
        private final String key;
        Kind(String key) { this.key = key; }
        public String key() { return key; }
        public static Kind byKey(String k) {
            for (Kind x : values()) if (x.key.equals(k)) return x;
            return null;
        }
    }
}
