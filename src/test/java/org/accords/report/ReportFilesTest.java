package org.accords.report;

import static org.accords.TestScenarios.scenario;
import static org.accords.TestScenarios.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.accords.experiment.Ensemble;
import org.accords.experiment.EnsembleResult;
import org.accords.scenario.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files of one run folder, on a scenario whose outcome is known exactly: AAA joins in the
 * first month, BBB is blocked until a shock meets its condition in 2020-05, CCC never joins.
 */
class ReportFilesTest {
    @TempDir
    static Path dir;

    static Path out;
    static EnsembleResult result;

    @BeforeAll
    static void run() throws Exception {
        Scenario sc = known(
                state("AAA").attrs(0, 0, 0, 1, 0).blocs("X"),
                state("BBB").attrs(0, 0, 0, 1, 0).blocs("X").condition("statehoodPath", "2019-01"),
                state("CCC").attrs(0, 0, 0, 1, 0).blocs("Y").condition("statehoodPath", "2019-01"))
                .extra("observed:\n  - {state: AAA, kind: join, month: 2020-02, note: test}\n")
                .load(dir.resolve("sc"));
        result = new Ensemble(sc).run(25, 3, 2, i -> { }, new AtomicBoolean());
        out = dir.resolve("out");
        Files.createDirectories(out);
        RunReport.write(result, out, "9.9-test");
    }

    /**
     * The known-outcome settings over the given states: a state with no condition joins in the first
     * month; one with a statehoodPath condition only once the 'deal' shock (2020-05, on BBB) meets it.
     */
    static org.accords.TestScenarios.Spec known(org.accords.TestScenarios.State... states) {
        return scenario(states)
                .set("name", "known").set("title", "Known outcome")
                .set("run.start", "2020-01").set("run.end", "2020-08")
                .set("model.weights.economicDiversification", 10.0).set("model.joinCost", 0.5)
                .set("model.joinThreshold", 0.0).set("model.exitThreshold", -5.0)
                .set("model.temperature", 0.01).set("model.maxHazard", 1.0).set("us.offerRate", 0.0)
                // an unmet condition costs 20 x (0.7 - 0.1) = 12, more than 9.5 plus any peer influence: no join until BBB's
                // statehood path reaches 0.8
                .set("model.conditionCost", 20.0).set("model.conditionLevel", 0.7)
                .set("world.statehoodPath", 0.1)
                .shock("{id: deal, label: Statehood deal, start: 2020-05, target: [BBB], effects: {world.statehoodPath: 0.7}}");
    }

    private static List<String> lines(String file) throws Exception {
        return Files.readAllLines(out.resolve(file));
    }

    @Test
    void everyFileIsWritten() {
        for (String f : List.of("adoption.csv", "membership.csv", "states.csv", "events.csv", "trace.csv", "scenario.resolved.yaml",
                "roster.yaml", "manifest.json", "adoption.png", "adoption.svg", "states.png", "states.svg", "drivers.png",
                "drivers.svg", "index.html")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
    }

    @Test
    void adoptionCsvHasTheExactHeaderAndOneRowPerMonth() throws Exception {
        List<String> l = lines("adoption.csv");
        assertEquals("month,members_mean,members_p5,members_p25,members_p50,members_p75,members_p95,joined_mean,frozen_mean", l.get(0));
        assertEquals(1 + 8, l.size());
        for (int t = 0; t < 8; t++) assertTrue(l.get(1 + t).startsWith("2020-0" + (t + 1) + ","), l.get(1 + t));
        assertEquals("2020-01,1,1,1,1,1,1,1,0", l.get(1));
        assertEquals("2020-04,1,1,1,1,1,1,1,0", l.get(4));
        assertEquals("2020-05,2,2,2,2,2,2,2,0", l.get(5));
        assertEquals("2020-08,2,2,2,2,2,2,2,0", l.get(8));
    }

    @Test
    void membershipCsv() throws Exception {
        List<String> l = lines("membership.csv");
        assertEquals("state,month,p_member,p_joined_by", l.get(0));
        assertEquals(1 + 3 * 8, l.size());
        assertEquals("AAA,2020-01,1,1", l.get(1));
        assertEquals("BBB,2020-04,0,0", l.get(1 + 8 + 3));
        assertEquals("BBB,2020-05,1,1", l.get(1 + 8 + 4));
        assertEquals("CCC,2020-08,0,0", l.get(24));
    }

    @Test
    void statesCsvHasARowPerState() throws Exception {
        List<String> l = lines("states.csv");
        assertEquals("state,name,p_member_end,p_ever_joined,p_frozen_end,join_p10,join_p50,join_p90,"
                + "contrib_iranThreat,contrib_palestinianPressure,contrib_economicDiversification,contrib_usRewards,"
                + "contrib_peerInfluence,contrib_cost", l.get(0));
        assertEquals(4, l.size());
        assertTrue(l.get(1).startsWith("AAA,State AAA,1,1,0,2020-01,2020-01,2020-01,0,0,10,0,0,-0.5"), l.get(1));
        assertTrue(l.get(2).startsWith("BBB,State BBB,1,1,0,2020-05,2020-05,2020-05,"), l.get(2));
        assertEquals("CCC,State CCC,0,0,0,,,,,,,,,", l.get(3));
    }

    @Test
    void eventsAndTraceCsv() throws Exception {
        List<String> e = lines("events.csv");
        assertEquals("month,join,freeze,thaw,offer", e.get(0));
        assertEquals(9, e.size());
        assertEquals("2020-01,1,0,0,0", e.get(1));
        assertEquals("2020-05,1,0,0,0", e.get(5));
        List<String> t = lines("trace.csv");
        assertTrue(t.get(0).startsWith("month,kind,subject,utility,iranThreat,"), t.get(0));
        assertTrue(t.stream().anyMatch(x -> x.startsWith("2020-01,join,AAA,")), "AAA joins in 2020-01");
        assertTrue(t.stream().anyMatch(x -> x.startsWith("2020-05,join,BBB,")), "BBB joins in 2020-05");
        assertTrue(t.stream().anyMatch(x -> x.startsWith("2020-05,shock-start,deal,")));
        assertTrue(t.stream().anyMatch(x -> x.startsWith("2020-08,shock-end,deal,")));
    }

    @Test
    void pngChartsAreReadableAtFullSize() throws Exception {
        for (String name : List.of("adoption", "states", "drivers")) {
            BufferedImage img = ImageIO.read(out.resolve(name + ".png").toFile());
            assertNotNull(img, name);
            assertTrue(img.getWidth() >= 1600 && img.getHeight() >= 900, name + " " + img.getWidth() + "x" + img.getHeight());
        }
    }

    @Test
    void svgChartsAreWellFormedXml() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        for (String name : List.of("adoption", "states", "drivers")) {
            var doc = f.newDocumentBuilder().parse(out.resolve(name + ".svg").toFile());
            assertEquals("svg", doc.getDocumentElement().getLocalName(), name);
        }
        assertTrue(Files.readString(out.resolve("adoption.svg")).contains("Statehood deal"), "shock label on the chart");
    }

    @Test
    void manifestRecordsTheRun() throws Exception {
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(3, m.get("seed").asLong());
        assertEquals(25, m.get("replications").asLong());
        assertEquals(2, m.get("threads").asInt());
        assertEquals("9.9-test", m.get("version").asText());
        assertEquals("known", m.get("scenario").asText());
        assertEquals(8, m.get("months").asInt());
        assertEquals(3, m.get("states").asInt());
        // 3 states x 8 months x 6 dated attributes; all but iranExposure carry an assumption note in the test roster
        assertEquals(144, m.get("assumptionUses").get("of").asInt());
        assertEquals(120, m.get("assumptionUses").get("total").asInt());
        assertEquals(0, m.get("assumptionUses").get("byAttribute").get("iranExposure").asInt());
        assertEquals(24, m.get("assumptionUses").get("byAttribute").get("usAlignment").asInt());
    }

    @Test
    void rosterIsCopiedBesideTheResolvedScenario() throws Exception {
        assertEquals(Files.readString(dir.resolve("sc/roster.yaml")), Files.readString(out.resolve("roster.yaml")));
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("Known outcome") && html.contains("adoption.svg") && html.contains("data:image/png;base64,"), "the chart is embedded, linked to its SVG");
    }
}
