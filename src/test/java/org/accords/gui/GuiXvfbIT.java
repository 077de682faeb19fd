package org.accords.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.accords.RealComponent;
import org.junit.jupiter.api.Test;

/**
 * The real MASON Console under Xvfb (Debian's xvfb and xauth, installed by .ci/run): runs
 * {@code accords gui history} as the command line does, plays it to the end, inspects a state, saves a screenshot to
 * target/gui-history.png and quits by closing the Console.
 */
class GuiXvfbIT {
    @Test
    void theConsolePlaysHistoryWithChartMapAndInspector() throws Exception {
        RealComponent.require(RealComponent.onPath("xvfb-run") && RealComponent.onPath("Xvfb") && RealComponent.onPath("xauth"),
                "Xvfb (Debian's xvfb and xauth, as .ci/run installs)");
        Path target = Path.of("target").toAbsolutePath();
        Path png = target.resolve("gui-history.png");
        Path report = target.resolve("gui-history.properties");
        Files.deleteIfExists(png);
        Files.deleteIfExists(report);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of("xvfb-run", "-a", "-s", "-screen 0 1560x940x24",
                java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), GuiSession.class.getName(),
                "history", "ARE", png.toString(), report.toString()));
        pb.redirectErrorStream(true);
        pb.redirectOutput(target.resolve("gui-history.log").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "the session ends");
        String log = Files.readString(target.resolve("gui-history.log"));
        assertEquals(0, p.exitValue(), "closing the Console exits cleanly; log:\n" + log);
        assertTrue(log.contains("gui command returned 0") || !log.contains("gui command returned"), log);
        assertTrue(log.isBlank() || log.strip().equals("gui command returned 0"), "nothing on the console but our line: " + log);

        Properties seen = new Properties();
        try (Reader r = Files.newBufferedReader(report)) {
            seen.load(r);
        }
        int months = Integer.parseInt(seen.getProperty("months"));
        assertEquals("true", seen.getProperty("stoppedByItself"), "the Console stops after the last month");
        assertEquals(months, Integer.parseInt(seen.getProperty("stepsRun")));
        assertEquals(months, Integer.parseInt(seen.getProperty("chartPoints")), "a chart point per month");
        assertEquals(seen.getProperty("modelMembers"), seen.getProperty("chartLastMembers"));
        assertEquals(seen.getProperty("modelJoined"), seen.getProperty("chartLastJoined"));
        assertTrue(Integer.parseInt(seen.getProperty("modelJoined")) > 0, "history has joins");
        assertEquals(seen.getProperty("rosterStates"), seen.getProperty("mapStates"), "every state on the map");
        assertEquals("true", seen.getProperty("displayShowing"));
        assertEquals("true", seen.getProperty("chartShowing"));
        assertTrue(seen.getProperty("displayTitle").contains("2025-12"), "the month in the map's title: " + seen.getProperty("displayTitle"));
        assertTrue(Integer.parseInt(seen.getProperty("logLines")) > 5, "events logged");
        assertEquals("1", seen.getProperty("inspectors"), "double-clicking ARE opens one inspector");
        assertEquals("Inspectors", seen.getProperty("consoleTab"));
        assertTrue(seen.getProperty("inspectedRows").contains("contribution.usRewards"), seen.getProperty("inspectedRows"));

        var image = ImageIO.read(png.toFile());
        assertEquals(1560, image.getWidth());
        // the screen is not blank: the map's tiles are drawn in their status colours, member green
        // whenever the model ends with members (history's replication 0 may end with none)
        int green = 0, tiles = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                if (rgb == StatePortrayal.MEMBER.getRGB()) green++;
                if (rgb == StatePortrayal.MEMBER.getRGB() || rgb == StatePortrayal.CANDIDATE.getRGB() || rgb == StatePortrayal.FROZEN.getRGB()) tiles++;
            }
        }
        assertTrue(tiles > 1000, "state tiles are drawn: " + tiles + " tile pixels");
        // (the chart's legend swatch alone gives about 40 green samples)
        if (Integer.parseInt(seen.getProperty("modelMembers")) > 0) assertTrue(green > 60, "member tiles are green: " + green + " green pixels");
    }
}
