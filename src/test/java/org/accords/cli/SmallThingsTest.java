package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a new user hits first: the help list, the progress bar, the hints between commands. */
class SmallThingsTest extends CliTestBase {

    @Test
    void helpNeverCutsACommandSummaryMidSentence() {
        CliFixture.Result r = CliFixture.exec("--help");
        assertEquals(0, r.code(), r.err());
        List<String> summaries = new ArrayList<>();
        boolean inList = false;
        for (String line : r.out().lines().toList()) {
            if (line.startsWith("Commands:")) {
                inList = true;
            } else if (inList && line.matches("  \\S.*")) {
                summaries.add(line.strip().replaceFirst("^\\S+\\s+", ""));
            } else if (inList && line.matches("\\s{4,}\\S.*")) {
                summaries.set(summaries.size() - 1, summaries.get(summaries.size() - 1) + " " + line.strip());
            }
        }
        assertTrue(summaries.size() >= 8, r.out());
        for (String s : summaries) {
            assertTrue(s.matches(".*[.?!]"), "a whole sentence: '" + s + "'");
            assertFalse(s.contains("%n"), s);
        }
        assertTrue(summaries.contains("Run a scenario's Monte Carlo ensemble into a result folder."), summaries.toString());
    }

    @Test
    void theProgressBarGoesOnlyToATerminal() throws Exception {
        assertFalse(ProgressBar.stderrIsTerminal(), "under the test runner stderr is a pipe or a file");
        Process p = ChildProcess.accords(home, "run", "mini", "--reps", "3000", "--threads", "1", "--out", home.resolve("results/p").toString());
        String err = ChildProcess.stderr(p);
        assertEquals(0, p.exitValue(), err);
        assertEquals("", err, "no progress bar into a file");
    }

    @Test
    void calibrateSuggestsTheBacktestThatUsesItsFileAndBacktestNamesIt() throws Exception {
        Path fit = home.resolve("fit.yaml");
        CliFixture.Result c = CliFixture.exec("calibrate", "--scenario", "mini", "--until", "2020-12", "--budget", "4", "--reps", "5",
                "--out", fit.toString());
        assertEquals(0, c.code(), c.err());
        String hint = "./accords backtest --params " + fit.toAbsolutePath().normalize();
        assertTrue(c.out().contains("check it with: " + hint), c.out());
        CliFixture.Result b = CliFixture.exec("backtest", "mini", "--origins", "2020-03", "--horizons", "6", "--reps", "20", "--params", fit.toString());
        assertEquals(0, b.code(), b.err());
        assertTrue(b.out().contains("ABM parameters: " + fit), b.out());
    }
}
