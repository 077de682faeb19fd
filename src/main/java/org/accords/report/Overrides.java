package org.accords.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command-line choices that changed the scenario files for a run: a {@code --params}
 * fragment, {@code --set} overrides, {@code --reps} and {@code --seed}. Recorded in
 * manifest.json, under every chart's subtitle and on the pages, so no figure is shown without
 * what made it.
 *
 * @param params the --params fragment (as given), or null
 */
public record Overrides(String params, List<String> sets, Integer reps, Long seed) {
    public static final Overrides NONE = new Overrides(null, List.of(), null, null);
    /** Longest note under a chart's subtitle, in characters. */
    static final int CHART_NOTE = 110;

    public Overrides {
        sets = sets == null ? List.of() : List.copyOf(sets);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return params == null && sets.isEmpty() && reps == null && seed == null;
    }

    /** As typed on the command line: {@code --params fit.yaml --set a=1 --reps 200 --seed 3}. */
    public String text() {
        List<String> parts = new ArrayList<>();
        if (params != null) parts.add("--params " + params);
        for (String s : sets) parts.add("--set " + s);
        if (reps != null) parts.add("--reps " + reps);
        if (seed != null) parts.add("--seed " + seed);
        return String.join(" ", parts);
    }

    /** {@link #text()} cut to {@code max} characters at a word, with "…" when cut. */
    public String shortText(int max) {
        String t = text();
        if (t.length() <= max) return t;
        int cut = t.lastIndexOf(' ', max - 1);
        return t.substring(0, cut > max / 2 ? cut : max - 1) + " …";
    }

    /** The line under chart subtitles, or null when nothing was overridden. */
    public String chartNote() {
        return isEmpty() ? null : "Overrides: " + shortText(CHART_NOTE);
    }

    /** For manifest.json: only what was given. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (params != null) m.put("params", params);
        if (!sets.isEmpty()) m.put("set", sets);
        if (reps != null) m.put("reps", reps);
        if (seed != null) m.put("seed", seed);
        return m;
    }
}
