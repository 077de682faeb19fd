package org.accords.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.accords.experiment.Calibrator;
import org.accords.experiment.ParameterSpace;
import org.accords.experiment.calibration.HistoryMatching;
import org.accords.experiment.calibration.Implausibility;
import org.accords.experiment.calibration.ModelSimulator;
import org.accords.experiment.calibration.Point;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The outputs of a history match: the ensemble fragment ({@code _ensemble.yaml}) and a page with
 * the marginal and pairwise distributions of the chosen sets among all points evaluated.
 */
public final class EnsembleReport {
    public static final String SETS_HEADER = "set,wave,implausibility,max_implausibility,key,value";

    private EnsembleReport() {}

    /** The ensemble file: the command, the method, the targets and the K sets with their fit. */
    public static String fragment(HistoryMatching.Result r, List<Point> sets, List<String> keys, String command) {
        var s = r.settings();
        StringBuilder y = new StringBuilder();
        y.append("# Parameter ensemble: ").append(sets.size()).append(" sets of the global parameters that history matching did not rule out.\n");
        y.append("# Generated file: do not edit by hand; rerun\n#   ").append(command).append('\n');
        y.append("# run and compare spread their replications over these sets (replication r uses set r mod K);\n");
        y.append("# --params point runs the single best fit (_calibrated.yaml) instead.\n");
        y.append("command: ").append(quote(command)).append('\n');
        y.append("method:\n");
        y.append("  rule: ").append(quote(s.rule().describe(r.targets().size()) + " implausibility <= " + Num.fmt(s.cutoff(), 2))).append('\n');
        y.append("  waves: ").append(r.waves().size()).append('\n');
        y.append("  evaluated: ").append(r.points().size()).append('\n');
        y.append("  nonImplausible: ").append(r.nonImplausible().size()).append('\n');
        y.append("  chosen: ").append(sets.size()).append('\n');
        y.append("targets:\n");
        for (Implausibility.Target t : r.targets()) {
            y.append("  - name: ").append(quote(t.name())).append('\n');
            y.append("    observed: ").append(Num.fmt(t.observed(), 4)).append('\n');
            y.append("    discrepancySd: ").append(Num.fmt(Math.sqrt(t.discrepancyVariance()), 4)).append('\n');
            y.append("    observationSd: ").append(Num.fmt(Math.sqrt(t.observationVariance()), 4)).append('\n');
        }
        y.append("sets:\n");
        for (int i = 0; i < sets.size(); i++) {
            Point p = sets.get(i);
            y.append("  - id: ").append(i + 1).append('\n');
            y.append("    wave: ").append(p.wave()).append('\n');
            y.append("    implausibility: ").append(Num.fmt(p.summary(), 4)).append('\n');
            y.append("    maxImplausibility: ").append(finite(maxOf(p.implausibility()))).append('\n');
            y.append("    values:\n");
            Map<String, Double> v = ModelSimulator.values(p.x());
            for (String k : keys) y.append("      ").append(k).append(": ").append(Num.fmt(v.get(k), 4)).append('\n');
        }
        return y.toString();
    }

    private static String finite(double x) {
        return Double.isFinite(x) ? Num.fmt(x, 4) : "1.0e9";
    }

    static double maxOf(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) m = Math.max(m, x);
        return m;
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Writes sets.csv, points.csv, marginals.png, pairs.png and index.html into {@code dir}. */
    public static void writePage(HistoryMatching.Result r, List<Point> sets, List<String> keys, String command, Path target, Path dir,
                                 String version) throws IOException {
        try (Csv csv = new Csv(dir.resolve("sets.csv"), SETS_HEADER)) {
            for (int i = 0; i < sets.size(); i++) {
                Point p = sets.get(i);
                Map<String, Double> v = ModelSimulator.values(p.x());
                for (String k : keys) csv.row(i + 1, p.wave(), Num.fmt(p.summary(), 4), finite(maxOf(p.implausibility())), k, Num.fmt(v.get(k), 4));
            }
        }
        List<String> header = new ArrayList<>(List.of("point", "wave", "summary"));
        for (Implausibility.Target t : r.targets()) header.add("I: " + t.name());
        try (Csv csv = new Csv(dir.resolve("points.csv"), String.join(",", header.stream().map(EnsembleReport::csvCell).toList()))) {
            for (Point p : r.points()) {
                List<Object> row = new ArrayList<>(List.of(p.index(), p.wave(), finite(p.summary())));
                for (double i : p.implausibility()) row.add(finite(i));
                csv.row(row);
            }
        }
        List<double[]> chosen = new ArrayList<>();
        for (Point p : sets) chosen.add(p.x());
        List<double[]> ruledOut = new ArrayList<>();
        for (Point p : r.points()) if (!p.nonImplausible(r.settings().cutoff())) ruledOut.add(p.x());
        List<String> names = Calibrator.SPACE.dimensions().stream().map(ParameterSpace.Dimension::name).toList();
        grid(marginals(chosen, names), 4, 400, 260, dir.resolve("marginals.png"));
        grid(pairs(chosen, ruledOut, names), names.size(), 130, 130, dir.resolve("pairs.png"));
        writeHtml(r, sets, keys, command, target, dir, version);
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static List<JFreeChart> marginals(List<double[]> chosen, List<String> keys) {
        List<JFreeChart> charts = new ArrayList<>();
        for (int d = 0; d < keys.size(); d++) {
            double[] values = new double[chosen.size()];
            for (int i = 0; i < values.length; i++) values[i] = chosen.get(i)[d];
            HistogramDataset data = new HistogramDataset();
            data.addSeries(keys.get(d), values, 20, 0, 1);
            XYBarRenderer bars = new XYBarRenderer(0.05);
            bars.setShadowVisible(false);
            bars.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
            bars.setSeriesPaint(0, Charts.color(0));
            XYPlot plot = new XYPlot(data, axis(null, 0, 1), new NumberAxis(), bars);
            small(plot);
            charts.add(titled(plot, shortName(keys.get(d))));
        }
        return charts;
    }

    /** Scatter matrix: below the diagonal the chosen sets, above it every evaluated point ruled out (grey) under the chosen sets. */
    private static List<JFreeChart> pairs(List<double[]> chosen, List<double[]> ruledOut, List<String> keys) {
        List<JFreeChart> charts = new ArrayList<>();
        int n = keys.size();
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                XYSeriesCollection data = new XYSeriesCollection();
                XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
                int series = 0;
                if (row < col) {
                    data.addSeries(series(ruledOut, col, row, "ruled out", 1500));
                    dots.setSeriesPaint(series, new Color(0xC8, 0xC8, 0xC8));
                    dots.setSeriesShape(series++, Charts.dot(2));
                }
                if (row != col) {
                    data.addSeries(series(chosen, col, row, "sets", Integer.MAX_VALUE));
                    dots.setSeriesPaint(series, Charts.color(0));
                    dots.setSeriesShape(series, Charts.dot(3));
                }
                XYPlot plot = new XYPlot(data, axis(null, 0, 1), axis(null, 0, 1), dots);
                small(plot);
                JFreeChart c = row == col ? titled(plot, shortName(keys.get(row))) : new JFreeChart(null, null, plot, false);
                c.setBackgroundPaint(Color.WHITE);
                charts.add(c);
            }
        }
        return charts;
    }

    private static XYSeries series(List<double[]> points, int x, int y, String name, int most) {
        XYSeries s = new XYSeries(name, false, true);
        int step = Math.max(1, points.size() / most);
        for (int i = 0; i < points.size(); i += step) s.add(points.get(i)[x], points.get(i)[y]);
        return s;
    }

    private static NumberAxis axis(String label, double lo, double hi) {
        NumberAxis a = new NumberAxis(label);
        a.setRange(lo, hi);
        a.setTickLabelsVisible(false);
        a.setTickMarksVisible(false);
        return a;
    }

    private static void small(XYPlot plot) {
        Charts.stylePlot(plot);
        plot.getDomainAxis().setTickLabelsVisible(false);
        plot.getRangeAxis().setTickLabelsVisible(false);
    }

    private static JFreeChart titled(XYPlot plot, String title) {
        JFreeChart c = new JFreeChart(null, null, plot, false);
        c.setTitle(new TextTitle(title, new Font(Charts.FONT, Font.PLAIN, 13)));
        c.setBackgroundPaint(Color.WHITE);
        return c;
    }

    static String shortName(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    private static void grid(List<JFreeChart> charts, int cols, int w, int h, Path file) throws IOException {
        int rows = (charts.size() + cols - 1) / cols;
        BufferedImage image = new BufferedImage(cols * w, rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int i = 0; i < charts.size(); i++) charts.get(i).draw(g, new Rectangle((i % cols) * w, (i / cols) * h, w, h));
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void writeHtml(HistoryMatching.Result r, List<Point> sets, List<String> keys, String command, Path target, Path dir,
                                  String version) throws IOException {
        var s = r.settings();
        StringBuilder h = new StringBuilder(Html.head("Parameter ensemble · accords-sim"));
        h.append("<h1>Parameter ensemble by history matching</h1>\n");
        h.append("<p class=\"meta\"><code>").append(Html.esc(command)).append("</code> · accords-sim ").append(Html.esc(version)).append("</p>\n");
        h.append("<p>").append(String.format(Locale.ROOT, "%,d", r.points().size())).append(" parameter points evaluated in ").append(r.waves().size())
                .append(" waves; ").append(String.format(Locale.ROOT, "%,d", r.nonImplausible().size())).append(" not ruled out (")
                .append(Html.esc(s.rule().describe(r.targets().size()))).append(" implausibility ≤ ").append(Num.fmt(s.cutoff(), 2)).append("); ")
                .append(sets.size()).append(" of them, drawn uniformly, form the ensemble written to <code>").append(Html.esc(target.toString()))
                .append("</code>. Implausibility I = |z − E[f(x)]| / sqrt(Var_ensemble + Var_discrepancy + Var_observation) per target; "
                        + "Var_ensemble is the run-to-run variance of the target at the point (the record is one history) plus the Monte Carlo variance of its mean.</p>\n");
        h.append("<h2>Waves</h2>\n<table><tr><th>wave</th><th>points evaluated</th><th>not ruled out</th><th>share</th></tr>\n");
        for (var w : r.waves()) {
            h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%,d</td><td>%,d</td><td>%.3f</td></tr>%n", w.wave(), w.evaluated(), w.nonImplausible(), w.acceptance()));
        }
        h.append("</table>\n<p>Wave 1 is a Sobol design over the whole space; each later wave samples the bounding box of the points not yet ruled out "
                + "(widened by ").append(Num.fmt(s.margin() * 100, 0)).append("% of its side), skipping candidates whose ").append(s.neighbours())
                .append(" nearest evaluated points were all ruled out.</p>\n");
        h.append("<h2>Targets</h2>\n<table><tr><th>target</th><th>observed</th><th>discrepancy sd</th><th>observation sd</th>"
                + "<th>share of points with I &gt; cutoff</th><th>ensemble mean: min</th><th>median</th><th>max</th></tr>\n");
        for (int i = 0; i < r.targets().size(); i++) {
            Implausibility.Target t = r.targets().get(i);
            int out = 0;
            for (Point p : r.points()) if (p.implausibility()[i] > s.cutoff()) out++;
            final int k = i;
            double[] means = sets.stream().mapToDouble(p -> p.mean()[k]).sorted().toArray();
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%.3f</td><td>%s</td><td>%s</td><td>%s</td></tr>%n",
                    Html.esc(t.name()), Num.fmt(t.observed(), 2), Num.fmt(Math.sqrt(t.discrepancyVariance()), 2), Num.fmt(Math.sqrt(t.observationVariance()), 2),
                    out / (double) Math.max(1, r.points().size()), means.length == 0 ? "" : Num.fmt(means[0], 2),
                    means.length == 0 ? "" : Num.fmt(means[means.length / 2], 2), means.length == 0 ? "" : Num.fmt(means[means.length - 1], 2)));
        }
        h.append("</table>\n");
        h.append("<h2>Marginal distributions of the sets</h2>\n<p>The space searched (the calibration space: each coordinate within its bounds; "
                + "the exit threshold as a gap below the join threshold, the symbolic-join cost as a share of the substantive one, so no set can "
                + "cross those orders). Each histogram spans its coordinate's bounds.</p>\n"
                + "<table><tr><th>coordinate</th><th>meaning</th><th>lower bound</th><th>upper bound</th><th>sets: min</th><th>median</th><th>max</th></tr>\n");
        List<ParameterSpace.Dimension> dims = Calibrator.SPACE.dimensions();
        for (int d = 0; d < dims.size(); d++) {
            final int dd = d;
            ParameterSpace.Dimension dim = dims.get(d);
            double[] v = sets.stream().mapToDouble(p -> dim.lower() + p.x()[dd] * (dim.upper() - dim.lower())).sorted().toArray();
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td class=\"l\">%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>%n",
                    Html.esc(dim.name()), Html.esc(dim.meaning()), Num.fmt(dim.lower(), 2), Num.fmt(dim.upper(), 2), v.length == 0 ? "" : Num.fmt(v[0], 3),
                    v.length == 0 ? "" : Num.fmt(v[v.length / 2], 3), v.length == 0 ? "" : Num.fmt(v[v.length - 1], 3)));
        }
        h.append("</table>\n<p><img src=\"marginals.png\" alt=\"Histograms of each coordinate over the sets\"></p>\n");
        h.append("<h2>Pairwise distributions</h2>\n<p>Below the diagonal: the sets (blue). Above it: the same pairs, with points that were ruled out in grey. "
                + "Axes span each parameter's bounds.</p>\n<p><img src=\"pairs.png\" alt=\"Scatter matrix of the sets\"></p>\n");
        h.append("<p>Data: <a href=\"sets.csv\">sets.csv</a> (one row per set and key), <a href=\"points.csv\">points.csv</a> (every evaluated point's implausibility per target).</p>\n");
        h.append("</body></html>\n");
        Files.writeString(dir.resolve("index.html"), h.toString(), StandardCharsets.UTF_8);
    }
}
