package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** `accords gui`: bad input stops with run's own messages before any window; no display is one line, exit 2. */
class GuiCommandTest extends CliTestBase {

    private static String oneLine(CliFixture.Result r) {
        assertEquals(2, r.code(), "exit code; stderr: " + r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), "one line: " + r.err());
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        return err;
    }

    @Test
    void badArgumentsGetTheSameMessagesAsRun() {
        String[][] cases = {
                {"minni"},
                {"mini", "--set", "model.weigths.iranThreat=1"},
                {"mini", "--set", "model.maxHazard=2"},
                {"mini", "--seed", "-1"},
                {root.resolve("nope.yaml").toString()},
        };
        for (String[] args : cases) {
            String[] run = new String[args.length + 1];
            String[] gui = new String[args.length + 1];
            run[0] = "run";
            gui[0] = "gui";
            System.arraycopy(args, 0, run, 1, args.length);
            System.arraycopy(args, 0, gui, 1, args.length);
            assertEquals(oneLine(CliFixture.exec(run)), oneLine(CliFixture.exec(gui)), String.join(" ", args));
        }
        assertTrue(oneLine(CliFixture.exec("gui", "mini", "--frobnicate")).contains("--frobnicate"));
    }

    @Test
    void withoutADisplayItSaysSoInOneLine() {
        assumeTrue(System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank(), "this test needs a machine without a display");
        String err = oneLine(CliFixture.exec("gui", "mini"));
        assertTrue(err.startsWith("accords: gui: no display"), err);
        assertTrue(err.contains("xvfb-run -a"), err);
    }
}
