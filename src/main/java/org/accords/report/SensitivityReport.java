package org.accords.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.accords.experiment.ExperimentSpec;
import org.accords.experiment.Factor;
import org.accords.experiment.Outcome;
import org.accords.experiment.sensitivity.Interval;
import org.accords.experiment.sensitivity.Morris;
import org.accords.experiment.sensitivity.MonteCarloNoise;
import org.accords.experiment.sensitivity.Sobol;

/** Writes the sensitivity results: tidy CSVs, charts, the page, and a plain-text summary. */
public final class SensitivityReport {
    /** One outcome's results (either method may be missing). */
    public record OutcomeResult(Outcome outcome, Morris.Result[] morris, double morrisNoise, Sobol.Result sobol, double sobolNoise, String skipped) {}

    private SensitivityReport() {}

    public static void write(ExperimentSpec spec, List<OutcomeResult> results, int morrisPoints, int sobolPoints, Path dir,
                             String version, String summary) throws IOException {
        List<String> factors = spec.factors().stream().map(Factor::name).toList();
        List<String> charts = new ArrayList<>();
        try (Csv m = new Csv(dir.resolve("morris.csv"), "outcome,factor,statistic,estimate,low,high");
             Csv s = new Csv(dir.resolve("sobol.csv"), "outcome,factor,index,estimate,low,high");
             Csv n = new Csv(dir.resolve("noise.csv"), "outcome,method,noise_share")) {
            for (OutcomeResult r : results) {
                String o = r.outcome().name();
                if (r.morris() != null) {
                    n.row(o, "morris", Num.fmt(r.morrisNoise(), 4));
                    for (int f = 0; f < factors.size(); f++) {
                        row(m, o, factors.get(f), "mu", r.morris()[f].mu());
                        row(m, o, factors.get(f), "mu_star", r.morris()[f].muStar());
                        row(m, o, factors.get(f), "sigma", r.morris()[f].sigma());
                    }
                    charts.addAll(morrisCharts(spec, r, factors, morrisPoints, dir));
                }
                if (r.sobol() != null) {
                    n.row(o, "sobol", Num.fmt(r.sobolNoise(), 4));
                    for (int f = 0; f < factors.size(); f++) {
                        row(s, o, factors.get(f), "S1", r.sobol().first()[f]);
                        row(s, o, factors.get(f), "ST", r.sobol().total()[f]);
                    }
                    if (r.sobol().second() != null) {
                        for (int i = 0; i < factors.size(); i++) {
                            for (int j = i + 1; j < factors.size(); j++) row(s, o, factors.get(i) + ":" + factors.get(j), "S2", r.sobol().second()[i][j]);
                        }
                    }
                    charts.add(sobolChart(spec, r, factors, sobolPoints, dir));
                }
            }
        }
        Files.writeString(dir.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        page(spec, charts, dir, version, summary);
    }

    private static void row(Csv csv, String outcome, String factor, String stat, Interval i) throws IOException {
        csv.row(outcome, factor, stat, Num.fmt(i.estimate(), 6), Num.fmt(i.low(), 6), Num.fmt(i.high(), 6));
    }

    /** Factor indices by decreasing key (ties in factor order). */
    static List<Integer> order(int n, java.util.function.IntToDoubleFunction key) {
        List<Integer> idx = new ArrayList<>();
        for (int f = 0; f < n; f++) idx.add(f);
        idx.sort(Comparator.comparingDouble((Integer f) -> -nanLow(key.applyAsDouble(f))).thenComparingInt(f -> f));
        return idx;
    }

    private static double nanLow(double v) { return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v; }

    private static List<String> morrisCharts(ExperimentSpec spec, OutcomeResult r, List<String> factors, int points, Path dir) throws IOException {
        Morris.Result[] m = r.morris();
        List<Integer> ord = order(factors.size(), f -> m[f].muStar().estimate());
        double[][] est = new double[1][ord.size()];
        double[][] lo = new double[1][ord.size()];
        double[][] hi = new double[1][ord.size()];
        List<String> names = new ArrayList<>();
        for (int k = 0; k < ord.size(); k++) {
            Interval i = m[ord.get(k)].muStar();
            est[0][k] = i.estimate();
            lo[0][k] = i.low();
            hi[0][k] = i.high();
            names.add(factors.get(ord.get(k)));
        }
        String sub = String.format(Locale.ROOT, "%s · Morris, %,d points × %,d replications · effect of moving a factor across its whole range · whiskers: 95%% bootstrap interval · MC noise %s",
                spec.name(), points, spec.replications(), noiseText(r.morrisNoise()));
        String bars = "morris-" + r.outcome().name();
        SensitivityCharts.bars("What moves " + r.outcome().label() + " (Morris μ*)", sub, "μ* of " + r.outcome().name(), names, List.of("μ*"), est, lo, hi, dir, bars);
        double[] mu = new double[factors.size()];
        double[] sg = new double[factors.size()];
        for (int f = 0; f < factors.size(); f++) {
            mu[f] = m[f].muStar().estimate();
            sg[f] = m[f].sigma().estimate();
        }
        String plane = "morris-plane-" + r.outcome().name();
        String planeSub = String.format(Locale.ROOT, "%s · Morris, %,d points × %,d replications · right: matters; above the line: interacts or bends",
                spec.name(), points, spec.replications());
        SensitivityCharts.plane("Morris μ*–σ plane: " + r.outcome().label(), planeSub, factors, mu, sg, dir, plane);
        return List.of(bars, plane);
    }

    private static String sobolChart(ExperimentSpec spec, OutcomeResult r, List<String> factors, int points, Path dir) throws IOException {
        Sobol.Result s = r.sobol();
        List<Integer> ord = order(factors.size(), f -> s.total()[f].estimate());
        double[][] est = new double[2][ord.size()];
        double[][] lo = new double[2][ord.size()];
        double[][] hi = new double[2][ord.size()];
        List<String> names = new ArrayList<>();
        for (int k = 0; k < ord.size(); k++) {
            Interval[] both = {s.first()[ord.get(k)], s.total()[ord.get(k)]};
            for (int j = 0; j < 2; j++) {
                est[j][k] = both[j].estimate();
                lo[j][k] = both[j].low();
                hi[j][k] = both[j].high();
            }
            names.add(factors.get(ord.get(k)));
        }
        String sub = String.format(Locale.ROOT, "%s · Sobol (Saltelli sampling), %,d points × %,d replications · whiskers: 95%% bootstrap interval · MC noise %s",
                spec.name(), points, spec.replications(), noiseText(r.sobolNoise()));
        String name = "sobol-" + r.outcome().name();
        SensitivityCharts.bars("Share of the variance of " + r.outcome().label(), sub, "Sobol index", names,
                List.of("first order S1 (alone)", "total ST (with interactions)"), est, lo, hi, dir, name);
        return name;
    }

    public static String noiseText(double share) {
        return Double.isNaN(share) ? "unknown" : String.format(Locale.ROOT, "%.1f%%", 100 * share) + (share > MonteCarloNoise.WARN ? " (high)" : "");
    }

    private static void page(ExperimentSpec spec, List<String> charts, Path dir, String version, String summary) throws IOException {
        String title = "Sensitivity: " + (spec.title().isBlank() ? spec.name() : spec.title());
        StringBuilder h = new StringBuilder(Html.head(title + " · accords-sim"));
        h.append("<h1>").append(Html.esc(title)).append("</h1>\n<p class=\"meta\">Experiment <code>").append(Html.esc(spec.name()))
                .append("</code> · ").append(spec.replications()).append(" replications per point · accords-sim ").append(Html.esc(version)).append("</p>\n");
        if (!spec.description().isBlank()) h.append("<p class=\"desc\">").append(Html.esc(spec.description().strip())).append("</p>\n");
        h.append("<p><b>Morris</b> elementary effects: μ* is the mean absolute change of the outcome when a factor moves across its whole range "
                + "(one factor at a time, from many starting points); σ is their spread (high σ: the effect depends on the other factors). "
                + "<b>Sobol</b> indices: S1 is the share of the outcome's variance due to a factor alone, ST the share including its interactions. "
                + "Whiskers are 95% bootstrap intervals. <b>MC noise</b> is the share of the outcome's variance across points that is Monte Carlo noise "
                + "(mean squared standard error over the variance); above 5%, add replications.</p>\n");
        h.append("<h2>Summary</h2>\n<pre>").append(Html.esc(summary)).append("</pre>\n");
        for (String c : charts) h.append("<h2>").append(Html.esc(c)).append("</h2>\n").append(Html.figure(c, c));
        h.append("<h2>Files</h2>\n<ul><li><a href=\"morris.csv\">morris.csv</a> (tidy: outcome, factor, statistic, estimate, low, high)</li>"
                + "<li><a href=\"sobol.csv\">sobol.csv</a> (tidy: outcome, factor, index, estimate, low, high)</li>"
                + "<li><a href=\"noise.csv\">noise.csv</a></li><li>morris/ and sobol/: the experiments behind them (design.csv, outcomes.csv, …)</li></ul>\n");
        h.append("</body></html>\n");
        Files.writeString(dir.resolve("index.html"), h.toString(), StandardCharsets.UTF_8);
    }
}
