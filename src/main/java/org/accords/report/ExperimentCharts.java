package org.accords.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Charts of an experiment: an outcome against each factor (one panel each) and two-factor heat maps. */
public final class ExperimentCharts {
    private ExperimentCharts() {}

    /**
     * One panel per factor: each point's outcome against the factor's value, with the mean per
     * distinct value (a line) where values repeat (factorial designs).
     *
     * @param x [factor][point] numeric factor values
     * @param y [point] outcome values (NaN points are left out)
     */
    public static void outcomeByFactor(String title, String subtitle, String outcomeLabel, List<String> factorNames,
                                       double[][] x, double[] y, Path dir, String name) throws IOException {
        int n = factorNames.size();
        int cols = n <= 2 ? n : n <= 4 ? 2 : n <= 9 ? 3 : n <= 16 ? 4 : 6;
        int rows = (n + cols - 1) / cols;
        int panelH = rows == 1 ? 760 : Math.max(330, 760 / rows + 120);
        JFreeChart[] panels = new JFreeChart[n];
        int marker = y.length > 2000 ? 3 : y.length > 300 ? 5 : 8;
        for (int j = 0; j < n; j++) {
            XYSeries points = new XYSeries("points", false, true);
            java.util.TreeMap<Double, double[]> means = new java.util.TreeMap<>();
            for (int p = 0; p < y.length; p++) {
                if (Double.isNaN(y[p])) continue;
                points.add(x[j][p], y[p]);
                means.computeIfAbsent(x[j][p], k -> new double[2]);
                means.get(x[j][p])[0] += y[p];
                means.get(x[j][p])[1]++;
            }
            XYSeriesCollection data = new XYSeriesCollection(points);
            boolean repeats = means.size() <= Math.max(1, y.length / 2) && means.size() <= 50;
            if (repeats) {
                XYSeries mean = new XYSeries("mean");
                means.forEach((k, v) -> mean.add((double) k, v[0] / v[1]));
                data.addSeries(mean);
            }
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
            r.setSeriesLinesVisible(0, false);
            r.setSeriesShape(0, Charts.dot(marker));
            r.setSeriesPaint(0, Charts.withAlpha(Charts.color(0), y.length > 300 ? 90 : 160));
            r.setSeriesLinesVisible(1, true);
            r.setSeriesShapesVisible(1, false);
            r.setSeriesPaint(1, Charts.color(1));
            r.setSeriesStroke(1, new BasicStroke(3f));
            NumberAxis xa = new NumberAxis(factorNames.get(j));
            xa.setAutoRangeIncludesZero(false);
            NumberAxis ya = new NumberAxis(j % cols == 0 ? outcomeLabel : "");
            ya.setAutoRangeIncludesZero(false);
            Charts.style(xa);
            Charts.style(ya);
            small(xa, n);
            small(ya, n);
            XYPlot plot = new XYPlot(data, xa, ya, r);
            Charts.stylePlot(plot);
            JFreeChart c = new JFreeChart(null, null, plot, false);
            c.setBackgroundPaint(Color.WHITE);
            panels[j] = c;
        }
        grid(panels, cols, panelH, title, subtitle, dir, name);
    }

    private static void small(org.jfree.chart.axis.ValueAxis axis, int panels) {
        if (panels <= 4) return;
        axis.setLabelFont(new Font(Charts.FONT, Font.PLAIN, 15));
        axis.setTickLabelFont(new Font(Charts.FONT, Font.PLAIN, 12));
    }

    /**
     * Heat map of an outcome over two factors of a full factorial (XYBlockRenderer): cell (i, j)
     * is the outcome at level i of the first factor and level j of the second.
     */
    public static void heatMap(String title, String subtitle, String outcomeLabel, String xName, List<String> xLevels,
                               String yName, List<String> yLevels, double[][] z, Path dir, String name) throws IOException {
        int nx = xLevels.size();
        int ny = yLevels.size();
        double[][] series = new double[3][nx * ny];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                int k = i * ny + j;
                series[0][k] = i;
                series[1][k] = j;
                series[2][k] = z[i][j];
                if (!Double.isNaN(z[i][j])) {
                    lo = Math.min(lo, z[i][j]);
                    hi = Math.max(hi, z[i][j]);
                }
            }
        }
        if (!(hi > lo)) {
            hi = lo + 1e-9;
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(outcomeLabel, series);
        XYBlockRenderer r = new XYBlockRenderer();
        PaintScale scale = viridis(lo, hi);
        r.setPaintScale(scale);
        r.setBlockAnchor(org.jfree.chart.ui.RectangleAnchor.CENTER);
        SymbolAxis xa = new SymbolAxis(xName, xLevels.toArray(new String[0]));
        SymbolAxis ya = new SymbolAxis(yName, yLevels.toArray(new String[0]));
        Charts.style(xa);
        Charts.style(ya);
        xa.setGridBandsVisible(false);
        ya.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(data, xa, ya, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                if (Double.isNaN(z[i][j])) continue;
                var label = new org.jfree.chart.annotations.XYTextAnnotation(Num.fmt(z[i][j], 2), i, j);
                label.setFont(new Font(Charts.FONT, Font.BOLD, nx * ny > 64 ? 12 : 18));
                double frac = (z[i][j] - lo) / (hi - lo);
                label.setPaint(frac > 0.6 ? Color.BLACK : Color.WHITE);
                plot.addAnnotation(label);
            }
        }
        JFreeChart chart = new JFreeChart(null, null, plot, false);
        NumberAxis scaleAxis = new NumberAxis(outcomeLabel);
        Charts.style(scaleAxis);
        scaleAxis.setRange(lo, hi);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setStripWidth(24);
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        Charts.finish(chart, title, subtitle);
        Charts.save(chart, dir, name);
    }

    /** A perceptually even, colour-blind-safe scale (viridis, 9 anchors interpolated). */
    static PaintScale viridis(double lo, double hi) {
        int[] anchors = {0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725};
        LookupPaintScale s = new LookupPaintScale(lo, hi, Color.LIGHT_GRAY);
        int steps = 64;
        for (int k = 0; k < steps; k++) {
            double f = k / (double) (steps - 1);
            double pos = f * (anchors.length - 1);
            int a = (int) Math.floor(pos);
            int b = Math.min(anchors.length - 1, a + 1);
            double t = pos - a;
            Color ca = new Color(anchors[a]);
            Color cb = new Color(anchors[b]);
            Color c = new Color((int) Math.round(ca.getRed() + t * (cb.getRed() - ca.getRed())),
                    (int) Math.round(ca.getGreen() + t * (cb.getGreen() - ca.getGreen())),
                    (int) Math.round(ca.getBlue() + t * (cb.getBlue() - ca.getBlue())));
            s.add(lo + (hi - lo) * k / (double) steps, c);
        }
        return s;
    }

    /** Draws panels in a grid under a title into {@code name}.png and .svg (width Charts.WIDTH). */
    static void grid(JFreeChart[] panels, int cols, int panelH, String title, String subtitle, Path dir, String name) throws IOException {
        int rows = (panels.length + cols - 1) / cols;
        int top = 90;
        int width = Charts.WIDTH;
        int height = top + rows * panelH;
        Charts.save((g, area) -> drawGrid(g, panels, cols, panelH, top, width, height, title, subtitle), width, height, dir, name);
    }

    private static void drawGrid(Graphics2D g, JFreeChart[] panels, int cols, int panelH, int top, int width, int height,
                                 String title, String subtitle) {
        g.setPaint(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setPaint(Color.BLACK);
        g.setFont(new Font(Charts.FONT, Font.BOLD, 30));
        g.drawString(title, 20, 42);
        g.setPaint(Color.DARK_GRAY);
        g.setFont(new Font(Charts.FONT, Font.PLAIN, 19));
        g.drawString(subtitle, 20, 74);
        int panelW = width / cols;
        for (int k = 0; k < panels.length; k++) {
            int cx = (k % cols) * panelW;
            int cy = top + (k / cols) * panelH;
            panels[k].draw(g, new Rectangle(cx, cy, panelW, panelH));
        }
    }

}
