package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.accords.TestScenarios;
import org.junit.jupiter.api.Test;

/** A scenario adds a state (and an event for it) by file, under the roster's sourcing rules, without copying the roster. */
class StatesByFileTest extends CliTestBase {

    static final String NEW_STATE = """
            states:
              add:
                - id: EEE
                  name: Newland
                  blocs: {value: [X], source: "https://example.org/blocs", rule: membership}
                  priorRelations: {value: none, assumption: no relations before}
                  iranExposure: {value: 0.4, source: "https://example.org/iran", rule: test rule}
                  publicOpposition: {value: 0.5, assumption: regional average}
                  regimeInsulation: {value: 0.6, assumption: test}
                  diversificationNeed: {value: 0.7, assumption: test}
                  usAlignment: {value: 0.8, assumption: test}
            """;

    @Test
    void anAddedStateRunsWithItsOwnEventAndTheResolvedFileReproducesIt() throws Exception {
        Path f = home.resolve("scenarios/newland.yaml");
        TestScenarios.write(f, "extends: mini\nname: newland\n" + NEW_STATE
                + "shocks:\n  - {id: recognition, label: Recognition of Newland, start: 2020-04, target: [EEE], effects: {usRewards: 3.0}}\n");
        CliFixture.Result v = CliFixture.exec("validate", f.toString());
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().contains("5 states"), v.out());
        Path out = home.resolve("n");
        assertEquals(0, CliFixture.exec("run", f.toString(), "--reps", "40", "--threads", "2", "--quiet", "--out", out.toString()).code());
        List<String> states = Files.readAllLines(out.resolve("states.csv"));
        assertTrue(states.stream().anyMatch(l -> l.startsWith("EEE,Newland,")), states.toString());
        double pEver = Double.parseDouble(states.stream().filter(l -> l.startsWith("EEE,")).findFirst().orElseThrow().split(",")[3]);
        assertTrue(pEver > 0.5, "a large reward brings it in: " + pEver);
        Path again = home.resolve("again");
        CliFixture.Result rerun = CliFixture.exec("run", out.resolve("scenario.resolved.yaml").toString(), "--threads", "1", "--quiet", "--out", again.toString());
        assertEquals(0, rerun.code(), rerun.err());
        for (String file : List.of("adoption.csv", "states.csv", "runs.csv")) {
            assertArrayEquals(Files.readAllBytes(out.resolve(file)), Files.readAllBytes(again.resolve(file)), file);
        }
    }

    @Test
    void anAddedStateFollowsTheRostersRules() {
        Path f = home.resolve("scenarios/bad.yaml");
        TestScenarios.write(f, "extends: mini\nname: bad\n" + NEW_STATE.replace("usAlignment: {value: 0.8, assumption: test}", "usAlignment: {value: 0.8}"));
        SafetyTest.bad(CliFixture.exec("validate", f.toString()), "bad.yaml:", "usAlignment", "source and a rule, or an assumption");
        TestScenarios.write(f, "extends: mini\nname: bad\n" + NEW_STATE.replace("id: EEE", "id: AAA"));
        SafetyTest.bad(CliFixture.exec("validate", f.toString()), "states.add.AAA", "already in the roster", "states.overrides");
        TestScenarios.write(f, "extends: mini\nname: bad\n" + NEW_STATE.replace("iranExposure: {value: 0.4", "iranExposure: {value: 1.4"));
        SafetyTest.bad(CliFixture.exec("validate", f.toString()), "iranExposure", "between 0 and 1");
    }

    @Test
    void theUnknownStateErrorSaysHowToAddOne() {
        Path f = home.resolve("scenarios/typo.yaml");
        TestScenarios.write(f, "extends: mini\nname: typo\nshocks:\n  - {id: s, start: 2020-03, target: [SOM], effects: {usRewards: 1}}\n");
        SafetyTest.bad(CliFixture.exec("validate", f.toString()), "unknown state id 'SOM'", "states: {add: [...]}");
    }

    @Test
    void aComparisonAcrossRostersShowsTheUnionAndDiffersOverTheCommonStates() throws Exception {
        TestScenarios.write(home.resolve("scenarios/newland.yaml"), "extends: mini\nname: newland\n" + NEW_STATE
                + "shocks:\n  - {id: recognition, start: 2020-04, target: [EEE, AAA], effects: {usRewards: 3.0}}\n");
        Path out = home.resolve("cmp");
        CliFixture.Result r = CliFixture.exec("compare", "mini", "newland", "--reps", "40", "--threads", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("different rosters: EEE not in every scenario"), r.err());
        assertTrue(r.out().contains("(common states)"), r.out());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("<td>EEE</td><td class=\"l\">Newland</td><td>not simulated</td>"), html);
        List<String> csv = Files.readAllLines(out.resolve("compare.csv"));
        assertTrue(csv.contains("mini,state,EEE,not_simulated,1"), "compare.csv marks it");
        // the difference is over AAA..DDD only: the sum of their per-state differences
        double sum = 0;
        for (String id : List.of("AAA", "BBB", "CCC", "DDD")) sum += value(csv, "newland", id) - value(csv, "mini", id);
        double diff = csv.stream().filter(l -> l.startsWith("newland,summary,,joined_diff_end,")).mapToDouble(l -> Double.parseDouble(l.split(",")[4])).findFirst().orElseThrow();
        assertEquals(sum, diff, 1e-5);
    }

    @Test
    void theReadmesWorkedExampleValidates() {
        // README: "Worked example: a new state and an event by file"
        var loader = new org.accords.scenario.ScenarioLoader(Path.of("scenarios"));
        var sc = loader.load(Path.of("scenarios/examples/somaliland.yaml").toString());
        var outlook = loader.load("outlook");
        assertEquals(outlook.states().size() + 1, sc.states().size());
        assertEquals("Somaliland", sc.states().get(sc.indexOf("SML")).name());
        var shock = sc.shocks().stream().filter(x -> x.id().equals("israel-recognises-somaliland")).findFirst().orElseThrow();
        assertEquals(List.of("SML"), shock.targetStates());
        assertEquals("economicDiversification", shock.effects().get(0).key());
        assertEquals(outlook.run().end(), sc.run().end());
    }

    private static double value(List<String> csv, String scenario, String state) {
        return csv.stream().filter(l -> l.startsWith(scenario + ",state," + state + ",p_joined_by_end,"))
                .mapToDouble(l -> Double.parseDouble(l.split(",")[4])).findFirst().orElseThrow();
    }
}
