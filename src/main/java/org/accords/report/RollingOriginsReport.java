package org.accords.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.accords.experiment.backtest.Bootstrap;
import org.accords.experiment.backtest.EventWindow;
import org.accords.experiment.backtest.RollingOrigins;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** The rolling-origin backtest's files: table (backtest.txt), windows.csv, events.csv, summary.csv, chart, page. */
public final class RollingOriginsReport {
    private RollingOriginsReport() {}

    public static void write(RollingOrigins.Result r, String parameters, Path dir) throws IOException {
        try (Csv csv = new Csv(dir.resolve("windows.csv"), "origin,horizon,model,sample,states,events,brier,brier_lo,brier_hi,log,log_lo,log_hi")) {
            for (RollingOrigins.WindowScore w : r.windows()) {
                for (RollingOrigins.ModelScore m : w.models()) {
                    csv.row(w.window().origin(), w.window().horizon(), m.model(), m.sample(), w.window().items().size(), w.window().events(),
                            f(m.brierInterval().mean()), f(m.brierInterval().lower()), f(m.brierInterval().upper()),
                            f(m.logInterval().mean()), f(m.logInterval().lower()), f(m.logInterval().upper()));
                }
            }
        }
        try (Csv csv = new Csv(dir.resolve("events.csv"), "origin,horizon,state,at_risk_of,happened," + String.join(",",
                RollingOrigins.MODELS.stream().map(m -> "p_" + m.replaceAll("[^a-z]+", "_").replaceAll("_$", "")).toList()))) {
            for (RollingOrigins.WindowScore w : r.windows()) {
                for (int i = 0; i < w.window().items().size(); i++) {
                    EventWindow.Item it = w.window().items().get(i);
                    Object[] row = new Object[5 + w.models().size()];
                    row[0] = w.window().origin();
                    row[1] = w.window().horizon();
                    row[2] = it.id();
                    row[3] = it.kind().key();
                    row[4] = it.happened() ? 1 : 0;
                    for (int k = 0; k < w.models().size(); k++) row[5 + k] = f(w.models().get(k).p()[i]);
                    csv.row(row);
                }
            }
        }
        try (Csv csv = new Csv(dir.resolve("summary.csv"),
                "horizon,windows,model,sample,items,events,brier,brier_lo,brier_hi,log,log_lo,log_hi,abm_minus_brier,abm_minus_brier_lo,abm_minus_brier_hi,abm_minus_log,abm_minus_log_lo,abm_minus_log_hi")) {
            for (RollingOrigins.Summary s : r.summary()) {
                csv.row(s.horizon(), s.windows(), s.model(), s.sample(), s.items(), s.events(), f(s.brier().mean()), f(s.brier().lower()), f(s.brier().upper()),
                        f(s.log().mean()), f(s.log().lower()), f(s.log().upper()), f(s.abmMinusBrier().mean()), f(s.abmMinusBrier().lower()),
                        f(s.abmMinusBrier().upper()), f(s.abmMinusLog().mean()), f(s.abmMinusLog().lower()), f(s.abmMinusLog().upper()));
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve("backtest.txt")))) {
            printTable(r, parameters, w);
        }
        Charts.save(chart(r, parameters), dir, "backtest");
        String page = Html.head("Backtest: " + r.scenario().name()) + "<h1>Rolling-origin backtest: " + Html.esc(r.scenario().name()) + "</h1>\n"
                + Html.figure("backtest", "Mean event log score per origin and model")
                + "<pre>" + Html.esc(Files.readString(dir.resolve("backtest.txt"))) + "</pre>\n"
                + "<p><a href=\"windows.csv\">windows.csv</a>, <a href=\"events.csv\">events.csv</a>, <a href=\"summary.csv\">summary.csv</a></p>\n</body></html>\n";
        Files.writeString(dir.resolve("index.html"), page);
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "" : Num.fmt(v, 6);
    }

    private static String ci(Bootstrap.Interval i) {
        return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", i.mean(), i.lower(), i.upper());
    }

    public static void printTable(RollingOrigins.Result r, String parameters, PrintWriter out) {
        out.println("Rolling-origin event scores: each state is at risk of one change (join, freeze or thaw) given its observed standing");
        out.println("at the origin; scored: did it happen in the next h months. Lower is better for both scores. 95% bootstrap");
        out.println("intervals over states. IN/OUT: in or out of sample for the parameters the model actually used.");
        out.println("ABM parameters: " + parameters);
        out.println();
        out.printf(Locale.ROOT, "%-8s %3s %6s %6s  %-17s %-6s %-26s %-26s%n", "origin", "h", "states", "events", "model", "sample", "Brier [95%]", "log score [95%]");
        for (RollingOrigins.WindowScore w : r.windows()) {
            for (RollingOrigins.ModelScore m : w.models()) {
                out.printf(Locale.ROOT, "%-8s %3d %6d %6d  %-17s %-6s %-26s %-26s%n", w.window().origin(), w.window().horizon(),
                        w.window().items().size(), w.window().events(), m.model(), m.sample(), ci(m.brierInterval()), ci(m.logInterval()));
            }
        }
        for (RollingOrigins.Skipped s : r.skipped()) out.printf(Locale.ROOT, "%-8s %3d  not scored: %s%n", s.origin(), s.horizon(), s.reason());
        out.println();
        out.println("Pooled over origins (interval: bootstrap over states, all of a state's windows together); ABM - model < 0: the ABM is better");
        out.printf(Locale.ROOT, "%3s %-18s %-17s %-6s %5s %6s  %-26s %-26s %-28s%n", "h", "windows", "model", "sample", "items", "events", "Brier [95%]", "log score [95%]", "ABM - model, log [95%]");
        for (RollingOrigins.Summary s : r.summary()) {
            out.printf(Locale.ROOT, "%3d %-18s %-17s %-6s %5d %6d  %-26s %-26s %-28s%n", s.horizon(), s.windows(), s.model(), s.sample(), s.items(), s.events(),
                    ci(s.brier()), ci(s.log()), s.model().equals("abm") ? "" : ci(s.abmMinusLog()));
        }
        if (r.aim() != null) {
            out.println();
            out.printf(Locale.ROOT, "aim: P(at least %d joins in the 12 months after %s) = %.3f (target >= 0.3: %s; observed joins: %d; ABM score %s of sample)%n",
                    RollingOrigins.AIM_JOINS, RollingOrigins.AIM_ORIGIN, r.aim().pThreeJoins(), r.aim().pThreeJoins() >= 0.3 ? "met" : "NOT met",
                    r.aim().observedJoins(), r.aim().sample());
        }
        for (RollingOrigins.Summary s : r.summary()) {
            if (s.model().equals("persistence+rate") || s.model().equals("logistic (CV)")) {
                Bootstrap.Interval d = s.abmMinusLog();
                String verdict = d.mean() < 0 ? (d.upper() < 0 ? "beats" : "is lower (better) than, within noise,")
                        : (d.lower() > 0 ? "does NOT beat" : "is not lower than, within noise,");
                out.printf(Locale.ROOT, "aim: h=%d, %s windows: ABM mean log score %s %s (ABM - model %+.4f, 95%% [%.4f, %.4f]; ABM %s of sample)%n",
                        s.horizon(), s.windows(), verdict, s.model(), d.mean(), d.lower(), d.upper(), abmSample(r, s));
            }
        }
        out.flush();
    }

    /** The ABM's sample label of the pooled windows that {@code s} compares it over. */
    private static String abmSample(RollingOrigins.Result r, RollingOrigins.Summary s) {
        for (RollingOrigins.Summary a : r.summary())
            if (a.horizon() == s.horizon() && a.windows().equals(s.windows()) && a.model().equals("abm")) return a.sample();
        throw new IllegalStateException("no ABM row for " + s);
    }

    static JFreeChart chart(RollingOrigins.Result r, String parameters) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (RollingOrigins.WindowScore w : r.windows()) {
            String cat = w.window().origin() + " +" + w.window().horizon() + "m " + w.model("abm").sample();
            for (RollingOrigins.ModelScore m : w.models()) data.addValue(m.logInterval().mean(), m.model() + (m.model().equals("abm") ? "" : ""), cat);
        }
        CategoryAxis x = new CategoryAxis("origin, window and the ABM's sample (" + r.windows().stream().mapToInt(w -> w.window().events()).sum() + " events in all)");
        x.setTickLabelFont(new Font(Charts.FONT, Font.PLAIN, 16));
        x.setMaximumCategoryLabelLines(3);
        x.setLabelFont(new Font(Charts.FONT, Font.PLAIN, 19));
        NumberAxis y = new NumberAxis("mean event log score, lower is better");
        Charts.style(y);
        y.setAutoRangeIncludesZero(true);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        for (int i = 0; i < RollingOrigins.MODELS.size(); i++) bars.setSeriesPaint(i, Charts.color(i));
        CategoryPlot plot = new CategoryPlot(data, x, y, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Charts.GRID);
        JFreeChart chart = new JFreeChart(plot);
        return Charts.finish(chart, "Rolling-origin backtest: " + r.scenario().name(),
                "mean over states at risk of -ln P(what happened) in the window after each origin; IN/OUT: the ABM in or out of sample. ABM parameters: " + parameters);
    }
}
