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
import org.junit.jupiter.api.Test;

/** run and compare over a parameter ensemble, end to end on the mini scenario. */
class EnsembleRunTest extends CliTestBase {
    /** Three sets; mini.yaml sets model.joinThreshold itself, so the committed ensemble must leave it alone. */
    static final String ENSEMBLE = """
            command: "hand-written for a test"
            sets:
              - id: 1
                implausibility: 0.5
                values:
                  model.weights.usRewards: 0.5
                  model.weights.palestinianPressure: 1.0
                  model.joinThreshold: 3.0
              - id: 2
                implausibility: 1.5
                values:
                  model.weights.usRewards: 2.0
                  model.weights.palestinianPressure: 0.5
                  model.joinThreshold: 3.0
              - id: 3
                implausibility: 2.5
                values:
                  model.weights.usRewards: 4.0
                  model.weights.palestinianPressure: 2.0
                  model.joinThreshold: 3.0
            """;

    /**
     * The committed ensemble, and a scenario 'calib' that, like the presets, takes the varied keys
     * from scenarios/_calibrated.yaml (mini.yaml sets every key itself).
     */
    Path ensembleFile() {
        return ensembleFile(home);
    }

    static Path ensembleFile(Path home) {
        return committedEnsemble(home, ENSEMBLE);
    }

    /** Writes {@code ensemble} as the home's committed ensemble, a _calibrated.yaml and the scenario 'calib' that takes the varied keys from it. */
    static Path committedEnsemble(Path home, String ensemble) {
        Path f = home.resolve("scenarios/_ensemble.yaml");
        TestScenarios.write(f, ensemble);
        TestScenarios.write(home.resolve("scenarios/_calibrated.yaml"),
                "model:\n  joinThreshold: 1.0\n  weights:\n    usRewards: 1.0\n    palestinianPressure: 1.0\n");
        String mini = CliFixture.mini().set("name", "calib").yaml().lines()
                .filter(l -> !l.matches("\\s*(usRewards|palestinianPressure|joinThreshold):.*")).collect(java.util.stream.Collectors.joining("\n"));
        TestScenarios.write(home.resolve("scenarios/calib.yaml"), "extends: _calibrated.yaml\n" + mini + "\n");
        return f;
    }

    CliFixture.Result run(String... args) {
        CliFixture.Result r = CliFixture.exec(args);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    static JsonNode manifest(Path dir) throws Exception {
        return new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
    }

    @Test
    void defaultRunSpreadsReplicationsOverTheCommittedEnsembleAndKeepsWhatTheScenarioSets() throws Exception {
        ensembleFile();
        run("run", "calib", "--reps", "30", "--params", "point", "--out", home.resolve("point-before").toString(), "--quiet");
        CliFixture.Result r = run("run", "calib", "--reps", "30", "--out", home.resolve("ens").toString());
        assertTrue(r.out().contains("parameters: 3 sets of _ensemble.yaml"), r.out());
        JsonNode p = manifest(home.resolve("ens")).path("parameters");
        assertEquals("ensemble", p.path("mode").asText());
        assertEquals(3, p.path("sets").asInt());
        assertEquals("[]", p.path("held").toString(), "calib takes all three keys from _calibrated.yaml, which the ensemble stands in for");
        String sets = Files.readString(home.resolve("ens/parameter-sets.yaml"));
        assertTrue(sets.contains("model.weights.usRewards: 4") && sets.contains("joinThreshold: 3"), sets);
        // mini.yaml sets all three keys itself: it keeps them in every set
        run("run", "mini", "--reps", "30", "--out", home.resolve("mini-ens").toString(), "--quiet");
        assertEquals("[\"model.joinThreshold\",\"model.weights.palestinianPressure\",\"model.weights.usRewards\"]",
                manifest(home.resolve("mini-ens")).path("parameters").path("held").toString());
        run("run", "mini", "--reps", "30", "--params", "point", "--out", home.resolve("mini-point").toString(), "--quiet");
        assertEquals(Files.readString(home.resolve("mini-point/adoption.csv")), Files.readString(home.resolve("mini-ens/adoption.csv")),
                "every varied key held: the same run as the point");
        assertTrue(Files.readString(home.resolve("ens/index.html")).contains("parameter and random uncertainty together"));
        assertFalse(Files.readString(home.resolve("ens/adoption.csv")).equals(Files.readString(home.resolve("point-before/adoption.csv"))),
                "the sets change the answer");

        run("run", "calib", "--reps", "30", "--params", "point", "--out", home.resolve("point").toString(), "--quiet");
        assertEquals(Files.readString(home.resolve("point-before/adoption.csv")), Files.readString(home.resolve("point/adoption.csv")),
                "--params point is the run without an ensemble");
        assertEquals("point", manifest(home.resolve("point")).path("parameters").path("mode").asText());
        assertFalse(Files.exists(home.resolve("point/parameter-sets.yaml")));
    }

    @Test
    void sameFilesAtAnyThreadCountAndRerunFromTheFolder() throws Exception {
        ensembleFile();
        run("run", "calib", "--reps", "40", "--threads", "1", "--out", home.resolve("t1").toString(), "--quiet");
        run("run", "calib", "--reps", "40", "--threads", "3", "--out", home.resolve("t3").toString(), "--quiet");
        Path again = home.resolve("again");
        run("run", home.resolve("t1/scenario.resolved.yaml").toString(), "--params", home.resolve("t1/parameter-sets.yaml").toString(),
                "--threads", "2", "--out", again.toString(), "--quiet");
        for (String f : List.of("adoption.csv", "membership.csv", "states.csv", "events.csv", "aggregate.json")) {
            assertEquals(Files.readString(home.resolve("t1").resolve(f)), Files.readString(home.resolve("t3").resolve(f)), f + ": 1 vs 3 threads");
            assertEquals(Files.readString(home.resolve("t1").resolve(f)), Files.readString(again.resolve(f)), f + ": rerun from the folder");
        }
    }

    @Test
    void anEnsembleNamedByParamsAppliesOverTheScenarioAndSetWins() throws Exception {
        Path file = home.resolve("my-ensemble.yaml");
        TestScenarios.write(file, ENSEMBLE);
        run("run", "mini", "--reps", "30", "--params", file.toString(), "--set", "model.weights.usRewards=1", "--out", home.resolve("e").toString(), "--quiet");
        JsonNode p = manifest(home.resolve("e")).path("parameters");
        assertEquals("[\"model.weights.usRewards\"]", p.path("held").toString(), "only --set holds a key against a named ensemble");
        assertTrue(Files.readString(home.resolve("e/parameter-sets.yaml")).contains("model.joinThreshold: 3"));
    }

    @Test
    void compareLabelsEachDifferenceRobustOrFragile() throws Exception {
        ensembleFile();
        TestScenarios.write(home.resolve("scenarios/push.yaml"),
                "extends: calib\nname: push\nshocks:\n  - {id: push, start: 2020-03, effects: {usRewards: 3.0}}\n");
        TestScenarios.write(home.resolve("scenarios/same.yaml"), "extends: calib\nname: same\n");
        CliFixture.Result r = run("compare", "calib", "push", "same", "--reps", "60");
        assertTrue(r.out().contains("across the 3 parameter sets"), r.out());
        String push = r.out().lines().filter(l -> l.startsWith("push ") && (l.contains("robust") || l.contains("fragile"))).findFirst().orElseThrow();
        assertTrue(push.contains("100%") && push.endsWith("robust"), "a large reward push raises joins under every set: " + push);
        Path dir = home.resolve("results/compare-calib-push-same");
        List<String> csv = Files.readAllLines(dir.resolve("compare.csv"));
        assertTrue(csv.contains("push,sets,,conclusion,robust"), "conclusion in compare.csv");
        assertTrue(csv.contains("same,sets,,joined_diff_sign_share,1"), "no difference, and no set shows one");
        assertEquals(3, csv.stream().filter(l -> l.startsWith("push,set,")).count(), "one row per parameter set");
        assertTrue(Files.readString(dir.resolve("index.html")).contains("robust"));
        // a second comparison reuses the run folders made over the same ensemble
        CliFixture.Result again = run("compare", "calib", "push", "--reps", "60");
        assertTrue(again.err().contains("reusing"), again.err());
    }

    @Test
    void badParametersAreRefusedWithOneLine() {
        assertBad(CliFixture.exec("run", "mini", "--params", "ensemble"), "no committed ensemble");
        assertBad(CliFixture.exec("run", "mini", "--params", home.resolve("nope.yaml").toString()), "--params");
        Path bad = home.resolve("bad.yaml");
        TestScenarios.write(bad, "sets:\n  - id: 1\n    values:\n      model.weights.usRewardz: 1\n");
        CliFixture.Result r = CliFixture.exec("run", "mini", "--params", bad.toString());
        assertBad(r, "bad.yaml:4");
        assertTrue(r.err().contains("usRewardz"), r.err());
        TestScenarios.write(bad, "sets:\n  - id: 1\n    values:\n      model.weights.usRewards: 99\n");
        assertBad(CliFixture.exec("run", "mini", "--params", bad.toString()), "usRewards");
        TestScenarios.write(bad, "sets:\n  - id: 1\n    values:\n      model.joinThreshold: -5\n");
        assertBad(CliFixture.exec("run", "mini", "--params", bad.toString()), "must be below model.joinThreshold");
        assertFalse(Files.exists(home.resolve("results")), "nothing written");
    }

    static void assertBad(CliFixture.Result r, String fragment) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(fragment), r.err());
    }
}
