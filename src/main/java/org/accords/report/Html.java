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
 * Static, self-contained HTML pages: inline CSS, images by relative path, no scripts, fonts or
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
            .desc{white-space:pre-wrap}
            """;

    private Html() {}

    public static String esc(String s) {
        return StringEscapeUtils.escapeHtml4(s == null ? "" : s);
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
        var sc = r.scenario;
        String title = sc.title().isBlank() ? sc.name() : sc.title();
        StringBuilder h = new StringBuilder(head(title + " · accords-sim"));
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        h.append("<p class=\"meta\">Scenario <code>").append(esc(sc.name())).append("</code> · ")
                .append(String.format(Locale.ROOT, "%,d", r.runs())).append(" replications · seed ").append(r.seed)
                .append(" · ").append(sc.run().start()).append(" to ").append(sc.run().end())
                .append(" · accords-sim ").append(esc(version)).append("</p>\n");
        if (!sc.description().isBlank()) h.append("<p class=\"desc\">").append(esc(sc.description().strip())).append("</p>\n");
        h.append("<h2>Adoption</h2>\n").append(figure("adoption", "Adoption curve"));
        h.append("<p>Active members are states that have joined and not frozen ties. The dark band holds the middle 50% of runs, the light band 90%. "
                + "Shaded spans are the scenario's shocks; red dots mark the observed record where the scenario has one.</p>\n");
        h.append("<h2>States</h2>\n").append(figure("states", "Join probabilities per state"));
        h.append(stateTable(r));
        h.append("<h2>Why states join</h2>\n").append(figure("drivers", "Driver contributions at joining"));
        h.append("<h2>Files</h2>\n<ul>");
        for (String f : List.of("adoption.csv", "membership.csv", "states.csv", "events.csv", "trace.csv", "scenario.resolved.yaml", "roster.yaml", "manifest.json")) {
            h.append("<li><a href=\"").append(f).append("\">").append(f).append("</a></li>");
        }
        h.append("</ul>\n<h2>Resolved scenario</h2>\n<pre>")
                .append(esc(Files.readString(dir.resolve("scenario.resolved.yaml")))).append("</pre>\n");
        h.append("<h2>Manifest</h2>\n<pre>").append(esc(Files.readString(dir.resolve("manifest.json")))).append("</pre>\n");
        h.append("</body></html>\n");
        Files.writeString(dir.resolve("index.html"), h.toString(), StandardCharsets.UTF_8);
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
