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
            for (int t = 0; t < r.months(); t++) {
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
        plot.setDomainAxis(Charts.monthAxis(run.start(), run.end()));
        org.jfree.chart.axis.NumberAxis y = new org.jfree.chart.axis.NumberAxis("Probability");
        y.setRange(0, 1.02);
        Charts.style(y);
        plot.setRangeAxis(y);
        plot.setDataset(data);
        plot.setRenderer(renderer);
        Charts.stylePlot(plot);
        if (states.isEmpty()) plot.setNoDataMessage("No state's P(joined by) rises by 1 point or more over the run");
        String which = ids != null && !ids.isEmpty() ? "chosen states" : "the states whose P(joined by) rises most (--states to choose)";
        return Charts.finish(new JFreeChart(plot), "Who joins when? " + (r.scenario.title().isBlank() ? r.scenario.name() : r.scenario.title()),
                String.format(java.util.Locale.ROOT, "P(joined by the month), solid, and P(active member), dashed, over %,d runs: %s", r.runs(), which));
    }
}
