package org.accords.scenario;

import static org.accords.TestScenarios.state;
import static org.accords.TestScenarios.threeStates;
import static org.accords.TestScenarios.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.accords.TestScenarios;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad scenario input is a BadInputException with a one-line message naming file, line and key. */
class BadInputTest {
    @TempDir
    Path dir;

    ScenarioLoader loader;

    @BeforeEach
    void roster() {
        threeStates().write(dir, "valid.yaml");
        loader = new ScenarioLoader(dir);
    }

    /** Loads the file (or preset) and returns the one-line message of the BadInputException it must throw. */
    private String bad(String nameOrPath, String... sets) {
        BadInputException e = assertThrows(BadInputException.class, () -> loader.load(nameOrPath, List.of(sets)));
        String m = e.getMessage();
        assertFalse(m.contains("\n"), "one line: " + m);
        assertFalse(m.isBlank());
        return m;
    }

    /** Writes raw YAML as scenario file {@code name} and returns the message of loading it. */
    private String badFile(String name, String yaml) {
        Path f = dir.resolve(name);
        write(f, yaml);
        return bad(f.toString());
    }

    /** The valid test scenario with one key changed (dotted path, YAML value), loaded from x.yaml. */
    private String badValue(String path, String yamlValue) {
        Path f = threeStates().set(path, yamlValue).write(dir, "x.yaml");
        String m = bad(f.toString());
        assertTrue(m.contains(path), "names the key " + path + ": " + m);
        assertTrue(m.contains("x.yaml:"), "names file and line: " + m);
        return m;
    }

    private String badSpec(TestScenarios.Spec spec) {
        return bad(spec.write(dir, "x.yaml").toString());
    }

    private static void contains(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "'" + message + "' lacks '" + p + "'");
    }

    @Test
    void theValidScenarioLoads() {
        assertEquals(3, loader.load(dir.resolve("valid.yaml").toString()).states().size());
    }

    // ---- files ----------------------------------------------------------------------------------

    @Test
    void missingFile() {
        contains(bad(dir.resolve("nope.yaml").toString()), "nope.yaml", "no such file");
    }

    @Test
    void unknownPresetSuggestsTheNearest() {
        contains(bad("valld"), "unknown scenario 'valld'", "did you mean 'valid'");
    }

    @Test
    void directoryInsteadOfAFile() throws Exception {
        Files.createDirectories(dir.resolve("folder.yaml"));
        contains(bad(dir.resolve("folder.yaml").toString()), "folder.yaml", "directory");
    }

    @Test
    void unreadableFile() throws Exception {
        Path f = dir.resolve("secret.yaml");
        write(f, "name: secret\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(f), "running as root: every file is readable");
            contains(bad(f.toString()), "secret.yaml", "cannot read");
        } finally {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void symlinkLoopIsNotAFile() throws Exception {
        Path link = dir.resolve("loop.yaml");
        Files.createSymbolicLink(link, link);
        contains(bad(link.toString()), "loop.yaml");
    }

    @Test
    void malformedYamlNamesFileAndLine() {
        contains(badFile("m.yaml", "name: m\nrun: {start: 2020-01, end: [2020-12\nmodel: {}\n"), "m.yaml:", "malformed YAML");
        contains(badFile("m2.yaml", "name: m\n  title: x\n bad indentation: [\n"), "m2.yaml:", "malformed YAML");
    }

    @Test
    void rootNotAMapping() {
        contains(badFile("list.yaml", "- a\n- b\n"), "list.yaml:1", "must be a mapping", "a list");
        contains(badFile("scalar.yaml", "just text\n"), "scalar.yaml:1", "must be a mapping");
    }

    @Test
    void moreThanOneDocument() {
        contains(badFile("two.yaml", "name: a\n---\nname: b\n"), "two.yaml", "more than one YAML document");
    }

    @Test
    void duplicateKeyNamesBothLines() {
        contains(badFile("dup.yaml", "name: d\nrun:\n  start: 2020-01\n  start: 2020-02\n"), "dup.yaml:4:", "start", "duplicate key", "line 3");
        contains(badFile("dup2.yaml", "name: d\nname: e\n"), "dup2.yaml:2:", "duplicate key");
    }

    @Test
    void duplicateKeyNamesTheKeyPath() {
        contains(badFile("dup.yaml", "name: d\nrun:\n  start: 2020-01\n  start: 2020-02\n"), "dup.yaml:4: run.start: duplicate key");
    }

    @Test
    void deepNestingAndComplexKeysAreRefused() {
        contains(badFile("deep.yaml", "name: x\nt: " + "[".repeat(100) + "]".repeat(100) + "\n"), "deep.yaml:2", "nesting");
        contains(badFile("complex.yaml", "name: x\n? [a, b]\n: x\n"), "complex.yaml:2", "malformed YAML");
        contains(badFile("null.yaml", "~\n"), "null.yaml:1", "must be a mapping");
    }

    // ---- keys and values ------------------------------------------------------------------------

    @Test
    void unknownKeySuggestsTheNearestKey() {
        contains(badFile("u.yaml", "name: u\nmodle: {joinThreshold: 1}\n"), "u.yaml:2:", "modle", "unknown key", "did you mean 'model'");
        contains(badFile("u2.yaml", "name: u\nmodel:\n  weights:\n    iranThreath: 1\n"),
                "u2.yaml:4:", "model.weights.iranThreath", "did you mean 'iranThreat'");
        contains(badFile("u3.yaml", "name: u\nus: {ofserRate: 0.1}\n"), "us.ofserRate", "did you mean 'offerRate'");
        contains(badFile("u4.yaml", "name: u\nshocks:\n  - {id: s, strat: 2020-02, effects: {iranThreat: 1}}\n"),
                "shocks.s.strat", "did you mean 'start'");
        contains(badFile("u5.yaml", "name: u\nshocks:\n  - {id: s, start: 2020-02, effects: {iranThreatt: 1}}\n"),
                "shocks.s.effects.iranThreatt", "unknown effect", "did you mean 'iranThreat'");
        contains(badFile("u6.yaml", "name: u\nshocks:\n  - {id: s, start: 2020-02, effects: {world.gazaConflit: 1}}\n"),
                "did you mean 'world.gazaConflict'");
        contains(badFile("u7.yaml", "name: u\nstates: {overrides: {AAA: {usAlignmnet: 0.3}}}\n"),
                "states.overrides.AAA.usAlignmnet", "did you mean 'usAlignment'");
        contains(badFile("u8.yaml", "name: u\nstates: {exclud: [AAA]}\n"), "states.exclud", "did you mean 'exclude'");
    }

    @Test
    void wrongTypes() {
        contains(badValue("run.replications", "many"), "expected a whole number", "'many'");
        contains(badValue("run.replications", "2.5"), "expected a whole number");
        contains(badValue("model.maxHazard", "high"), "expected a number", "'high'");
        contains(badValue("model.maxHazard", "[0.1, 0.2]"), "a list");
        contains(badValue("model.weights", "3"), "expected a mapping");
        contains(badValue("run.start", "{year: 2020}"), "a mapping");
        contains(badValue("title", "[a, b]"), "expected text");
        contains(badFile("t.yaml", "name: t\nshocks: {id: s}\n"), "shocks", "expected a list");
        contains(badFile("t2.yaml", "name: t\nshocks:\n  - {id: s, start: 2020-02, enabled: maybe, effects: {iranThreat: 1}}\n"),
                "shocks.s.enabled", "true or false");
        contains(badFile("t3.yaml", "name: t\nextends: [a, b]\n"), "extends", "preset name or a file path");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "model.maxHazard|.nan|finite",
            "model.maxHazard|.NaN|finite",
            "model.weights.iranThreat|.inf|finite",
            "model.weights.iranThreat|-.inf|finite",
            "model.joinThreshold|+.Inf|finite",
            "model.maxHazard|1.5|between 0 and 1",
            "model.maxHazard|-0.1|between 0 and 1",
            "model.temperature|0|between 0.001 and 20",
            "model.weights.usRewards|-1|between 0 and 20",
            "model.weights.usRewards|1e400|finite",
            "world.gazaConflict|1.2|between 0 and 1",
            "us.offerDecay|2|between 0 and 1",
            "us.capacity|-1|between 0 and 1000",
            "run.replications|0|between 1 and",
            "run.replications|-5|between 1 and",
            "run.seed|-1|between 0 and",
            "run.seed|99999999999999999999|too large",
    })
    void nonFiniteAndOutOfRangeNumbers(String path, String value, String problem) {
        contains(badValue(path, value), problem);
    }

    @Test
    void exitThresholdMustBeBelowJoinThreshold() {
        contains(badSpec(threeStates().set("model.joinThreshold", 0.5).set("model.exitThreshold", 0.5)),
                "model.exitThreshold", "below model.joinThreshold");
    }

    @Test
    void badMonths() {
        for (String m : List.of("2020-1", "2020-13", "2020-00", "Jan 2020", "2020-01-15", "20-01", "2020/01")) {
            contains(badValue("run.start", "'" + m + "'"), "run.start");
        }
        contains(badValue("run.end", "2020-13"), "not a valid month");
        contains(badValue("run.end", "2020-1"), "YYYY-MM");
        contains(badSpec(threeStates().shock("{id: s, start: 2020-3, effects: {iranThreat: 1}}")), "shocks.s.start", "YYYY-MM");
        contains(badFile("o.yaml", "name: o\nobserved:\n  - {state: AAA, kind: join, month: 2020}\n"), "observed.month");
    }

    @Test
    void runEndsBeforeItStarts() {
        contains(badSpec(threeStates().set("run.start", "2021-01").set("run.end", "2020-12")),
                "x.yaml:", "run.end", "before it starts");
    }

    // ---- shocks -------------------------------------------------------------------------------

    @Test
    void shockEndingBeforeItStarts() {
        contains(badSpec(threeStates().shock("{id: s, start: 2020-06, end: 2020-05, effects: {iranThreat: 1}}")),
                "shocks.s.end", "before it starts");
    }

    @Test
    void shockOutsideTheRun() {
        contains(badSpec(threeStates().shock("{id: s, start: 2019-12, end: 2020-02, effects: {iranThreat: 1}}")),
                "shocks.s.start", "outside the run");
        contains(badSpec(threeStates().shock("{id: s, start: 2021-01, effects: {iranThreat: 1}}")),
                "shocks.s.start", "outside the run");
        contains(badSpec(threeStates().shock("{id: s, start: 2020-06, end: 2021-01, effects: {iranThreat: 1}}")),
                "shocks.s.end", "after the run ends");
        contains(badSpec(threeStates().shock("{id: s, start: 2020-06, duration: 8, effects: {iranThreat: 1}}")),
                "shocks.s.duration", "after the run ends");
    }

    @Test
    void shockStructureProblems() {
        contains(badSpec(threeStates().shock("{id: s, start: 2020-06, end: 2020-07, duration: 2, effects: {iranThreat: 1}}")),
                "shocks.s.duration", "either end or duration");
        contains(badSpec(threeStates().shock("{id: s, effects: {iranThreat: 1}}")), "shocks.s.start", "missing");
        contains(badSpec(threeStates().shock("{id: s, start: 2020-02}")), "shocks.s.effects", "missing");
        contains(badSpec(threeStates().shock("{start: 2020-02, effects: {iranThreat: 1}}")), "shocks", "needs an id");
        contains(badSpec(threeStates().shock("{id: s, start: 2020-02, effects: {iranThreat: 1}}")
                .shock("{id: s, start: 2020-03, effects: {iranThreat: 1}}")), "two shocks have the id 's'");
        contains(badSpec(threeStates().shock("{id: s, start: 2020-02, effects: {iranThreat: 11}}")),
                "shocks.s.effects.iranThreat", "between -10 and 10");
        contains(badSpec(threeStates().shock("{id: s, start: 2020-02, effects: {iranThreat: .nan}}")), "finite");
        contains(badSpec(threeStates().shock("{id: s, start: 2020-02, ramp: -1, effects: {iranThreat: 1}}")), "shocks.s.ramp");
    }

    @Test
    void unknownStateOrBlocInAShockTarget() {
        contains(badSpec(threeStates().shock("{id: s, start: 2020-02, target: [AAA, ABB], effects: {iranThreat: 1}}")),
                "shocks.s.target", "unknown state id 'ABB'");
        contains(badSpec(threeStates().shock("{id: s, start: 2020-02, target: AAB, effects: {iranThreat: 1}}")),
                "shocks.s.target", "unknown state id 'AAB'");
        contains(badSpec(threeStates().shock("{id: s, start: 2020-02, target: 'bloc:Q', effects: {iranThreat: 1}}")),
                "shocks.s.target", "unknown bloc 'Q'", "blocs: X, Y");
        // a state excluded from the scenario cannot be targeted either
        contains(badSpec(threeStates().set("states.exclude", "[CCC]")
                .shock("{id: s, start: 2020-02, target: [CCC], effects: {iranThreat: 1}}")), "unknown state id 'CCC'");
    }

    @Test
    void unknownStateInStatesSection() {
        contains(badFile("o.yaml", "name: o\nstates:\n  overrides:\n    ABC: {usAlignment: 0.2}\n"),
                "o.yaml:4:", "states.overrides.ABC", "unknown state id");
        contains(badFile("o2.yaml", "name: o\nstates: {overrides: {AAA: {usAlignment: 1.2}}}\n"),
                "states.overrides.AAA.usAlignment", "between 0 and 1");
        contains(badFile("o3.yaml", "name: o\nstates: {include: [AAA, XYZ]}\n"), "states.include", "unknown state id 'XYZ'");
        contains(badFile("o4.yaml", "name: o\nstates: {exclude: [AAA, BBB, CCC]}\n"), "no candidate states left");
        contains(badFile("o5.yaml", "name: o\nobserved:\n  - {state: QQQ, kind: join, month: 2020-02}\n"), "observed.state", "QQQ");
        contains(badFile("o6.yaml", "name: o\nobserved:\n  - {state: AAA, kind: leave, month: 2020-02}\n"), "observed.kind");
        contains(badFile("o7.yaml", "name: o\nobserved:\n  - {state: AAA, kind: join, month: 2020-02, date: 2020-03-01}\n"),
                "o7.yaml:3:", "observed.date", "in 2020-02");
        contains(badFile("o8.yaml", "name: o\nobserved:\n  - {state: AAA, kind: symbolic, month: 2020-02}\n"),
                "observed", "AAA joins symbolically in 2020-02 without being an active member");
        contains(badFile("o9.yaml", "name: o\nobserved:\n  - {state: AAA, kind: join, month: 2020-02}\n"
                + "  - {state: AAA, kind: freeze, month: 2020-05}\n  - {state: AAA, kind: symbolic, month: 2020-06}\n"),
                "o9.yaml:5:", "AAA joins symbolically in 2020-06 without being an active member");
    }

    /** Dated roster series: each error names the roster file, line and key. */
    @Test
    void badRosterSeries() throws Exception {
        Path f = threeStates().write(dir, "r.yaml");
        Path roster = dir.resolve("roster.yaml");
        String good = Files.readString(roster);
        String line = "    regimeInsulation: {value: 0.5, assumption: test}\n";
        assertTrue(good.contains(line));
        String[][] cases = {
            {"    regimeInsulation: {source: s, rule: r, series: [{year: 2001, value: 0.2}, {year: 2000, value: 0.3}]}\n", "regimeInsulation.series", "dates must increase"},
            {"    regimeInsulation: {source: s, rule: r, series: [{value: 0.2}]}\n", "regimeInsulation.series[0]", "needs its year or month"},
            {"    regimeInsulation: {series: {2001: 0.2}}\n", "regimeInsulation", "needs the attribute's source and rule"},
            {"    regimeInsulation: {source: s, rule: r, series: {2001: 0.2}, before: {value: 0.5}}\n", "regimeInsulation.before.assumption", "give its reason"},
            {"    regimeInsulation: {source: s, rule: r, value: 0.3, series: {2001: 0.2}}\n", "regimeInsulation.value", "either value or series"},
            {"    regimeInsulation: {source: s, rule: r, series: {20x1: 0.2}}\n", "regimeInsulation.series.20x1", "a year (YYYY) or a month"},
            {"    regimeInsulation: {source: s, rule: r, series: {2001: 1.2}}\n", "regimeInsulation.series.2001", "between 0 and 1"},
            {"    regimeInsulation: {source: s, rule: r, series: [{year: 2001, month: 2001-03, value: 0.2}]}\n", "regimeInsulation.series[0].month", "not both"},
        };
        for (String[] c : cases) {
            Files.writeString(roster, good.replaceFirst(java.util.regex.Pattern.quote(line), java.util.regex.Matcher.quoteReplacement(c[0])));
            contains(bad(f.toString()), "roster.yaml:", "states.AAA." + c[1], c[2]);
        }
    }

    // ---- extends ------------------------------------------------------------------------------

    @Test
    void extendsThatDoesNotExist() {
        contains(badFile("e.yaml", "name: e\nextends: vaild\n"), "e.yaml:2:", "extends", "'vaild'", "did you mean 'valid'");
        contains(badFile("e2.yaml", "name: e\nextends: ../nowhere/else.yaml\n"), "extends", "neither a file");
    }

    @Test
    void extendsCycle() {
        write(dir.resolve("a.yaml"), "extends: b\nname: a\n");
        write(dir.resolve("b.yaml"), "extends: c.yaml\nname: b\n");
        write(dir.resolve("c.yaml"), "extends: a\nname: c\n");
        contains(bad(dir.resolve("a.yaml").toString()), "extends", "cycle", "a.yaml -> b.yaml -> c.yaml -> a.yaml");
        contains(badFile("self.yaml", "extends: self\n"), "cycle", "self.yaml -> self.yaml");
    }

    @Test
    void extendsCycleNamesTheLineOfTheExtendsKey() {
        write(dir.resolve("a.yaml"), "name: a\nextends: b\n");
        write(dir.resolve("b.yaml"), "name: b\nextends: a\n");
        contains(bad(dir.resolve("a.yaml").toString()), "b.yaml:2: extends: ", "cycle");
    }

    // ---- YAML features refused ------------------------------------------------------------------

    @Test
    void aliasBombIsRefused() {
        StringBuilder y = new StringBuilder("name: bomb\n");
        y.append("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        String prev = "a";
        for (char c = 'b'; c <= 'i'; c++) {
            y.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) y.append(i == 0 ? "" : ", ").append('*').append(prev);
            y.append("]\n");
            prev = String.valueOf(c);
        }
        contains(badFile("bomb.yaml", y.toString()), "bomb.yaml:2", "anchors");
        contains(badFile("alias.yaml", "name: x\ntitle: *nothing\n"), "alias.yaml");
        contains(badFile("merge.yaml", "name: x\nrun: &r {start: 2020-01}\nmodel:\n  <<: *r\n"), "merge.yaml:2", "anchors");
    }

    @Test
    void typeTagsAreRefusedAndNothingIsInstantiated() {
        System.clearProperty("accords.test.canary");
        contains(badFile("tag1.yaml", "name: x\ntitle: !!java.lang.Runtime {}\n"), "tag1.yaml:2", "type tags");
        contains(badFile("tag2.yaml", "name: x\ntitle: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost:1/\"]]]]\n"),
                "tag2.yaml:2", "type tags");
        contains(badFile("tag3.yaml", "name: x\nmodel: !!org.accords.scenario.TagCanary {}\n"), "tag3.yaml:2", "type tags");
        contains(badFile("tag4.yaml", "name: x\nrun:\n  seed: !!int 5\n"), "tag4.yaml:3", "type tags");
        contains(badFile("tag5.yaml", "--- !!org.accords.scenario.TagCanary\nname: x\n"), "type tags");
        assertNull(System.getProperty("accords.test.canary"), "a tagged class was instantiated");
    }

    // ---- --set --------------------------------------------------------------------------------

    @Test
    void setOnAnUnknownPath() {
        String f = dir.resolve("valid.yaml").toString();
        contains(bad(f, "model.weigths.iranThreat=1"), "--set", "model.weigths", "did you mean 'weights'");
        contains(bad(f, "colour=blue"), "--set", "colour", "unknown key");
        contains(bad(f, "run.start.month=3"), "--set", "run.start");
        Path withShock = threeStates().shock("{id: s, start: 2020-02, effects: {iranThreat: 1}}").write(dir, "withshock.yaml");
        contains(bad(withShock.toString(), "shocks.none.start=2020-03"), "--set", "shocks.none.start", "no shock with id 'none'");
    }

    @Test
    void setOnAShockOfAScenarioWithoutShocks() {
        contains(bad(dir.resolve("valid.yaml").toString(), "shocks.none.start=2020-03"), "--set", "no shock with id 'none'");
    }

    @Test
    void setWithAWrongTypeOrForm() {
        String f = dir.resolve("valid.yaml").toString();
        contains(bad(f, "run.replications=abc"), "--set", "run.replications", "expected a whole number");
        contains(bad(f, "model.maxHazard=[1, 2]"), "--set", "model.maxHazard", "a list");
        contains(bad(f, "model.maxHazard=.nan"), "--set", "finite");
        contains(bad(f, "model.maxHazard=2"), "--set", "between 0 and 1");
        contains(bad(f, "run.end=2020-13"), "--set", "run.end");
        contains(bad(f, "noequals"), "--set", "key.path=value");
        contains(bad(f, "=3"), "--set");
        contains(bad(f, "model..maxHazard=0.1"), "--set", "malformed key path");
        contains(bad(f, "extends=valid"), "--set", "extends", "cannot be set");
        contains(bad(f, "title=[unclosed"), "--set", "malformed YAML");
        contains(bad(f, "title=!!java.lang.Runtime x"), "--set", "type tags");
    }

    // ---- messages -----------------------------------------------------------------------------

    @Test
    void messageNamesFileLineAndKeyPath() {
        Path f = dir.resolve("where.yaml");
        write(f, "name: where\nrun: {start: 2020-01, end: 2020-12}\nmodel:\n  maxHazard: 7\n");
        String m = bad(f.toString());
        assertTrue(m.startsWith(f.toAbsolutePath().normalize() + ":4: model.maxHazard: "), m);
        BadInputException e = assertThrows(BadInputException.class, () -> loader.load(f.toString()));
        assertEquals(4, e.origin().line());
        assertEquals("model.maxHazard", e.key());
    }

    @Test
    void inheritedErrorsNameTheFileTheyAreIn() {
        write(dir.resolve("parent.yaml"), "name: p\nmodel:\n  weights:\n    peerInfluence: -3\n");
        write(dir.resolve("kid.yaml"), "extends: parent\nname: k\n");
        contains(bad(dir.resolve("kid.yaml").toString()), "parent.yaml:4:", "model.weights.peerInfluence");
    }

    // ---- roster -------------------------------------------------------------------------------

    @Test
    void rosterValuesNeedASourceAndARuleOrAnAssumption() {
        write(dir.resolve("roster.yaml"), TestScenarios.rosterYaml(List.of(state("AAA")))
                .replace("iranExposure: {value: 0.5, source: test, rule: test}", "iranExposure: {value: 0.5, source: test}"));
        contains(bad(dir.resolve("valid.yaml").toString()), "roster.yaml", "states.AAA.iranExposure", "source and a rule");
    }

    @Test
    void rosterProblems() {
        write(dir.resolve("roster.yaml"), TestScenarios.rosterYaml(List.of(state("AAA"), state("AAA"))));
        contains(bad(dir.resolve("valid.yaml").toString()), "roster.yaml", "appears twice");
        write(dir.resolve("roster.yaml"), TestScenarios.rosterYaml(List.of(state("aaa"))));
        contains(bad(dir.resolve("valid.yaml").toString()), "ISO-3");
        write(dir.resolve("roster.yaml"), TestScenarios.rosterYaml(List.of(state("AAA").atLeast("peace", 0.5))));
        contains(bad(dir.resolve("valid.yaml").toString()), "unknown world variable 'peace'");
        write(dir.resolve("roster.yaml"), TestScenarios.rosterYaml(List.of(state("AAA").usAlignment(1.5))));
        contains(bad(dir.resolve("valid.yaml").toString()), "states.AAA.usAlignment.value", "between 0 and 1");
        write(dir.resolve("roster.yaml"), "states: []\n");
        contains(bad(dir.resolve("valid.yaml").toString()), "non-empty list of states");
    }

    @Test
    void missingRoster() {
        contains(badSpec(threeStates().set("states.roster", "elsewhere.yaml")), "elsewhere.yaml", "no such file");
    }
}
