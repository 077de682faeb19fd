package org.accords.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.time.YearMonth;
import java.util.Locale;
import org.accords.report.AdoptionChart;
import org.accords.report.Charts;
import org.accords.scenario.Scenario;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The live adoption chart of one replication: active members, ever joined and frozen per
 * calendar month, with the scenario's shocks as lanes above it and its observed record in red
 * (as on the run's adoption chart), and a line at the current month. Series change only on the Swing event thread.
 */
public final class LiveAdoptionChart {
    public final XYSeries members = new XYSeries("Active members");
    public final XYSeries joined = new XYSeries("Ever joined");
    public final XYSeries frozen = new XYSeries("Frozen");
    private final JFreeChart chart;
    private final ValueMarker now;
    private final XYPlot plot;
    /** The count axis's top before the run outgrows it. */
    private double floor;

    public LiveAdoptionChart(Scenario sc) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(members);
        data.addSeries(joined);
        data.addSeries(frozen);
        XYStepRenderer r = new XYStepRenderer();
        r.setSeriesPaint(0, Charts.color(0));
        r.setSeriesStroke(0, new BasicStroke(3.5f));
        r.setSeriesPaint(1, new Color(0x33, 0x33, 0x33));
        r.setSeriesStroke(1, new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {10f, 7f}, 0f));
        r.setSeriesPaint(2, StatePortrayal.FROZEN.darker());
        r.setSeriesStroke(2, new BasicStroke(2.5f));
        plot = new XYPlot();
        plot.setDomainAxis(Charts.monthAxis(sc.run().start(), sc.run().end()));
        var axis = Charts.countAxis("States (of " + sc.states().size() + " candidates)");
        axis.setLowerBound(0);
        // room for the observed record and a dozen members; grows if the run outgrows it
        floor = Math.max(5, Math.min(sc.states().size(), 12));
        plot.setRangeAxis(axis);
        plot.setDataset(data);
        plot.setRenderer(r);
        // the observed record, where the scenario has one, as on the run's adoption chart
        if (AdoptionChart.drawObserved(plot, sc, 1)) {
            Number most = org.jfree.data.general.DatasetUtils.findMaximumRangeValue(plot.getDataset(1));
            if (most != null) floor = Math.max(floor, most.doubleValue() + 1);
        }
        axis.setUpperBound(floor);
        Charts.stylePlot(plot);
        now = new ValueMarker(Charts.x(sc.run().start()), new Color(0x99, 0x99, 0x99), new BasicStroke(1.5f));
        plot.addDomainMarker(now);
        CombinedDomainXYPlot combined = Charts.withShockLanes(plot, sc.shocks(), sc.run().start(), sc.run().end());
        chart = Charts.finish(new JFreeChart(combined), sc.title().isBlank() ? sc.name() : sc.title(), "");
    }

    /** Adds one month (call on the Swing event thread); the count axis grows when members outgrow it. */
    public void addMonth(YearMonth month, int active, int everJoined, int frozenNow) {
        double x = Charts.x(month);
        members.add(x, active);
        joined.add(x, everJoined);
        frozen.add(x, frozenNow);
        now.setValue(x);
        if (everJoined > plot.getRangeAxis().getUpperBound()) plot.getRangeAxis().setUpperBound(everJoined + 2);
    }

    /** Empties the series for a new replication (Swing event thread). */
    public void clear(String subtitle) {
        members.clear();
        joined.clear();
        frozen.clear();
        plot.getRangeAxis().setUpperBound(floor);
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) t.setText(subtitle);
        }
    }

    public JFreeChart chart() { return chart; }

    static String subtitle(Scenario sc, int replication, long seed) {
        return String.format(Locale.ROOT, "Scenario '%s' · one replication (#%d of seed %d, as `accords run` seeds it) · %s to %s",
                sc.name(), replication, seed, sc.run().start(), sc.run().end());
    }
}
