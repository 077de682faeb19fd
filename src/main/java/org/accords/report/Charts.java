package org.accords.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.svg.SVGGraphics2D;
import org.accords.scenario.Shock;

/** Shared look of every chart (journal style: white, thin grid, readable type) and PNG/SVG output. */
public final class Charts {
    public static final int WIDTH = 1600;
    public static final int HEIGHT = 900;
    public static final String FONT = "DejaVu Sans";
    public static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    /** Colour-blind-safe palette (Okabe and Ito), one colour per scenario across every chart. */
    public static final Color[] PALETTE = {
        new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9),
        new Color(0x00, 0x00, 0x00), new Color(0xF0, 0xE4, 0x42)
    };

    private Charts() {}

    public static Color color(int i) { return PALETTE[i % PALETTE.length]; }

    public static Color withAlpha(Color c, int alpha) { return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha); }

    /** Millisecond x value of the first instant of a month (UTC), for date axes. */
    public static double x(YearMonth m) {
        return m.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    public static DateAxis monthAxis(YearMonth from, YearMonth to) {
        DateAxis axis = new DateAxis("", TimeZone.getTimeZone("UTC"), Locale.ROOT);
        axis.setDateFormatOverride(utcFormat(to.getYear() - from.getYear() > 12 ? "yyyy" : "MMM yyyy"));
        int span = to.getYear() - from.getYear() + 1;
        if (span <= 4) axis.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, 6));
        else axis.setTickUnit(new DateTickUnit(DateTickUnitType.YEAR, Math.max(1, span / 12)));
        axis.setRange(x(from), x(to.plusMonths(1)));
        style(axis);
        return axis;
    }

    private static java.text.SimpleDateFormat utcFormat(String pattern) {
        java.text.SimpleDateFormat f = new java.text.SimpleDateFormat(pattern, Locale.ROOT);
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        return f;
    }

    public static void style(ValueAxis axis) {
        axis.setLabelFont(new Font(FONT, Font.PLAIN, 22));
        axis.setTickLabelFont(new Font(FONT, Font.PLAIN, 19));
        axis.setAxisLinePaint(Color.DARK_GRAY);
        axis.setTickMarkPaint(Color.DARK_GRAY);
    }

    public static NumberAxis countAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        style(axis);
        return axis;
    }

    public static void stylePlot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
    }

    /** A second subtitle line, smaller: what the command line changed (null: the chart as it is). */
    public static JFreeChart withNote(JFreeChart chart, String note) {
        if (note == null || note.isBlank()) return chart;
        TextTitle t = new TextTitle(note, new Font(FONT, Font.ITALIC, 16));
        t.setPaint(new Color(0x8a, 0x3b, 0x00));
        t.setHorizontalAlignment(HorizontalAlignment.LEFT);
        t.setPadding(new RectangleInsets(0, 14, 8, 10));
        // just below the first subtitle: subtitles on one edge are drawn in list order
        int at = 0;
        for (int i = 0; i < chart.getSubtitleCount(); i++) if (chart.getSubtitle(i) instanceof TextTitle) at = i + 1;
        chart.addSubtitle(at, t);
        return chart;
    }

    /** Title, subtitle, legend at the bottom, white background. */
    public static JFreeChart finish(JFreeChart chart, String title, String subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle(title, new Font(FONT, Font.BOLD, 30)));
        chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.getTitle().setPadding(new RectangleInsets(10, 14, 2, 10));
        TextTitle sub = new TextTitle(subtitle, new Font(FONT, Font.PLAIN, 19));
        sub.setPaint(Color.DARK_GRAY);
        sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
        sub.setPadding(new RectangleInsets(0, 14, 8, 10));
        chart.addSubtitle(sub);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(new Font(FONT, Font.PLAIN, 19));
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setBackgroundPaint(Color.WHITE);
        }
        chart.setPadding(new RectangleInsets(6, 6, 10, 18));
        return chart;
    }

    /**
     * The main plot with the strip of the scenario's shocks above it, sharing the date axis (see
     * {@link ShockStrip}; callers that want its footnote use ShockStrip directly).
     */
    public static CombinedDomainXYPlot withShockLanes(XYPlot main, List<Shock> shocks, YearMonth from, YearMonth to) {
        return ShockStrip.of(main, shocks, from, to).plot;
    }

    /** The opaque colour that {@code c} at {@code alpha} (0-255) shows over white: legend swatches then match the fill exactly. */
    public static Color over(Color c, int alpha) {
        double a = alpha / 255.0;
        return new Color((int) Math.round(255 - a * (255 - c.getRed())), (int) Math.round(255 - a * (255 - c.getGreen())),
                (int) Math.round(255 - a * (255 - c.getBlue())));
    }

    /** Dash patterns, one per scenario (solid first), so coinciding curves stay apart in print and in grey. */
    private static final float[][] DASHES = {null, {14f, 7f}, {3f, 5f}, {16f, 5f, 3f, 5f}, {7f, 7f}, {16f, 5f, 3f, 5f, 3f, 5f}, {24f, 8f}, {2f, 9f}};

    /** The line of scenario i: its own dash pattern at the given width. */
    public static BasicStroke scenarioStroke(int i, float width) {
        float[] dash = DASHES[i % DASHES.length];
        return dash == null ? new BasicStroke(width) : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
    }

    /** The marker of scenario i: circle, square, triangle up, diamond, triangle down, cross ... */
    public static java.awt.Shape scenarioShape(int i) {
        double r = 7;
        return switch (i % 6) {
            case 0 -> dot(2 * r);
            case 1 -> new java.awt.geom.Rectangle2D.Double(-r * 0.85, -r * 0.85, 1.7 * r, 1.7 * r);
            case 2 -> new java.awt.Polygon(new int[] {-8, 8, 0}, new int[] {6, 6, -8}, 3);
            case 3 -> new java.awt.Polygon(new int[] {0, 8, 0, -8}, new int[] {-8, 0, 8, 0}, 4);
            case 4 -> new java.awt.Polygon(new int[] {-8, 8, 0}, new int[] {-6, -6, 8}, 3);
            default -> new java.awt.Polygon(new int[] {-3, 3, 3, 8, 8, 3, 3, -3, -3, -8, -8, -3},
                    new int[] {-8, -8, -3, -3, 3, 3, 8, 8, 3, 3, -3, -3}, 12);
        };
    }

    /** The legend font of every chart, for legends built by hand. */
    public static void setLabelFont(org.jfree.chart.LegendItemCollection items) {
        for (java.util.Iterator<?> it = items.iterator(); it.hasNext(); ) {
            ((org.jfree.chart.LegendItem) it.next()).setLabelFont(new Font(FONT, Font.PLAIN, 19));
        }
    }

    public static Ellipse2D dot(double size) {
        return new Ellipse2D.Double(-size / 2, -size / 2, size, size);
    }

    /** Writes {@code name}.png (WIDTH x HEIGHT) and {@code name}.svg. */
    public static void save(JFreeChart chart, Path dir, String name) throws IOException {
        save((g, area) -> chart.draw(g, area), WIDTH, HEIGHT, dir, name);
    }

    /** Writes {@code name}.png and .svg of any drawing (several charts on one canvas, for example). */
    public static void save(java.util.function.BiConsumer<Graphics2D, Rectangle> drawing, int width, int height, Path dir, String name) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        drawing.accept(g, new Rectangle(width, height));
        g.dispose();
        ImageIO.write(image, "png", dir.resolve(name + ".png").toFile());

        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        svg.setDefsKeyPrefix("accords"); // the default prefix is time-based; fixed keeps files reproducible
        drawing.accept(svg, new Rectangle(width, height));
        Files.writeString(dir.resolve(name + ".svg"), svg.getSVGDocument(), StandardCharsets.UTF_8);
    }
}
