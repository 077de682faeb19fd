package org.accords.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.accords.experiment.EnsembleResult;
import org.accords.scenario.RunSettings;
import org.accords.scenario.StateSpec;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Per-state trajectories: P(joined by) (solid) and P(active member) (dashed) month by month for
 * chosen states, or by default the movers (the states whose P(joined by) rises most over the
 * run, at most {@link #MOVERS}). One colour per state.
 */
public final class TrajectoryChart {
    /** Default number of states shown. */
    static final int MOVERS = 6;

    private TrajectoryChart() {}

    /** The states to show: the ids asked for (checked by the caller), else the movers. */
    public static List<Integer> chosen(EnsembleResult r, List<String> ids) {
        List<Integer> out = new ArrayList<>();
        if (ids != null && !ids.isEmpty()) {
            for (String id : ids) out.add(r.scenario.indexOf(id));
            return out;
        }
        int last = r.months() - 1;
        for (int s = 0; s < r.states(); s++) if (r.pJoinedBy(s, last) - r.pJoinedBy(s, 0) >= 0.01) out.add(s);
        out.sort(Comparator.comparingDouble((Integer s) -> -(r.pJoinedBy(s, last) - r.pJoinedBy(s, 0))).thenComparing(s -> s));
        return out.subList(0, Math.min(MOVERS, out.size()));
    }

    public static JFreeChart create(EnsembleResult r, List<String> ids) {
        return create(r, ids, ChartWindow.WHOLE);
    }

    /** The chart over the months of the window (resolved against the run). */
    public static JFreeChart create(EnsembleResult r, List<String> ids, ChartWindow w) {
        RunSettings run = r.scenario.run();
        List<Integer> states = chosen(r, ids);
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        int series = 0;
        for (int i = 0; i < states.size(); i++) {
            int s = states.get(i);
            StateSpec spec = r.scenario.states().get(s);
            XYSeries joined = new XYSeries(spec.name() + " — joined by");
            XYSeries member = new XYSeries(spec.name() + " — active member");
            for (int t = w.firstTick(run); t <= w.lastTick(run); t++) {
                joined.add(Charts.x(run.monthOf(t)), r.pJoinedBy(s, t));
                member.add(Charts.x(run.monthOf(t)), r.pMember(s, t));
            }
            Color c = Charts.color(i);
            data.addSeries(joined);
            renderer.setSeriesPaint(series, c);
            renderer.setSeriesStroke(series++, new BasicStroke(3.5f));
            data.addSeries(member);
            renderer.setSeriesPaint(series, c);
            renderer.setSeriesStroke(series++, new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {9f, 6f}, 0f));
        }
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(Charts.monthAxis(w.first(run), w.last(run)));
        org.jfree.chart.axis.NumberAxis y = new org.jfree.chart.axis.NumberAxis("Probability");
        y.setRange(0, 1.02);
        Charts.style(y);
        plot.setRangeAxis(y);
        plot.setDataset(data);
        plot.setRenderer(renderer);
        Charts.stylePlot(plot);
        if (states.isEmpty()) plot.setNoDataMessage("No state's P(joined by) rises by 1 point or more over the run");
        String which = ids != null && !ids.isEmpty() ? "chosen states" : "the states whose P(joined by) rises most (--states to choose)";
        return w.annotate(Charts.finish(new JFreeChart(plot), "Who joins when? " + (r.scenario.title().isBlank() ? r.scenario.name() : r.scenario.title()),
                String.format(java.util.Locale.ROOT, "P(joined by the month), solid, and P(active member), dashed, over %,d runs: %s", r.runs(), which)), run);
    }

    /**
     * The states of a comparison's trajectories: the ids asked for (each simulated by at least one
     * scenario, checked by the caller), else the movers: the states whose P(joined by the end)
     * differs most between the scenarios, then those that rise most in any scenario (a change of at
     * least 1 point either way), at most {@link #MOVERS}.
     */
    public static List<String> chosenCompared(List<EnsembleResult> results, List<String> ids) {
        if (ids != null && !ids.isEmpty()) return List.copyOf(ids);
        List<String> out = new ArrayList<>();
        for (String id : StateCharts.unionOrder(results)) if (StateCharts.spreadById(results, id) >= 0.01 || rise(results, id) >= 0.01) out.add(id);
        out.sort(Comparator.comparingDouble((String id) -> -StateCharts.spreadById(results, id)).thenComparingDouble(id -> -rise(results, id)));
        return out.subList(0, Math.min(MOVERS, out.size()));
    }

    private static double rise(List<EnsembleResult> results, String id) {
        double most = 0;
        for (EnsembleResult r : results) {
            int s = r.scenario.indexOf(id);
            if (s >= 0) most = Math.max(most, r.pJoinedBy(s, r.months() - 1) - r.pJoinedBy(s, 0));
        }
        return most;
    }

    /** Height of the comparison's trajectories chart: a panel per state. */
    static int comparedHeight(int panels) {
        return 300 + 210 * Math.max(1, panels);
    }

    /** Writes trajectories.png/.svg of a comparison: one panel per state, one line style per scenario. */
    public static void saveCompared(List<EnsembleResult> results, List<String> ids, ChartWindow w, String note, java.nio.file.Path dir)
            throws java.io.IOException {
        JFreeChart chart = Charts.withNote(compared(results, ids, w), note);
        int panels = chosenCompared(results, ids).size();
        Charts.save((g, area) -> chart.draw(g, area), Charts.WIDTH, comparedHeight(panels), dir, "trajectories");
    }

    /**
     * Per-state trajectories across scenarios: a panel per state; in it, per scenario, P(joined by)
     * (thick) and P(active member) (thin), in the scenario's colour, dash and marker, as on the
     * overlay. A scenario that does not simulate the state has no line there (said in the panel).
     */
    public static JFreeChart compared(List<EnsembleResult> results, List<String> ids, ChartWindow w) {
        RunSettings run = results.get(0).scenario.run();
        int t0 = w.firstTick(run), t1 = w.lastTick(run);
        List<String> states = chosenCompared(results, ids);
        org.jfree.chart.plot.CombinedDomainXYPlot combined = new org.jfree.chart.plot.CombinedDomainXYPlot(Charts.monthAxis(w.first(run), w.last(run)));
        combined.setGap(14);
        org.jfree.chart.LegendItemCollection legend = new org.jfree.chart.LegendItemCollection();
        for (String id : states) {
            List<ScenarioCurves.Curve> joined = new ArrayList<>();
            XYSeriesCollection members = new XYSeriesCollection();
            XYLineAndShapeRenderer memberRenderer = new XYLineAndShapeRenderer(true, false);
            List<String> absent = new ArrayList<>();
            String name = id;
            for (int i = 0; i < results.size(); i++) {
                EnsembleResult r = results.get(i);
                int s = r.scenario.indexOf(id);
                if (s < 0) {
                    absent.add(r.scenario.name());
                    continue;
                }
                name = r.scenario.states().get(s).name();
                int n = t1 - t0 + 1;
                double[] x = new double[n], p = new double[n];
                XYSeries m = new XYSeries(r.scenario.name() + " — " + id + " — active member");
                for (int t = t0; t <= t1; t++) {
                    x[t - t0] = Charts.x(run.monthOf(t));
                    p[t - t0] = r.pJoinedBy(s, t);
                    m.add(x[t - t0], r.pMember(s, t));
                }
                joined.add(new ScenarioCurves.Curve(i, r.scenario.name() + " — " + id + " — joined by", x, p, null, null));
                memberRenderer.setSeriesPaint(members.getSeriesCount(), Charts.color(i));
                memberRenderer.setSeriesStroke(members.getSeriesCount(), Charts.scenarioStroke(i, 1.6f));
                members.addSeries(m);
            }
            XYPlot panel = new XYPlot();
            org.jfree.chart.axis.NumberAxis y = new org.jfree.chart.axis.NumberAxis(id) {
                // room above 1 for the panel's name, without a tick that no probability reaches
                @Override
                public List<org.jfree.chart.axis.Tick> refreshTicks(java.awt.Graphics2D g2, org.jfree.chart.axis.AxisState state,
                                                                    java.awt.geom.Rectangle2D dataArea, org.jfree.chart.ui.RectangleEdge edge) {
                    return super.refreshTicks(g2, state, dataArea, edge).stream()
                            .filter(t -> !(t instanceof org.jfree.chart.axis.ValueTick v) || v.getValue() <= 1.0 + 1e-9).toList();
                }
            };
            y.setRange(0, 1.25);
            Charts.style(y);
            panel.setRangeAxis(y);
            ScenarioCurves.draw(panel, joined, "");
            memberRenderer.setDefaultSeriesVisibleInLegend(false);
            panel.setDataset(2, members);
            panel.setRenderer(2, memberRenderer);
            Charts.stylePlot(panel);
            org.jfree.chart.title.TextTitle label = new org.jfree.chart.title.TextTitle(name + " (" + id + ")"
                    + (absent.isEmpty() ? "" : " · not simulated in " + String.join(", ", absent)),
                    new java.awt.Font(Charts.FONT, java.awt.Font.BOLD, 17));
            label.setBackgroundPaint(new Color(255, 255, 255, 210));
            panel.addAnnotation(new org.jfree.chart.annotations.XYTitleAnnotation(0.005, 0.99, label, org.jfree.chart.ui.RectangleAnchor.TOP_LEFT));
            combined.add(panel, 1);
        }
        for (int i = 0; i < results.size(); i++) legend.add(ScenarioCurves.lineItem(results.get(i).scenario.name(), i, ScenarioCurves.MEAN_WIDTH, true));
        Charts.setLabelFont(legend);
        combined.setFixedLegendItems(legend);
        if (states.isEmpty()) {
            XYPlot empty = new XYPlot();
            org.jfree.chart.axis.NumberAxis y = new org.jfree.chart.axis.NumberAxis("Probability");
            y.setRange(0, 1.05);
            Charts.style(y);
            empty.setRangeAxis(y);
            Charts.stylePlot(empty);
            empty.setNoDataMessage("No state's P(joined by) differs between the scenarios or rises by 1 point or more");
            empty.setNoDataMessageFont(new java.awt.Font(Charts.FONT, java.awt.Font.PLAIN, 22));
            combined.add(empty, 1);
        }
        String which = ids != null && !ids.isEmpty() ? "chosen states" : "the movers (P(joined by) differs most between the scenarios; --states to choose)";
        return w.annotate(Charts.finish(new JFreeChart(combined), "Who joins when, by scenario",
                String.format(java.util.Locale.ROOT, "P(joined by the month), thick, and P(active member), thin, over %,d runs each: %s",
                        results.get(0).runs(), which)), run);
    }
}
