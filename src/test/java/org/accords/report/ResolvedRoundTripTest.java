package org.accords.report;

import static org.accords.TestScenarios.scenario;
import static org.accords.TestScenarios.state;
import static org.accords.TestScenarios.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.experiment.Ensemble;
import org.accords.scenario.Scenario;
import org.accords.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scenario.resolved.yaml loads back to the same resolved tree and reproduces the run byte for byte. */
class ResolvedRoundTripTest {
    @TempDir
    Path dir;

    private Scenario original() {
        scenario(state("AAA").blocs("X").attrs(0.7, 0.4, 0.8, 0.6, 0.9),
                state("BBB").blocs("X", "Y").attrs(0.3, 0.9, 0.2, 0.5, 0.4).prior(1994),
                state("CCC").blocs("Y").attrs(0.6, 0.6, 0.6, 0.3, 0.2).condition("statehoodPath", "2019-06"),
                state("DDD").blocs("Z").attrs(0.1, 0.2, 0.9, 0.9, 0.7))
                .set("name", "parent").set("run.end", "2021-06").set("run.replications", 40)
                .set("model.joinThreshold", 0.2).set("model.exitThreshold", -0.6).set("model.maxHazard", 0.4)
                .set("us.offerRate", 0.6).set("us.capacity", 2).set("world.usEngagement", 0.8)
                .shock("{id: war, label: 'War: the \"big\" one # not a comment', start: 2020-06, duration: 6, ramp: 2, decay: 3, target: all,"
                        + " effects: {world.gazaConflict: 0.8, palestinianPressure: 0.3}}")
                .shock("{id: deal, start: 2020-09, target: 'bloc:Y', effects: {world.statehoodPath: 0.5, usRewards: 0.4}}")
                .shock("{id: old, start: 2020-02, effects: {iranThreat: 1}}")
                .extra("observed:\n  - {state: AAA, kind: join, month: 2020-08, note: 'announced: \"yes\"'}\n"
                        + "  - {state: BBB, kind: join, month: 2020-09}\n"
                        + "  - {state: BBB, kind: freeze, month: 2020-11}\n")
                .write(dir.resolve("presets"), "parent.yaml");
        Path child = dir.resolve("work/child.yaml");
        write(child, String.join("\n",
                "extends: ../presets/parent.yaml",
                "name: child",
                "title: \"Child: a 'quoted' title\"",
                "description: |",
                "  Two lines of text,",
                "  with: colons, # hashes and \"quotes\".",
                "states:",
                "  exclude: [DDD]",
                "  overrides: {AAA: {publicOpposition: 0.55}}",
                "shocks:",
                "  - {id: old, enabled: false}",
                "  - {id: lone, start: 2021-01, end: 2021-03, target: CCC, effects: {world.israelThreat: 0.3}}",
                ""));
        return new ScenarioLoader(dir.resolve("presets")).load(child.toString(), List.of("model.weights.peerInfluence=1.7"));
    }

    @Test
    void resolvedScenarioRoundTrips() throws Exception {
        Scenario sc = original();
        Path a = dir.resolve("a");
        Files.createDirectories(a);
        RunReport.writeResolvedScenario(sc, a);
        Scenario again = new ScenarioLoader(dir.resolve("presets")).load(a.resolve("scenario.resolved.yaml").toString());
        assertEquals(sc.resolved(), again.resolved());
        assertEquals(sc.name(), again.name());
        assertEquals(sc.title(), again.title());
        assertEquals(sc.description(), again.description());
        assertEquals(sc.states(), again.states());
        assertEquals(sc.shocks(), again.shocks());
        assertEquals(sc.observed(), again.observed());
        assertEquals(sc.model(), again.model());
        assertEquals(sc.us(), again.us());
        assertEquals(sc.run(), again.run());
        assertArrayEquals(sc.world(), again.world());

        // and once more: writing the reloaded scenario gives the same file
        Path b = dir.resolve("b");
        Files.createDirectories(b);
        RunReport.writeResolvedScenario(again, b);
        assertEquals(Files.readString(a.resolve("scenario.resolved.yaml")), Files.readString(b.resolve("scenario.resolved.yaml")));
    }

    @Test
    void theReloadedScenarioProducesIdenticalOutputFiles() throws Exception {
        Scenario sc = original();
        Path a = dir.resolve("a");
        Files.createDirectories(a);
        RunReport.write(new Ensemble(sc).run(40, 11, 2, i -> { }, new AtomicBoolean()), a, "test");
        Scenario again = new ScenarioLoader(dir.resolve("presets")).load(a.resolve("scenario.resolved.yaml").toString());
        Path b = dir.resolve("b");
        Files.createDirectories(b);
        RunReport.write(new Ensemble(again).run(40, 11, 3, i -> { }, new AtomicBoolean()), b, "test");
        for (String f : List.of("adoption.csv", "membership.csv", "states.csv", "events.csv", "trace.csv", "scenario.resolved.yaml",
                "roster.yaml", "adoption.png", "adoption.svg", "states.png", "states.svg", "drivers.png", "drivers.svg")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }
}
