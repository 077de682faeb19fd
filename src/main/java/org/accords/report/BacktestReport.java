package org.accords.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.accords.experiment.Backtest;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** The backtest's table (terminal and backtest.txt), tidy backtest.csv and the checkpoint chart. */
public final class BacktestReport {
    public static final String HEADER = "section,model,checkpoint,state,measure,value";
    /** At most this many states in the chart: all with an observed event, then the largest forecasts. */
    static final int CHART_STATES = 14;

    private BacktestReport() {}

    public static void write(Backtest.Result r, Path dir) throws IOException {
        writeCsv(r, dir.resolve("backtest.csv"));
        Charts.save(chart(r), dir, "backtest");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve("backtest.txt")))) {
            printTable(r, w);
        }
        addToRunPage(dir);
    }

    /** Puts the backtest (chart and table) at the top of the folder's index.html, written by the run report. */
    static void addToRunPage(Path dir) throws IOException {
        Path page = dir.resolve("index.html");
        if (!Files.exists(page)) return;
        String html = Files.readString(page);
        String section = "<h2>Backtest</h2>\n" + Html.figure("backtest", "Backtest: P(joined by checkpoint) vs observed")
                + "<pre>" + Html.esc(Files.readString(dir.resolve("backtest.txt"))) + "</pre>\n"
                + "<p><a href=\"backtest.csv\">backtest.csv</a> (tidy: section, model, checkpoint, state, measure, value)</p>\n";
        Files.writeString(page, html.replaceFirst("<h2>Adoption</h2>", java.util.regex.Matcher.quoteReplacement(section) + "<h2>Adoption</h2>"));
    }

    static void writeCsv(Backtest.Result r, Path file) throws IOException {
        try (Csv csv = new Csv(file, HEADER)) {
            for (Backtest.CheckpointScore s : r.scores()) {
                String cp = s.checkpoint().toString();
                csv.row("score", s.model(), cp, "", "brier", Num.fmt(s.brier()));
                csv.row("score", s.model(), cp, "", "base_rate_brier", Num.fmt(s.baseRateBrier()));
                csv.row("score", s.model(), cp, "", "skill", Num.fmt(s.skill()));
                csv.row("score", s.model(), cp, "", "in_sample", s.inSample() ? 1 : 0);
            }
            for (Backtest.StateCheckpoint s : r.states()) {
                String cp = s.checkpoint().toString();
                csv.row("state", "observed", cp, s.state(), "joined_by", s.observed() ? 1 : 0);
                csv.row("state", "abm", cp, s.state(), "p_joined_by", Num.fmt(s.abm()));
                csv.row("state", "logistic", cp, s.state(), "p_joined_by", Num.fmt(s.logistic()));
            }
            for (Backtest.JoinTiming t : r.timings()) {
                csv.row("timing", "abm", t.observedMonth(), t.state(), "median_join_month", t.medianMonth() == null ? "" : t.medianMonth());
                csv.row("timing", "abm", t.observedMonth(), t.state(), "error_months", t.errorMonths() == null ? "" : t.errorMonths());
                csv.row("timing", "abm", t.observedMonth(), t.state(), "p_ever_joined", Num.fmt(t.pEverJoined()));
            }
            for (Backtest.FreezeCheck f : r.freezes()) {
                csv.row("freeze", "abm", f.checkedMonth(), f.state(), "p_frozen", Num.fmt(f.pFrozen()));
            }
            csv.row("summary", "abm", "", "", "out_of_sample_brier", Num.fmt(r.outOfSampleBrierAbm()));
            csv.row("summary", "logistic", "", "", "out_of_sample_brier", Num.fmt(r.outOfSampleBrierLogistic()));
            for (Backtest.Target t : r.targets()) {
                csv.row("target", "abm", "", "", t.description() + " " + t.comparison() + " " + Num.fmt(t.threshold(), 4), Num.fmt(t.value()));
            }
        }
    }

    public static void printTable(Backtest.Result r, PrintWriter out) {
        out.printf(Locale.ROOT, "Backtest of '%s': %,d replications, seed %d; logistic baseline fitted on %s .. %s%n%n",
                r.scenario().name(), r.abm().runs(), r.abm().seed, r.scenario().run().start(), r.cutoff());
        out.printf(Locale.ROOT, "%-9s %-14s %9s %9s %9s %9s %9s%n", "checkpoint", "sample", "Brier ABM", "skill", "Brier log", "skill", "base rate");
        for (YearMonth c : r.checkpoints()) {
            Backtest.CheckpointScore a = find(r, "abm", c);
            Backtest.CheckpointScore l = find(r, "logistic", c);
            out.printf(Locale.ROOT, "%-10s %-14s %9s %9s %9s %9s %9s%n", c, a.inSample() ? "in-sample" : "out-of-sample",
                    f4(a.brier()), f4(a.skill()), f4(l.brier()), f4(l.skill()), f4(a.baseRateBrier()));
        }
        out.printf(Locale.ROOT, "out-of-sample mean Brier: ABM %s, logistic %s%n", f4(r.outOfSampleBrierAbm()), f4(r.outOfSampleBrierLogistic()));
        out.printf(Locale.ROOT, "note: 'sample' refers to the logistic baseline's window (--until %s). The ABM's parameters are the scenario's%n"
                + "      (scenarios/_calibrated.yaml names the window they were fitted to). For a true out-of-sample test of both:%n"
                + "      ./accords calibrate --until %s --out FILE && ./accords backtest --params FILE --until %s%n%n", r.cutoff(), r.cutoff(), r.cutoff());
        out.printf(Locale.ROOT, "%-5s %-9s %-12s %8s %12s%n", "join", "observed", "ABM median", "error", "P(ever)");
        for (Backtest.JoinTiming t : r.timings()) {
            out.printf(Locale.ROOT, "%-5s %-9s %-12s %8s %12s%n", t.state(), t.observedMonth(), t.medianMonth() == null ? "never" : t.medianMonth(),
                    t.errorMonths() == null ? "-" : String.format(Locale.ROOT, "%+d mo", t.errorMonths()), f4(t.pEverJoined()));
        }
        for (Backtest.FreezeCheck f : r.freezes()) {
            out.printf(Locale.ROOT, "freeze %s observed %s: P(frozen in %s) = %s%n", f.state(), f.observedMonth(), f.checkedMonth(), f4(f.pFrozen()));
        }
        out.println();
        out.println("targets:");
        for (Backtest.Target t : r.targets()) {
            out.printf(Locale.ROOT, "  %-4s %-58s %8s %s %s%n", t.met() ? "met" : "MISS", t.description(), f4(t.value()), t.comparison(), f4(t.threshold()));
        }
        out.flush();
    }

    private static Backtest.CheckpointScore find(Backtest.Result r, String model, YearMonth c) {
        return r.scores().stream().filter(s -> s.model().equals(model) && s.checkpoint().equals(c)).findFirst().orElseThrow();
    }

    private static String f4(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** One panel per checkpoint: P(joined by then) for the ABM and the logistic baseline, with what happened. */
    static JFreeChart chart(Backtest.Result r) {
        List<String> shown = chartStates(r);
        CombinedDomainCategoryPlot combined = new CombinedDomainCategoryPlot(new CategoryAxis("State"));
        combined.getDomainAxis().setTickLabelFont(new Font(Charts.FONT, Font.PLAIN, 17));
        combined.getDomainAxis().setLabelFont(new Font(Charts.FONT, Font.PLAIN, 20));
        combined.setGap(8);
        for (YearMonth c : r.checkpoints()) {
            DefaultCategoryDataset bars = new DefaultCategoryDataset();
            DefaultCategoryDataset seen = new DefaultCategoryDataset();
            for (String id : shown) {
                Backtest.StateCheckpoint s = r.states().stream().filter(x -> x.state().equals(id) && x.checkpoint().equals(c)).findFirst().orElseThrow();
                bars.addValue(s.abm(), "ABM (ensemble)", id);
                bars.addValue(s.logistic(), "Logistic event-history baseline", id);
                seen.addValue(s.observed() ? Double.valueOf(1.0) : null, "Observed: had joined", id);
            }
            BarRenderer br = new BarRenderer();
            br.setBarPainter(new StandardBarPainter());
            br.setShadowVisible(false);
            br.setSeriesPaint(0, Charts.color(0));
            br.setSeriesPaint(1, new Color(0xAA, 0xAA, 0xAA));
            br.setItemMargin(0.05);
            NumberAxis p = new NumberAxis(c + (c.isAfter(r.cutoff()) ? " (out)" : " (in)"));
            p.setRange(0, 1.08);
            p.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.5));
            Charts.style(p);
            p.setLabelFont(new Font(Charts.FONT, Font.PLAIN, 16));
            p.setTickLabelFont(new Font(Charts.FONT, Font.PLAIN, 14));
            CategoryPlot plot = new CategoryPlot(bars, null, p, br);
            LineAndShapeRenderer dots = new LineAndShapeRenderer(false, true);
            dots.setSeriesPaint(0, new Color(0xC0, 0x1B, 0x1B));
            dots.setSeriesShape(0, Charts.dot(12));
            dots.setSeriesStroke(0, new BasicStroke(1f));
            plot.setDataset(1, seen);
            plot.setRenderer(1, dots);
            plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
            plot.setBackgroundPaint(Color.WHITE);
            plot.setRangeGridlinePaint(Charts.GRID);
            plot.setOutlineVisible(false);
            combined.add(plot, 1);
        }
        // one legend for all panels (each subplot would repeat it)
        combined.setFixedLegendItems(((CategoryPlot) combined.getSubplots().get(0)).getLegendItems());
        JFreeChart chart = new JFreeChart(combined);
        return Charts.finish(chart, "Backtest: P(joined by checkpoint) vs what happened",
                String.format(Locale.ROOT, "Scenario '%s' · %,d replications · logistic baseline fitted to %s · panels: checkpoints (in = in sample, out = out of sample)",
                        r.scenario().name(), r.abm().runs(), r.cutoff()));
    }

    static List<String> chartStates(Backtest.Result r) {
        Set<String> shown = new LinkedHashSet<>();
        r.scenario().observed().forEach(o -> {
            if (r.scenario().indexOf(o.state()) >= 0) shown.add(o.state());
        });
        List<String> rest = new ArrayList<>();
        for (var s : r.scenario().states()) if (!shown.contains(s.id())) rest.add(s.id());
        rest.sort(Comparator.comparingDouble((String id) -> -maxForecast(r, id)).thenComparing(id -> id));
        for (String id : rest) {
            if (shown.size() >= CHART_STATES) break;
            shown.add(id);
        }
        return new ArrayList<>(shown);
    }

    private static double maxForecast(Backtest.Result r, String id) {
        double m = 0;
        for (Backtest.StateCheckpoint s : r.states()) if (s.state().equals(id)) m = Math.max(m, Math.max(s.abm(), s.logistic()));
        return m;
    }
}
