package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** --window and --states of run and compare, end to end: charts, manifest, and every refused value. */
class ChartOptionsTest extends CliTestBase {
    @Override
    Path writeHome(Path root) {
        return CompareCommandTest.compareHome(root);
    }

    @Test
    void runDrawsTheWindowAndRecordsIt() throws Exception {
        Path out = home.resolve("w");
        CliFixture.Result r = CliFixture.exec("run", "quiet", "--reps", "20", "--quiet", "--window", "2020-07..2021-03", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode w = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).path("window");
        assertEquals("2020-07", w.path("from").asText());
        assertEquals("2021-03", w.path("to").asText());
        assertFalse(w.path("wholeRun").asBoolean());
        assertEquals(1 + 18, Files.readAllLines(out.resolve("adoption.csv")).size(), "the CSV files keep the whole run");
        String svg = Files.readString(out.resolve("adoption.svg"));
        String shown = "Months shown: 2020-07 to 2021-03 of the run&apos;s 2020-01 to 2021-06 (--window)";
        assertTrue(svg.contains(shown), "a line under the subtitle says which months");
        assertTrue(Files.readString(out.resolve("trajectories.svg")).contains(shown));

        Path whole = home.resolve("whole");
        assertEquals(0, CliFixture.exec("run", "quiet", "--reps", "20", "--quiet", "--out", whole.toString()).code());
        JsonNode ww = new ObjectMapper().readTree(whole.resolve("manifest.json").toFile()).path("window");
        assertEquals("2020-01", ww.path("from").asText());
        assertEquals("2021-06", ww.path("to").asText());
        assertTrue(ww.path("wholeRun").asBoolean());
        // the War shock (2020-06 to 2021-02 with its decay) shows in both, the mini's 'deal' shock (from 2020-09) too
        assertTrue(svg.contains(">War<") || svg.contains(" War<"), "War overlaps the window");
    }

    @Test
    void aShockOutsideTheWindowIsNotDrawn() throws Exception {
        Path out = home.resolve("late");
        assertEquals(0, CliFixture.exec("run", "quiet", "--reps", "10", "--quiet", "--window", "2021-04..", "--out", out.toString()).code());
        String svg = Files.readString(out.resolve("adoption.svg"));
        assertFalse(svg.contains(" War"), "War ends (with decay) in 2021-02, before the window");
    }

    @Test
    void everyBadWindowIsExitTwoWithOneLineAndNoFolder() {
        Path out = home.resolve("never");
        SafetyTest.bad(CliFixture.exec("run", "quiet", "--window", "2020-13..2021-01", "--out", out.toString()), "--window", "'2020-13' is not a month YYYY-MM");
        SafetyTest.bad(CliFixture.exec("run", "quiet", "--window", "2020-03", "--out", out.toString()), "--window", "expected FROM..TO");
        SafetyTest.bad(CliFixture.exec("run", "quiet", "--window", "2021-03..2020-03", "--out", out.toString()), "--window", "starts 2021-03 after it ends 2020-03");
        SafetyTest.bad(CliFixture.exec("run", "quiet", "--window", "2019-01..2020-12", "--out", out.toString()), "--window",
                "2019-01..2020-12 is not within the run of scenario 'quiet', 2020-01..2021-06");
        SafetyTest.bad(CliFixture.exec("run", "quiet", "--window", "2021-01..", "--shard", "0/2", "--out", out.toString(), "--set", "run.end=2020-12"),
                "--window", "is not within");
        // compare checks against the compared months: longer runs to 2021-12 but is cut to the common 2021-06
        SafetyTest.bad(CliFixture.exec("compare", "quiet", "longer", "--window", "2021-01..2021-09", "--out", out.toString()), "--window",
                "is not within the compared months, 2020-01..2021-06");
        SafetyTest.bad(CliFixture.exec("compare", "quiet", "push", "--window", "x..y", "--out", out.toString()), "--window");
        SafetyTest.bad(CliFixture.exec("compare", "quiet", "push", "--states", "AAA,ZZZ", "--out", out.toString()), "--states", "unknown state id 'ZZZ'");
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void compareDrawsTheWindowPerStateTrajectoriesAndRecordsTheChoices() throws Exception {
        Path out = home.resolve("cmp");
        CliFixture.Result r = CliFixture.exec("compare", "quiet", "push", "--reps", "30", "--quiet", "--window", "2020-03..2021-06",
                "--states", "DDD,AAA", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("compare", m.path("command").asText());
        assertEquals("2020-03", m.path("window").path("from").asText());
        assertEquals("[\"DDD\",\"AAA\"]", m.path("trajectoryStates").toString());
        String traj = Files.readString(out.resolve("trajectories.svg"));
        assertTrue(traj.contains("State DDD (DDD)") && traj.contains("State AAA (AAA)"), "a panel per chosen state, named");
        assertFalse(traj.contains("State BBB (BBB)"));
        assertTrue(traj.contains(">quiet<") && traj.contains(">push<"), "the legend names each scenario");
        for (String chart : java.util.List.of("overlay.svg", "difference.svg", "trajectories.svg")) {
            assertTrue(Files.readString(out.resolve(chart)).contains("Months shown: 2020-03 to 2021-06 of the run&apos;s 2020-01 to 2021-06"), chart);
        }
        String page = Files.readString(out.resolve("index.html"));
        assertTrue(page.contains("alt=\"P(joined by) and P(active member) over time per scenario"), "the page shows the trajectories");

        // by default the movers: the states whose P(joined by) differs most between the scenarios
        Path movers = home.resolve("movers");
        assertEquals(0, CliFixture.exec("compare", "quiet", "push", "--reps", "30", "--quiet", "--out", movers.toString()).code());
        String t2 = Files.readString(movers.resolve("trajectories.svg"));
        assertTrue(t2.contains("the movers (P(joined by) differs most between the scenarios"));
        assertFalse(t2.contains("Months shown"), "the whole run by default");
        assertTrue(t2.contains(" (AAA)") || t2.contains(" (BBB)") || t2.contains(" (CCC)") || t2.contains(" (DDD)"), "some state moves");
    }

    @Test
    void shardsCarryTheWindowToTheMergedFolderAndSlurmTasksGetIt() throws Exception {
        Path whole = home.resolve("whole"), merged = home.resolve("merged");
        String[] common = {"--reps", "10", "--quiet", "--window", "2020-07..2021-03", "--states", "AAA,DDD"};
        assertEquals(0, CliFixture.exec(cat(new String[] {"run", "quiet", "--out", whole.toString()}, common)).code());
        for (int k = 0; k < 2; k++) {
            CliFixture.Result r = CliFixture.exec(cat(new String[] {"run", "quiet", "--shard", k + "/2", "--out", home.resolve("s" + k).toString()}, common));
            assertEquals(0, r.code(), r.err());
        }
        CliFixture.Result m = CliFixture.exec("merge", home.resolve("s0").toString(), home.resolve("s1").toString(), "--out", merged.toString(), "--quiet");
        assertEquals(0, m.code(), m.err());
        JsonNode w = new ObjectMapper().readTree(merged.resolve("manifest.json").toFile());
        assertEquals("2020-07", w.path("window").path("from").asText());
        assertEquals("[\"AAA\",\"DDD\"]", w.path("trajectoryStates").toString());
        for (String chart : java.util.List.of("adoption.svg", "trajectories.svg")) {
            assertEquals(Files.readString(whole.resolve(chart)), Files.readString(merged.resolve(chart)), chart + " as the unsharded run draws it");
        }
        Path job = SlurmCommandTest.fakeJar(home, home); // in-process there is no jar to send
        CliFixture.Result s = CliFixture.exec("slurm", "run", "quiet", "--window", "2020-07..", "--states", "AAA", "--shards", "2", "--job-dir", job.toString());
        assertEquals(0, s.code(), s.err());
        String script = Files.readString(job.resolve("job.sbatch"));
        assertTrue(script.contains("--window 2020-07..") && script.contains("--states AAA"), script);
        SafetyTest.bad(CliFixture.exec("slurm", "run", "quiet", "--window", "2030-01..", "--shards", "2", "--job-dir", home.resolve("job2").toString()),
                "--window", "is not within");
    }

    private static String[] cat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
