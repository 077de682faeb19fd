package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** runs.csv: one row per replication and state, agreeing with the aggregate, in replication order, switchable. */
class RunsCsvTest extends CliTestBase {

    @Test
    void oneRowPerReplicationAndStateThatAgreesWithTheAggregate() throws Exception {
        Path out = home.resolve("r");
        CliFixture.Result r = CliFixture.exec("run", "mini", "--reps", "60", "--threads", "3", "--quiet", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals("replication,state,join,freeze,thaw", rows.get(0));
        assertEquals(1 + 60 * 4, rows.size());
        Map<String, Integer> joined = new HashMap<>(), frozenAtEnd = new HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            String[] c = rows.get(i).split(",", -1);
            assertEquals(5, c.length, rows.get(i));
            assertEquals((i - 1) / 4, Integer.parseInt(c[0]), "rows ordered by replication, then roster order");
            assertEquals(List.of("AAA", "BBB", "CCC", "DDD").get((i - 1) % 4), c[1]);
            if (!c[2].isEmpty()) joined.merge(c[1], 1, Integer::sum);
            else assertTrue(c[3].isEmpty() && c[4].isEmpty(), "no freeze without a join: " + rows.get(i));
            int freezes = c[3].isEmpty() ? 0 : c[3].split(";").length, thaws = c[4].isEmpty() ? 0 : c[4].split(";").length;
            assertTrue(freezes == thaws || freezes == thaws + 1, rows.get(i));
            if (freezes > thaws) frozenAtEnd.merge(c[1], 1, Integer::sum);
        }
        // states.csv: p_ever_joined and p_frozen_end are counts over the same 60 replications
        for (String line : Files.readAllLines(out.resolve("states.csv")).subList(1, 5)) {
            String[] c = line.split(",");
            assertEquals(Double.parseDouble(c[3]), joined.getOrDefault(c[0], 0) / 60.0, 1e-6, c[0] + " P(ever joined)");
            assertEquals(Double.parseDouble(c[4]), frozenAtEnd.getOrDefault(c[0], 0) / 60.0, 1e-6, c[0] + " P(frozen at end)");
        }
        assertTrue(Files.readString(out.resolve("index.html")).contains("href=\"runs.csv\""));
    }

    @Test
    void itCanBeSwitchedOffAndABadValueIsRefused() {
        Path out = home.resolve("off");
        assertEquals(0, CliFixture.exec("run", "mini", "--reps", "5", "--quiet", "--runs", "off", "--out", out.toString()).code());
        assertFalse(Files.exists(out.resolve("runs.csv")));
        assertFalse(Files.exists(out.resolve("index.html")) && readQuietly(out.resolve("index.html")).contains("runs.csv"));
        CliFixture.Result bad = CliFixture.exec("run", "mini", "--runs", "maybe");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("expected auto, on or off"), bad.err());
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
