package org.accords.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.accords.experiment.WhyNot;
import org.accords.scenario.RunSettings;
import org.accords.scenario.StateSpec;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The "why not" files of a run: whynot.csv (every state, every month: utility against the join
 * threshold, its parts, and how often a condition costs) and whynot.png/.svg (one panel per
 * chosen state).
 */
public final class WhyNotReport {
    public static final String FILE = "whynot";
    /** Colours of the parts, one per part, the same in every panel. */
    static final Color[] PART_COLORS = {
        new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x72, 0xB2), new Color(0x00, 0x9E, 0x73), new Color(0xCC, 0x79, 0xA7),
        new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9), new Color(0x88, 0x88, 0x88)
    };
    static final Color CONDITION_SHADE = new Color(0xF4, 0xE1, 0xD2);

    private WhyNotReport() {}

    public static String header() {
        return "state,month,runs_at_risk,utility_mean,utility_p10,utility_p90,join_threshold,"
                + String.join(",", WhyNot.PARTS) + ",condition_costs_share";
    }

    /** Writes whynot.csv for every state and whynot.png/.svg for the chosen states ({@code ids}; empty: the default). */
    public static void write(WhyNot w, List<String> ids, Path dir, String note) throws IOException {
        write(w, ids, ChartWindow.WHOLE, dir, note);
    }

    /** As above, the chart over the window (the CSV always covers the whole run). */
    public static void write(WhyNot w, List<String> ids, ChartWindow window, Path dir, String note) throws IOException {
        writeCsv(w, dir.resolve(FILE + ".csv"));
        List<Integer> states = new ArrayList<>();
        for (String id : ids) states.add(w.result.scenario.indexOf(id));
        boolean chosen = !states.isEmpty();
        if (!chosen) states = w.defaultStates();
        Charts.save(Charts.withNote(chart(w, states, chosen, window), note), dir, FILE);
    }

    static void writeCsv(WhyNot w, Path file) throws IOException {
        RunSettings run = w.result.scenario.run();
        try (Csv csv = new Csv(file, header())) {
            for (int s = 0; s < w.states(); s++) {
                String id = w.result.scenario.states().get(s).id();
                for (int t = 0; t < w.months(); t++) {
                    List<Object> row = new ArrayList<>(List.of(id, run.monthOf(t), w.atRisk(s, t), Num.fmt(w.utilityMean(s, t)),
                            Num.fmt(w.utilityPercentile(s, t, 10)), Num.fmt(w.utilityPercentile(s, t, 90)), Num.fmt(w.threshold(s, t))));
                    for (int k = 0; k < WhyNot.PARTS.size(); k++) row.add(Num.fmt(w.part(s, t, k)));
                    row.add(Num.fmt(w.conditionCostShare(s, t)));
                    csv.row(row);
                }
            }
        }
    }

    /** One panel per state: the utility's mean and 10-90% band, the threshold, the parts, and shaded months where a condition costs in most runs. */
    static JFreeChart chart(WhyNot w, List<Integer> states, boolean chosen, ChartWindow window) {
        RunSettings run = w.result.scenario.run();
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(Charts.monthAxis(window.first(run), window.last(run)));
        combined.setGap(14);
        for (int s : states) combined.add(panel(w, s, window.firstTick(run), window.lastTick(run)), 1);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(line("Utility of joining (mean; band: 10–90% of runs)", Color.BLACK, new BasicStroke(3.5f)));
        legend.add(line("Join threshold", Color.RED.darker(), dashed(2.5f)));
        for (int k = 0; k < WhyNot.PARTS.size(); k++) legend.add(line(WhyNot.PART_LABELS.get(k), PART_COLORS[k], new BasicStroke(2f)));
        legend.add(new LegendItem("Condition costs utility in most runs", null, null, null, new java.awt.Rectangle(-9, -7, 18, 14), CONDITION_SHADE));
        Charts.setLabelFont(legend);
        combined.setFixedLegendItems(legend);
        if (states.isEmpty()) {
            XYPlot empty = new XYPlot();
            empty.setNoDataMessage("No state is at risk of joining in most runs yet joins in fewer than half (--states to choose)");
            combined.add(empty, 1);
        }
        String names = String.join(", ", states.stream().map(s -> w.result.scenario.states().get(s).name()).toList());
        String which = chosen ? "chosen states" : "default: candidates that join in fewer than half the runs, those the scenario names first,"
                + " then the nearest misses; --states to choose";
        JFreeChart chart = Charts.finish(new JFreeChart(combined), "Why not? " + (names.isEmpty() ? w.result.scenario.name() : names),
                String.format(Locale.ROOT, "Utility of joining against the join threshold and its parts, while a candidate (%,d of %,d runs); %s",
                        w.replications, w.result.runs(), which));
        return window.annotate(chart, run);
    }

    private static XYPlot panel(WhyNot w, int s, int t0, int t1) {
        RunSettings run = w.result.scenario.run();
        StateSpec spec = w.result.scenario.states().get(s);
        YIntervalSeries utility = new YIntervalSeries("utility");
        XYSeries threshold = new XYSeries("threshold");
        List<XYSeries> parts = new ArrayList<>();
        for (String p : WhyNot.PARTS) parts.add(new XYSeries(p));
        for (int t = t0; t <= t1; t++) {
            if (w.atRisk(s, t) == 0) continue;
            double x = Charts.x(run.monthOf(t));
            utility.add(x, w.utilityMean(s, t), w.utilityPercentile(s, t, 10), w.utilityPercentile(s, t, 90));
            threshold.add(x, w.threshold(s, t));
            for (int k = 0; k < parts.size(); k++) parts.get(k).add(x, w.part(s, t, k));
        }
        XYPlot plot = new XYPlot();
        NumberAxis y = new NumberAxis(spec.name());
        y.setAutoRangeIncludesZero(true);
        Charts.style(y);
        y.setLabelFont(new Font(Charts.FONT, Font.BOLD, 18));
        y.setTickLabelFont(new Font(Charts.FONT, Font.PLAIN, 15));
        plot.setRangeAxis(y);

        YIntervalSeriesCollection u = new YIntervalSeriesCollection();
        u.addSeries(utility);
        DeviationRenderer ur = new DeviationRenderer(true, false);
        ur.setSeriesPaint(0, Color.BLACK);
        ur.setSeriesFillPaint(0, new Color(0, 0, 0, 40));
        ur.setSeriesStroke(0, new BasicStroke(3.5f));
        ur.setAlpha(1f);
        plot.setDataset(0, u);
        plot.setRenderer(0, ur);

        XYSeriesCollection th = new XYSeriesCollection(threshold);
        XYLineAndShapeRenderer tr = new XYLineAndShapeRenderer(true, false);
        tr.setSeriesPaint(0, Color.RED.darker());
        tr.setSeriesStroke(0, dashed(2.5f));
        plot.setDataset(1, th);
        plot.setRenderer(1, tr);

        XYSeriesCollection pc = new XYSeriesCollection();
        XYLineAndShapeRenderer pr = new XYLineAndShapeRenderer(true, false);
        for (int k = 0; k < parts.size(); k++) {
            pc.addSeries(parts.get(k));
            pr.setSeriesPaint(k, PART_COLORS[k]);
            pr.setSeriesStroke(k, new BasicStroke(2f));
        }
        plot.setDataset(2, pc);
        plot.setRenderer(2, pr);

        // months in which an unmet stated condition costs utility in most runs at risk
        int from = -1;
        for (int t = t0; t <= t1 + 1; t++) {
            boolean costs = t <= t1 && w.atRisk(s, t) > 0 && w.conditionCostShare(s, t) > 0.5;
            if (costs && from < 0) from = t;
            if (!costs && from >= 0) {
                IntervalMarker m = new IntervalMarker(Charts.x(run.monthOf(from)), Charts.x(run.monthOf(t)));
                m.setPaint(CONDITION_SHADE);
                plot.addDomainMarker(m, org.jfree.chart.ui.Layer.BACKGROUND);
                from = -1;
            }
        }
        if (utility.getItemCount() == 0) plot.setNoDataMessage(spec.name() + " is a member in every run: never at risk of joining");
        Charts.stylePlot(plot);
        return plot;
    }

    private static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {9f, 6f}, 0f);
    }

    private static LegendItem line(String label, Color c, BasicStroke stroke) {
        return new LegendItem(label, null, null, null, new java.awt.geom.Line2D.Double(-14, 0, 14, 0), stroke, c);
    }
}
