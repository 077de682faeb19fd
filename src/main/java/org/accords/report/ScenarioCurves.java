package org.accords.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.LegendItem;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Curves of several scenarios on one plot that stay apart when they coincide: each scenario has
 * its colour, its dash pattern and its marker (markers staggered so they never sit on each other).
 * Only the first curve's band is shaded; the others' bands are thin lines in their own colour and
 * dash, so no two translucent fills blend into a colour the legend does not show.
 */
final class ScenarioCurves {
    /** Dataset indexes: lines, markers, then the band (drawn first, under everything). */
    static final int LINES = 0, MARKERS = 1, BAND = 4;
    /** Alpha of the one shaded band. */
    static final int BAND_ALPHA = 50;
    static final float MEAN_WIDTH = 3.5f, EDGE_WIDTH = 1.4f;

    /** One scenario's curve: style is its index in the palette, lo/hi its band (null: none). */
    record Curve(int style, String name, double[] x, double[] mean, double[] lo, double[] hi) {}

    private ScenarioCurves() {}

    /**
     * Draws the curves into datasets {@link #LINES}, {@link #MARKERS} and {@link #BAND} of the plot and
     * returns the legend: per scenario its line with marker, and its band (a swatch of exactly the
     * shaded colour for the first, a thin line for the others).
     */
    static List<LegendItem> draw(XYPlot plot, List<Curve> curves, String band) {
        XYSeriesCollection lines = new XYSeriesCollection();
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        XYSeriesCollection markers = new XYSeriesCollection();
        XYLineAndShapeRenderer markerRenderer = new XYLineAndShapeRenderer(false, true);
        YIntervalSeriesCollection shaded = new YIntervalSeriesCollection();
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        List<LegendItem> legend = new ArrayList<>();
        int n = curves.size();
        for (int i = 0; i < n; i++) {
            Curve c = curves.get(i);
            Color color = Charts.color(c.style());
            int k = lines.getSeriesCount();
            lines.addSeries(series(c.name() + " mean", c.x(), c.mean()));
            lineRenderer.setSeriesPaint(k, color);
            lineRenderer.setSeriesStroke(k, Charts.scenarioStroke(c.style(), MEAN_WIDTH));
            boolean hasBand = c.lo() != null;
            if (hasBand && i > 0) {
                for (double[] edge : new double[][] {c.lo(), c.hi()}) {
                    int e = lines.getSeriesCount();
                    lines.addSeries(series(c.name() + (edge == c.lo() ? " low" : " high"), c.x(), edge));
                    lineRenderer.setSeriesPaint(e, color);
                    lineRenderer.setSeriesStroke(e, Charts.scenarioStroke(c.style(), EDGE_WIDTH));
                }
            }
            if (hasBand && i == 0) {
                YIntervalSeries s = new YIntervalSeries(c.name() + " band");
                for (int t = 0; t < c.x().length; t++) s.add(c.x()[t], c.mean()[t], c.lo()[t], c.hi()[t]);
                shaded.addSeries(s);
                bandRenderer.setSeriesFillPaint(0, Charts.withAlpha(color, BAND_ALPHA));
                bandRenderer.setSeriesPaint(0, Charts.withAlpha(color, BAND_ALPHA));
                bandRenderer.setSeriesStroke(0, new BasicStroke(0f));
            }
            // markers every step points, each scenario shifted by its share of a step
            int step = Math.max(1, c.x().length / 10);
            XYSeries m = new XYSeries(c.name() + " markers");
            for (int t = (i * step) / n; t < c.x().length; t += step) m.add(c.x()[t], c.mean()[t]);
            markers.addSeries(m);
            markerRenderer.setSeriesPaint(i, color);
            markerRenderer.setSeriesShape(i, Charts.scenarioShape(c.style()));
            legend.add(lineItem(c.name(), c.style(), MEAN_WIDTH, true));
            if (hasBand) {
                legend.add(i == 0
                        ? new LegendItem(c.name() + ": " + band + " (shaded)", null, null, null, new java.awt.Rectangle(-12, -8, 24, 16),
                                Charts.withAlpha(color, BAND_ALPHA))
                        : lineItem(c.name() + ": " + band + " (thin lines)", c.style(), EDGE_WIDTH, false));
            }
        }
        lineRenderer.setDefaultSeriesVisibleInLegend(false);
        markerRenderer.setDefaultSeriesVisibleInLegend(false);
        bandRenderer.setAlpha(1f);
        plot.setDataset(LINES, lines);
        plot.setRenderer(LINES, lineRenderer);
        plot.setDataset(MARKERS, markers);
        plot.setRenderer(MARKERS, markerRenderer);
        if (shaded.getSeriesCount() > 0) {
            plot.setDataset(BAND, shaded);
            plot.setRenderer(BAND, bandRenderer);
        }
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        return legend;
    }

    private static XYSeries series(String name, double[] x, double[] y) {
        XYSeries s = new XYSeries(name, false, true);
        for (int t = 0; t < x.length; t++) s.add(x[t], y[t]);
        return s;
    }

    /** A legend entry with the scenario's dash (and marker, for the mean line). */
    static LegendItem lineItem(String label, int style, float width, boolean marker) {
        Color color = Charts.color(style);
        Shape line = new Line2D.Double(-20, 0, 20, 0);
        Shape shape = marker ? Charts.scenarioShape(style) : new java.awt.Rectangle(0, 0, 0, 0);
        return new LegendItem(label, null, null, null, marker, shape, true, color, false, color, new BasicStroke(1f),
                true, line, Charts.scenarioStroke(style, width), color);
    }
}
