package org.accords.report;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.accords.scenario.BadInputException;
import org.accords.scenario.RunSettings;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The months the time charts show ({@code --window 2026-01..2030-12}); the tables and CSV files
 * always cover the whole run. Either end may be left open ({@code 2026-01..} or {@code ..2030-12}):
 * it then falls on the run's own start or end.
 *
 * @param from first month shown, or null for the run's start
 * @param to last month shown, or null for the run's end
 */
public record ChartWindow(YearMonth from, YearMonth to) {
    /** The whole run: the default. */
    public static final ChartWindow WHOLE = new ChartWindow(null, null);
    static final String OPTION = "--window";

    /** Parses FROM..TO (YYYY-MM each, either may be empty); exit 2 with one line when it is not a window. */
    public static ChartWindow parse(String text) {
        String t = text == null ? "" : text.strip();
        int dots = t.indexOf("..");
        if (dots < 0 || t.indexOf("..", dots + 2) >= 0) {
            throw new BadInputException(null, OPTION, "expected FROM..TO in months, e.g. 2026-01..2030-12 (either end may be left open), found '" + t + "'");
        }
        YearMonth from = month(t.substring(0, dots));
        YearMonth to = month(t.substring(dots + 2));
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadInputException(null, OPTION, "starts " + from + " after it ends " + to);
        }
        return new ChartWindow(from, to);
    }

    private static YearMonth month(String s) {
        if (s.isBlank()) return null;
        try {
            if (!s.strip().matches("\\d{4}-\\d{2}")) throw new DateTimeParseException("", s, 0);
            return YearMonth.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new BadInputException(null, OPTION, "'" + s.strip() + "' is not a month YYYY-MM (e.g. 2026-01..2030-12)");
        }
    }

    public boolean isWhole() {
        return from == null && to == null;
    }

    /**
     * This window with its open ends filled from {@code run}, checked to lie within it; exit 2
     * naming the run's months when it does not ({@code what} names the run, e.g. "scenario 'x'").
     */
    public ChartWindow within(RunSettings run, String what) {
        YearMonth f = first(run);
        YearMonth l = last(run);
        if (f.isBefore(run.start()) || l.isAfter(run.end()) || f.isAfter(l)) {
            throw new BadInputException(null, OPTION, text(f, l) + " is not within " + what + ", " + text(run.start(), run.end()));
        }
        return new ChartWindow(f, l);
    }

    /** First tick of the run shown (the window must be {@linkplain #within resolved}). */
    public int firstTick(RunSettings run) {
        return (int) ChronoUnit.MONTHS.between(run.start(), first(run));
    }

    /** Last tick of the run shown, inclusive. */
    public int lastTick(RunSettings run) {
        return (int) ChronoUnit.MONTHS.between(run.start(), last(run));
    }

    /** The first month shown. */
    public YearMonth first(RunSettings run) {
        return from == null ? run.start() : from;
    }

    /** The last month shown. */
    public YearMonth last(RunSettings run) {
        return to == null ? run.end() : to;
    }

    /** True when the window shows fewer months than the run. */
    public boolean cuts(RunSettings run) {
        return !first(run).equals(run.start()) || !last(run).equals(run.end());
    }

    static String text(YearMonth f, YearMonth l) {
        return f + ".." + l;
    }

    /** For manifest.json: the months the charts show, and whether that is the whole run. */
    public Map<String, Object> manifest(RunSettings run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", first(run).toString());
        m.put("to", last(run).toString());
        m.put("wholeRun", !cuts(run));
        return m;
    }

    /** The line under a time chart's subtitle when the window cuts the run, else null. */
    public String note(RunSettings run) {
        return cuts(run) ? "Months shown: " + first(run) + " to " + last(run) + " of the run's " + run.start() + " to " + run.end() + " (--window)" : null;
    }

    /** Adds {@link #note} under the chart's subtitles (nothing when the window is the whole run). */
    public JFreeChart annotate(JFreeChart chart, RunSettings run) {
        String n = note(run);
        if (n == null) return chart;
        TextTitle t = new TextTitle(n, new Font(Charts.FONT, Font.ITALIC, 16));
        t.setPaint(new Color(0x33, 0x33, 0x66));
        t.setHorizontalAlignment(HorizontalAlignment.LEFT);
        t.setPadding(new RectangleInsets(0, 14, 8, 10));
        int at = 0;
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle tt && tt.getPosition() == org.jfree.chart.ui.RectangleEdge.TOP) at = i + 1;
        }
        chart.addSubtitle(at, t);
        return chart;
    }
}
