package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.accords.TestScenarios;
import org.accords.report.Overrides;
import org.junit.jupiter.api.Test;

/** --params, --set, --reps and --seed are on record: manifest.json, every chart's subtitle, the pages; comparisons say so. */
class OverridesOnRecordTest extends CliTestBase {

    @Test
    void everyOverrideIsInTheManifestTheChartsAndThePage() throws Exception {
        Path frag = home.resolve("frag.yaml");
        TestScenarios.write(frag, "model: {maxHazard: 0.25}\n");
        Path out = home.resolve("o");
        CliFixture.Result r = CliFixture.exec("run", "mini", "--params", frag.toString(), "--set", "us.capacity=3", "--reps", "7", "--seed", "9",
                "--threads", "1", "--quiet", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode o = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("overrides");
        assertEquals(frag.toString(), o.get("params").asText());
        assertEquals("us.capacity=3", o.get("set").get(0).asText());
        assertEquals(7, o.get("reps").asInt());
        assertEquals(9, o.get("seed").asLong());
        String text = "--params " + frag + " --set us.capacity=3 --reps 7 --seed 9";
        for (String chart : List.of("adoption.svg", "states.svg", "drivers.svg")) {
            String svg = Files.readString(out.resolve(chart));
            assertTrue(svg.contains("Overrides: --params"), chart);
            assertTrue(svg.contains("--seed 9") || svg.contains("…"), chart + " shows the overrides, shortened when long");
        }
        assertTrue(Files.readString(out.resolve("index.html")).contains("changed on the command line:</strong> <code>" + text + "</code>"));
    }

    @Test
    void aRunWithoutOverridesSaysNothingOfThem() throws Exception {
        Path out = home.resolve("plain");
        assertEquals(0, CliFixture.exec("run", "mini", "--threads", "1", "--quiet", "--out", out.toString()).code());
        assertEquals(0, new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("overrides").size());
        assertFalse(Files.readString(out.resolve("adoption.svg")).contains("Overrides:"));
        assertFalse(Files.readString(out.resolve("index.html")).contains("changed on the command line"));
    }

    @Test
    void aComparisonSaysItsScenariosWereChanged() throws Exception {
        TestScenarios.write(home.resolve("scenarios/other.yaml"), "extends: mini\nname: other\nmodel: {maxHazard: 0.1}\n");
        Path out = home.resolve("c");
        CliFixture.Result r = CliFixture.exec("compare", "mini", "other", "--reps", "12", "--threads", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("note: every scenario was changed on the command line: --reps 12"), r.out());
        for (String chart : List.of("overlay.svg", "difference.svg", "states.svg", "drivers.svg")) {
            assertTrue(Files.readString(out.resolve(chart)).contains("All scenarios changed by --reps 12"), chart);
        }
        assertTrue(Files.readString(out.resolve("index.html")).contains("Every scenario changed on the command line"));
        // the run folders written on the way record the override too
        assertEquals(12, new ObjectMapper().readTree(home.resolve("results/mini/manifest.json").toFile()).get("overrides").get("reps").asInt());
    }

    @Test
    void longOverridesAreShortenedAtAWord() {
        Overrides o = new Overrides(null, List.of("model.weights.usRewards=1.5", "model.weights.peerInfluence=0.25",
                "shocks.gaza-war.end=2024-06", "states.overrides.SAU.publicOpposition=0.4"), 2000, 3L);
        String full = o.text();
        assertTrue(full.length() > 110);
        String s = o.shortText(60);
        assertTrue(s.endsWith(" …") && s.length() <= 62, s);
        assertTrue(full.startsWith(s.substring(0, s.length() - 2)), "a prefix of the full text");
        assertEquals(full, o.shortText(1000));
        assertTrue(Overrides.NONE.isEmpty());
        assertEquals(null, Overrides.NONE.chartNote());
    }
}
