package org.accords.cli;

import static org.accords.cli.EnsembleCommandTest.CALIBRATE;
import static org.accords.cli.EnsembleCommandTest.assertBad;
import static org.accords.cli.EnsembleCommandTest.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accords.report.WaveFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * History matching wave by wave: each wave split into shards (`calibrate --ensemble --wave W --shard
 * K/N`), merged, the next wave started from the merged waves, and the match finished with --after,
 * writes the ensemble file of the match run in one go, byte for byte; every refusal is one line.
 */
class WaveShardTest extends CliTestBase {

    /** The test's calibrate command with one option's value changed. */
    private static String[] with(String option, String value) {
        String[] a = CALIBRATE.clone();
        for (int i = 0; i < a.length - 1; i++) if (a[i].equals(option)) a[i + 1] = value;
        return a;
    }

    private static CliFixture.Result ok(String... args) {
        CliFixture.Result r = CliFixture.exec(args);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    /** The match run in one go: its ensemble file and page folder. */
    private Path whole() {
        Path file = root.resolve("whole.yaml");
        ok(concat(CALIBRATE, "--threads", "2", "--out", file.toString(), "--page", root.resolve("whole-page").toString(), "--quiet"));
        return file;
    }

    private Path waveShard(int w, int k, int n, Path after, String... extra) {
        Path dir = root.resolve("w" + w + "-n" + n + "/" + k);
        List<String> args = new ArrayList<>(List.of(concat(CALIBRATE, "--wave", String.valueOf(w), "--shard", k + "/" + n, "--wave-dir", dir.toString(),
                "--threads", String.valueOf(1 + k % 2), "--quiet")));
        if (after != null) args.addAll(List.of("--after", after.toString()));
        args.addAll(List.of(extra));
        ok(args.toArray(String[]::new));
        return dir;
    }

    /** Wave w in n shards, merged; returns the merged waves folder. */
    private Path wave(int w, int n, Path after) {
        List<String> args = new ArrayList<>(List.of("merge"));
        for (int k = n - 1; k >= 0; k--) args.add(waveShard(w, k, n, after).toString()); // order does not matter
        Path merged = root.resolve("waves-" + w + "-n" + n);
        args.addAll(List.of("--out", merged.toString()));
        CliFixture.Result r = ok(args.toArray(String[]::new));
        assertTrue(r.out().contains("history matching wave " + w + " of 2: 40 points merged from " + n + " shards"), r.out());
        return merged;
    }

    private void assertSameEnsemble(Path whole, Path file, Path page) throws Exception {
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(file), "the ensemble file, byte for byte");
        for (String f : List.of("sets.csv", "points.csv", "marginals.png", "pairs.png")) {
            assertArrayEquals(Files.readAllBytes(root.resolve("whole-page").resolve(f)), Files.readAllBytes(page.resolve(f)), f);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void shardedWavesMergedAndFinishedGiveTheEnsembleOfOneRun(int n) throws Exception {
        Path whole = whole();
        Path w1 = wave(1, n, null);
        Path w2 = wave(2, n, w1);
        assertEquals(81, Files.readAllLines(w2.resolve(WaveFiles.POINTS)).size(), "header and every point of both waves");
        Path file = root.resolve("split.yaml");
        Path page = root.resolve("split-page");
        CliFixture.Result r = ok(concat(CALIBRATE, "--after", w2.toString(), "--out", file.toString(), "--page", page.toString()));
        assertTrue(r.out().contains("wave 1: 40 points") && r.out().contains("wave 2: 40 points"), r.out());
        assertSameEnsemble(whole, file, page);
    }

    @Test
    void aMatchResumesFromItsMergedWavesAndComputesTheRest() throws Exception {
        Path whole = whole();
        Path w1 = wave(1, 2, null);
        Path file = root.resolve("resumed.yaml");
        Path page = root.resolve("resumed-page");
        ok(concat(CALIBRATE, "--after", w1.toString(), "--threads", "1", "--out", file.toString(), "--page", page.toString(), "--quiet"));
        assertSameEnsemble(whole, file, page);
    }

    @Test
    void inconsistentIncompleteOrMisplacedWavesAreRefusedInOneLine() throws Exception {
        Path s0 = waveShard(1, 0, 3, null);
        Path s2 = waveShard(1, 2, 3, null);
        assertBad(CliFixture.exec("merge", s0.toString(), s2.toString(), "--out", root.resolve("m").toString()), "cannot merge: missing shard 1 of 3");
        Path s1seed = root.resolve("seed4");
        ok(concat(with("--seed", "4"), "--wave", "1", "--shard", "1/3", "--wave-dir", s1seed.toString(), "--quiet"));
        assertBad(CliFixture.exec("merge", s0.toString(), s1seed.toString(), s2.toString(), "--out", root.resolve("m").toString()), "have different seeds");
        Path s1points = root.resolve("points50");
        ok(concat(with("--points", "50"), "--wave", "1", "--shard", "1/3", "--wave-dir", s1points.toString(), "--quiet"));
        assertBad(CliFixture.exec("merge", s0.toString(), s1points.toString(), s2.toString(), "--out", root.resolve("m").toString()), "inconsistent shards");
        Path w2shard = root.resolve("w2shard");
        ok(concat(CALIBRATE, "--wave", "2", "--shard", "1/3", "--after", wave(1, 1, null).toString(), "--wave-dir", w2shard.toString(), "--quiet"));
        assertBad(CliFixture.exec("merge", s0.toString(), w2shard.toString(), s2.toString(), "--out", root.resolve("m").toString()),
                "come from different inputs (their wave, history-matching settings, earlier waves or history scenario differ: see matching.json)");
        assertFalse(Files.exists(root.resolve("m")), "nothing merged");

        Path w1 = root.resolve("waves-1-n1");
        String out = root.resolve("x").toString();
        assertBad(CliFixture.exec(concat(with("--points", "50"), "--wave", "2", "--after", w1.toString(), "--wave-dir", out)),
                "holds waves of another history match: it was made with --points 40 (not 50)");
        assertBad(CliFixture.exec(concat(CALIBRATE, "--wave", "2", "--after", s0.toString(), "--wave-dir", out)), "is one shard of a wave; merge");
        assertBad(CliFixture.exec(concat(CALIBRATE, "--wave", "2", "--wave-dir", out)), "wave 2 needs the merged waves 1..1: give --after DIR");
        assertBad(CliFixture.exec(concat(CALIBRATE, "--wave", "1", "--after", w1.toString(), "--wave-dir", out)), "wave 1 starts from nothing");
        assertBad(CliFixture.exec(concat(CALIBRATE, "--wave", "3", "--wave-dir", out)), "--wave: must be 1 to 2");
        assertBad(CliFixture.exec(concat(CALIBRATE, "--shard", "0/2")), "--shard: splits one wave");
        assertBad(CliFixture.exec(concat(CALIBRATE, "--wave", "1", "--out", out)), "--out: a wave writes only its wave folder");
        assertBad(CliFixture.exec("calibrate", "--scenario", "mini", "--until", "2021-06", "--wave", "1"), "--wave: only with --ensemble");
        Path w2 = wave(2, 1, w1);
        assertBad(CliFixture.exec(concat(CALIBRATE, "--wave", "2", "--after", w2.toString(), "--wave-dir", out)), "holds waves 1..2; wave 2 needs waves 1..1");
        assertFalse(Files.exists(root.resolve("x")), "no refused wave left a folder");

        // the earlier waves a wave's shards read must be the ones the merge finds
        Path late = root.resolve("late");
        ok(concat(CALIBRATE, "--wave", "2", "--after", w1.toString(), "--wave-dir", late.toString(), "--quiet"));
        Path points = w1.resolve(WaveFiles.POINTS);
        List<String> lines = new ArrayList<>(Files.readAllLines(points));
        String[] cells = lines.get(1).split(",");
        cells[3] = cells[3].equals("0.125") ? "0.25" : "0.125"; // another x0 for point 0
        lines.set(1, String.join(",", cells));
        Files.write(points, lines);
        assertBad(CliFixture.exec("merge", late.toString(), "--out", root.resolve("m2").toString()), "has changed since the shards of wave 2 ran");
        // and a continuation checks the points are the ones these settings draw
        assertBad(CliFixture.exec(concat(CALIBRATE, "--after", w1.toString(), "--out", root.resolve("e.yaml").toString())), "not the waves of this history match");
    }
}
