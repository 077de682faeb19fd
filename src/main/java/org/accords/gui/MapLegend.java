package org.accords.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.SimplePortrayal2D;

/** The map's key, drawn in an empty corner of the tile grid (south-west, below Mauritania). */
final class MapLegend extends SimplePortrayal2D {
    private static final long serialVersionUID = 1L;

    /** Top-left cell of the key and its size in cells. */
    static final double COLUMN = 0.1, ROW = 4.2;

    @Override
    public void draw(Object object, Graphics2D g, DrawInfo2D info) {
        double cell = info.draw.width;
        // the object sits at the centre of its first cell; draw from the cell's corner
        double x = info.draw.x - cell / 2, y = info.draw.y - cell / 2;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, Math.max(8, (int) (cell * 0.2))));
        double line = cell * 0.33;
        double box = cell * 0.22;
        Object[][] rows = {
                {StatePortrayal.CANDIDATE, "candidate"},
                {StatePortrayal.MEMBER, "member (joined, ties active)"},
                {StatePortrayal.FROZEN, "frozen (joined, ties suspended)"},
                {StatePortrayal.HAZARD, "bar, %: monthly hazard of the next move"},
                {null, "dashed: an unmet condition costs utility"},
        };
        for (int i = 0; i < rows.length; i++) {
            double ry = y + i * line;
            Rectangle2D r = new Rectangle2D.Double(x, ry, box * 1.4, box);
            if (rows[i][0] != null) {
                g.setPaint((Color) rows[i][0]);
                g.fill(r);
                g.setStroke(new BasicStroke(1f));
            } else {
                g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
            }
            g.setPaint(new Color(0x55, 0x55, 0x55));
            g.draw(r);
            g.setPaint(Color.BLACK);
            g.drawString((String) rows[i][1], (float) (x + box * 1.4 + cell * 0.12), (float) (ry + box * 0.85));
        }
    }

    @Override
    public boolean hitObject(Object object, DrawInfo2D range) { return false; }
}
