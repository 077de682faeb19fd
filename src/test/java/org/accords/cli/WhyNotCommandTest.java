package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.accords.experiment.WhyNot;
import org.junit.jupiter.api.Test;

/** `run` writes the "why not" chart and CSV, for chosen or default states, and skips them with --no-why-not. */
class WhyNotCommandTest extends CliTestBase {

    @Test
    void aRunWritesTheChartAndATidyCsvWhosePartsAddUp() throws Exception {
        Path out = home.resolve("results/mini");
        CliFixture.Result r = CliFixture.exec("run", "mini", "--reps", "30", "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> csv = Files.readAllLines(out.resolve("whynot.csv"));
        assertEquals("state,month,runs_at_risk,utility_mean,utility_p10,utility_p90,join_threshold,iranThreat,palestinianPressure,"
                + "economicDiversification,usRewards,peerInfluence,joinCost,conditionCost,condition_costs_share", csv.get(0));
        assertEquals(1 + 4 * 18, csv.size(), "every state, every month");
        int rows = 0;
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",", -1);
            if (f[3].isEmpty()) continue;
            double parts = 0;
            for (int k = 7; k < 7 + WhyNot.PARTS.size(); k++) parts += Double.parseDouble(f[k]);
            assertEquals(Double.parseDouble(f[3]), parts, 1e-5, line);
            assertTrue(Double.parseDouble(f[4]) <= Double.parseDouble(f[5]), line);
            rows++;
        }
        assertTrue(rows > 40, "most state-months have candidates");
        // CCC's condition (statehoodPath, in force from 2019-06) costs it utility from the first month
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("CCC,2020-01,") && l.endsWith(",1")), csv.toString());
        assertEquals(1600, javax.imageio.ImageIO.read(out.resolve("whynot.png").toFile()).getWidth());
        assertTrue(Files.readString(out.resolve("whynot.svg")).contains("Why not?"));
        assertTrue(Files.readString(out.resolve("index.html")).contains("<h2>Why not?</h2>"));
    }

    @Test
    void chosenStatesOrNone() throws Exception {
        Path chosen = home.resolve("chosen"), off = home.resolve("off");
        assertEquals(0, CliFixture.exec("run", "mini", "--reps", "20", "--quiet", "--states", "CCC,DDD", "--out", chosen.toString()).code());
        assertTrue(Files.readString(chosen.resolve("whynot.svg")).contains("Why not? State CCC, State DDD"));
        CliFixture.Result r = CliFixture.exec("run", "mini", "--reps", "20", "--quiet", "--no-why-not", "--out", off.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("whynot.csv", "whynot.png", "whynot.svg")) assertFalse(Files.exists(off.resolve(f)), f);
        assertFalse(Files.readString(off.resolve("index.html")).contains("Why not?"));
        // a time chart like the others: --window cuts the chart, never the CSV
        Path window = home.resolve("window");
        assertEquals(0, CliFixture.exec("run", "mini", "--reps", "20", "--quiet", "--window", "2020-06..2020-12", "--out", window.toString()).code());
        assertTrue(Files.readString(window.resolve("whynot.svg")).contains("Months shown: 2020-06 to 2020-12"));
        assertEquals(Files.readString(chosen.resolve("whynot.csv")), Files.readString(window.resolve("whynot.csv")));
    }
}
