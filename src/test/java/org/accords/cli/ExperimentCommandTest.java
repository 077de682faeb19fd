package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** `accords experiment` end to end on the mini scenario. */
class ExperimentCommandTest extends CliTestBase {
    static final String EXPERIMENT = """
            name: sweep
            title: Sweep
            scenario: mini
            replications: 12
            design: {type: factorial, size: 3}
            factors:
              weight: {key: model.weights.usRewards, range: [0.5, 2.5]}
              blocY: {key: states.overrides.bloc:Y.publicOpposition, levels: [0.2, 0.8]}
            outcomes:
              aaa: {measure: joinedBy, state: AAA}
              joined: {measure: meanJoined, month: 2021-03}
              frozen: {measure: meanFrozen}
              median: {measure: joinMonth, state: AAA, quantile: 0.5}
              fit: {measure: historyFit}
            """;

    /** Two outcomes only: fewer charts to draw in the tests that run the experiment several times. */
    static final String SMALL = EXPERIMENT.replace("""
              frozen: {measure: meanFrozen}
              median: {measure: joinMonth, state: AAA, quantile: 0.5}
              fit: {measure: historyFit}
            """, "");

    Path write(String name, String text) throws IOException {
        Path f = root.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void writesDesignTidyOutcomesChartsAndPage() throws IOException {
        Path f = write("sweep.yaml", EXPERIMENT);
        CliFixture.Result r = CliFixture.exec("experiment", f.toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        Path dir = home.resolve("results/sweep");
        List<String> design = Files.readAllLines(dir.resolve("design.csv"));
        assertEquals("point,weight,blocY", design.get(0));
        assertEquals(7, design.size(), "3 x 2 points");
        assertEquals("0,0.5,0.2", design.get(1));
        assertEquals("5,2.5,0.8", design.get(6));
        List<String> outcomes = Files.readAllLines(dir.resolve("outcomes.csv"));
        assertEquals("point,outcome,value,mc_se", outcomes.get(0));
        assertEquals(1 + 6 * 5, outcomes.size());
        assertTrue(outcomes.get(1).startsWith("0,aaa,"));
        for (String c : List.of("outcome-aaa.png", "outcome-fit.svg", "index.html", "manifest.json")) assertTrue(Files.exists(dir.resolve(c)), c);
        assertTrue(Files.readString(dir.resolve("manifest.json")).contains("\"complete\" : true"));
        assertTrue(r.out().contains("results: " + dir), r.out());
    }

    /** A point with the base scenario's values and the run command give the same numbers: same seeds. */
    @Test
    void replicationKOfEveryPointHasTheRunsSeeds() throws IOException {
        Path f = write("one.yaml", """
                scenario: mini
                replications: 30
                design: {type: factorial}
                factors:
                  w: {key: model.weights.usRewards, levels: [1.2, 3]}
                outcomes:
                  aaa: {measure: joinedBy, state: AAA}
                """);
        assertEquals(0, CliFixture.exec("experiment", f.toString(), "--quiet").code());
        assertEquals(0, CliFixture.exec("run", "mini", "--set", "model.weights.usRewards=1.2", "--quiet").code());
        String states = Files.readString(home.resolve("results/mini/states.csv"));
        String aaa = states.lines().filter(l -> l.startsWith("AAA,")).findFirst().orElseThrow();
        List<String> header = List.of(states.lines().findFirst().orElseThrow().split(","));
        String everJoined = aaa.split(",")[header.indexOf("p_ever_joined")];
        String point0 = Files.readAllLines(home.resolve("results/one/outcomes.csv")).get(1);
        assertEquals("0,aaa," + everJoined, point0.substring(0, point0.lastIndexOf(',')));
    }

    @Test
    void threadsAreCappedWithANoteAsForRuns() throws IOException {
        Path f = write("sweep.yaml", SMALL);
        CliFixture.Result r = CliFixture.exec("experiment", f.toString(), "--threads", "100000", "--quiet", "--out", root.resolve("c").toString());
        assertEquals(0, r.code(), r.err());
        int cap = EnsembleOptions.THREADS_PER_CORE * Runtime.getRuntime().availableProcessors();
        assertTrue(r.err().contains("--threads 100000 capped at " + cap), r.err());
        assertEquals(2, CliFixture.exec("experiment", f.toString(), "--threads", "0", "--quiet", "--out", root.resolve("d").toString()).code());
    }

    @Test
    void resumeAfterAnInterruptionAndAnyThreadCountGiveTheSameBytes() throws IOException {
        Path f = write("sweep.yaml", SMALL);
        assertEquals(0, CliFixture.exec("experiment", f.toString(), "--threads", "2", "--quiet", "--out", root.resolve("a").toString()).code());
        assertEquals(0, CliFixture.exec("experiment", f.toString(), "--threads", "1", "--quiet", "--out", root.resolve("b").toString()).code());
        // interrupt b: keep two points and half a line of the third, as a kill would leave it
        Path outcomes = root.resolve("b/outcomes.csv");
        List<String> lines = Files.readAllLines(outcomes);
        Files.writeString(outcomes, String.join("\n", lines.subList(0, 1 + 2 * 2 + 1)) + "\n" + lines.get(6).substring(0, 4));
        Files.writeString(root.resolve("b/manifest.json"), Files.readString(root.resolve("b/manifest.json")).replace("\"complete\" : true", "\"complete\" : false"));
        Files.delete(root.resolve("b/index.html"));
        CliFixture.Result r = CliFixture.exec("experiment", f.toString(), "--threads", "1", "--resume", "--out", root.resolve("b").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("6 points (4 run now)"), r.out());
        for (String name : List.of("design.csv", "outcomes.csv", "manifest.json", "index.html", "outcome-aaa.png", "heatmap-joined.svg")) {
            assertArrayEquals(Files.readAllBytes(root.resolve("a").resolve(name)), Files.readAllBytes(root.resolve("b").resolve(name)), name);
        }
    }

    @Test
    void anExistingFolderIsKeptWithoutResumeOrForce() throws IOException {
        Path f = write("sweep.yaml", SMALL);
        Path mine = home.resolve("results/sweep");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("notes.txt"), "mine");
        CliFixture.Result r = CliFixture.exec("experiment", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("already exists"), r.err());
        r = CliFixture.exec("experiment", f.toString(), "--force");
        assertEquals(2, r.code(), "not an experiment folder: not replaced");
        assertEquals("mine", Files.readString(mine.resolve("notes.txt")));
        r = CliFixture.exec("experiment", f.toString(), "--resume", "--out", root.resolve("other").toString());
        assertEquals(0, r.code(), "resume of a folder that does not exist starts it");
        write("other.yaml", SMALL.replace("replications: 12", "replications: 13"));
        r = CliFixture.exec("experiment", root.resolve("other.yaml").toString(), "--resume", "--out", root.resolve("other").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("holds another experiment"), r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'  weight: {key: model.weights.usRewards, range: [0.5, 2.5]}'|'  weight: {key: model.weights.usRewardz, range: [0.5, 2.5]}'|bad.yaml:7: factors.weight|usRewards",
            "'  weight: {key: model.weights.usRewards, range: [0.5, 2.5]}'|'  weight: {key: model.weights.usRewards, range: [0.5, 25]}'|bad.yaml:7: factors.weight|between 0 and 20",
            "'  weight: {key: model.weights.usRewards, range: [0.5, 2.5]}'|'  weight: {key: model.weights.usRewards, range: [2.5, 0.5]}'|bad.yaml:7: factors.weight.range|below the high end",
            "'  weight: {key: model.weights.usRewards, range: [0.5, 2.5]}'|'  weight: {key: model.weights.usRewards, levels: [1, 1]}'|bad.yaml:7: factors.weight.levels|twice",
            "'  weight: {key: model.weights.usRewards, range: [0.5, 2.5]}'|'  weight: {key: model.weights.usRewards, distribution: {type: gamma}}'|bad.yaml:7: factors.weight.distribution.type|uniform, normal or triangular",
            "'bloc:Y'|'bloc:Q'|bad.yaml:8: factors.blocY.key|no state of the scenario is in bloc 'Q'",
            "'state: AAA}'|'state: ZZZ}'|bad.yaml:10: outcomes.aaa.state|not in the scenario",
            "'month: 2021-03'|'month: 2023-03'|bad.yaml:11: outcomes.joined.month|outside the run",
            "'measure: meanFrozen'|'measure: meanFrozn'|bad.yaml:12: outcomes.frozen.measure|did you mean 'meanFrozen'",
            "'type: factorial, size: 3'|'type: latin, size: 3'|bad.yaml:5: design.type|factorial, lhs",
            "'type: factorial, size: 3'|'type: morris, size: 3, levels: 3'|bad.yaml:5: design.levels|even",
            "'replications: 12'|'replicates: 12'|bad.yaml:4: replicates|unknown key",
            "'scenario: mini'|'scenario: mimi'|bad.yaml:3: scenario|did you mean 'mini'",
    })
    void badExperimentFilesNameFileLineAndKey(String from, String to, String where, String what) throws IOException {
        assertTrue(EXPERIMENT.contains(from), from);
        Path f = write("bad.yaml", EXPERIMENT.replace(from, to));
        CliFixture.Result r = CliFixture.exec("experiment", f.toString());
        assertEquals(2, r.code(), r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(where), err);
        assertTrue(err.contains(what), err);
        assertFalse(Files.exists(home.resolve("results")), "nothing written");
    }

    @Test
    void aCombinationTheScenarioRefusesIsFoundBeforeAnyPointRuns() throws IOException {
        Path f = write("clash.yaml", """
                scenario: mini
                design: {type: factorial, size: 2}
                factors:
                  join: {key: model.joinThreshold, range: [0.1, 1]}
                  exit: {key: model.exitThreshold, range: [-0.7, 0.15]}
                outcomes:
                  j: {measure: meanJoined}
                """);
        CliFixture.Result r = CliFixture.exec("experiment", f.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("clash.yaml:5") && r.err().contains("must be below model.joinThreshold"), r.err());
        assertFalse(Files.exists(home.resolve("results")));
    }

}
