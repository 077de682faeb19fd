package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `accords discover` end to end on the mini scenario. */
class DiscoverCommandTest extends CliTestBase {
    static final String FILE = """
            name: disc
            scenario: mini
            replications: 6
            design: {type: lhs, size: 40, seed: 3}
            factors:
              usRewards: {key: model.weights.usRewards, range: [0, 3]}
              inert: {key: model.prestigeDilution, range: [0, 0.5]}
            outcomes:
              joined: {measure: meanJoined}
            """;

    @Test
    void findsTheUsRewardWeightAndWritesTheBoxAndCharts() throws IOException {
        Path f = root.resolve("disc.yaml");
        Files.writeString(f, FILE);
        assertEquals(0, CliFixture.exec("experiment", f.toString(), "--quiet").code());
        // the case: at least the median number of joins over the points
        double[] joined = Files.readAllLines(home.resolve("results/disc/outcomes.csv")).stream().skip(1)
                .mapToDouble(l -> Double.parseDouble(l.split(",")[2])).sorted().toArray();
        String median = String.valueOf(joined[joined.length / 2]);
        CliFixture.Result r = CliFixture.exec("discover", f.toString(), "--threshold", median, "--subsamples", "4", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Case: states joined by the end ≥ "), r.out());
        assertTrue(r.out().contains(" of 40 points. It holds in "), r.out());
        assertTrue(r.out().contains("usRewards ≥ "), "more US reward weight, more joins: " + r.out());
        Path dir = home.resolve("results/disc-discover-joined");
        List<String> boxes = Files.readAllLines(dir.resolve("boxes.csv"));
        assertEquals("box,factor,lower,upper,restricted,quasi_p,restricted_in_subsamples,subsamples", boxes.get(0));
        assertTrue(boxes.get(1).startsWith("chosen,usRewards,") && boxes.get(1).contains(",true,"), boxes.get(1));
        for (String c : List.of("tradeoff.png", "box-limits.svg", "tradeoff.csv", "index.html")) assertTrue(Files.exists(dir.resolve(c)), c);
        assertTrue(Files.exists(home.resolve("results/disc/outcomes.csv")), "the experiment ran into its own folder");
        // a second discovery on the same experiment reuses its points
        r = CliFixture.exec("discover", f.toString(), "--threshold", median, "--below", "--out", root.resolve("d2").toString(), "--subsamples", "0");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void badDiscoveryRequestsAreRefused() throws IOException {
        Path f = root.resolve("disc.yaml");
        Files.writeString(f, FILE.replace("size: 40", "size: 6"));
        CliFixture.Result r = CliFixture.exec("discover", f.toString(), "--outcome", "joind");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--outcome: no outcome 'joind'") && r.err().contains("did you mean 'joined'"), r.err());
        r = CliFixture.exec("discover", f.toString(), "--threshold", "99");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no point of the experiment has states joined by the end ≥ 99"), r.err());
        r = CliFixture.exec("discover", f.toString(), "--alpha", "0.7");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--alpha"), r.err());
    }
}
