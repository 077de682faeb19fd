package org.accords.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.time.YearMonth;
import java.util.Locale;
import java.util.TreeMap;
import org.accords.experiment.EnsembleResult;
import org.accords.scenario.Observation;
import org.accords.scenario.RunSettings;
import org.accords.scenario.Scenario;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** The adoption curve of one ensemble: active members with 50% and 90% bands, cumulative joins, shocks, observed history. */
public final class AdoptionChart {
    private AdoptionChart() {}

    public static JFreeChart create(EnsembleResult r) {
        return create(r, ChartWindow.WHOLE);
    }

    /** The chart over the months of the window (resolved against the run). */
    public static JFreeChart create(EnsembleResult r, ChartWindow w) {
        Scenario sc = r.scenario;
        RunSettings run = sc.run();
        Color main = Charts.color(0);

        YIntervalSeries band90 = new YIntervalSeries("90% of runs (active members)");
        YIntervalSeries band50 = new YIntervalSeries("50% of runs");
        XYSeries mean = new XYSeries("Active members, mean");
        XYSeries joined = new XYSeries("Ever joined, mean");
        for (int t = w.firstTick(run); t <= w.lastTick(run); t++) {
            double x = Charts.x(run.monthOf(t));
            band90.add(x, r.membersMean(t), r.membersPercentile(t, 5), r.membersPercentile(t, 95));
            band50.add(x, r.membersMean(t), r.membersPercentile(t, 25), r.membersPercentile(t, 75));
            mean.add(x, r.membersMean(t));
            joined.add(x, r.joinedMean(t));
        }
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(band90);
        bands.addSeries(band50);
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        bandRenderer.setSeriesFillPaint(0, Charts.withAlpha(main, 45));
        bandRenderer.setSeriesFillPaint(1, Charts.withAlpha(main, 90));
        bandRenderer.setSeriesPaint(0, Charts.withAlpha(main, 45));
        bandRenderer.setSeriesPaint(1, Charts.withAlpha(main, 90));
        bandRenderer.setSeriesStroke(0, new BasicStroke(0f));
        bandRenderer.setSeriesStroke(1, new BasicStroke(0f));
        bandRenderer.setAlpha(1f);

        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(mean);
        lines.addSeries(joined);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setSeriesPaint(0, main);
        lineRenderer.setSeriesStroke(0, new BasicStroke(3.5f));
        lineRenderer.setSeriesPaint(1, new Color(0x33, 0x33, 0x33));
        lineRenderer.setSeriesStroke(1, new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {10f, 7f}, 0f));

        XYPlot plot = new XYPlot();
        plot.setDomainAxis(Charts.monthAxis(w.first(run), w.last(run)));
        plot.setRangeAxis(Charts.countAxis("States (of " + sc.states().size() + " candidates)"));
        plot.setDataset(0, lines);
        plot.setRenderer(0, lineRenderer);
        plot.setDataset(1, bands);
        plot.setRenderer(1, bandRenderer);

        boolean observed = drawObserved(plot, sc, 2, w);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        plot.setFixedLegendItems(legend(main, observed));
        Charts.stylePlot(plot);
        ShockStrip strip = ShockStrip.of(plot, sc.shocks(), w.first(run), w.last(run));
        strip.plot.setFixedLegendItems(plot.getFixedLegendItems());

        JFreeChart chart = new JFreeChart(strip.plot);
        String title = sc.title().isBlank() ? sc.name() : sc.title();
        String subtitle = String.format(Locale.ROOT, "Scenario '%s' · %,d replications · seed %d · %s to %s · bands: middle 50%% and 90%% of runs"
                + (r.parameterSets == null ? "" : " over " + r.parameterSets.size() + " parameter sets (parameter and random uncertainty)"),
                sc.name(), r.runs(), r.seed, run.start(), run.end());
        return strip.annotate(w.annotate(Charts.finish(chart, title, subtitle), run));
    }

    /** Legend with proper swatches: lines for means, filled boxes for bands and shock spans. */
    private static LegendItemCollection legend(Color main, boolean observed) {
        LegendItemCollection items = new LegendItemCollection();
        java.awt.Shape line = new java.awt.geom.Line2D.Double(-14, 0, 14, 0);
        java.awt.Shape box = new java.awt.Rectangle(-12, -8, 24, 16);
        LegendItem mean = new LegendItem("Active members, mean", null, null, null, line, new BasicStroke(3.5f), main);
        items.add(mean);
        items.add(new LegendItem("Middle 50% of runs", null, null, null, box, Charts.withAlpha(main, 120)));
        items.add(new LegendItem("Middle 90% of runs", null, null, null, box, Charts.withAlpha(main, 45)));
        items.add(new LegendItem("Ever joined, mean", null, null, null, line,
                new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f), new Color(0x33, 0x33, 0x33)));
        if (observed) items.add(observedLegendItem());
        Charts.setLabelFont(items);
        return items;
    }

    static final Color OBSERVED = new Color(0xC0, 0x1B, 0x1B);

    /**
     * Draws the scenario's observed record, if it has one: the step line of observed active
     * members as dataset {@code dataset} and the labelled events as dataset {@code dataset + 1}.
     *
     * @return whether anything was drawn (so the caller adds {@link #observedLegendItem()})
     */
    public static boolean drawObserved(XYPlot plot, Scenario sc, int dataset) {
        return drawObserved(plot, sc, dataset, ChartWindow.WHOLE);
    }

    /** As above, over the months of the window. */
    public static boolean drawObserved(XYPlot plot, Scenario sc, int dataset, ChartWindow w) {
        XYSeries line = observedJoins(sc, w.first(sc.run()), w.last(sc.run()));
        if (line.getItemCount() == 0) return false;
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setSeriesPaint(0, OBSERVED);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        plot.setDataset(dataset, new XYSeriesCollection(line));
        plot.setRenderer(dataset, renderer);
        markObservedEvents(plot, sc, dataset + 1, w.first(sc.run()), w.last(sc.run()));
        return true;
    }

    public static LegendItem observedLegendItem() {
        return new LegendItem("Observed active members", null, null, null,
                new java.awt.geom.Line2D.Double(-14, 0, 14, 0), new BasicStroke(2.5f), OBSERVED);
    }

    /**
     * The observed events as markers on the observed line, labelled with the state: a dot for a
     * join or thaw, a downward triangle for a freeze.
     */
    static void markObservedEvents(XYPlot plot, Scenario sc, int datasetIndex, YearMonth from, YearMonth to) {
        XYSeries joins = new XYSeries("observed joins");
        XYSeries freezes = new XYSeries("observed freezes");
        int count = 0;
        var sorted = sc.observed().stream().sorted(java.util.Comparator.comparing(Observation::month)).toList();
        for (Observation o : sorted) {
            if (!o.changesStatus()) continue;
            count += o.kind() == Observation.Kind.FREEZE ? -1 : 1;
            if (o.month().isBefore(from) || o.month().isAfter(to)) continue;
            double x = Charts.x(o.month());
            (o.kind() == Observation.Kind.FREEZE ? freezes : joins).add(x, count);
            var label = new org.jfree.chart.annotations.XYTextAnnotation(
                    o.kind() == Observation.Kind.FREEZE ? " " + o.state() + " froze" : o.state() + " ", x, count);
            label.setFont(new java.awt.Font(Charts.FONT, java.awt.Font.BOLD, 15));
            label.setPaint(OBSERVED);
            label.setTextAnchor(o.kind() == Observation.Kind.FREEZE ? org.jfree.chart.ui.TextAnchor.TOP_LEFT
                    : org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
            plot.addAnnotation(label);
        }
        XYSeriesCollection points = new XYSeriesCollection();
        points.addSeries(joins);
        points.addSeries(freezes);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, OBSERVED);
        r.setSeriesPaint(1, OBSERVED);
        r.setSeriesShape(0, Charts.dot(12));
        java.awt.Polygon down = new java.awt.Polygon(new int[] {-7, 7, 0}, new int[] {-5, -5, 7}, 3);
        r.setSeriesShape(1, down);
        r.setSeriesVisibleInLegend(0, false);
        r.setSeriesVisibleInLegend(1, false);
        plot.setDataset(datasetIndex, points);
        plot.setRenderer(datasetIndex, r);
    }

    /** Cumulative observed joins (announcement months) minus observed freezes plus thaws: the history line. */
    static XYSeries observedJoins(Scenario sc) {
        return observedJoins(sc, sc.run().start(), sc.run().end());
    }

    /** The history line over the months from..to. */
    static XYSeries observedJoins(Scenario sc, YearMonth from, YearMonth to) {
        XYSeries s = new XYSeries("Observed (active members)");
        TreeMap<YearMonth, Integer> delta = new TreeMap<>();
        for (Observation o : sc.observed()) {
            if (!o.changesStatus()) continue;
            int d = o.kind() == Observation.Kind.FREEZE ? -1 : 1;
            delta.merge(o.month(), d, Integer::sum);
        }
        if (delta.isEmpty()) return s;
        YearMonth last = delta.lastKey();
        if (last.isBefore(from)) return s; // the record ends before the months shown
        int count = 0;
        for (var e : delta.headMap(from).entrySet()) count += e.getValue();
        s.add(Charts.x(from), count);
        for (var e : delta.subMap(from, true, to, true).entrySet()) {
            count += e.getValue();
            s.add(Charts.x(e.getKey()), count);
        }
        if (last.isBefore(to)) s.add(Charts.x(last.plusMonths(1)), count);
        else if (last.isAfter(to)) s.add(Charts.x(to.plusMonths(1)), count); // the record goes on past the window: the line reaches its edge
        return s;
    }
}
