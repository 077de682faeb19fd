package org.accords.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Sensitivity charts: horizontal bars with 95% interval whiskers (Morris mu*, Sobol tornado) and the Morris mu*-sigma plane. */
public final class SensitivityCharts {
    private SensitivityCharts() {}

    /**
     * Horizontal bars, one group per factor (in the given order, first on top), one bar per
     * series, each with its bootstrap interval as a whisker.
     *
     * @param est [series][factor]; lo and hi likewise
     */
    public static void bars(String title, String subtitle, String valueLabel, List<String> factors, List<String> series,
                            double[][] est, double[][] lo, double[][] hi, Path dir, String name) throws IOException {
        int n = factors.size();
        int k = series.size();
        double width = 0.8 / k;
        XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
        YIntervalSeriesCollection whiskers = new YIntervalSeriesCollection();
        for (int s = 0; s < k; s++) {
            XYIntervalSeries b = new XYIntervalSeries(series.get(s));
            YIntervalSeries w = new YIntervalSeries(series.get(s) + " 95% interval");
            for (int f = 0; f < n; f++) {
                double y = n - 1 - f; // first factor on top
                double x0 = y - 0.4 + s * width;
                double e = Double.isNaN(est[s][f]) ? 0 : est[s][f];
                b.add(x0 + width / 2, x0, x0 + width, e, Math.min(0, e), Math.max(0, e));
                if (!Double.isNaN(lo[s][f])) w.add(x0 + width / 2, e, lo[s][f], hi[s][f]);
            }
            bars.addSeries(b);
            whiskers.addSeries(w);
        }
        String[] labels = new String[n];
        for (int f = 0; f < n; f++) labels[n - 1 - f] = factors.get(f);
        SymbolAxis fa = new SymbolAxis("", labels);
        fa.setGridBandsVisible(false);
        Charts.style(fa);
        if (n > 14) fa.setTickLabelFont(new Font(Charts.FONT, Font.PLAIN, 13));
        NumberAxis va = new NumberAxis(valueLabel);
        Charts.style(va);
        XYBarRenderer br = new XYBarRenderer();
        br.setUseYInterval(true);
        br.setBarPainter(new StandardXYBarPainter());
        br.setShadowVisible(false);
        for (int s = 0; s < k; s++) br.setSeriesPaint(s, Charts.color(s));
        XYErrorRenderer er = new XYErrorRenderer();
        er.setDrawXError(false);
        er.setDefaultShapesVisible(false);
        er.setDefaultLinesVisible(false);
        er.setErrorPaint(Color.BLACK);
        er.setErrorStroke(new BasicStroke(2f));
        er.setCapLength(6);
        for (int s = 0; s < k; s++) er.setSeriesVisibleInLegend(s, false);
        XYPlot plot = new XYPlot(bars, fa, va, br);
        plot.setDataset(1, whiskers);
        plot.setRenderer(1, er);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        Charts.stylePlot(plot);
        JFreeChart chart = new JFreeChart(null, null, plot, k > 1);
        Charts.finish(chart, title, subtitle);
        Charts.save(chart, dir, name);
    }

    /** Morris's mu*-sigma plane: far right matters; high sigma means interactions or non-linearity. */
    public static void plane(String title, String subtitle, List<String> factors, double[] muStar, double[] sigma, Path dir, String name) throws IOException {
        XYSeries points = new XYSeries("factors", false, true);
        XYPlot plot;
        double max = 0;
        for (int f = 0; f < factors.size(); f++) {
            points.add(muStar[f], sigma[f]);
            max = Math.max(max, Math.max(muStar[f], sigma[f]));
        }
        XYSeries diagonal = new XYSeries("sigma = mu*");
        diagonal.add(0, 0);
        diagonal.add(max * 1.05, max * 1.05);
        XYSeriesCollection data = new XYSeriesCollection(points);
        data.addSeries(diagonal);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(0, false);
        r.setSeriesShape(0, Charts.dot(12));
        r.setSeriesPaint(0, Charts.color(0));
        r.setSeriesShapesVisible(1, false);
        r.setSeriesPaint(1, Color.GRAY);
        r.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f}, 0f));
        NumberAxis x = new NumberAxis("mu* (mean absolute elementary effect)");
        NumberAxis y = new NumberAxis("sigma (spread of the effects)");
        Charts.style(x);
        Charts.style(y);
        plot = new XYPlot(data, x, y, r);
        Charts.stylePlot(plot);
        for (int f = 0; f < factors.size(); f++) {
            XYTextAnnotation a = new XYTextAnnotation(" " + factors.get(f), muStar[f], sigma[f]);
            a.setFont(new Font(Charts.FONT, Font.PLAIN, 15));
            a.setTextAnchor(TextAnchor.CENTER_LEFT);
            plot.addAnnotation(a);
        }
        JFreeChart chart = new JFreeChart(null, null, plot, true);
        Charts.finish(chart, title, subtitle);
        Charts.save(chart, dir, name);
    }
}
