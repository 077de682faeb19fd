package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** `run --shard K/N` then `merge`: the same folder as the unsharded run, and every documented refusal. */
class ShardMergeCommandTest extends CliTestBase {

    /** The files of a folder, relative names, sorted. */
    static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Asserts two result folders hold the same files with the same bytes, but for manifest.json and
     * index.html, which record times, threads and shards (as RunCommandTest compares thread counts).
     */
    static void assertSameResult(Path expected, Path actual) throws Exception {
        assertEquals(listing(expected), listing(actual));
        int compared = 0;
        for (String f : listing(expected)) {
            if (f.equals("manifest.json") || f.equals("index.html")) continue;
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
            compared++;
        }
        assertTrue(compared >= 10, "compared " + compared + " files");
    }

    private Path shard(int k, int n, String... extra) {
        return shardInto(root.resolve("shards/" + k + "-of-" + n), k, n, extra);
    }

    private Path shardInto(Path dir, int k, int n, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "mini", "--threads", String.valueOf(1 + k % 2), "--shard", k + "/" + n,
                "--out", dir.toString(), "--quiet"));
        args.addAll(List.of(extra));
        CliFixture.Result r = CliFixture.exec(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return dir;
    }

    private List<String> shards(int n, String... extra) {
        List<String> dirs = new ArrayList<>();
        for (int k = 0; k < n; k++) dirs.add(shard(k, n, extra).toString());
        return dirs;
    }

    private static CliFixture.Result merge(List<String> dirs, Path out) {
        List<String> args = new ArrayList<>(List.of("merge"));
        args.addAll(dirs);
        args.addAll(List.of("--out", out.toString(), "--quiet"));
        return CliFixture.exec(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8})
    void mergedShardsAreByteIdenticalToTheUnshardedRun(int n) throws Exception {
        Path whole = root.resolve("whole");
        assertEquals(0, CliFixture.exec("run", "mini", "--threads", "2", "--out", whole.toString(), "--quiet").code());
        List<String> dirs = shards(n);
        java.util.Collections.reverse(dirs); // order does not matter
        Path merged = root.resolve("merged");
        CliFixture.Result r = merge(dirs, merged);
        assertEquals(0, r.code(), r.err());
        assertSameResult(whole, merged);
        var m = new ObjectMapper().readTree(merged.resolve("manifest.json").toFile());
        assertEquals(30, m.get("replications").asLong());
        assertEquals(n, m.get("mergedShards").asInt());
    }

    @Test
    void moreShardsThanReplicationsStillMergeExactly() throws Exception {
        Path whole = root.resolve("whole");
        assertEquals(0, CliFixture.exec("run", "mini", "--reps", "5", "--out", whole.toString(), "--quiet").code());
        Path merged = root.resolve("merged");
        assertEquals(0, merge(shards(8, "--reps", "5"), merged).code());
        assertSameResult(whole, merged);
    }

    @Test
    void aShardFolderHoldsItsShareAndNoRunManifest() throws Exception {
        CliFixture.Result r = CliFixture.exec("run", "mini", "--shard", "1/3", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        Path dir = home.resolve("results/mini-shard-1-of-3");
        assertTrue(r.out().contains("10 of 30 replications") && r.out().contains("shard: " + dir), r.out());
        assertEquals(List.of("aggregate.json", "roster.yaml", "scenario.resolved.yaml", "shard.json"), listing(dir),
                "no manifest.json: compare must never reuse a part of an ensemble as the whole; trace only in the shard with replication 0");
        assertEquals(List.of("mini-shard-1-of-3"), listing(home.resolve("results")));
        var m = new ObjectMapper().readTree(dir.resolve("shard.json").toFile());
        assertEquals(10, m.get("computed").asLong());
        assertEquals(30, m.get("units").asLong());
    }

    @Test
    void aRerunShardMergesWithTheOthersAndAFolderOfShardsStandsForThem() throws Exception {
        Path whole = root.resolve("whole");
        assertEquals(0, CliFixture.exec("run", "mini", "--out", whole.toString(), "--quiet").code());
        List<String> dirs = shards(3);
        // shard 1 "failed": its folder is gone; rerun it alone elsewhere and merge it with the others
        org.accords.report.ResultFolder.deleteTree(Path.of(dirs.get(1)));
        CliFixture.Result missing = merge(dirs.subList(0, 1), root.resolve("m0"));
        assertEquals(2, missing.code());
        Path rerun = root.resolve("rerun/1-of-3");
        assertEquals(0, CliFixture.exec("run", "mini", "--shard", "1/3", "--threads", "2", "--out", rerun.toString(), "--quiet").code());
        Path merged = root.resolve("merged");
        assertEquals(0, merge(List.of(dirs.get(0), rerun.toString(), dirs.get(2)), merged).code());
        assertSameResult(whole, merged);
        // the parent folder of the shards stands for the shards inside it
        shard(1, 3);
        Path viaParent = root.resolve("via-parent");
        CliFixture.Result r = merge(List.of(root.resolve("shards").toString()), viaParent);
        assertEquals(0, r.code(), r.err());
        assertSameResult(whole, viaParent);
    }

    private void assertRefused(CliFixture.Result r, String... fragments) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("accords: "), r.err());
        for (String f : fragments) assertTrue(r.err().contains(f), "'" + f + "' in: " + r.err());
    }

    @Test
    void incompleteDuplicatedOrMismatchedShardsAreRefusedWithOneLineAndNothingWritten() throws Exception {
        List<String> three = shards(3);
        Path out = root.resolve("merged");
        assertRefused(merge(List.of(three.get(0), three.get(2)), out), "missing shard 1 of 3", "replications ≡ 1 mod 3");
        assertRefused(merge(List.of(three.get(0), three.get(1), three.get(2), three.get(1)), out), "shard 1/3 given twice");
        Path otherSeed = shardInto(root.resolve("seed8"), 1, 3, "--seed", "8");
        assertRefused(merge(List.of(three.get(0), otherSeed.toString(), three.get(2)), out), "inconsistent shards", "different seeds (7 and 8)");
        Path otherReps = shardInto(root.resolve("reps31"), 1, 3, "--reps", "31");
        assertRefused(merge(List.of(three.get(0), otherReps.toString(), three.get(2)), out), "different numbers of replications (30 and 31)");
        Path otherInput = shardInto(root.resolve("weights"), 1, 3, "--set", "model.weights.usRewards=3");
        assertRefused(merge(List.of(three.get(0), otherInput.toString(), three.get(2)), out), "different inputs");
        Path otherSplit = shardInto(root.resolve("quarter"), 1, 4);
        assertRefused(merge(List.of(three.get(0), otherSplit.toString(), three.get(2)), out), "split the replications differently");
        assertRefused(merge(List.of(three.get(0), root.resolve("nowhere").toString()), out), "no such shard folder");
        Path whole = root.resolve("whole");
        assertEquals(0, CliFixture.exec("run", "mini", "--out", whole.toString(), "--quiet").code());
        assertRefused(merge(List.of(whole.toString()), out), "is not a shard folder");

        // a shard whose input was edited after the run, or one made by another version
        Path edited = shardInto(root.resolve("edited"), 2, 3);
        Files.writeString(edited.resolve("roster.yaml"), "\n", java.nio.file.StandardOpenOption.APPEND);
        assertRefused(merge(List.of(three.get(0), three.get(1), edited.toString()), out), "do not match its shard.json");
        Path old = shardInto(root.resolve("old"), 2, 3);
        Path manifest = old.resolve("shard.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"version\" : \"" + Version.get() + "\"", "\"version\" : \"0.0.1\""));
        assertRefused(merge(List.of(three.get(0), three.get(1), old.toString()), out), "different versions of accords-sim");
        assertFalse(Files.exists(out), "nothing written");
        try (Stream<Path> s = Files.list(root)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".merged")), "no temporary folder left");
        }
    }

    @Test
    void anExistingResultFolderIsReplacedOnlyWithForce() throws Exception {
        List<String> one = shards(1);
        Path out = root.resolve("merged");
        Files.createDirectories(out);
        Files.writeString(out.resolve("mine.txt"), "keep");
        assertRefused(merge(one, out), "already exists", "--force");
        assertEquals("keep", Files.readString(out.resolve("mine.txt")));
        List<String> args = new ArrayList<>(List.of("merge"));
        args.addAll(one);
        args.addAll(List.of("--out", out.toString(), "--force"));
        CliFixture.Result r = CliFixture.exec(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("results: " + out.toAbsolutePath().normalize()), r.out());
        assertFalse(Files.exists(out.resolve("mine.txt")));
    }

    @Test
    void aMalformedShardIsAUsageError() {
        CliFixture.Result r = CliFixture.exec("run", "mini", "--shard", "3/3");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("K must be 0 to 2"), r.err());
        assertFalse(Files.exists(home.resolve("results")));
    }
}
