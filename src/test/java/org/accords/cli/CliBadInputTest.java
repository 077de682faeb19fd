package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accords.TestScenarios;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input on the command line: exit 2, one line on stderr, no stack trace, no result folder. */
class CliBadInputTest extends CliTestBase {

    private CliFixture.Result badRun(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        CliFixture.Result r = CliFixture.exec(all.toArray(new String[0]));
        assertEquals(2, r.code(), "exit code for " + all + "; stderr: " + r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), "one line: " + r.err());
        assertTrue(err.startsWith("accords: "), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        assertFalse(Files.exists(home.resolve("results")), "no result folder");
        try (var s = Files.list(root)) {
            assertTrue(s.allMatch(p -> p.getFileName().toString().equals("scenarios")), "nothing written beside the home");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return r;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--reps|0|--reps",
            "--reps|-1|--reps",
            "--reps|abc|abc",
            "--reps|2.5|2.5",
            "--threads|0|--threads",
            "--threads|-2|--threads",
            "--threads|many|many",
            "--seed|-1|--seed",
            "--seed|abc|abc",
            "--set|model.weigths.iranThreat=1|did you mean 'weights'",
            "--set|run.replications=abc|run.replications",
            "--set|model.maxHazard=.inf|finite",
            "--set|noequals|key.path=value",
            "--set|shocks.war.start=2019-01|outside the run",
    })
    void badOptionValues(String option, String value, String expected) {
        CliFixture.Result r = badRun("run", "mini", option, value, "--threads", option.equals("--threads") ? value : "1");
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void badScenarioFiles() {
        assertTrue(badRun("run", root.resolve("nope.yaml").toString()).err().contains("no such file"));
        assertTrue(badRun("run", "minni").err().contains("did you mean 'mini'"));
        Path f = root.resolve("scenarios/bad.yaml");
        TestScenarios.write(f, "extends: mini\nname: bad\nrun:\n  replications: many\n");
        String err = badRun("run", f.toString()).err();
        assertTrue(err.contains("bad.yaml:4: run.replications: "), err);
        TestScenarios.write(f, "extends: mini\nname: bad\nmodel: {maxHazard: 1\n");
        assertTrue(badRun("run", f.toString()).err().contains("malformed YAML"));
        TestScenarios.write(f, "extends: mini\nname: bad\ntitle: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost:1/\"]]]]\n");
        assertTrue(badRun("run", f.toString()).err().contains("type tags"));
        assertTrue(badRun("validate", f.toString()).err().contains("bad.yaml:3"));
    }

    @Test
    void usageErrors() {
        assertTrue(badRun("frobnicate").err().contains("frobnicate"));
        badRun();
        badRun("run", "mini", "--no-such-option");
        badRun("validate");
        badRun("run", "mini", "--reps");
    }
}
