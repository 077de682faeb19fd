package org.accords.gui;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.DefaultListModel;
import javax.swing.SwingUtilities;
import org.accords.model.EventKind;
import org.accords.model.StateAgent;
import org.accords.scenario.Driver;

/**
 * Joins, freezes, thaws, US offers and shocks of the current replication as they happen, with
 * their month. The model thread appends; the Swing list follows on the event thread.
 */
public final class EventLog {
    public record Entry(YearMonth month, EventKind kind, String subject, String text) {}

    private final List<Entry> entries = new ArrayList<>();
    /** What the log window shows (changed only on the Swing event thread). */
    final DefaultListModel<String> lines = new DefaultListModel<>();

    void add(YearMonth month, EventKind kind, String subject, String detail) {
        Entry e = new Entry(month, kind, subject, String.format(Locale.ROOT, "%s  %-11s %s", month, kind.key(), detail));
        synchronized (entries) { entries.add(e); }
        SwingUtilities.invokeLater(() -> lines.addElement(e.text()));
    }

    /** A note that is not a model event (e.g. a refused parameter change), shown but not counted. */
    void note(String text) {
        SwingUtilities.invokeLater(() -> lines.addElement(text));
    }

    void clear(String header) {
        synchronized (entries) { entries.clear(); }
        SwingUtilities.invokeLater(() -> {
            lines.clear();
            lines.addElement(header);
        });
    }

    public List<Entry> entries() {
        synchronized (entries) { return List.copyOf(entries); }
    }

    /** "ARE joins: utility 1.23 = US rewards +2.10, Palestinian pressure -0.80, ..." (largest contributions first). */
    static String explain(String verb, StateAgent a) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s %s: utility %.2f =", a.spec.id(), verb, a.utility()));
        double[] c = a.contributions();
        Integer[] order = new Integer[c.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(Math.abs(c[y]), Math.abs(c[x])));
        for (int i : order) {
            if (Math.abs(c[i]) < 0.005) continue;
            String name = i == StateAgent.COST ? "cost" : Driver.values()[i].key();
            b.append(String.format(Locale.ROOT, " %s %+.2f,", name, c[i]));
        }
        b.setLength(b.length() - 1);
        return b.toString();
    }
}
