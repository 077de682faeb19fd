package org.accords.gui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each state sits on the map: a tile grid that keeps rough geography (west to east,
 * north to south) so the Gulf, the Levant, North Africa, the Horn, Central Asia and South-East
 * Asia read as regions. States not in the table (a user's own roster) fill rows below it in
 * roster order. The US broker and the world have their own tiles in the top-left corner.
 */
public final class TileLayout {
    public static final int COLUMNS = 14;
    static final int MAP_ROWS = 7;

    /** Column and row of the roster's states, by ISO-3 code. */
    private static final Map<String, int[]> KNOWN = new LinkedHashMap<>();

    static {
        put("KAZ", 9, 0);
        put("TUN", 3, 1); put("LBN", 5, 1); put("SYR", 6, 1); put("AZE", 7, 1); put("TKM", 8, 1); put("UZB", 9, 1); put("KGZ", 10, 1);
        put("MAR", 1, 2); put("DZA", 2, 2); put("LBY", 3, 2); put("EGY", 4, 2); put("JOR", 5, 2); put("IRQ", 6, 2); put("KWT", 7, 2);
        put("TJK", 10, 2);
        put("MRT", 0, 3); put("TCD", 3, 3); put("SDN", 4, 3); put("SAU", 6, 3); put("BHR", 7, 3); put("QAT", 8, 3); put("PAK", 10, 3);
        put("DJI", 5, 4); put("YEM", 6, 4); put("ARE", 8, 4); put("OMN", 9, 4); put("MYS", 12, 4);
        put("SOM", 6, 5); put("IDN", 13, 5);
        put("COM", 5, 6);
    }

    private static void put(String id, int col, int row) { KNOWN.put(id, new int[] {col, row}); }

    /** The broker's tile and the world's. */
    public static final int[] BROKER = {0, 0};
    public static final int[] WORLD = {1, 0};

    private final Map<String, int[]> cells = new LinkedHashMap<>();
    private final int rows;

    public TileLayout(List<String> stateIds) {
        int extra = 0;
        for (String id : stateIds) {
            int[] known = KNOWN.get(id);
            if (known != null) {
                cells.put(id, known);
            } else {
                cells.put(id, new int[] {extra % COLUMNS, MAP_ROWS + extra / COLUMNS});
                extra++;
            }
        }
        rows = MAP_ROWS + (extra + COLUMNS - 1) / COLUMNS;
    }

    /** {column, row} of a state's tile. */
    public int[] cell(String id) { return cells.get(id); }

    public int rows() { return rows; }
}
