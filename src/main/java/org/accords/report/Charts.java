package org.accords.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
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
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
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

    /** Shades and labels each shock's window (start to end, plus any decay). Labels stagger so they do not overlap. */
    public static void markShocks(XYPlot plot, List<Shock> shocks, YearMonth runEnd) {
        int k = 0;
        for (Shock s : shocks) {
            YearMonth last = s.lastActiveMonth().isAfter(runEnd) ? runEnd : s.lastActiveMonth();
            IntervalMarker m = new IntervalMarker(x(s.start()), x(last.plusMonths(1)));
            Paint fill = k % 2 == 0 ? new Color(0x99, 0x99, 0x99, 38) : new Color(0xB0, 0x80, 0x50, 38);
            m.setPaint(fill);
            m.setOutlinePaint(new Color(0x88, 0x88, 0x88, 120));
            m.setOutlineStroke(new BasicStroke(0.8f));
            m.setLabel(s.label());
            m.setLabelFont(new Font(FONT, Font.PLAIN, 16));
            m.setLabelPaint(new Color(0x44, 0x44, 0x44));
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            m.setLabelOffset(new RectangleInsets(6 + 22 * (k % 6), 4, 2, 2));
            plot.addDomainMarker(m, Layer.BACKGROUND);
            k++;
        }
    }

    public static Ellipse2D dot(double size) {
        return new Ellipse2D.Double(-size / 2, -size / 2, size, size);
    }

    /** Writes {@code name}.png (WIDTH x HEIGHT) and {@code name}.svg. */
    public static void save(JFreeChart chart, Path dir, String name) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.draw(g, new Rectangle(WIDTH, HEIGHT));
        g.dispose();
        ImageIO.write(image, "png", dir.resolve(name + ".png").toFile());

        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        svg.setDefsKeyPrefix("accords"); // the default prefix is time-based; fixed keeps files reproducible
        chart.draw(svg, new Rectangle(WIDTH, HEIGHT));
        Files.writeString(dir.resolve(name + ".svg"), svg.getSVGDocument(), StandardCharsets.UTF_8);
    }
}
