package org.accords.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Locale;
import org.accords.model.Status;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.SimplePortrayal2D;

/**
 * A state's map tile: filled by status, with a bar from the bottom whose height is the hazard of
 * its next move as a share of h_max, labelled with the ISO code and the hazard in percent. A
 * candidate with an unmet stated condition (a utility cost, never a gate) gets a dashed border.
 */
public final class StatePortrayal extends SimplePortrayal2D {
    private static final long serialVersionUID = 1L;

    public static final Color CANDIDATE = new Color(0xD6, 0xDB, 0xE1);
    public static final Color MEMBER = new Color(0x2E, 0x8B, 0x57);
    public static final Color FROZEN = new Color(0x7F, 0xB2, 0xE5);
    public static final Color HAZARD = new Color(0xE6, 0x8A, 0x00);
    /** Share of a cell the tile fills (the rest is the gap between tiles). */
    static final double TILE = 0.9;

    public static Color colorOf(Status s) {
        return switch (s) {
            case CANDIDATE -> CANDIDATE;
            case MEMBER -> MEMBER;
            case FROZEN -> FROZEN;
        };
    }

    @Override
    public void draw(Object object, Graphics2D g, DrawInfo2D info) {
        StateView v = (StateView) object;
        Status status = v.status();
        RoundRectangle2D tile = tile(info);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(colorOf(status));
        g.fill(tile);
        double share = v.relativeHazard();
        if (share > 0) {
            // at least a visible sliver for any non-negligible hazard
            double h = Math.max(share > 0.005 ? 2 : 0, share * tile.getHeight());
            java.awt.Shape old = g.getClip();
            g.clip(tile);
            g.setPaint(status == Status.MEMBER ? new Color(0xC0, 0x39, 0x2B) : HAZARD);
            g.fill(new Rectangle2D.Double(tile.getX(), tile.getMaxY() - h, tile.getWidth(), h));
            g.setClip(old);
        }
        // a dashed border: an unmet stated condition weighs on this candidate's utility
        boolean unmet = status == Status.CANDIDATE && v.conditionUnmet();
        g.setPaint(info.selected ? Color.BLACK : new Color(0x55, 0x55, 0x55));
        g.setStroke(unmet ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f)
                : new BasicStroke(info.selected ? 3f : 1f));
        g.draw(tile);
        Color text = status == Status.MEMBER ? Color.WHITE : Color.BLACK;
        label(g, v.id(), info, tile, text, 0.26, Font.BOLD, -0.12);
        label(g, String.format(Locale.ROOT, "%.1f%%", 100 * v.hazard()), info, tile, text, 0.17, Font.PLAIN, 0.22);
    }

    static RoundRectangle2D tile(DrawInfo2D info) {
        double w = info.draw.width * TILE;
        double h = info.draw.height * TILE;
        return new RoundRectangle2D.Double(info.draw.x - w / 2, info.draw.y - h / 2, w, h, w / 5, h / 5);
    }

    /** Text centred on the tile, {@code size} and {@code dy} as shares of the tile's height. */
    static void label(Graphics2D g, String s, DrawInfo2D info, RoundRectangle2D tile, Color c, double size, int style, double dy) {
        g.setFont(new Font("DejaVu Sans", style, Math.max(6, (int) Math.round(tile.getHeight() * size))));
        FontMetrics fm = g.getFontMetrics();
        g.setPaint(c);
        float x = (float) (info.draw.x - fm.stringWidth(s) / 2.0);
        float y = (float) (info.draw.y + dy * tile.getHeight() + fm.getAscent() / 2.0 - fm.getDescent() / 2.0);
        g.drawString(s, x, y);
    }

    @Override
    public boolean hitObject(Object object, DrawInfo2D range) {
        return tile(range).intersects(range.clip.x, range.clip.y, range.clip.width, range.clip.height);
    }

    @Override
    public String getName(sim.portrayal.LocationWrapper wrapper) {
        return String.valueOf(wrapper.getObject());
    }
}
