package org.accords.gui;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.SimplePortrayal2D;

/** The US broker's tile: navy, with the number of live offers; double-click it to inspect the offers. */
final class BrokerPortrayal extends SimplePortrayal2D {
    private static final long serialVersionUID = 1L;

    static final Color NAVY = new Color(0x1F, 0x3A, 0x68);

    @Override
    public void draw(Object object, Graphics2D g, DrawInfo2D info) {
        BrokerView b = (BrokerView) object;
        RoundRectangle2D tile = StatePortrayal.tile(info);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(NAVY);
        g.fill(tile);
        if (info.selected) {
            g.setPaint(Color.BLACK);
            g.setStroke(new java.awt.BasicStroke(3f));
            g.draw(tile);
        }
        StatePortrayal.label(g, "USA", info, tile, Color.WHITE, 0.26, Font.BOLD, -0.12);
        int live = b.liveOffers();
        StatePortrayal.label(g, live + (live == 1 ? " offer" : " offers"), info, tile, Color.WHITE, 0.16, Font.PLAIN, 0.22);
    }

    @Override
    public boolean hitObject(Object object, DrawInfo2D range) {
        return StatePortrayal.tile(range).intersects(range.clip.x, range.clip.y, range.clip.width, range.clip.height);
    }
}
