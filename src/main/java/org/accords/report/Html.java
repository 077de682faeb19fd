package org.accords.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.accords.experiment.EnsembleResult;
import org.accords.scenario.StateSpec;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Static, self-contained HTML pages: inline CSS, images embedded as data URIs ({@link #embedImages}), no scripts, fonts or
 * styles from the network. Every text that comes from a scenario file is escaped.
 */
public final class Html {
    static final String STYLE = """
            body{font-family:"DejaVu Sans",Arial,sans-serif;margin:2em auto;max-width:1200px;color:#222;line-height:1.45;padding:0 1em}
            h1{font-size:1.6em;margin-bottom:.2em} h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ddd}
            .meta{color:#555} img{width:100%;height:auto;border:1px solid #eee;margin:.5em 0}
            table{border-collapse:collapse;font-size:.9em;margin:.5em 0} th,td{border-bottom:1px solid #e4e4e4;padding:.25em .7em;text-align:right}
            th{background:#f6f6f6} td:first-child,th:first-child,td.l{text-align:left}
            pre{background:#f7f7f7;padding:1em;overflow:auto;font-size:.85em;max-height:40em}
            .desc{white-space:pre-wrap;max-width:48em;overflow-wrap:anywhere} .scenario h3{margin-bottom:.2em;font-size:1.05em}
            .swatch{display:inline-block;width:.9em;height:.9em;margin-right:.5em;vertical-align:-.1em;border-radius:2px}
            """;

    private Html() {}

    public static String esc(String s) {
        return StringEscapeUtils.escapeHtml4(s == null ? "" : s);
    }

    private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]']");

    /** A description as HTML: escaped, with its web addresses as links. */
    public static String desc(String text) {
        String t = text == null ? "" : text.strip();
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = URL.matcher(t);
        int at = 0;
        while (m.find()) {
            out.append(esc(t.substring(at, m.start())));
            String url = esc(m.group());
            out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
            at = m.end();
        }
        return out.append(esc(t.substring(at))).toString();
    }

    private static final java.util.regex.Pattern IMG = java.util.regex.Pattern.compile("<img src=\"([A-Za-z0-9_.-]+\\.png)\"");

    /**
     * Makes every page in {@code dir} self-contained: each {@code <img src="x.png">} of a PNG in
     * the same folder becomes a data URI, so the page can be mailed or attached alone.
     */
    public static void embedImages(Path dir) throws IOException {
        List<Path> pages;
        try (var s = Files.list(dir)) {
            pages = s.filter(p -> p.getFileName().toString().endsWith(".html") && Files.isRegularFile(p)).sorted().toList();
        }
        for (Path page : pages) {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            java.util.regex.Matcher m = IMG.matcher(html);
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                Path png = dir.resolve(m.group(1));
                String replacement = m.group();
                if (Files.isRegularFile(png)) {
                    replacement = "<img src=\"data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(png)) + "\"";
                    changed = true;
                }
                m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            if (changed) Files.writeString(page, out.toString(), StandardCharsets.UTF_8);
        }
    }

    static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + "</title><style>" + STYLE + "</style></head><body>\n";
    }

    static String figure(String name, String alt) {
        return "<p><a href=\"" + name + ".svg\"><img src=\"" + name + ".png\" alt=\"" + esc(alt) + "\"></a></p>\n";
    }

    public static void writeRunPage(EnsembleResult r, Path dir, String version) throws IOException {
        writeRunPage(r, dir, version, Overrides.NONE);
    }

    /** The line that says what the command line changed, or nothing. */
    static String overridesLine(Overrides o, String what) {
        return o.isEmpty() ? "" : "<p class=\"overrides\"><strong>" + what + " changed on the command line:</strong> <code>" + esc(o.text()) + "</code></p>\n";
    }

    public static void writeRunPage(EnsembleResult r, Path dir, String version, Overrides overrides) throws IOException {
        var sc = r.scenario;
        String title = sc.title().isBlank() ? sc.name() : sc.title();
        StringBuilder h = new StringBuilder(head(title + " · accords-sim"));
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        h.append("<p class=\"meta\">Scenario <code>").append(esc(sc.name())).append("</code> · ")
                .append(String.format(Locale.ROOT, "%,d", r.runs())).append(" replications · seed ").append(r.seed)
                .append(" · ").append(sc.run().start()).append(" to ").append(sc.run().end())
                .append(" · accords-sim ").append(esc(version)).append("</p>\n");
        h.append(overridesLine(overrides, "Scenario"));
        if (!sc.description().isBlank()) h.append("<p class=\"desc\">").append(desc(sc.description())).append("</p>\n");
        h.append("<h2>Adoption</h2>\n").append(figure("adoption", "Adoption curve"));
        h.append("<p>Active members are states that have joined and not frozen ties. The dark band holds the middle 50% of runs, the light band 90%. "
                + "The bars above the curve are the scenario's shocks; the red line is the observed record where the scenario has one.</p>\n");
        h.append(parametersNote(r));
        h.append("<h2>States</h2>\n").append(figure("states", "Join probabilities per state"));
        h.append(figure("trajectories", "P(joined by) and P(active member) over time for the movers or the chosen states"));
        h.append(stateTable(r));
        h.append("<h2>Why states join</h2>\n").append(figure("drivers", "Driver contributions at joining"));
        if (Files.exists(dir.resolve(WhyNotReport.FILE + ".png"))) {
            h.append("<h2>Why not?</h2>\n").append(figure(WhyNotReport.FILE, "Utility of joining against the join threshold, by driver"));
            h.append("<p>For each state, while it is a candidate (or a frozen member weighing a thaw): its utility of joining, mean and the "
                    + "middle 80% of runs, against the join threshold, and the parts that make it up. A state joins only when its utility "
                    + "nears the threshold; the parts show what holds it below. Shaded months: an unmet stated condition costs it utility "
                    + "in most runs (a cost, never a gate). Every state, every month: <a href=\"whynot.csv\">whynot.csv</a>.</p>\n");
        }
        h.append("<h2>Files</h2>\n<ul>");
        List<String> files = new java.util.ArrayList<>(List.of("adoption.csv", "membership.csv", "states.csv", "events.csv", "trace.csv", "runs.csv",
                WhyNotReport.FILE + ".csv", "scenario.resolved.yaml", "roster.yaml", "manifest.json"));
        if (r.parameterSets != null) files.add(RunFolderIO.PARAMETER_SETS);
        for (String f : files) {
            if (!Files.exists(dir.resolve(f))) continue;
            h.append("<li><a href=\"").append(f).append("\">").append(f).append("</a></li>");
        }
        h.append("</ul>\n<h2>Resolved scenario</h2>\n<pre>")
                .append(esc(Files.readString(dir.resolve("scenario.resolved.yaml")))).append("</pre>\n");
        h.append("<h2>Manifest</h2>\n<pre>").append(esc(Files.readString(dir.resolve("manifest.json")))).append("</pre>\n");
        h.append("</body></html>\n");
        Files.writeString(dir.resolve("index.html"), h.toString(), StandardCharsets.UTF_8);
        embedImages(dir); // one self-contained file
    }

    /** What the bands hold: chance alone (one parameter point) or parameter and random uncertainty together (an ensemble). */
    static String parametersNote(EnsembleResult r) {
        if (r.parameterSets == null) {
            return "<p><b>Parameters:</b> one parameter set, so the bands show random uncertainty only (the same world, different draws), "
                    + "not how much the answer depends on parameters that history does not pin down.</p>\n";
        }
        String held = r.held.isEmpty() ? "" : " The scenario sets " + esc(String.join(", ", new java.util.TreeSet<>(r.held)))
                + " itself; those keep its value in every set.";
        return "<p><b>Parameters:</b> the replications are spread over the " + r.parameterSets.size() + " parameter sets of <code>"
                + esc(r.parameterSets.file().getFileName().toString()) + "</code> that history matching did not rule out (replication r uses set r mod "
                + r.parameterSets.size() + "), so the bands show parameter and random uncertainty together." + held
                + " <code>--params point</code> runs the single best fit instead.</p>\n";
    }

    /** The comparison page: each scenario's title and description, the four charts, the tables. */
    public static void writeComparePage(List<EnsembleResult> results, int baseline, Path dir, String version, String summary) throws IOException {
        writeComparePage(results, baseline, dir, version, summary, Overrides.NONE);
    }

    public static void writeComparePage(List<EnsembleResult> results, int baseline, Path dir, String version, String summary,
                                        Overrides overrides) throws IOException {
        StringBuilder h = new StringBuilder(head("Comparison · accords-sim"));
        EnsembleResult base = results.get(baseline);
        h.append("<h1>Comparison of ").append(results.size()).append(" scenarios</h1>\n");
        h.append("<p class=\"meta\">").append(base.scenario.run().start()).append(" to ").append(base.scenario.run().end())
                .append(" · ").append(String.format(Locale.ROOT, "%,d", base.runs())).append(" replications each · baseline <code>")
                .append(esc(base.scenario.name())).append("</code> · accords-sim ").append(esc(version)).append("</p>\n");
        h.append(overridesLine(overrides, "Every scenario"));
        h.append("<h2>Scenarios</h2>\n");
        for (int i = 0; i < results.size(); i++) {
            var sc = results.get(i).scenario;
            String color = String.format(Locale.ROOT, "#%06x", Charts.color(i).getRGB() & 0xFFFFFF);
            h.append("<div class=\"scenario\"><h3><span class=\"swatch\" style=\"background:").append(color).append("\"></span>")
                    .append(esc(sc.title().isBlank() ? sc.name() : sc.title())).append(" <code>").append(esc(sc.name())).append("</code></h3>\n");
            if (!sc.description().isBlank()) h.append("<p class=\"desc\">").append(desc(sc.description())).append("</p>");
            h.append("</div>\n");
        }
        h.append("<h2>Summary</h2>\n<pre>").append(esc(summary)).append("</pre>\n");
        h.append("<h2>Adoption curves</h2>\n").append(figure("overlay", "Adoption curves by scenario"));
        h.append("<h2>Difference from the baseline</h2>\n").append(figure("difference", "Difference in states ever joined"));
        h.append("<h2>Who joins</h2>\n").append(figure("states", "P(joined by the end) per scenario"));
        h.append(figure("trajectories", "P(joined by) and P(active member) over time per scenario, for the movers or the chosen states"));
        h.append(compareTable(results));
        h.append("<h2>Why states join</h2>\n").append(figure("drivers", "Driver contributions at joining per scenario"));
        h.append("<h2>Files</h2>\n<ul><li><a href=\"compare.csv\">compare.csv</a> (tidy: scenario, kind, key, measure, value)</li>"
                + "<li><a href=\"summary.txt\">summary.txt</a></li></ul>\n");
        h.append("</body></html>\n");
        Files.writeString(dir.resolve("index.html"), h.toString(), StandardCharsets.UTF_8);
        embedImages(dir); // one self-contained file
    }

    static String compareTable(List<EnsembleResult> results) {
        StringBuilder h = new StringBuilder("<table id=\"states\"><tr><th>State</th><th>Name</th>");
        for (EnsembleResult r : results) h.append("<th>").append(esc(r.scenario.name())).append("</th>");
        h.append("</tr>\n");
        for (String id : StateCharts.unionOrder(results)) {
            StateSpec spec = null;
            for (EnsembleResult r : results) if (spec == null && r.scenario.indexOf(id) >= 0) spec = r.scenario.states().get(r.scenario.indexOf(id));
            h.append("<tr><td>").append(esc(id)).append("</td><td class=\"l\">").append(esc(spec.name())).append("</td>");
            for (EnsembleResult r : results) {
                int s = r.scenario.indexOf(id);
                h.append("<td>").append(s < 0 ? "not simulated" : Num.fmt(r.pJoinedBy(s, r.months() - 1), 3)).append("</td>");
            }
            h.append("</tr>\n");
        }
        return h.append("</table>\n<p class=\"meta\">P(joined by the end of the run); biggest movers first.</p>\n").toString();
    }

    static String stateTable(EnsembleResult r) {
        int last = r.months() - 1;
        StringBuilder h = new StringBuilder("<table><tr><th>State</th><th>Name</th><th>P(member at end)</th><th>P(ever joined)</th>"
                + "<th>P(frozen at end)</th><th>Join month p10</th><th>median</th><th>p90</th></tr>\n");
        for (int s : StateCharts.order(List.of(r))) {
            StateSpec spec = r.scenario.states().get(s);
            h.append("<tr><td>").append(esc(spec.id())).append("</td><td class=\"l\">").append(esc(spec.name())).append("</td><td>")
                    .append(Num.fmt(r.pMember(s, last), 3)).append("</td><td>").append(Num.fmt(r.pEverJoined(s), 3)).append("</td><td>")
                    .append(Num.fmt(r.pFrozen(s, last), 3)).append("</td><td>").append(RunReport.joinMonth(r, s, 10)).append("</td><td>")
                    .append(RunReport.joinMonth(r, s, 50)).append("</td><td>").append(RunReport.joinMonth(r, s, 90)).append("</td></tr>\n");
        }
        return h.append("</table>\n").toString();
    }
}
