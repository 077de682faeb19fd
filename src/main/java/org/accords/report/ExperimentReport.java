package org.accords.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.accords.experiment.ExperimentSpec;
import org.accords.experiment.Factor;
import org.accords.experiment.Outcome;

/** The charts and the page of a finished experiment, drawn from its design and outcomes.csv. */
public final class ExperimentReport {
    private ExperimentReport() {}

    /** @return the chart names written (without extension) */
    public static List<String> writeCharts(ExperimentSpec spec, ExperimentSpec.DesignSpec design, double[][] unit,
                                           double[][] values, Path dir) throws IOException {
        List<Factor> factors = spec.factors();
        List<String> names = factors.stream().map(Factor::name).toList();
        double[][] x = new double[factors.size()][unit.length];
        for (int j = 0; j < factors.size(); j++) for (int p = 0; p < unit.length; p++) x[j][p] = factors.get(j).numeric(unit[p][j]);
        List<String> charts = new ArrayList<>();
        String sub = String.format(Locale.ROOT, "%s · %s design, %,d points × %,d replications (common random numbers)",
                spec.name(), design.type().name().toLowerCase(Locale.ROOT), unit.length, spec.replications());
        for (int o = 0; o < spec.outcomes().size(); o++) {
            Outcome out = spec.outcomes().get(o);
            double[] y = column(values, o);
            String name = "outcome-" + out.name();
            ExperimentCharts.outcomeByFactor(out.label() + " against each factor", sub, out.name(), names, x, y, dir, name);
            charts.add(name);
            if (design.type() == ExperimentSpec.DesignType.FACTORIAL && factors.size() == 2) {
                Factor a = factors.get(0);
                Factor b = factors.get(1);
                int na = a.factorialLevels(design.size());
                int nb = b.factorialLevels(design.size());
                double[][] z = new double[na][nb];
                List<String> la = new ArrayList<>();
                List<String> lb = new ArrayList<>();
                for (int i = 0; i < na; i++) la.add(a.text(a.factorialCoordinate(i, na)));
                for (int j = 0; j < nb; j++) lb.add(b.text(b.factorialCoordinate(j, nb)));
                for (int p = 0; p < unit.length; p++) z[p / nb][p % nb] = y[p]; // last factor fastest
                String hm = "heatmap-" + out.name();
                ExperimentCharts.heatMap(out.label(), sub, out.name(), a.name(), la, b.name(), lb, z, dir, hm);
                charts.add(hm);
            }
        }
        return charts;
    }

    static double[] column(double[][] values, int o) {
        double[] y = new double[values.length];
        for (int p = 0; p < values.length; p++) y[p] = values[p][o];
        return y;
    }

    /** Minimum, median and maximum over points (NaN left out). */
    static double[] summary(double[] y) {
        double[] v = Arrays.stream(y).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) return new double[] {Double.NaN, Double.NaN, Double.NaN, 0};
        return new double[] {v[0], v[v.length / 2], v[v.length - 1], v.length};
    }

    public static void writePage(ExperimentSpec spec, ExperimentSpec.DesignSpec design, String scenarioName, long seed, int points,
                                 double[][] values, List<String> charts, Path dir, String version) throws IOException {
        String title = spec.title().isBlank() ? spec.name() : spec.title();
        StringBuilder h = new StringBuilder(Html.head(title + " · accords-sim"));
        h.append("<h1>").append(Html.esc(title)).append("</h1>\n");
        h.append("<p class=\"meta\">Experiment <code>").append(Html.esc(spec.name())).append("</code> · base scenario <code>")
                .append(Html.esc(scenarioName)).append("</code> · ").append(design.type().name().toLowerCase(Locale.ROOT)).append(" design, ")
                .append(String.format(Locale.ROOT, "%,d points × %,d replications · seed %d", points, spec.replications(), seed))
                .append(" · accords-sim ").append(Html.esc(version)).append("</p>\n");
        if (!spec.description().isBlank()) h.append("<p class=\"desc\">").append(Html.esc(spec.description().strip())).append("</p>\n");
        h.append("<p>Every point runs replications 0 to ").append(spec.replications() - 1)
                .append(" with the same seeds (common random numbers), so differences between points come from the factors, not from the dice.</p>\n");
        h.append("<h2>Factors</h2>\n<table><tr><th>Factor</th><th>Scenario key</th><th>Values</th></tr>\n");
        for (Factor f : spec.factors()) {
            h.append("<tr><td>").append(Html.esc(f.name())).append("</td><td class=\"l\"><code>").append(Html.esc(f.key()))
                    .append("</code>").append(f.keys().size() > 1 ? " (" + f.keys().size() + " states)" : "").append("</td><td class=\"l\">")
                    .append(Html.esc(f.describe())).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Outcomes</h2>\n<table><tr><th>Outcome</th><th>Measure</th><th>Points</th><th>Min</th><th>Median</th><th>Max</th></tr>\n");
        for (int o = 0; o < spec.outcomes().size(); o++) {
            Outcome out = spec.outcomes().get(o);
            double[] s = summary(column(values, o));
            h.append("<tr><td>").append(Html.esc(out.name())).append("</td><td class=\"l\">").append(Html.esc(out.label())).append("</td><td>")
                    .append((int) s[3]).append("</td><td>").append(Num.fmt(s[0], 4)).append("</td><td>").append(Num.fmt(s[1], 4))
                    .append("</td><td>").append(Num.fmt(s[2], 4)).append("</td></tr>\n");
        }
        h.append("</table>\n");
        for (String c : charts) h.append("<h2>").append(Html.esc(c)).append("</h2>\n").append(Html.figure(c, c));
        h.append("<h2>Files</h2>\n<ul><li><a href=\"design.csv\">design.csv</a> (point, then each factor's value)</li>"
                + "<li><a href=\"outcomes.csv\">outcomes.csv</a> (tidy: point, outcome, value, mc_se = Monte Carlo standard error)</li>"
                + "<li><a href=\"manifest.json\">manifest.json</a></li></ul>\n");
        h.append("</body></html>\n");
        Files.writeString(dir.resolve("index.html"), h.toString(), StandardCharsets.UTF_8);
    }
}
