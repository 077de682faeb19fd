package org.accords.report;

import static org.accords.TestScenarios.scenario;
import static org.accords.TestScenarios.state;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.TestScenarios;
import org.accords.experiment.Ensemble;
import org.accords.experiment.EnsembleResult;
import org.accords.scenario.Scenario;
import org.accords.scenario.Shock;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plot models behind the time charts: the window, the shock strip's rules, and overlays that
 * stay apart when the scenarios coincide. Asserted on the datasets, renderers and rendered areas, not pixels.
 */
class ChartModelTest {
    @TempDir
    static Path dir;
    static EnsembleResult a, b;

    /** Two scenarios that differ only in name: their curves coincide exactly. */
    @BeforeAll
    static void run() {
        a = new Ensemble(twin("twin-a").load(dir.resolve("a"))).run(20, 3, 1, i -> { }, new AtomicBoolean());
        b = new Ensemble(twin("twin-b").load(dir.resolve("b"))).run(20, 3, 1, i -> { }, new AtomicBoolean());
    }

    static TestScenarios.Spec twin(String name) {
        return scenario(state("AAA").attrs(0.5, 0.2, 0.8, 0.9, 0.9), state("BBB").attrs(0.3, 0.4, 0.6, 0.7, 0.6))
                .set("name", name).set("run.start", "2020-01").set("run.end", "2022-12")
                .set("model.joinThreshold", 0.1).set("model.maxHazard", 0.3).set("us.offerRate", 0.5)
                .shock("{id: early, label: Early shock, start: 2020-02, duration: 3, effects: {world.gazaConflict: 0.5}}")
                .shock("{id: late, label: Late shock, start: 2022-06, duration: 2, effects: {world.gazaConflict: 0.5}}");
    }

    private static Shock shock(String id, String label, String start, String end) {
        return new Shock(id, label, YearMonth.parse(start), YearMonth.parse(end), 0, 0, "all", List.of(), true, List.of());
    }

    private static XYPlot main(YearMonth from, YearMonth to) {
        XYPlot p = new XYPlot();
        p.setDomainAxis(Charts.monthAxis(from, to));
        p.setRangeAxis(new org.jfree.chart.axis.NumberAxis());
        return p;
    }

    // ---- the window ----

    @Test
    void theWindowParsesAndRefusesWhatIsNotAWindow() {
        assertEquals(new ChartWindow(YearMonth.of(2026, 1), YearMonth.of(2030, 12)), ChartWindow.parse("2026-01..2030-12"));
        assertEquals(new ChartWindow(YearMonth.of(2026, 1), null), ChartWindow.parse("2026-01.."));
        assertEquals(new ChartWindow(null, YearMonth.of(2030, 12)), ChartWindow.parse("..2030-12"));
        for (String bad : List.of("2026-01", "2026-01-2030-12", "2026-13..2030-12", "2026..2030", "2030-12..2026-01", "a..b", "2026-01..2027-01..2028-01")) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(org.accords.scenario.BadInputException.class, () -> ChartWindow.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("--window: "), e.getMessage());
        }
        var run = a.scenario.run();
        assertEquals(new ChartWindow(YearMonth.of(2021, 1), YearMonth.of(2022, 12)), ChartWindow.parse("2021-01..").within(run, "x"));
        var outside = org.junit.jupiter.api.Assertions.assertThrows(org.accords.scenario.BadInputException.class,
                () -> ChartWindow.parse("2019-06..2021-12").within(run, "scenario 'twin-a'"));
        assertEquals("--window: 2019-06..2021-12 is not within scenario 'twin-a', 2020-01..2022-12", outside.getMessage());
    }

    @Test
    void theAdoptionChartShowsOnlyTheWindowAndItsShocks() {
        ChartWindow w = ChartWindow.parse("2021-01..2022-12").within(a.scenario.run(), "x");
        JFreeChart chart = AdoptionChart.create(a, w);
        CombinedDomainXYPlot combined = (CombinedDomainXYPlot) chart.getPlot();
        assertEquals(Charts.x(YearMonth.of(2021, 1)), combined.getDomainAxis().getLowerBound());
        assertEquals(Charts.x(YearMonth.of(2023, 1)), combined.getDomainAxis().getUpperBound());
        XYPlot mainPlot = (XYPlot) combined.getSubplots().get(1);
        XYDataset lines = mainPlot.getDataset(0);
        assertEquals(24, lines.getItemCount(0), "one point per month of the window");
        assertEquals(Charts.x(YearMonth.of(2021, 1)), lines.getXValue(0, 0));
        assertEquals(a.membersMean(12), lines.getYValue(0, 0), 1e-12, "the window's first month is the run's 13th");
        XYPlot strip = (XYPlot) combined.getSubplots().get(0);
        List<String> labels = strip.getAnnotations().stream().map(x -> ((XYTextAnnotation) x).getText().strip()).toList();
        assertEquals(List.of("Late shock"), labels, "only the shock that overlaps the window");
        assertTrue(chart.getSubtitles().stream().anyMatch(t -> t instanceof org.jfree.chart.title.TextTitle tt && tt.getText().equals("Months shown: 2021-01 to 2022-12 of the run's 2020-01 to 2022-12 (--window)")));
    }

    // ---- the shock strip ----

    @Test
    void manyShocksStayUnderAFifthOfTheHeightAndNoLabelCrossesABar() throws Exception {
        YearMonth from = YearMonth.of(2026, 1), to = YearMonth.of(2035, 12);
        List<Shock> shocks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            YearMonth s = from.plusMonths(i * 3L);
            shocks.add(shock("s" + i, "A rather long shock label number " + i, s.toString(), s.plusMonths(6).toString()));
        }
        shocks.add(shock("before", "Before the window", "2020-01", "2021-01"));
        ShockStrip strip = ShockStrip.of(main(from, to), shocks, from, to);
        assertTrue(strip.lanes <= ShockStrip.MAX_LANES, "lanes: " + strip.lanes);
        assertEquals(40, strip.placed.size() + strip.left.size(), "every shock in the window is placed or named as left out");
        assertTrue(strip.placed.stream().noneMatch(p -> p.item().shock().id().equals("before")), "a shock outside the window is not drawn");
        assertFalse(strip.unlabelled.isEmpty() && strip.left.isEmpty(), "40 long labels cannot all fit in 10 lanes");
        // no label or bar overlaps another bar or label in its lane
        for (ShockStrip.Placed p : strip.placed) {
            for (ShockStrip.Placed q : strip.placed) {
                if (p == q || p.lane() != q.lane()) continue;
                double[] pu = span(p), qu = span(q);
                assertTrue(pu[1] <= qu[0] || qu[1] <= pu[0], p.item().shock().id() + " and " + q.item().shock().id() + " overlap in lane " + p.lane());
            }
        }
        // a label's span holds its text at the strip's font
        double perMonth = ShockStrip.DATA_WIDTH / 120;
        for (ShockStrip.Placed p : strip.placed) {
            if (p.label() != null) assertTrue((p.label()[1] - p.label()[0]) * perMonth >= ShockStrip.labelPixels(p.text()), p.text());
        }
        String note = strip.footnote();
        assertNotNull(note);
        for (Shock s : strip.unlabelled) assertTrue(note.contains(s.label() + " (from " + s.start() + ")"), s.label());
        for (Shock s : strip.left) assertTrue(note.contains(s.label()), s.label());

        // rendered: the strip's data area is at most a fifth of the chart's height
        JFreeChart chart = strip.annotate(Charts.finish(new JFreeChart(strip.plot), "T", "S"));
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = new BufferedImage(Charts.WIDTH, Charts.HEIGHT, BufferedImage.TYPE_INT_RGB);
        chart.draw(img.createGraphics(), new java.awt.Rectangle(Charts.WIDTH, Charts.HEIGHT), info);
        double stripHeight = info.getPlotInfo().getSubplotInfo(0).getDataArea().getHeight();
        double mainHeight = info.getPlotInfo().getSubplotInfo(1).getDataArea().getHeight();
        assertTrue(stripHeight <= Charts.HEIGHT / 5.0, "strip " + stripHeight + " px");
        assertTrue(stripHeight / ShockStrip.MAX_LANES >= ShockStrip.LABEL_FONT.getSize(), "a lane is as tall as its label: " + stripHeight);
        assertTrue(mainHeight > 3 * stripHeight, "main " + mainHeight + " px");
        assertTrue(chart.getSubtitles().stream().anyMatch(t -> t instanceof org.jfree.chart.title.TextTitle tt && tt.getText().equals(note)));
    }

    private static double[] span(ShockStrip.Placed p) {
        double lo = p.from(), hi = p.to();
        if (p.label() != null) {
            lo = Math.min(lo, p.label()[0]);
            hi = Math.max(hi, p.label()[1]);
        }
        return new double[] {lo, hi};
    }

    @Test
    void aFewShocksKeepTheirLabelsWithNoFootnote() {
        YearMonth from = YearMonth.of(2026, 1), to = YearMonth.of(2030, 12);
        ShockStrip strip = ShockStrip.of(main(from, to), List.of(shock("a", "First", "2026-03", "2026-05"), shock("b", "Second", "2026-04", "2026-08")),
                from, to);
        assertEquals(2, strip.lanes, "overlapping shocks are staggered into two lanes");
        assertTrue(strip.placed.stream().allMatch(p -> p.label() != null));
        assertNull(strip.footnote());
    }

    @Test
    void inAComparisonEachShockIsMarkedWithItsScenario() {
        YearMonth from = YearMonth.of(2026, 1), to = YearMonth.of(2030, 12);
        Shock shared = shock("war", "War", "2026-03", "2026-09"), mine = shock("push", "Push", "2027-01", "2027-06");
        ShockStrip strip = ShockStrip.compared(main(from, to), List.of(List.of(shared), List.of(shared, mine), List.of(shared)),
                List.of("outlook", "push", "other"), from, to);
        assertEquals(2, strip.placed.size(), "a shared shock is drawn once");
        ShockStrip.Placed war = strip.placed.stream().filter(p -> p.item().shock().id().equals("war")).findFirst().orElseThrow();
        ShockStrip.Placed push = strip.placed.stream().filter(p -> p.item().shock().id().equals("push")).findFirst().orElseThrow();
        assertEquals("War", war.text());
        assertEquals("Push (only push)", push.text());
        assertEquals(ShockStrip.NEUTRAL, ShockStrip.barColor(war.item()));
        assertEquals(ShockStrip.tint(Charts.color(1)), ShockStrip.barColor(push.item()), "the colour of the scenario it belongs to");
        // the bar is drawn in that colour, and the legend shows that exact colour
        XYBarRenderer bars = (XYBarRenderer) strip.stripPlot().getRenderer();
        Set<Color> drawn = new HashSet<>();
        for (int s = 0; s < strip.stripPlot().getDataset().getSeriesCount(); s++) drawn.add((Color) bars.getSeriesPaint(s));
        assertEquals(Set.of(ShockStrip.NEUTRAL, ShockStrip.tint(Charts.color(1))), drawn);
        List<LegendItem> legend = strip.legendItems();
        assertTrue(legend.stream().anyMatch(i -> i.getLabel().equals("Shock only in push") && i.getFillPaint().equals(ShockStrip.tint(Charts.color(1)))));
        assertTrue(legend.stream().anyMatch(i -> i.getLabel().equals("Shock in every scenario") && i.getFillPaint().equals(ShockStrip.NEUTRAL)));
        // the strip is small: a shock of one scenario gets a lane before shared shocks that fill it
        List<Shock> shared8 = new ArrayList<>();
        for (int i = 0; i < ShockStrip.MAX_LANES; i++) shared8.add(shock("old" + i, "Old " + i, "2020-01", "2031-12"));
        List<Shock> withPush = new ArrayList<>(shared8);
        withPush.add(mine);
        ShockStrip full = ShockStrip.compared(main(from, to), List.of(shared8, withPush), List.of("outlook", "push"), from, to);
        assertTrue(full.placed.stream().anyMatch(p -> p.item().shock().id().equals("push") && p.label() != null), "the push is drawn, labelled");
        assertEquals(1, full.left.size(), "one shared shock has no room, and is named");
        assertTrue(full.footnote().contains("Old " + (ShockStrip.MAX_LANES - 1) + " (from 2020-01)"), full.footnote());
        // shared by two of three: neutral, named
        ShockStrip two = ShockStrip.compared(main(from, to), List.of(List.of(mine), List.of(mine), List.of()), List.of("a", "b", "c"), from, to);
        assertEquals("Push (a, b)", two.placed.get(0).text());
        assertEquals("Shock in the scenarios named", two.legendItems().get(0).getLabel());
    }

    // ---- overlays ----

    @Test
    void coincidingScenariosStayDistinguishable() {
        assertEquals(a.membersMean(10), b.membersMean(10), "the twins coincide");
        JFreeChart chart = CompareReport.overlay(List.of(a, b), ChartWindow.WHOLE);
        CombinedDomainXYPlot combined = (CombinedDomainXYPlot) chart.getPlot();
        XYPlot plot = (XYPlot) combined.getSubplots().get(1);
        XYLineAndShapeRenderer lines = (XYLineAndShapeRenderer) plot.getRenderer(ScenarioCurves.LINES);
        XYDataset lineData = plot.getDataset(ScenarioCurves.LINES);
        int meanA = index(lineData, "twin-a mean"), meanB = index(lineData, "twin-b mean");
        BasicStroke sa = (BasicStroke) lines.getSeriesStroke(meanA), sb = (BasicStroke) lines.getSeriesStroke(meanB);
        assertFalse(java.util.Arrays.equals(sa.getDashArray(), sb.getDashArray()), "a dash pattern per scenario");
        assertNotEquals(lines.getSeriesPaint(meanA), lines.getSeriesPaint(meanB));
        XYLineAndShapeRenderer markers = (XYLineAndShapeRenderer) plot.getRenderer(ScenarioCurves.MARKERS);
        assertNotEquals(markers.getSeriesShape(0).getBounds2D(), markers.getSeriesShape(1).getBounds2D(), "a marker per scenario");
        XYDataset m = plot.getDataset(ScenarioCurves.MARKERS);
        Set<Double> xa = new HashSet<>(), xb = new HashSet<>();
        for (int i = 0; i < m.getItemCount(0); i++) xa.add(m.getXValue(0, i));
        for (int i = 0; i < m.getItemCount(1); i++) xb.add(m.getXValue(1, i));
        assertTrue(m.getItemCount(0) >= 5);
        xa.retainAll(xb);
        assertTrue(xa.isEmpty(), "markers of coinciding curves never sit on each other");
        // one shaded band only: no two fills blend into a colour the legend does not show
        assertEquals(1, plot.getDataset(ScenarioCurves.BAND).getSeriesCount());
        Color fill = (Color) ((org.jfree.chart.renderer.xy.DeviationRenderer) plot.getRenderer(ScenarioCurves.BAND)).getSeriesFillPaint(0);
        LegendItemCollection legend = combined.getFixedLegendItems();
        LegendItem band = item(legend, "twin-a: middle 90% of runs (shaded)");
        assertEquals(fill, band.getFillPaint(), "the legend swatch is the band's colour");
        LegendItem edges = item(legend, "twin-b: middle 90% of runs (thin lines)");
        int lowB = index(lineData, "twin-b low");
        assertEquals(lines.getSeriesPaint(lowB), edges.getLinePaint());
        assertArrayEquals(((BasicStroke) lines.getSeriesStroke(lowB)).getDashArray(), ((BasicStroke) edges.getLineStroke()).getDashArray());
        LegendItem lineB = item(legend, "twin-b");
        assertEquals(lines.getSeriesPaint(meanB), lineB.getLinePaint());
        assertArrayEquals(sb.getDashArray(), ((BasicStroke) lineB.getLineStroke()).getDashArray());
        assertTrue(lineB.isShapeVisible());
    }

    @Test
    void theDifferenceChartFollowsTheWindow() {
        ChartWindow w = ChartWindow.parse("2022-01..").within(a.scenario.run(), "x");
        JFreeChart chart = CompareReport.difference(List.of(a, b), 0, w);
        XYPlot plot = (XYPlot) ((CombinedDomainXYPlot) chart.getPlot()).getSubplots().get(1);
        XYDataset d = plot.getDataset(ScenarioCurves.LINES);
        assertEquals(12, d.getItemCount(0));
        assertEquals(0.0, d.getYValue(0, 5), 0.0, "twins: no difference");
    }

    private static int index(XYDataset d, String key) {
        for (int s = 0; s < d.getSeriesCount(); s++) if (d.getSeriesKey(s).equals(key)) return s;
        throw new AssertionError("no series " + key);
    }

    private static LegendItem item(LegendItemCollection c, String label) {
        for (int i = 0; i < c.getItemCount(); i++) if (c.get(i).getLabel().equals(label)) return c.get(i);
        throw new AssertionError("no legend item '" + label + "'");
    }
}
