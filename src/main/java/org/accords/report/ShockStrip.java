package org.accords.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accords.scenario.Shock;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * The strip of shocks above a time chart, sharing its date axis: each shock that overlaps the
 * window is a bar from its first to its last active month (decay included), labelled at its
 * start. Lanes are assigned greedily, shocks that tell the scenarios apart first, then those that
 * start in the window, so that no bar or label touches another; the strip has at
 * most {@link #MAX_LANES} lanes, so it never takes more than a fifth of the plot's height. A shock
 * whose label fits in no lane is drawn without it and named in a footnote; one whose bar fits in
 * no lane is left out and named there too. In a comparison each bar has the colour of the one
 * scenario it belongs to (a neutral colour when every scenario has it), and a shock of some but not
 * all scenarios names them after its label.
 */
public final class ShockStrip {
    /** Lanes at most: 10 lanes of weight {@value #LANE_WEIGHT} against {@value #MAIN_WEIGHT} keep the strip under a fifth of the chart. */
    public static final int MAX_LANES = 10;
    static final int LANE_WEIGHT = 16;
    static final int MAIN_WEIGHT = 500;
    /** The plot's data width in pixels, conservatively (labels then take no less room than they need). */
    static final double DATA_WIDTH = 1350;
    static final Font LABEL_FONT = new Font(Charts.FONT, Font.PLAIN, 14);
    public static final Color NEUTRAL = new Color(0xD9, 0xC9, 0xB0);
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    /** A shock to draw and the scenarios that have it: {@code owners} empty means every scenario (or the only one). */
    public record Item(Shock shock, List<Integer> owners) {}

    /** Where a shock went: its lane, its span in months from the window's start, and its label's span (null: no label). */
    public record Placed(Item item, int lane, double from, double to, double[] label, String text) {}

    public final CombinedDomainXYPlot plot;
    public final List<Placed> placed = new ArrayList<>();
    /** Shocks drawn without a label, and shocks not drawn at all (the strip was full). */
    public final List<Shock> unlabelled = new ArrayList<>(), left = new ArrayList<>();
    public final int lanes;
    /** The scenario names (for colours and marks); a single scenario: one name. */
    private final List<String> scenarios;

    private ShockStrip(XYPlot main, List<Item> items, List<String> scenarios, YearMonth from, YearMonth to) {
        this.scenarios = scenarios;
        plot = new CombinedDomainXYPlot(main.getDomainAxis());
        plot.setGap(6);
        main.setDomainAxis(null);
        long months = ChronoUnit.MONTHS.between(from, to) + 1;
        double perMonth = DATA_WIDTH / months;
        List<List<double[]>> laneUse = new ArrayList<>();
        // the strip is small: first the shocks that tell scenarios apart, then those that start in the window, then older ones
        List<Item> byPriority = new ArrayList<>(items);
        byPriority.sort(java.util.Comparator.comparingInt((Item it) -> (it.owners().isEmpty() ? 2 : 0) + (it.shock().start().isBefore(from) ? 1 : 0))
                .thenComparing(it -> it.shock().start()));
        for (Item it : byPriority) {
            Shock s = it.shock();
            if (s.start().isAfter(to) || s.lastActiveMonth().isBefore(from)) continue; // outside the window
            YearMonth first = s.start().isBefore(from) ? from : s.start();
            YearMonth last = s.lastActiveMonth().isAfter(to) ? to : s.lastActiveMonth();
            double a = ChronoUnit.MONTHS.between(from, first);
            double b = ChronoUnit.MONTHS.between(from, last) + 1;
            String text = labelOf(it);
            double width = labelPixels(" " + text + " ") / perMonth;
            // the label reads rightwards from the bar's start, or leftwards (ending at the start) when that
            // is the only way it fits: off the chart's right edge, or beside a neighbour in the lane
            double[] right = a + width <= months ? new double[] {a, a + width} : null;
            double[] leftward = a - width >= 0 ? new double[] {a - width, a} : null;
            if (right == null && leftward == null) right = new double[] {a, a + width}; // wider than the chart: clipped at the edge
            double[] label = null, use = null;
            int lane = -1;
            for (int l = 0; l < MAX_LANES && lane < 0; l++) {
                for (double[] candidate : new double[][] {right, leftward}) {
                    if (candidate == null) continue;
                    double[] span = {Math.min(a, candidate[0]), Math.max(b, candidate[1])};
                    if (l == laneUse.size() || !overlaps(laneUse.get(l), span)) {
                        lane = l;
                        label = candidate;
                        use = span;
                        break;
                    }
                }
            }
            if (lane < 0) {
                label = null;
                use = new double[] {a, b};
                lane = free(laneUse, use);
                if (lane < 0) {
                    left.add(s);
                    continue;
                }
                unlabelled.add(s);
            }
            if (lane == laneUse.size()) laneUse.add(new ArrayList<>());
            laneUse.get(lane).add(use);
            placed.add(new Placed(it, lane, a, b, label, label == null ? null : text));
        }
        lanes = laneUse.size();
        if (lanes == 0) {
            plot.add(main, 1);
            return;
        }
        plot.add(strip(from, perMonth), LANE_WEIGHT * lanes);
        plot.add(main, MAIN_WEIGHT);
    }

    /** The strip of one scenario's shocks over the months from..to. */
    public static ShockStrip of(XYPlot main, List<Shock> shocks, YearMonth from, YearMonth to) {
        return new ShockStrip(main, shocks.stream().map(s -> new Item(s, List.of())).toList(), List.of(), from, to);
    }

    /** The strip of several scenarios' shocks: a shock shared by all is drawn once, neutral; the others in their scenario's colour. */
    public static ShockStrip compared(XYPlot main, List<List<Shock>> shocksByScenario, List<String> names, YearMonth from, YearMonth to) {
        Map<String, Item> union = new LinkedHashMap<>();
        for (int i = 0; i < shocksByScenario.size(); i++) {
            for (Shock s : shocksByScenario.get(i)) {
                String key = s.id() + "|" + s.label() + "|" + s.start() + "|" + s.lastActiveMonth();
                Item prior = union.get(key);
                List<Integer> owners = new ArrayList<>(prior == null ? List.of() : prior.owners());
                if (!owners.contains(i)) owners.add(i);
                union.put(key, new Item(prior == null ? s : prior.shock(), owners));
            }
        }
        List<Item> items = new ArrayList<>();
        for (Item it : union.values()) items.add(it.owners().size() == names.size() ? new Item(it.shock(), List.of()) : it);
        items.sort(java.util.Comparator.comparing((Item it) -> it.shock().start()));
        return new ShockStrip(main, items, names, from, to);
    }

    private String labelOf(Item it) {
        if (it.owners().isEmpty() || it.owners().size() == 1 && scenarios.size() <= 1) return it.shock().label();
        List<String> names = it.owners().stream().map(scenarios::get).toList();
        return it.shock().label() + " (" + (names.size() == 1 ? "only " : "") + String.join(", ", names) + ")";
    }

    /** The colour of a shock's bar: neutral, or the tint of its one scenario's colour. */
    public static Color barColor(Item it) {
        return it.owners().size() == 1 ? tint(Charts.color(it.owners().get(0))) : NEUTRAL;
    }

    /** A scenario's colour lightened for a bar, opaque, so the legend swatch shows exactly the bar's colour. */
    public static Color tint(Color c) {
        return Charts.over(c, 110);
    }

    /** Width of a label in pixels at the strip's font. */
    public static double labelPixels(String text) {
        return LABEL_FONT.getStringBounds(text, FRC).getWidth();
    }

    private static int free(List<List<double[]>> laneUse, double[] span) {
        for (int lane = 0; lane < MAX_LANES; lane++) {
            if (lane == laneUse.size() || !overlaps(laneUse.get(lane), span)) return lane;
        }
        return -1;
    }

    private static boolean overlaps(List<double[]> used, double[] span) {
        for (double[] u : used) if (span[0] < u[1] + 0.5 && u[0] < span[1] + 0.5) return true;
        return false;
    }

    private XYPlot strip(YearMonth from, double perMonth) {
        XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
        XYBarRenderer renderer = new XYBarRenderer();
        Map<Color, XYIntervalSeries> byColor = new LinkedHashMap<>();
        List<XYTextAnnotation> labels = new ArrayList<>();
        for (Placed p : placed) {
            Color c = barColor(p.item());
            XYIntervalSeries series = byColor.computeIfAbsent(c, k -> {
                XYIntervalSeries n = new XYIntervalSeries("shocks " + byColor.size());
                renderer.setSeriesPaint(bars.getSeriesCount(), k);
                bars.addSeries(n);
                return n;
            });
            double x0 = Charts.x(from.plusMonths((long) p.from())), x1 = Charts.x(from.plusMonths((long) p.to()));
            series.add(x0, x0, x1, -p.lane(), -p.lane() - 0.4, -p.lane() + 0.4);
            if (p.label() != null) {
                boolean leftwards = p.label()[0] < p.from();
                var label = new XYTextAnnotation(leftwards ? p.text() + " " : " " + p.text(), x0, -p.lane());
                label.setFont(LABEL_FONT);
                label.setPaint(new Color(0x22, 0x22, 0x22));
                label.setTextAnchor(leftwards ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
                labels.add(label);
            }
        }
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setDefaultSeriesVisibleInLegend(false);
        NumberAxis laneAxis = new NumberAxis();
        laneAxis.setRange(-lanes + 0.45, 0.55);
        laneAxis.setVisible(false);
        XYPlot lanesPlot = new XYPlot(bars, null, laneAxis, renderer);
        lanesPlot.setBackgroundPaint(Color.WHITE);
        lanesPlot.setDomainGridlinePaint(Charts.GRID);
        lanesPlot.setRangeGridlinesVisible(false);
        lanesPlot.setOutlineVisible(false);
        for (var l : labels) lanesPlot.addAnnotation(l);
        return lanesPlot;
    }

    /** The strip's plot (the first subplot), or null when no shock overlaps the window. */
    public XYPlot stripPlot() {
        return lanes == 0 ? null : (XYPlot) plot.getSubplots().get(0);
    }

    /** Legend swatches for a comparison: one per scenario that owns a shock alone, and one for shared shocks. */
    public List<LegendItem> legendItems() {
        List<LegendItem> items = new ArrayList<>();
        if (scenarios.size() <= 1) return items;
        java.awt.Shape box = new java.awt.Rectangle(-12, -6, 24, 12);
        boolean all = false, some = false;
        java.util.Set<Integer> single = new java.util.TreeSet<>();
        for (Placed p : placed) {
            if (p.item().owners().size() == 1) single.add(p.item().owners().get(0));
            else if (p.item().owners().isEmpty()) all = true;
            else some = true;
        }
        if (all || some) {
            items.add(new LegendItem(some ? (all ? "Shock in every scenario, or in those named" : "Shock in the scenarios named")
                    : "Shock in every scenario", null, null, null, box, NEUTRAL));
        }
        for (int i : single) items.add(new LegendItem("Shock only in " + scenarios.get(i), null, null, null, box, tint(Charts.color(i))));
        return items;
    }

    /** The footnote naming the shocks drawn without a label or not drawn, or null. */
    public String footnote() {
        List<String> parts = new ArrayList<>();
        if (!unlabelled.isEmpty()) parts.add("Shock bars without a label: " + names(unlabelled));
        if (!left.isEmpty()) parts.add("not drawn (no room in the strip): " + names(left));
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String names(List<Shock> shocks) {
        List<String> n = new ArrayList<>();
        for (Shock s : shocks) n.add(s.label() + " (from " + s.start() + ")");
        return String.join(", ", n);
    }

    /** Adds the footnote, if any, at the bottom of the chart above the legend. */
    public JFreeChart annotate(JFreeChart chart) {
        String note = footnote();
        if (note == null) return chart;
        TextTitle t = new TextTitle(note, new Font(Charts.FONT, Font.ITALIC, 15));
        t.setPaint(Color.DARK_GRAY);
        t.setPosition(RectangleEdge.BOTTOM);
        t.setHorizontalAlignment(HorizontalAlignment.LEFT);
        t.setPadding(new RectangleInsets(4, 14, 2, 10));
        t.setMaximumLinesToDisplay(3);
        chart.addSubtitle(t);
        return chart;
    }
}
