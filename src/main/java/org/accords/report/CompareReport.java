package org.accords.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.accords.experiment.EnsembleResult;
import org.accords.experiment.PairedDifference;
import org.accords.experiment.SetEffects;
import org.accords.model.StateAgent;
import org.accords.scenario.Driver;
import org.accords.scenario.RunSettings;
import org.accords.scenario.Scenario;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;

/**
 * A side-by-side comparison of several ensembles on the same horizon and roster: overlay of
 * adoption curves, difference from the baseline, per-state probabilities (biggest movers first),
 * driver attribution, compare.csv and index.html. Scenario i has colour i on every chart.
 */
public final class CompareReport {
    public static final String HEADER = "scenario,kind,key,measure,value";
    /** z for the 95% band of a mean difference. */
    static final double Z95 = 1.959964;

    private CompareReport() {}

    /** @param results the scenarios in command-line order; {@code baseline} indexes the reference */
    /** @param notes lines shown under the summary table (e.g. scenarios cut to the common window) */
    public static void write(List<EnsembleResult> results, int baseline, Path dir, String version, List<String> notes) throws IOException {
        write(results, baseline, dir, version, notes, Overrides.NONE);
    }

    /** As above; overrides (which apply to every scenario) are named under each chart's subtitle, in the table and on the page. */
    public static void write(List<EnsembleResult> results, int baseline, Path dir, String version, List<String> notes, Overrides overrides)
            throws IOException {
        write(results, baseline, dir, version, notes, overrides, ChartChoices.DEFAULT);
    }

    /** As above, with the chart choices (the time charts' window, the trajectories' states), recorded in manifest.json. */
    public static void write(List<EnsembleResult> results, int baseline, Path dir, String version, List<String> notes, Overrides overrides,
                             ChartChoices charts) throws IOException {
        write(results, baseline, dir, version, notes, overrides, charts, null);
    }

    /**
     * As above, with the paired differences from the baseline ({@code paired.get(i)} for scenario i;
     * null, or a null entry, where pairs could not be formed: the unpaired interval is shown and said so).
     */
    public static void write(List<EnsembleResult> results, int baseline, Path dir, String version, List<String> notes, Overrides overrides,
                             ChartChoices charts, List<PairedDifference> paired) throws IOException {
        Differences diffs = new Differences(results, baseline, paired);
        String note = overrides.isEmpty() ? null : "All scenarios changed by " + overrides.shortText(Overrides.CHART_NOTE);
        ChartWindow w = charts.window();
        Charts.save(Charts.withNote(overlay(results, w), note), dir, "overlay");
        Charts.save(Charts.withNote(difference(results, baseline, w, diffs), note), dir, "difference");
        Charts.save(Charts.withNote(StateCharts.probabilities(results), note), dir, "states");
        TrajectoryChart.saveCompared(results, charts.states(), w, note, dir);
        Charts.save(Charts.withNote(StateCharts.drivers(results), note), dir, "drivers");
        writeCsv(results, baseline, diffs, dir.resolve("compare.csv"));
        java.io.StringWriter table = new java.io.StringWriter();
        PrintWriter tw = new PrintWriter(table);
        printTable(results, baseline, diffs, tw);
        if (!overrides.isEmpty()) tw.println("note: every scenario was changed on the command line: " + overrides.text());
        for (String n : notes) tw.println("note: " + n);
        tw.flush();
        Files.writeString(dir.resolve("summary.txt"), table.toString(), StandardCharsets.UTF_8);
        writeManifest(results, baseline, dir.resolve("manifest.json"), version, overrides, charts);
        Html.writeComparePage(results, baseline, dir, version, table.toString(), overrides);
    }

    /** What made the comparison: the scenarios, the baseline, the overrides and the chart choices. */
    static void writeManifest(List<EnsembleResult> results, int baseline, Path file, String version, Overrides overrides, ChartChoices charts)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "accords-sim");
        m.put("version", version);
        m.put("command", "compare");
        m.put("scenarios", results.stream().map(r -> r.scenario.name()).toList());
        m.put("baseline", results.get(baseline).scenario.name());
        m.put("replications", results.get(0).runs());
        m.put("overrides", overrides.asMap());
        m.put("window", charts.window().manifest(results.get(0).scenario.run()));
        m.put("trajectoryStates", charts.states());
        new com.fasterxml.jackson.databind.ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), m);
    }

    static JFreeChart overlay(List<EnsembleResult> results) {
        return overlay(results, ChartWindow.WHOLE);
    }

    /** Mean and 90% band of active members per scenario over the window, with the shocks of every scenario marked by scenario. */
    static JFreeChart overlay(List<EnsembleResult> results, ChartWindow w) {
        RunSettings run = results.get(0).scenario.run();
        int t0 = w.firstTick(run), t1 = w.lastTick(run);
        List<ScenarioCurves.Curve> curves = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            EnsembleResult r = results.get(i);
            int n = t1 - t0 + 1;
            double[] x = new double[n], mean = new double[n], lo = new double[n], hi = new double[n];
            for (int t = t0; t <= t1; t++) {
                x[t - t0] = Charts.x(run.monthOf(t));
                mean[t - t0] = r.membersMean(t);
                lo[t - t0] = r.membersPercentile(t, 5);
                hi[t - t0] = r.membersPercentile(t, 95);
            }
            curves.add(new ScenarioCurves.Curve(i, r.scenario.name(), x, mean, lo, hi));
        }
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(Charts.monthAxis(w.first(run), w.last(run)));
        plot.setRangeAxis(Charts.countAxis("Active members (of " + results.get(0).states() + " candidates)"));
        LegendItemCollection legend = new LegendItemCollection();
        ScenarioCurves.draw(plot, curves, "middle 90% of runs").forEach(legend::add);
        for (EnsembleResult r : results) {
            if (AdoptionChart.drawObserved(plot, r.scenario, 2, w)) {
                legend.add(AdoptionChart.observedLegendItem());
                break;
            }
        }
        Charts.stylePlot(plot);
        ShockStrip strip = stripOf(plot, results, w);
        strip.legendItems().forEach(legend::add);
        Charts.setLabelFont(legend);
        strip.plot.setFixedLegendItems(legend);
        JFreeChart chart = Charts.finish(new JFreeChart(strip.plot), "Adoption by scenario",
                String.format(Locale.ROOT, "Mean active members with the middle 90%% of runs · %,d replications each%s",
                        results.get(0).runs(), strip.lanes == 0 ? "" : " · bars above: shocks"));
        return strip.annotate(w.annotate(chart, run));
    }

    /** The shock strip of a comparison: each shock marked by the scenarios that have it. */
    static ShockStrip stripOf(XYPlot plot, List<EnsembleResult> results, ChartWindow w) {
        RunSettings run = results.get(0).scenario.run();
        return ShockStrip.compared(plot, results.stream().map(r -> r.scenario.shocks()).toList(),
                results.stream().map(r -> r.scenario.name()).toList(), w.first(run), w.last(run));
    }

    static JFreeChart difference(List<EnsembleResult> results, int baseline) {
        return difference(results, baseline, ChartWindow.WHOLE);
    }

    /** Without pairs (the unpaired interval; tests of the chart itself). */
    static JFreeChart difference(List<EnsembleResult> results, int baseline, ChartWindow w) {
        return difference(results, baseline, w, new Differences(results, baseline, null));
    }

    /** Mean difference in states ever joined against the baseline over the window, with a 95% band for the mean difference. */
    static JFreeChart difference(List<EnsembleResult> results, int baseline, ChartWindow w, Differences diffs) {
        EnsembleResult base = results.get(baseline);
        RunSettings run = base.scenario.run();
        int t0 = w.firstTick(run), t1 = w.lastTick(run);
        List<ScenarioCurves.Curve> curves = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (i == baseline) continue;
            EnsembleResult r = results.get(i);
            int n = t1 - t0 + 1;
            double[] x = new double[n], mean = new double[n], lo = new double[n], hi = new double[n];
            for (int t = t0; t <= t1; t++) {
                double[] d = diffs.at(i, t);
                x[t - t0] = Charts.x(run.monthOf(t));
                mean[t - t0] = d[0];
                lo[t - t0] = d[1];
                hi[t - t0] = d[2];
            }
            curves.add(new ScenarioCurves.Curve(i, r.scenario.name() + " − " + base.scenario.name(), x, mean, diffs.hasInterval(i) ? lo : null, diffs.hasInterval(i) ? hi : null));
        }
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(Charts.monthAxis(w.first(run), w.last(run)));
        org.jfree.chart.axis.NumberAxis y = new org.jfree.chart.axis.NumberAxis("Difference in states ever joined");
        Charts.style(y);
        plot.setRangeAxis(y);
        LegendItemCollection legend = new LegendItemCollection();
        ScenarioCurves.draw(plot, curves, "95% interval").forEach(legend::add);
        ValueMarker zero = new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1.5f));
        plot.addRangeMarker(zero);
        Charts.stylePlot(plot);
        ShockStrip strip = stripOf(plot, results, w);
        strip.legendItems().forEach(legend::add);
        Charts.setLabelFont(legend);
        strip.plot.setFixedLegendItems(legend);
        JFreeChart chart = Charts.finish(new JFreeChart(strip.plot), "Difference from " + base.scenario.name(),
                diffs.chartSubtitle());
        return strip.annotate(w.annotate(chart, run));
    }

    /** {mean, low, high} of the difference in mean ever-joined at month t, runs of the two scenarios treated as independent. */
    static double[] unpairedDifference(EnsembleResult r, EnsembleResult base, int t) {
        double d = r.joinedMean(t) - base.joinedMean(t);
        double se = Math.sqrt(r.joinedVariance(t) / r.runs() + base.joinedVariance(t) / base.runs());
        return new double[] {d, d - Z95 * se, d + Z95 * se};
    }

    /** The difference in states ever joined over the states both simulate, without an interval (no pairs). */
    static double[] commonStatesDifference(EnsembleResult r, EnsembleResult base, int t) {
        double d = 0;
        for (int b = 0; b < base.states(); b++) {
            int s = r.scenario.indexOf(base.scenario.states().get(b).id());
            if (s >= 0) d += r.pJoinedBy(s, t) - base.pJoinedBy(b, t);
        }
        return new double[] {d, d, d};
    }

    /**
     * Each scenario's difference from the baseline: paired by replication where the pairs were
     * formed (the scenarios share random numbers), otherwise the unpaired interval (same roster)
     * or the point difference over the common states (rosters differ).
     */
    static final class Differences {
        final List<EnsembleResult> results;
        final EnsembleResult base;
        final int baseline;
        final List<PairedDifference> paired;
        /** Per scenario: whether it simulates the baseline's roster (same states, same order). */
        final boolean[] sameRoster;

        Differences(List<EnsembleResult> results, int baseline, List<PairedDifference> paired) {
            this.results = results;
            this.baseline = baseline;
            this.base = results.get(baseline);
            this.paired = paired;
            this.sameRoster = new boolean[results.size()];
            for (int i = 0; i < results.size(); i++) sameRoster[i] = StateCharts.sameRoster(List.of(results.get(i), base));
        }

        PairedDifference paired(int i) {
            return i == baseline || paired == null ? null : paired.get(i);
        }

        /** {mean, low, high} of scenario i's difference at month t (low = high = mean: no interval). */
        double[] at(int i, int t) {
            if (i == baseline) return new double[] {0, 0, 0};
            PairedDifference p = paired(i);
            if (p != null) return p.interval(t, 0.95);
            EnsembleResult r = results.get(i);
            return sameRoster[i] ? unpairedDifference(r, base, t) : commonStatesDifference(r, base, t);
        }

        /** The interval of scenario i, or null where it has none. */
        boolean hasInterval(int i) {
            return paired(i) != null || sameRoster[i];
        }

        boolean allPaired() {
            for (int i = 0; i < results.size(); i++) if (i != baseline && paired(i) == null) return false;
            return true;
        }

        String chartSubtitle() {
            if (allPaired()) {
                return "Mean difference in states ever joined; band: 95% interval of the mean of the per-replication differences"
                        + " (paired: the scenarios share random numbers)";
            }
            return StateCharts.sameRoster(results)
                    ? "Mean difference in states ever joined; band: 95% interval of the mean difference (unpaired: runs treated as independent)"
                    : "Mean difference in states ever joined, over the states both scenarios simulate (rosters differ: no interval)";
        }

        /** The footnote of the table: what the brackets are. */
        String tableNote() {
            if (allPaired()) {
                return "[95% interval of the mean difference, paired by replication]"
                        + (StateCharts.sameRoster(results) ? "" : "; rosters differ: differences over the common states");
            }
            return StateCharts.sameRoster(results) ? "[95% interval of the mean difference, unpaired]"
                    : "rosters differ: differences over the common states, no interval";
        }
    }

    static void writeCsv(List<EnsembleResult> results, int baseline, Differences diffs, Path file) throws IOException {
        EnsembleResult base = results.get(baseline);
        List<String> union = StateCharts.unionOrder(results);
        try (Csv csv = new Csv(file, HEADER)) {
            for (int i = 0; i < results.size(); i++) {
                EnsembleResult r = results.get(i);
                String name = r.scenario.name();
                RunSettings run = r.scenario.run();
                int last = r.months() - 1;
                csv.row(name, "summary", "", "joined_mean_end", Num.fmt(r.joinedMean(last)));
                csv.row(name, "summary", "", "members_mean_end", Num.fmt(r.membersMean(last)));
                csv.row(name, "summary", "", "joined_diff_end", Num.fmt(diffs.at(i, last)[0]));
                if (i != baseline) csv.row(name, "summary", "", "joined_diff_interval", diffs.paired(i) != null ? "paired" : diffs.hasInterval(i) ? "unpaired" : "none");
                SetEffects e = r == base ? null : SetEffects.joined(r, base, last);
                if (e != null) {
                    csv.row(name, "sets", "", "joined_diff_set_median", Num.fmt(e.median()));
                    csv.row(name, "sets", "", "joined_diff_set_p10", Num.fmt(e.low80()));
                    csv.row(name, "sets", "", "joined_diff_set_p90", Num.fmt(e.high80()));
                    csv.row(name, "sets", "", "joined_diff_set_p2.5", Num.fmt(e.low95()));
                    csv.row(name, "sets", "", "joined_diff_set_p97.5", Num.fmt(e.high95()));
                    csv.row(name, "sets", "", "joined_diff_sign_share", Num.fmt(e.signShare()));
                    csv.row(name, "sets", "", "conclusion", e.label());
                    for (int j = 0; j < r.setCount(); j++) {
                        csv.row(name, "set", j + 1, "joined_diff_end", Num.fmt(r.setJoinedMean(j, last) - base.setJoinedMean(j, last)));
                    }
                }
                for (int t = 0; t < r.months(); t++) {
                    String m = run.monthOf(t).toString();
                    csv.row(name, "month", m, "members_mean", Num.fmt(r.membersMean(t)));
                    csv.row(name, "month", m, "members_p5", r.membersPercentile(t, 5));
                    csv.row(name, "month", m, "members_p95", r.membersPercentile(t, 95));
                    csv.row(name, "month", m, "joined_mean", Num.fmt(r.joinedMean(t)));
                    double[] d = diffs.at(i, t);
                    csv.row(name, "month", m, "joined_diff_mean", Num.fmt(d[0]));
                    csv.row(name, "month", m, "joined_diff_lo95", Num.fmt(d[1]));
                    csv.row(name, "month", m, "joined_diff_hi95", Num.fmt(d[2]));
                }
                for (int s = 0; s < r.states(); s++) {
                    String id = r.scenario.states().get(s).id();
                    csv.row(name, "state", id, "p_joined_by_end", Num.fmt(r.pJoinedBy(s, last)));
                    csv.row(name, "state", id, "p_member_end", Num.fmt(r.pMember(s, last)));
                    csv.row(name, "state", id, "p_frozen_end", Num.fmt(r.pFrozen(s, last)));
                    for (Driver d : Driver.values()) csv.row(name, "state", id, "contrib_" + d.key(), Num.fmt(r.meanContribution(s, d.ordinal())));
                    csv.row(name, "state", id, "contrib_cost", Num.fmt(r.meanContribution(s, StateAgent.COST)));
                }
                for (String id : union) {
                    if (r.scenario.indexOf(id) < 0) csv.row(name, "state", id, "not_simulated", 1);
                }
            }
        }
    }

    static void printTable(List<EnsembleResult> results, int baseline, Differences diffs, PrintWriter out) {
        EnsembleResult base = results.get(baseline);
        int last = base.months() - 1;
        out.printf(Locale.ROOT, "%-26s %13s %13s %20s%n", "scenario", "joined (mean)", "members", "vs " + base.scenario.name());
        for (int i = 0; i < results.size(); i++) {
            EnsembleResult r = results.get(i);
            double[] d = diffs.at(i, last);
            boolean same = diffs.sameRoster[i];
            String interval = diffs.hasInterval(i) ? String.format(Locale.ROOT, " [%s, %s]", signed(d[1]), signed(d[2])) : "";
            String diff = i == baseline ? "(baseline)" : signed(d[0]) + interval + (same ? "" : " (common states)");
            out.printf(Locale.ROOT, "%-26s %13.2f %13.2f %20s%n", r.scenario.name(), r.joinedMean(last), r.membersMean(last), diff);
        }
        out.printf(Locale.ROOT, "(at %s; %,d replications each; %s)%n", base.scenario.run().end(), base.runs(), diffs.tableNote());
        for (int i = 0; i < results.size(); i++) {
            PairedDifference p = diffs.paired(i);
            if (p != null && p.identical(last)) {
                out.printf(Locale.ROOT, "(%s: the same number of states joined as in %s in every one of the %,d replications)%n",
                        results.get(i).scenario.name(), base.scenario.name(), p.n);
            }
        }
        printSetEffects(results, baseline, out);
        out.flush();
    }

    /**
     * With a parameter ensemble: each difference from the baseline across the parameter sets (median,
     * middle 80% and 95% of sets, share of sets where the sign holds, robust or fragile).
     */
    static void printSetEffects(List<EnsembleResult> results, int baseline, PrintWriter out) {
        EnsembleResult base = results.get(baseline);
        int last = base.months() - 1;
        boolean header = false;
        for (int i = 0; i < results.size(); i++) {
            if (i == baseline) continue;
            SetEffects e = SetEffects.joined(results.get(i), base, last);
            if (e == null) continue;
            if (!header) {
                out.printf(Locale.ROOT, "%ndifference in states joined across the %d parameter sets (about %,d replications per set, the same seeds in every scenario):%n",
                        e.sets(), base.runs() / e.sets());
                out.printf(Locale.ROOT, "%-26s %7s %17s %17s %11s  %s%n", "scenario", "median", "80% of sets", "95% of sets", "sign holds", "conclusion");
                header = true;
            }
            out.printf(Locale.ROOT, "%-26s %7s %17s %17s %10.0f%%  %s%n", results.get(i).scenario.name(), signed(e.median()),
                    "[" + signed(e.low80()) + ", " + signed(e.high80()) + "]", "[" + signed(e.low95()) + ", " + signed(e.high95()) + "]",
                    100 * e.signShare(), e.label());
        }
        if (header) {
            out.printf(Locale.ROOT, "(robust: the pooled difference's sign holds in at least %.0f%% of the sets; fragile otherwise. "
                    + "A set's effect also carries the Monte Carlo noise of its few replications.)%n", 100 * SetEffects.ROBUST);
        }
    }

    /** Two decimals with a sign, and no "-0.00". */
    static String signed(double x) {
        double r = Math.round(x * 100) / 100.0 + 0.0;
        return String.format(Locale.ROOT, "%+.2f", r);
    }

    /** Scenario names joined for a default folder name: results/compare-a-b-c. */
    public static String folderName(List<Scenario> scenarios) {
        StringBuilder b = new StringBuilder("compare");
        for (Scenario s : scenarios) b.append('-').append(s.name());
        return b.toString();
    }
}
