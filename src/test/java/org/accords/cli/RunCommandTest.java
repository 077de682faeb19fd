package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `accords run` end to end, in process. */
class RunCommandTest extends CliTestBase {

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void runWritesTheWholeFolder() throws Exception {
        CliFixture.Result r = CliFixture.exec("run", "mini", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        Path out = home.resolve("results/mini");
        assertEquals(List.of(".accords-result", "adoption.csv", "adoption.png", "adoption.svg", "aggregate.json", "drivers.png", "drivers.svg", "events.csv", "index.html",
                "manifest.json", "membership.csv", "roster.yaml", "runs.csv", "scenario.resolved.yaml", "states.csv", "states.png", "states.svg",
                "trace.csv", "trajectories.png", "trajectories.svg", "whynot.csv", "whynot.png", "whynot.svg"), listing(out));
        assertEquals(List.of("mini"), listing(home.resolve("results")), "no temporary folders left behind");
        assertTrue(r.out().contains("results: " + out.toAbsolutePath().normalize()), r.out());

        List<String> adoption = Files.readAllLines(out.resolve("adoption.csv"));
        assertEquals("month,members_mean,members_p5,members_p25,members_p50,members_p75,members_p95,joined_mean,frozen_mean", adoption.get(0));
        assertEquals(1 + 18, adoption.size());
        for (int t = 0; t < 18; t++) {
            String month = java.time.YearMonth.parse("2020-01").plusMonths(t).toString();
            assertTrue(adoption.get(1 + t).startsWith(month + ","), adoption.get(1 + t));
            assertTrue(adoption.get(1 + t).matches("\\d{4}-\\d{2}(,[0-9.]+){8}"), adoption.get(1 + t));
        }
        List<String> membership = Files.readAllLines(out.resolve("membership.csv"));
        assertEquals("state,month,p_member,p_joined_by", membership.get(0));
        assertEquals(1 + 4 * 18, membership.size());
        List<String> states = Files.readAllLines(out.resolve("states.csv"));
        assertEquals(5, states.size());
        for (String id : List.of("AAA", "BBB", "CCC", "DDD")) assertTrue(states.stream().anyMatch(l -> l.startsWith(id + ",")), id);

        BufferedImage png = ImageIO.read(out.resolve("adoption.png").toFile());
        assertNotNull(png);
        assertTrue(png.getWidth() >= 1600 && png.getHeight() >= 900);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.newDocumentBuilder().parse(out.resolve("adoption.svg").toFile());

        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(7, m.get("seed").asLong());
        assertEquals(30, m.get("replications").asLong());
        assertEquals(2, m.get("threads").asInt());
        assertEquals(Version.get(), m.get("version").asText());
        assertFalse(m.get("version").asText().isBlank());
    }

    @Test
    void repsSeedAndSetOverrideTheScenario() throws Exception {
        Path out = root.resolve("elsewhere/custom");
        CliFixture.Result r = CliFixture.exec("run", home.resolve("scenarios/mini.yaml").toString(), "--reps", "12", "--seed", "99",
                "--set", "run.end=2020-09", "--set", "shocks.war.start=2020-03", "--threads", "1", "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out(), "--quiet prints nothing");
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(99, m.get("seed").asLong());
        assertEquals(12, m.get("replications").asLong());
        assertEquals(1 + 9, Files.readAllLines(out.resolve("adoption.csv")).size());
        String resolved = Files.readString(out.resolve("scenario.resolved.yaml"));
        assertTrue(resolved.contains("start: 2020-03") || resolved.contains("start: \"2020-03\""), resolved);
        assertFalse(Files.exists(home.resolve("results")), "--out writes nowhere else");
    }

    @Test
    void existingFolderWithoutForceIsRefusedBeforeComputingAndLeftUntouched() throws Exception {
        Path out = home.resolve("results/mini");
        Files.createDirectories(out);
        Files.writeString(out.resolve("mine.txt"), "keep me");
        CliFixture.Result r = CliFixture.exec("run", "mini", "--threads", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("accords: ") && r.err().contains("already exists") && r.err().contains("--force"), r.err());
        assertEquals(1, r.err().strip().lines().count());
        assertEquals(List.of("mine.txt"), listing(out));
        assertEquals("keep me", Files.readString(out.resolve("mine.txt")));
        assertEquals(List.of("mini"), listing(home.resolve("results")));
        assertEquals("", r.out(), "nothing computed, no summary");
    }

    @Test
    void forceReplacesAnExistingResultFolder() throws Exception {
        Path out = home.resolve("results/mini");
        assertEquals(0, CliFixture.exec("run", "mini", "--threads", "1", "--reps", "5", "--quiet").code());
        String before = Files.readString(out.resolve("manifest.json"));
        CliFixture.Result r = CliFixture.exec("run", "mini", "--threads", "1", "--force", "--reps", "6");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("adoption.csv")));
        assertFalse(Files.readString(out.resolve("manifest.json")).equals(before));
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"replications\" : 6"));
        assertEquals(List.of("mini"), listing(home.resolve("results")), "no temporary, old or lock files left behind");
    }

    /** Every file of a run folder but manifest.json and index.html, which record times and threads. */
    private static final List<String> IDENTICAL = List.of(".accords-result", "adoption.csv", "membership.csv", "states.csv", "events.csv", "trace.csv",
            "scenario.resolved.yaml", "roster.yaml", "aggregate.json", "runs.csv", "adoption.png", "adoption.svg", "states.png", "states.svg",
            "drivers.png", "drivers.svg", "trajectories.png", "trajectories.svg", "whynot.csv", "whynot.png", "whynot.svg");

    @Test
    void sameSeedIsByteIdenticalAtOneAndFourThreads() throws Exception {
        Path a = root.resolve("a"), b = root.resolve("b"), c = root.resolve("c");
        assertEquals(0, CliFixture.exec("run", "mini", "--threads", "1", "--out", a.toString(), "--quiet").code());
        assertEquals(0, CliFixture.exec("run", "mini", "--threads", "4", "--out", b.toString(), "--quiet").code());
        List<String> all = listing(a);
        assertEquals(IDENTICAL.size() + 2, all.size(), "a new output file must be added to IDENTICAL (or excused): " + all);
        for (String f : IDENTICAL) assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        assertFalse(Arrays.equals(Files.readAllBytes(a.resolve("manifest.json")), Files.readAllBytes(b.resolve("manifest.json"))),
                "the manifest records the thread count");
        assertEquals(0, CliFixture.exec("run", "mini", "--threads", "2", "--seed", "8", "--out", c.toString(), "--quiet").code());
        assertFalse(Arrays.equals(Files.readAllBytes(a.resolve("adoption.csv")), Files.readAllBytes(c.resolve("adoption.csv"))),
                "another seed gives another ensemble");
    }
}
