package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.accords.TestScenarios;
import org.junit.jupiter.api.Test;

/** Edge cases found in review: each is either accepted with the documented meaning or refused with exit 2 and one line. */
class InputEdgeCasesTest extends CliTestBase {

    private CliFixture.Result validate(String yaml) {
        Path f = home.resolve("scenarios/case.yaml");
        TestScenarios.write(f, "extends: mini\nname: case\n" + yaml);
        return CliFixture.exec("validate", f.toString());
    }

    private static void assertBad(CliFixture.Result r, String fragment) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(fragment), r.err());
    }

    @Test
    void anEmptyValueTakesTheDefault() {
        CliFixture.Result r = validate("model:\n  joinThreshold:\n");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void usEngagementCanOnlyMoveForEveryone() {
        assertBad(validate("shocks:\n  - {id: x, start: 2020-03, target: [AAA], effects: {world.usEngagement: 0.5}}\n"),
                "shocks.x.effects.world.usEngagement");
        assertEquals(0, validate("shocks:\n  - {id: x, start: 2020-03, effects: {world.usEngagement: 0.5}}\n").code());
    }

    @Test
    void anEmptyTargetListIsRefused() {
        assertBad(validate("shocks:\n  - {id: x, start: 2020-03, target: [], effects: {usRewards: 1}}\n"), "targets no state");
    }

    @Test
    void theObservedRecordMustBeASequenceOfStates() {
        assertBad(validate("observed:\n  - {state: AAA, kind: join, month: 2020-03}\n  - {state: AAA, kind: join, month: 2020-05}\n"), "AAA joins twice");
        assertBad(validate("observed:\n  - {state: AAA, kind: thaw, month: 2020-03}\n"), "without having frozen");
        assertBad(validate("observed:\n  - {state: BBB, kind: freeze, month: 2020-03}\n"), "without being an active member");
        assertEquals(0, validate("observed:\n  - {state: BBB, kind: freeze, month: 2020-06}\n  - {state: BBB, kind: join, month: 2020-02}\n").code(),
                "order in the file does not matter, months do");
    }

    @Test
    void setReachesEffectsWhoseNamesHoldADot() throws Exception {
        Path out = home.resolve("out");
        CliFixture.Result r = CliFixture.exec("run", "mini", "--reps", "5", "--out", out.toString(), "--quiet",
                "--set", "shocks.war.effects.world.gazaConflict=0.25");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out.resolve("scenario.resolved.yaml")).contains("world.gazaConflict: 0.25"));
    }

    @Test
    void paramsFragmentsKeepTheirFileLineAndTextValues() throws Exception {
        Path frag = home.resolve("frag.yaml");
        TestScenarios.write(frag, "title: \"Gaza: the cost # of [war]\"\nmodel:\n  weights: {usRewards: 2.5}\n");
        Path out = home.resolve("with-params");
        CliFixture.Result ok = CliFixture.exec("run", "mini", "--reps", "5", "--params", frag.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, ok.code(), ok.err());
        String resolved = Files.readString(out.resolve("scenario.resolved.yaml"));
        assertTrue(resolved.contains("Gaza: the cost # of [war]"), resolved);
        assertTrue(resolved.contains("usRewards: 2.5"), resolved);
        TestScenarios.write(frag, "model:\n  weights: {usRewrds: 2.5}\n");
        assertBad(CliFixture.exec("run", "mini", "--params", frag.toString(), "--out", home.resolve("x").toString()), "frag.yaml:2");
    }

    @Test
    void anOutFolderThatCannotBeCreatedIsBadInput() throws Exception {
        Path file = home.resolve("a-file");
        Files.writeString(file, "x");
        assertBad(CliFixture.exec("run", "mini", "--reps", "5", "--out", file.resolve("sub").toString()), "cannot create a result folder");
    }

    @Test
    void calibrateNeverOverwritesWithoutForce() throws Exception {
        Path fit = home.resolve("fit.yaml");
        Files.writeString(fit, "precious\n");
        assertBad(CliFixture.exec("calibrate", "--scenario", "mini", "--until", "2020-12", "--budget", "4", "--reps", "5", "--out", fit.toString()), "--force");
        assertEquals("precious\n", Files.readString(fit));
        assertBad(CliFixture.exec("calibrate", "--scenario", "mini", "--until", "2020-12", "--budget", "4", "--reps", "5", "--out", home.toString()), "is a folder");
        assertBad(CliFixture.exec("calibrate", "--scenario", "mini", "--until", "2020-12", "--budget", "4", "--reps", "5", "--out", home.resolve("no/such.yaml").toString()), "no folder");
        assertEquals(0, CliFixture.exec("calibrate", "--scenario", "mini", "--budget", "4", "--reps", "5", "--until", "2020-12",
                "--out", fit.toString(), "--force", "--quiet").code());
        assertFalse(Files.readString(fit).contains("precious"));
    }

    @Test
    void backtestWithNoJoinBeforeTheOriginStillScores() {
        // mini's only observed join is 2020-08: from 2020-03 the competitors have no event to fit
        CliFixture.Result r = CliFixture.exec("backtest", "mini", "--origins", "2020-03", "--horizons", "12", "--reps", "20", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(home.resolve("results/backtest-mini/summary.csv")));
    }
}
