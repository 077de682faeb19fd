package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `accords sensitivity` end to end on the mini scenario. */
class SensitivityCommandTest extends CliTestBase {
    static final String FILE = """
            name: sens
            scenario: mini
            replications: 8
            design: {type: lhs, size: 4}
            sensitivity:
              morris: {trajectories: 4, levels: 4}
              sobol: {n: 4}
              bootstrap: 20
            factors:
              usRewards: {key: model.weights.usRewards, range: [0, 4]}
              inert: {key: model.prestigeDilution, range: [0, 0.5]}
            outcomes:
              aaa: {measure: joinedBy, state: AAA}
              joined: {measure: meanJoined}
            """;

    @Test
    void writesMorrisAndSobolWithIntervalsNoiseAndCharts() throws IOException {
        Path f = root.resolve("sens.yaml");
        Files.writeString(f, FILE);
        CliFixture.Result r = CliFixture.exec("sensitivity", f.toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        Path dir = home.resolve("results/sens-sensitivity");
        List<String> morris = Files.readAllLines(dir.resolve("morris.csv"));
        assertEquals("outcome,factor,statistic,estimate,low,high", morris.get(0));
        assertEquals(1 + 2 * 2 * 3, morris.size());
        List<String> sobol = Files.readAllLines(dir.resolve("sobol.csv"));
        // AAA joins in every run at every point of this tiny design: Sobol indices of a constant are undefined
        assertTrue(r.out().contains("aaa: P(AAA joined by the end)\n  Morris mu* [95%]:  usRewards 0 [0, 0]"), r.out());
        assertTrue(r.out().contains("not analysed by Sobol: the outcome does not vary"), r.out());
        assertEquals(1 + 1 * 2 * 2, sobol.size(), r.out());
        assertEquals(12 + 1, Files.readAllLines(dir.resolve("morris/design.csv")).size(), "4 trajectories of 3 points");
        assertEquals(4 * 4 + 1, Files.readAllLines(dir.resolve("sobol/design.csv")).size(), "n (D + 2) points");
        for (String c : List.of("morris-aaa.png", "morris-plane-joined.svg", "sobol-joined.png", "index.html", "noise.csv")) assertTrue(Files.exists(dir.resolve(c)), c);
        // the US-reward weight moves who joins; prestige dilution has nothing to dilute in the mini scenario
        String aaaUs = morris.stream().filter(l -> l.startsWith("joined,usRewards,mu_star,")).findFirst().orElseThrow();
        String aaaInert = morris.stream().filter(l -> l.startsWith("joined,inert,mu_star,")).findFirst().orElseThrow();
        assertTrue(Double.parseDouble(aaaUs.split(",")[3]) > Double.parseDouble(aaaInert.split(",")[3]), aaaUs + " vs " + aaaInert);
        assertTrue(r.out().contains("Monte Carlo noise"), r.out());
    }

    @Test
    void aDesignWithoutSensitivityIsRefused() throws IOException {
        Path f = root.resolve("plain.yaml");
        Files.writeString(f, FILE.replace("""
                sensitivity:
                  morris: {trajectories: 4, levels: 4}
                  sobol: {n: 4}
                  bootstrap: 20
                """, ""));
        CliFixture.Result r = CliFixture.exec("sensitivity", f.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("lhs design has no sensitivity analysis"), r.err());
    }
}
