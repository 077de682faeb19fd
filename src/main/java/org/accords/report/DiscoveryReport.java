package org.accords.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.accords.experiment.discovery.Discovery;
import org.accords.experiment.discovery.Prim;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Scenario-discovery output: the trade-off curve, the box limits (chart, table, boxes.csv) and the page. */
public final class DiscoveryReport {
    private DiscoveryReport() {}

    /** How a factor's values are shown (months as YYYY-MM, numbers plainly). */
    public interface Formatter {
        String format(int factor, double value);
    }

    public static void write(String title, String caseText, List<String> factors, Discovery.Answer a, Formatter fmt,
                             String answer, Path dir, String version, String settings) throws IOException {
        Prim.Result r = a.result();
        try (Csv t = new Csv(dir.resolve("tradeoff.csv"), "box,coverage,density,mass,points,cases,restricted_factors")) {
            for (int i = 0; i < r.trajectory().size(); i++) {
                Prim.Box b = r.trajectory().get(i);
                t.row(i, Num.fmt(b.coverage(), 6), Num.fmt(b.density(), 6), Num.fmt(b.mass(), 6), b.points(), b.cases(), b.restrictedCount(r.min(), r.max()));
            }
        }
        try (Csv c = new Csv(dir.resolve("boxes.csv"), "box,factor,lower,upper,restricted,quasi_p,restricted_in_subsamples,subsamples")) {
            Prim.Box b = a.box();
            for (int j = 0; j < factors.size(); j++) {
                boolean res = b.restricts(j, r.min(), r.max());
                c.row("chosen", factors.get(j), fmt.format(j, b.lower()[j]), fmt.format(j, b.upper()[j]), res,
                        pValue(a.quasiP()[j]), a.restrictedIn()[j], a.subsamples());
            }
        }
        tradeoff(title, caseText, a, dir);
        limits(title, factors, a, fmt, dir);
        page(title, caseText, factors, a, fmt, answer, dir, version, settings);
    }

    private static void tradeoff(String title, String caseText, Discovery.Answer a, Path dir) throws IOException {
        Prim.Result r = a.result();
        int maxRes = 0;
        for (Prim.Box b : r.trajectory()) maxRes = Math.max(maxRes, b.restrictedCount(r.min(), r.max()));
        XYSeriesCollection data = new XYSeriesCollection();
        for (int k = 0; k <= maxRes; k++) data.addSeries(new XYSeries(k + " factor" + (k == 1 ? "" : "s") + " restricted", false, true));
        for (Prim.Box b : r.trajectory()) data.getSeries(b.restrictedCount(r.min(), r.max())).add(b.coverage(), b.density());
        XYSeries chosen = new XYSeries("chosen box (pasted)");
        chosen.add(a.box().coverage(), a.box().density());
        data.addSeries(chosen);
        XYLineAndShapeRenderer ren = new XYLineAndShapeRenderer(false, true);
        for (int k = 0; k <= maxRes; k++) {
            ren.setSeriesShape(k, Charts.dot(11));
            ren.setSeriesPaint(k, Charts.color(k));
        }
        ren.setSeriesShape(maxRes + 1, new java.awt.geom.Rectangle2D.Double(-10, -10, 20, 20));
        ren.setSeriesPaint(maxRes + 1, Color.BLACK);
        ren.setSeriesShapesFilled(maxRes + 1, false);
        ren.setSeriesStroke(maxRes + 1, new BasicStroke(3f));
        NumberAxis x = new NumberAxis("coverage: share of all cases inside the box");
        NumberAxis y = new NumberAxis("density: share of the box's points that are cases");
        x.setRange(0, 1.02);
        y.setRange(0, 1.02);
        Charts.style(x);
        Charts.style(y);
        XYPlot plot = new XYPlot(data, x, y, ren);
        Charts.stylePlot(plot);
        JFreeChart chart = new JFreeChart(null, null, plot, true);
        Charts.finish(chart, "PRIM trade-off: " + title, "each dot is a box on the peeling trajectory · case: " + caseText);
        Charts.save(chart, dir, "tradeoff");
    }

    private static void limits(String title, List<String> factors, Discovery.Answer a, Formatter fmt, Path dir) throws IOException {
        Prim.Result r = a.result();
        Prim.Box b = a.box();
        int n = factors.size();
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        XYIntervalSeries full = new XYIntervalSeries("full range");
        XYIntervalSeries box = new XYIntervalSeries("box");
        List<XYTextAnnotation> labels = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            double pos = n - 1 - j;
            double span = r.max()[j] - r.min()[j];
            double lo = span == 0 ? 0 : (b.lower()[j] - r.min()[j]) / span;
            double hi = span == 0 ? 1 : (b.upper()[j] - r.min()[j]) / span;
            full.add(pos, pos - 0.35, pos + 0.35, 0.5, 0, 1);
            boolean res = b.restricts(j, r.min(), r.max());
            if (res) box.add(pos, pos - 0.25, pos + 0.25, (lo + hi) / 2, lo, hi);
            String text = res ? fmt.format(j, b.lower()[j]) + " .. " + fmt.format(j, b.upper()[j])
                    + String.format(Locale.ROOT, "  (quasi-p %s; restricted in %d/%d halves)", pText(a.quasiP()[j]), a.restrictedIn()[j], a.subsamples())
                    : "not restricted";
            XYTextAnnotation t = new XYTextAnnotation(" " + text, pos + 0.42, 1.0);
            t.setFont(new Font(Charts.FONT, Font.PLAIN, n > 10 ? 12 : 16));
            t.setTextAnchor(TextAnchor.TOP_RIGHT);
            labels.add(t);
        }
        data.addSeries(full);
        data.addSeries(box);
        XYBarRenderer ren = new XYBarRenderer();
        ren.setUseYInterval(true);
        ren.setBarPainter(new StandardXYBarPainter());
        ren.setShadowVisible(false);
        ren.setSeriesPaint(0, new Color(0xEE, 0xEE, 0xEE));
        ren.setSeriesPaint(1, Charts.color(0));
        String[] names = new String[n];
        for (int j = 0; j < n; j++) names[n - 1 - j] = factors.get(j);
        SymbolAxis fa = new SymbolAxis("", names);
        fa.setGridBandsVisible(false);
        Charts.style(fa);
        NumberAxis va = new NumberAxis("position in the factor's sampled range (0 = lowest, 1 = highest)");
        va.setRange(0, 1);
        Charts.style(va);
        XYPlot plot = new XYPlot(data, fa, va, ren);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD); // the box over its full range
        Charts.stylePlot(plot);
        for (XYTextAnnotation t : labels) plot.addAnnotation(t);
        JFreeChart chart = new JFreeChart(null, null, plot, true);
        Charts.finish(chart, "Box limits: " + title, String.format(Locale.ROOT, "coverage %.0f%%, density %.0f%%, mass %.0f%%",
                100 * a.box().coverage(), 100 * a.box().density(), 100 * a.box().mass()));
        Charts.save(chart, dir, "box-limits");
    }

    /** Four significant digits, so that tiny p values keep their size (1.234e-12). */
    static String pValue(double p) {
        return Double.isNaN(p) ? "" : String.format(Locale.ROOT, "%.4g", p);
    }

    static String pText(double p) {
        if (Double.isNaN(p)) return "";
        return p < 0.001 ? "<0.001" : Num.fmt(p, 3);
    }

    private static void page(String title, String caseText, List<String> factors, Discovery.Answer a, Formatter fmt, String answer,
                             Path dir, String version, String settings) throws IOException {
        Prim.Result r = a.result();
        StringBuilder h = new StringBuilder(Html.head("Discovery · " + title + " · accords-sim"));
        h.append("<h1>").append(Html.esc(title)).append("</h1>\n<p class=\"meta\">Scenario discovery (PRIM) · ").append(Html.esc(settings))
                .append(" · accords-sim ").append(Html.esc(version)).append("</p>\n");
        h.append("<p><b>Case of interest:</b> ").append(Html.esc(caseText)).append(String.format(Locale.ROOT, " — %d of %d points.</p>\n", r.cases(), r.points()));
        h.append("<h2>Answer</h2>\n<p>").append(Html.esc(answer)).append("</p>\n");
        h.append("<h2>Box limits</h2>\n").append(Html.figure("box-limits", "Box limits"));
        h.append("<table><tr><th>Factor</th><th>Lower</th><th>Upper</th><th>Quasi-p</th><th>Restricted in subsamples</th></tr>\n");
        for (int j = 0; j < factors.size(); j++) {
            boolean res = a.box().restricts(j, r.min(), r.max());
            h.append("<tr><td>").append(Html.esc(factors.get(j))).append("</td><td>").append(res ? Html.esc(fmt.format(j, a.box().lower()[j])) : "")
                    .append("</td><td>").append(res ? Html.esc(fmt.format(j, a.box().upper()[j])) : "").append("</td><td>").append(pText(a.quasiP()[j]))
                    .append("</td><td>").append(a.restrictedIn()[j]).append(" of ").append(a.subsamples()).append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"meta\">Quasi-p: one-sided binomial test of the box's cases against the density of the box without that "
                + "restriction (small: the restriction matters). Subsamples: PRIM rerun on random halves of the points.</p>\n");
        h.append("<h2>Coverage and density</h2>\n").append(Html.figure("tradeoff", "Coverage-density trade-off"));
        h.append("<p>Peeling trades coverage (the share of all cases a box captures) for density (the share of its points that are cases). "
                + "The chosen box is the densest one that keeps the required coverage, widened again where that raised its density (pasting).</p>\n");
        h.append("<h2>Files</h2>\n<ul><li><a href=\"boxes.csv\">boxes.csv</a> (the chosen box: factor, lower, upper, quasi-p, stability)</li>"
                + "<li><a href=\"tradeoff.csv\">tradeoff.csv</a> (every box of the peeling trajectory)</li></ul>\n</body></html>\n");
        Files.writeString(dir.resolve("index.html"), h.toString(), StandardCharsets.UTF_8);
    }
}
