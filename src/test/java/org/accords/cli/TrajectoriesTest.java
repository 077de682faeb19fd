package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** trajectories.png/.svg: P(joined by) and P(active member) over time for the movers or the states asked for. */
class TrajectoriesTest extends CliTestBase {

    @Test
    void theMoversByDefaultAndTheChosenStatesOnRequest() throws Exception {
        Path out = home.resolve("t");
        assertEquals(0, CliFixture.exec("run", "mini", "--reps", "40", "--quiet", "--out", out.toString()).code());
        String svg = Files.readString(out.resolve("trajectories.svg"));
        List<String> states = Files.readAllLines(out.resolve("states.csv")).subList(1, 5);
        for (String line : states) {
            String[] c = line.split(",");
            boolean moves = Double.parseDouble(c[3]) >= 0.01; // nobody is a member at the start in mini
            assertEquals(moves, svg.contains(c[1] + " — joined by"), c[0] + " shown exactly when it moves");
        }
        assertTrue(Files.readString(out.resolve("index.html")).contains("alt=\"P(joined by) and P(active member) over time"));

        Path chosen = home.resolve("c");
        assertEquals(0, CliFixture.exec("run", "mini", "--reps", "40", "--quiet", "--states", "DDD,AAA", "--out", chosen.toString()).code());
        String two = Files.readString(chosen.resolve("trajectories.svg"));
        assertTrue(two.contains("State DDD — joined by") && two.contains("State AAA — active member"));
        assertFalse(two.contains("State BBB") || two.contains("State CCC"));

        SafetyTest.bad(CliFixture.exec("run", "mini", "--states", "AAA,ZZZ"), "--states", "unknown state id 'ZZZ'", "states: {add: [...]}");
    }
}
