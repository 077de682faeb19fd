package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.accords.TestScenarios;
import org.accords.scenario.Reference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** list, validate, reference, --help and --version. */
class CommandsTest extends CliTestBase {

    @Test
    void listShowsPresetsWithTitlesAndFlagsInvalidOnes() {
        TestScenarios.write(home.resolve("scenarios/broken.yaml"), "extends: mini\nmodel: {maxHazard: 3}\n");
        CliFixture.Result r = CliFixture.exec("list");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("mini ") && l.contains("Mini scenario") && l.contains("2020-01 to 2021-06")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("broken ") && l.contains("invalid") && l.contains("model.maxHazard")), r.out());
        assertFalse(r.out().contains("roster"), "the roster is not a preset");
    }

    @Test
    void validatePrintsOk() {
        CliFixture.Result r = CliFixture.exec("validate", home.resolve("scenarios/mini.yaml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("ok: "), r.out());
        assertTrue(r.out().contains("4 states, 2 shocks, 2020-01 to 2021-06 (18 months), 30 replications"), r.out());
        assertEquals(0, CliFixture.exec("validate", "mini", "--set", "run.replications=5").code());
        assertFalse(Files.exists(home.resolve("results")), "validate writes nothing");
    }

    @Test
    void referencePrintsTheGeneratedDocument() {
        CliFixture.Result r = CliFixture.exec("reference");
        assertEquals(0, r.code());
        assertEquals(Reference.markdown(), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "run", "list", "validate", "reference", "backtest", "calibrate", "help"})
    void helpOfEveryCommand(String command) {
        CliFixture.Result r = command.isEmpty() ? CliFixture.exec("--help") : CliFixture.exec(command, "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Usage:"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void version() {
        CliFixture.Result r = CliFixture.exec("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("accords-sim "), r.out());
    }
}
