package org.accords.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards K/N: parsing, shares, coverage, and that shard aggregates add up to the whole. */
class ShardTest {
    @TempDir
    Path dir;

    @Test
    void parsesKOverN() {
        assertEquals(new Shard(3, 8), Shard.parse("3/8"));
        assertEquals(new Shard(0, 1), Shard.parse(" 0/1 "));
        for (String bad : List.of("8/8", "-1/8", "3", "3/0", "a/b", "3/8/1", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void sharesPartitionTheUnits() {
        // by hand: 10 units in 3 shards are {0,3,6,9}, {1,4,7}, {2,5,8}
        assertEquals(4, new Shard(0, 3).size(10));
        assertEquals(3, new Shard(1, 3).size(10));
        assertEquals(3, new Shard(2, 3).size(10));
        assertEquals(7, new Shard(1, 3).unit(2));
        assertEquals(0, new Shard(5, 8).size(5), "more shards than units: the last ones are empty");
        assertEquals(1, new Shard(4, 8).size(5));
        for (int n = 1; n <= 9; n++) {
            for (int total = 0; total <= 20; total++) {
                int sum = 0;
                for (int k = 0; k < n; k++) {
                    Shard s = new Shard(k, n);
                    sum += s.size(total);
                    for (int i = 0; i < s.size(total); i++) {
                        assertTrue(s.unit(i) < total && s.covers(s.unit(i)));
                    }
                }
                assertEquals(total, sum, n + " shards of " + total);
            }
        }
    }

    private static List<Shard.Found> found(int n, int... ks) {
        List<Shard.Found> f = new ArrayList<>();
        for (int k : ks) f.add(new Shard.Found(new Shard(k, n), "dir" + k));
        return f;
    }

    @Test
    void coverageNamesWhatIsMissingOrDuplicated() {
        assertNull(Shard.coverageProblem(found(3, 2, 0, 1), "replications"));
        assertNull(Shard.coverageProblem(found(1, 0), "replications"));
        assertEquals("missing shard 1 of 3 (replications ≡ 1 mod 3 not computed)", Shard.coverageProblem(found(3, 0, 2), "replications"));
        assertEquals("missing 2 shards: 3, 5 of 8 (points ≡ 3, 5 mod 8 not computed)", Shard.coverageProblem(found(8, 0, 1, 2, 4, 6, 7), "points"));
        assertEquals("shard 2/3 given twice: dir2 and dir2", Shard.coverageProblem(found(3, 0, 1, 2, 2), "replications"));
        List<Shard.Found> mixed = new ArrayList<>(found(4, 0, 1));
        mixed.add(new Shard.Found(new Shard(1, 2), "other"));
        assertEquals("shards split the replications differently: dir0 is shard 0/4 but other is shard 1/2", Shard.coverageProblem(mixed, "replications"));
        assertEquals("no shards given", Shard.coverageProblem(List.of(), "replications"));
    }

    @Test
    void shardAggregatesAddUpToTheWholeEnsemble() {
        Scenario sc = RandomScenarios.generate(1000, dir);
        EnsembleResult whole = new Ensemble(sc).run(23, 5, 2, i -> { }, new AtomicBoolean());
        Aggregate.Data sum = null;
        for (int k = 0; k < 4; k++) {
            EnsembleResult part = new Ensemble(sc).run(23, 5, 1 + k % 2, new Shard(k, 4), i -> { }, new AtomicBoolean());
            assertEquals(new Shard(k, 4).size(23), part.runs());
            assertEquals(k == 0, !part.trace.isEmpty(), "only the shard with replication 0 records its trace");
            sum = Aggregate.sum(sum, part.data());
        }
        Aggregate.Data w = whole.data();
        assertEquals(w.runs(), sum.runs());
        assertEquals(List.of(w.memberHistogram(), w.joinedHistogram(), w.joinedSum(), w.frozenSum(), w.memberByState(), w.joinedByState(),
                        w.frozenByState(), w.joinTickHistogram(), w.everJoined(), w.contributionSum(), w.eventCounts()).stream().map(java.util.Arrays::toString).toList(),
                List.of(sum.memberHistogram(), sum.joinedHistogram(), sum.joinedSum(), sum.frozenSum(), sum.memberByState(), sum.joinedByState(),
                        sum.frozenByState(), sum.joinTickHistogram(), sum.everJoined(), sum.contributionSum(), sum.eventCounts()).stream().map(java.util.Arrays::toString).toList());
    }
}
