package org.accords.gui;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.SimplePortrayal2D;

/**
 * The tiles of the US broker (navy, with the number of live offers) and of the world (dark grey,
 * with this month's Gaza-conflict intensity); double-click one to inspect it.
 */
final class GlobalTilePortrayal extends SimplePortrayal2D {
    private static final long serialVersionUID = 1L;

    static final Color NAVY = new Color(0x1F, 0x3A, 0x68);
    static final Color WORLD = new Color(0x4A, 0x4A, 0x4A);

    @Override
    public void draw(Object object, Graphics2D g, DrawInfo2D info) {
        RoundRectangle2D tile = StatePortrayal.tile(info);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(object instanceof WorldView ? WORLD : NAVY);
        g.fill(tile);
        if (info.selected) {
            g.setPaint(Color.BLACK);
            g.setStroke(new java.awt.BasicStroke(3f));
            g.draw(tile);
        }
        if (object instanceof WorldView w) {
            StatePortrayal.label(g, "World", info, tile, Color.WHITE, 0.22, Font.BOLD, -0.12);
            String gaza = String.format(java.util.Locale.ROOT, "Gaza %.2f", w.value(org.accords.scenario.WorldVariable.GAZA_CONFLICT));
            StatePortrayal.label(g, gaza, info, tile, Color.WHITE, 0.16, Font.PLAIN, 0.22);
            return;
        }
        StatePortrayal.label(g, "USA", info, tile, Color.WHITE, 0.26, Font.BOLD, -0.12);
        int live = ((BrokerView) object).liveOffers();
        StatePortrayal.label(g, live + (live == 1 ? " offer" : " offers"), info, tile, Color.WHITE, 0.16, Font.PLAIN, 0.22);
    }

    @Override
    public boolean hitObject(Object object, DrawInfo2D range) {
        return StatePortrayal.tile(range).intersects(range.clip.x, range.clip.y, range.clip.width, range.clip.height);
    }
}
