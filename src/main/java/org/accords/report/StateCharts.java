package org.accords.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.accords.experiment.EnsembleResult;
import org.accords.model.StateAgent;
import org.accords.scenario.Driver;
import org.accords.scenario.Observation;
import org.accords.scenario.Scenario;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** Per-state charts: join probabilities, and the drivers behind joins (one or several scenarios). */
public final class StateCharts {
    /** States shown in the driver chart must join in at least this share of runs. */
    public static final double MIN_JOIN_SHARE_FOR_DRIVERS = 0.01;
    private static final Color[] DRIVER_COLORS = {
        new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00), new Color(0x77, 0x77, 0x77)
    };

    private StateCharts() {}

    /**
     * States in display order: for one scenario by P(ever joined); for several, biggest movers
     * first (the spread of P(joined by the end) across scenarios), then the largest probability.
     */
    static List<Integer> order(List<EnsembleResult> results) {
        List<Integer> idx = new ArrayList<>();
        for (int s = 0; s < results.get(0).states(); s++) idx.add(s);
        if (results.size() == 1) {
            idx.sort(Comparator.comparingDouble((Integer s) -> -maxEver(results, s)).thenComparing(s -> s));
        } else {
            idx.sort(Comparator.comparingDouble((Integer s) -> -spread(results, s))
                    .thenComparingDouble(s -> -maxEver(results, s)).thenComparing(s -> s));
        }
        return idx;
    }

    /**
     * The states of several scenarios, which may simulate different rosters: the union of their
     * ids, biggest movers first (spread over the scenarios that simulate the state), then the
     * largest probability, then first appearance.
     */
    static List<String> unionOrder(List<EnsembleResult> results) {
        List<String> ids = new ArrayList<>();
        for (EnsembleResult r : results) for (var s : r.scenario.states()) if (!ids.contains(s.id())) ids.add(s.id());
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(Comparator.comparingDouble((String id) -> -spreadById(results, id))
                .thenComparingDouble(id -> -maxEverById(results, id)).thenComparingInt(ids::indexOf));
        return sorted;
    }

    /** True when every scenario simulates the same states in the same order. */
    public static boolean sameRoster(List<EnsembleResult> results) {
        List<String> first = results.get(0).scenario.states().stream().map(s -> s.id()).toList();
        for (EnsembleResult r : results) if (!r.scenario.states().stream().map(s -> s.id()).toList().equals(first)) return false;
        return true;
    }

    static double spreadById(List<EnsembleResult> results, String id) {
        double lo = 1, hi = 0;
        for (EnsembleResult r : results) {
            int s = r.scenario.indexOf(id);
            if (s < 0) continue;
            double p = r.pJoinedBy(s, r.months() - 1);
            lo = Math.min(lo, p);
            hi = Math.max(hi, p);
        }
        return Math.max(0, hi - lo);
    }

    private static double maxEverById(List<EnsembleResult> results, String id) {
        double m = 0;
        for (EnsembleResult r : results) {
            int s = r.scenario.indexOf(id);
            if (s >= 0) m = Math.max(m, r.pEverJoined(s));
        }
        return m;
    }

    /** Largest minus smallest P(joined by the end) across scenarios. */
    static double spread(List<EnsembleResult> results, int s) {
        double lo = 1;
        double hi = 0;
        for (EnsembleResult r : results) {
            double p = r.pJoinedBy(s, r.months() - 1);
            lo = Math.min(lo, p);
            hi = Math.max(hi, p);
        }
        return hi - lo;
    }

    private static double maxEver(List<EnsembleResult> results, int s) {
        double m = 0;
        for (EnsembleResult r : results) m = Math.max(m, r.pEverJoined(s));
        return m;
    }

    /** A driver's name for a reader (the keys are for files). */
    public static String driverName(Driver d) {
        return switch (d) {
            case IRAN_THREAT -> "Iran threat";
            case PALESTINIAN_PRESSURE -> "Palestinian pressure";
            case ECONOMIC_DIVERSIFICATION -> "Economic diversification";
            case US_REWARDS -> "US rewards";
            case PEER_INFLUENCE -> "Peer influence";
        };
    }

    /** The name of the join cost's bar part. */
    static final String COST = "Join cost";

    /** A state's row label: its name and id. */
    static String stateLabel(Scenario sc, int s) {
        var spec = sc.states().get(s);
        return spec.name().equals(spec.id()) ? spec.id() : spec.name() + " (" + spec.id() + ")";
    }

    /**
     * Whether state s moves in some run: it joins during the run, or it is frozen in some month
     * (a freeze or a thaw). A state that is a member (or a candidate) in every month of every run does not.
     */
    public static boolean moves(EnsembleResult r, int s) {
        if (r.joinsDuringRun(s) > 0) return true;
        for (int t = 0; t < r.months(); t++) if (r.pFrozen(s, t) > 0) return true;
        return false;
    }

    /**
     * The last month the scenario's observed record speaks for within its run (its latest entry,
     * or the run's end if earlier), or null when the record has no entry in the run's months.
     */
    static java.time.YearMonth recordReach(Scenario sc) {
        java.time.YearMonth latest = null;
        for (Observation o : sc.observed()) if (latest == null || o.month().isAfter(latest)) latest = o.month();
        if (latest == null || latest.isBefore(sc.run().start())) return null;
        return latest.isAfter(sc.run().end()) ? sc.run().end() : latest;
    }

    /**
     * What the record says of state s over the run's months up to the record's reach, in a few
     * words: "joined 2020-08", "joined 2020-09, frozen by 2025-11", "member before 1993-01, frozen by
     * 2025-11", or "no step to 2025-11"; null when the scenario has no record in its run.
     */
    public static String observedOutcome(Scenario sc, int s) {
        java.time.YearMonth reach = recordReach(sc);
        if (reach == null) return null;
        String id = sc.states().get(s).id();
        java.time.YearMonth start = sc.run().start(), joined = null;
        boolean member = false, frozen = false, before = false, stepped = false;
        for (Observation o : sc.observed().stream().filter(o -> o.state().equals(id) && o.changesStatus() && !o.month().isAfter(reach))
                .sorted(Comparator.comparing(Observation::month)).toList()) {
            boolean in = !o.month().isBefore(start);
            stepped |= in;
            switch (o.kind()) {
                case FREEZE -> frozen = true;
                case THAW -> frozen = false;
                default -> {
                    if (in && joined == null && !member) joined = o.month();
                    if (!in) before = true;
                    member = true;
                    frozen = false;
                }
            }
        }
        if (!stepped) return "no step to " + reach;
        String how = joined != null ? "joined " + joined : before ? "member before " + start : "no join";
        return how + (frozen ? ", frozen by " + reach : joined == null && before ? ", active by " + reach : "");
    }

    public static JFreeChart probabilities(List<EnsembleResult> results) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Scenario first = results.get(0).scenario;
        int last = results.get(0).months() - 1;
        boolean single = results.size() == 1;
        int omitted = 0;
        boolean record = false;
        if (single) {
            EnsembleResult r = results.get(0);
            for (int s : order(results)) {
                String observed = observedOutcome(first, s);
                // a state that never moves in any run has an empty or constant row: counted in the subtitle instead,
                // unless the record has it move (a miss worth seeing)
                if (!moves(r, s) && (observed == null || observed.startsWith("no step"))) {
                    omitted++;
                    continue;
                }
                record |= observed != null;
                String state = stateLabel(first, s) + (observed == null ? "" : " · observed: " + observed);
                data.addValue(r.pEverJoined(s), "P(ever joined)", state);
                data.addValue(r.pMember(s, last), "P(active member at end)", state);
                data.addValue(r.pFrozen(s, last), "P(frozen at end)", state);
            }
        } else {
            // by id: scenarios may simulate different rosters; a state a scenario lacks has no bar (not simulated)
            for (String state : unionOrder(results)) {
                if (maxEverById(results, state) < 0.005) continue;
                String label = state;
                for (EnsembleResult r : results) {
                    int s = r.scenario.indexOf(state);
                    if (s >= 0) label = stateLabel(r.scenario, s);
                }
                for (EnsembleResult r : results) {
                    int s = r.scenario.indexOf(state);
                    data.addValue(s < 0 ? null : (Number) r.pJoinedBy(s, r.months() - 1), r.scenario.name(), label);
                }
            }
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.02);
        renderer.setMaximumBarWidth(0.05); // a few rows stay bars, not slabs
        int series = single ? 3 : results.size();
        for (int i = 0; i < series; i++) renderer.setSeriesPaint(i, single ? DRIVER_COLORS[i] : Charts.color(i));
        if (data.getColumnCount() == 0) data.addValue(0, single ? "P(ever joined)" : results.get(0).scenario.name(), "none");
        CategoryPlot plot = categoryPlot(data, renderer, "Probability", 0, 1);
        JFreeChart chart = new JFreeChart(plot);
        String title = single ? "Who joins? " + titleOf(first) : "Who joins, by scenario";
        String left = omitted == 0 ? "" : String.format(Locale.ROOT, "; %d state%s that never move%s in any run left out", omitted,
                omitted == 1 ? "" : "s", omitted == 1 ? "s" : "");
        String subtitle = single
                ? String.format(Locale.ROOT, "Share of %,d runs in which each state joined, is an active member, or has frozen ties by %s%s%s",
                        results.get(0).runs(), first.run().end(), left, record ? "; observed: the record" : "")
                : String.format(Locale.ROOT, "P(joined by %s) per scenario; biggest movers first (states no scenario gives >= 0.5%% omitted)%s",
                        first.run().end(), sameRoster(results) ? "" : "; no bar: not simulated in that scenario");
        return Charts.finish(chart, title, subtitle);
    }

    /**
     * Mean contribution of each driver to utility at the moment of joining, per state (and
     * scenario); each row says how many runs' joins its bar averages.
     */
    public static JFreeChart drivers(List<EnsembleResult> results) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Scenario first = results.get(0).scenario;
        boolean single = results.size() == 1;
        for (String id : single ? order(results).stream().map(i -> first.states().get(i).id()).toList() : unionOrder(results)) {
            for (EnsembleResult r : results) {
                int s = r.scenario.indexOf(id);
                if (s < 0 || r.pEverJoined(s) < MIN_JOIN_SHARE_FOR_DRIVERS || r.joinsDuringRun(s) == 0) continue;
                String column = stateLabel(r.scenario, s) + (single ? "" : " · " + r.scenario.name())
                        + String.format(Locale.ROOT, " · n = %,d", r.joinsDuringRun(s));
                for (Driver d : Driver.values()) data.addValue(r.meanContribution(s, d.ordinal()), driverName(d), column);
                data.addValue(r.meanContribution(s, StateAgent.COST), COST, column);
            }
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setMaximumBarWidth(0.08);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < DRIVER_COLORS.length; i++) renderer.setSeriesPaint(i, DRIVER_COLORS[i]);
        CategoryPlot plot = categoryPlot(data, renderer, "Contribution to utility at joining (mean over the n runs in which the state joined)",
                Double.NaN, Double.NaN);
        plot.getRangeAxis().setAutoRange(true);
        plot.setRangeZeroBaselineVisible(true);
        plot.setRangeZeroBaselinePaint(Color.DARK_GRAY);
        plot.setRangeZeroBaselineStroke(new BasicStroke(1.5f));
        if (data.getColumnCount() == 0) plot.setNoDataMessage("No state joined in at least 1% of runs");
        plot.setNoDataMessageFont(new Font(Charts.FONT, Font.PLAIN, 24));
        JFreeChart chart = new JFreeChart(plot);
        String title = single ? "Why do states join? " + titleOf(first) : "Why do states join, by scenario";
        return Charts.finish(chart, title, "Signed contribution of each driver (weight x value) and the join cost, at the month of joining; "
                + "states joining in >= 1% of runs; n: runs in which the state joined");
    }

    private static CategoryPlot categoryPlot(DefaultCategoryDataset data, org.jfree.chart.renderer.category.CategoryItemRenderer renderer,
                                             String valueLabel, double lo, double hi) {
        CategoryAxis states = new CategoryAxis();
        states.setTickLabelFont(new Font(Charts.FONT, Font.PLAIN, data.getColumnCount() > 24 ? 14 : 17));
        states.setCategoryMargin(0.15);
        states.setMaximumCategoryLabelWidthRatio(0.42f); // room for names and observed outcomes
        states.setLowerMargin(0.01);
        states.setUpperMargin(0.01);
        NumberAxis value = new NumberAxis(valueLabel);
        Charts.style(value);
        if (!Double.isNaN(lo)) value.setRange(lo, hi);
        CategoryPlot plot = new CategoryPlot(data, states, value, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Charts.GRID);
        plot.setOutlineVisible(false);
        return plot;
    }

    static String titleOf(Scenario sc) {
        return sc.title().isBlank() ? "(" + sc.name() + ")" : "(" + sc.title() + ")";
    }
}
