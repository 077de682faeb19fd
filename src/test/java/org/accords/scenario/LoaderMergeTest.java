package org.accords.scenario;

import static org.accords.TestScenarios.threeStates;
import static org.accords.TestScenarios.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** extends (preset name, relative path), key-by-key merging, shock lists, --set overrides. */
class LoaderMergeTest {
    @TempDir
    Path dir;

    ScenarioLoader loader;

    /** The preset folder holds base.yaml (shocks a and b) and the roster. */
    @BeforeEach
    void presets() {
        threeStates()
                .set("name", "base").set("run.end", "2021-12")
                .set("model.weights.iranThreat", 1.5).set("model.weights.usRewards", 0.8)
                .shock("{id: a, start: 2020-02, end: 2020-04, effects: {iranThreat: 0.5}}")
                .shock("{id: b, start: 2020-06, end: 2020-08, target: 'bloc:X', effects: {world.gazaConflict: 0.4}}")
                .extra("observed:\n  - {state: AAA, kind: join, month: 2020-09}\n")
                .write(dir, "base.yaml");
        loader = new ScenarioLoader(dir);
    }

    private Path child(String relative, String text) {
        Path f = dir.resolve(relative);
        write(f, text);
        return f;
    }

    private Scenario load(Path f, String... sets) {
        return loader.load(f.toString(), List.of(sets));
    }

    private static Shock shock(Scenario sc, String id) {
        return sc.shocks().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void extendsAPresetByNameAndMergesMapsKeyByKey() {
        Path f = child("mine/child.yaml", "extends: base\nname: child\nrun: {end: 2022-06}\nmodel: {weights: {iranThreat: 3.0}}\n");
        Scenario sc = load(f);
        assertEquals("child", sc.name());
        assertEquals(YearMonth.parse("2020-01"), sc.run().start());
        assertEquals(YearMonth.parse("2022-06"), sc.run().end());
        assertEquals(20, sc.run().replications());
        assertEquals(3.0, sc.model().weights().iranThreat());
        assertEquals(0.8, sc.model().weights().usRewards());
        assertEquals(1.0, sc.model().weights().peerInfluence());
        assertEquals(List.of("a", "b"), sc.shocks().stream().map(Shock::id).toList());
        assertEquals(3, sc.states().size());
        assertEquals(dir.resolve("roster.yaml").toAbsolutePath().normalize(), sc.rosterFile());
    }

    @Test
    void extendsByRelativePath() {
        Path f = child("deep/er/child.yaml", "extends: ../../base.yaml\nname: rel\n");
        Scenario sc = load(f);
        assertEquals("rel", sc.name());
        assertEquals(YearMonth.parse("2021-12"), sc.run().end());
        Path g = child("deep/er/grandchild.yaml", "extends: child\nmodel: {maxHazard: 0.9}\n");
        Scenario gc = load(g);
        assertEquals(0.9, gc.model().maxHazard());
        assertEquals("grandchild", gc.name(), "a file without name: is named after itself, not the file it extends (REFERENCE.md)");
        assertEquals(1.5, gc.model().weights().iranThreat());
    }

    @Test
    void shocksAppendSameIdReplacesAndDisabledRemoves() {
        Path f = child("child.yaml", String.join("\n",
                "extends: base",
                "shocks:",
                "  - {id: a, enabled: false}",
                "  - {id: b, start: 2020-10, end: 2020-11, target: [CCC], effects: {iranThreat: -0.3}}",
                "  - {id: c, start: 2021-01, duration: 3, ramp: 1, decay: 2, effects: {usRewards: 0.2}}",
                ""));
        Scenario sc = load(f);
        assertEquals(List.of("b", "c"), sc.shocks().stream().map(Shock::id).toList());
        Shock b = shock(sc, "b");
        assertEquals(YearMonth.parse("2020-10"), b.start());
        assertEquals(List.of("CCC"), b.targetStates());
        assertEquals(1, b.effects().size());
        assertEquals(Driver.IRAN_THREAT, b.effects().get(0).driver());
        assertEquals(-0.3, b.effects().get(0).amount());
        Shock c = shock(sc, "c");
        assertEquals(YearMonth.parse("2021-03"), c.end());
        assertEquals(1, c.ramp());
        assertEquals(2, c.decay());
        assertEquals(List.of("AAA", "BBB", "CCC"), c.targetStates());
        assertTrue(c.targetsAll());
    }

    @Test
    void otherListsAreReplaced() {
        Path f = child("child.yaml", "extends: base\nobserved:\n  - {state: BBB, kind: join, month: 2021-01}\nstates: {include: [AAA, BBB]}\n");
        Scenario sc = load(f);
        assertEquals(1, sc.observed().size());
        assertEquals("BBB", sc.observed().get(0).state());
        assertEquals(Observation.Kind.JOIN, sc.observed().get(0).kind());
        assertEquals(List.of("AAA", "BBB"), sc.states().stream().map(StateSpec::id).toList());
    }

    @Test
    void setOverridesAScalarAShockFieldAndListValues() {
        Path f = child("child.yaml", "extends: base\n");
        Scenario sc = load(f, "model.weights.iranThreat=2.5", "shocks.b.start=2020-05", "shocks.b.target=[AAA, CCC]",
                "states.exclude=[BBB]", "run.seed=99", "title=A new title");
        assertEquals(2.5, sc.model().weights().iranThreat());
        assertEquals(YearMonth.parse("2020-05"), shock(sc, "b").start());
        assertEquals(List.of("AAA", "CCC"), shock(sc, "b").targetStates());
        assertEquals(List.of("AAA", "CCC"), sc.states().stream().map(StateSpec::id).toList());
        assertEquals(99L, sc.run().seed());
        assertEquals("A new title", sc.title());
        // the last --set wins
        assertEquals(0.7, load(f, "model.maxHazard=0.2", "model.maxHazard=0.7").model().maxHazard());
    }

    @Test
    void setWithAnEmptyValueIsAccepted() {
        Path f = child("child.yaml", "extends: base\n");
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> load(f, "description="));
    }

    @Test
    void setReachesAnInheritedShockAndCanDisableIt() {
        Path f = child("child.yaml", "extends: base\n");
        Scenario sc = load(f, "shocks.a.enabled=false");
        assertEquals(List.of("b"), sc.shocks().stream().map(Shock::id).toList());
        BadInputException e = assertThrows(BadInputException.class, () -> load(f, "shocks.zzz.start=2020-05"));
        assertTrue(e.getMessage().contains("zzz"), e.getMessage());
    }

    @Test
    void overridesChangeStateAttributes() {
        Path f = child("child.yaml", "extends: base\nstates: {overrides: {BBB: {usAlignment: 0.9, iranExposure: 0.1}}}\n");
        Scenario sc = load(f);
        StateSpec b = sc.states().get(sc.indexOf("BBB"));
        assertEquals(0.9, b.usAlignment());
        assertEquals(0.1, b.iranExposure());
        assertEquals(0.5, b.publicOpposition());
    }

    @Test
    void nameDefaultsToTheFileName() {
        Path f = child("my-case.yaml", "extends: base\nname: null\n");
        assertEquals("my-case", load(f).name());
    }

    @SuppressWarnings("unchecked")
    @Test
    void resolvedTreeHasEveryDefaultAndTheMergedShocks() {
        Path f = child("child.yaml", "extends: base\nmodel: {weights: {iranThreat: 3.0}}\n");
        Map<String, Object> r = load(f).resolved();
        Map<String, Object> model = (Map<String, Object>) r.get("model");
        assertEquals(3.0, ((Map<String, Object>) model.get("weights")).get("iranThreat"));
        for (Parameter p : Parameter.ALL) {
            if (p.path().equals("states.roster")) continue;
            Object node = r;
            for (String k : p.path().split("\\.")) node = ((Map<String, Object>) node).get(k);
            assertTrue(node != null, "resolved tree lacks " + p.path());
        }
        List<Map<String, Object>> shocks = (List<Map<String, Object>>) r.get("shocks");
        assertEquals("a", shocks.get(0).get("id"));
        assertEquals("2020-04", shocks.get(0).get("end"));
        assertEquals("bloc:X", shocks.get(1).get("target"));
    }

    @Test
    void presetNamesListScenarioFilesButNotTheRoster() {
        child("other.yaml", "extends: base\n");
        child("_partial.yaml", "extends: base\n");
        assertEquals(List.of("base", "other"), loader.presetNames());
        assertEquals("base", loader.load("base").name());
    }
}
