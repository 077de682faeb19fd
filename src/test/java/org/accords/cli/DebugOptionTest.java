package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** --debug is read from what picocli parsed, for every command that has it (the OutputOptions mixin), not from the raw arguments. */
class DebugOptionTest {
    private static boolean debug(String... args) {
        PrintWriter none = new PrintWriter(new StringWriter());
        return Main.debug(Main.commandLine(none, none).parseArgs(args));
    }

    @Test
    void debugIsTheParsedOptionOfTheCommandThatRuns() {
        assertEquals(true, debug("run", "mini", "--debug"), "run, through EnsembleOptions");
        assertEquals(false, debug("run", "mini"));
        assertEquals(true, debug("merge", "a", "b", "--debug"), "merge, through the mixin");
        assertEquals(true, debug("calibrate", "--debug", "--ensemble", "3"), "calibrate, through the mixin");
        assertEquals(true, debug("experiment", "x.yaml", "--debug"), "experiment, through ExperimentOptions");
        assertEquals(true, debug("slurm", "run", "mini", "--debug", "--shards", "2"), "slurm passes it on to the command it splits");
        assertEquals(false, debug("slurm", "run", "mini", "--shards", "2"));
    }
}
