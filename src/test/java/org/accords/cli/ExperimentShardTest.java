package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** `experiment` and `sensitivity` with --shard K/N, then `merge`: the unsharded command's folder, byte for byte. */
class ExperimentShardTest extends CliTestBase {

    /** Every file under a folder, relative, sorted. */
    static List<String> tree(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /** The same files with the same bytes; experiment folders record no times, so nothing is excused. */
    static void assertSameTree(Path expected, Path actual) throws Exception {
        assertEquals(tree(expected), tree(actual));
        for (String f : tree(expected)) assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
    }

    private List<String> shards(String command, Path file, int n, String... extra) {
        List<String> dirs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Path dir = root.resolve(command + "-shards-" + n + "/" + k + "-of-" + n);
            List<String> args = new ArrayList<>(List.of(command, file.toString(), "--shard", k + "/" + n, "--threads", "1", "--out", dir.toString(), "--quiet"));
            args.addAll(List.of(extra));
            CliFixture.Result r = CliFixture.exec(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            dirs.add(dir.toString());
        }
        return dirs;
    }

    private static CliFixture.Result merge(List<String> dirs, Path out) {
        List<String> args = new ArrayList<>(List.of("merge"));
        args.addAll(dirs);
        args.addAll(List.of("--out", out.toString()));
        return CliFixture.exec(args.toArray(String[]::new));
    }

    private Path write(String name, String text) throws Exception {
        Path f = root.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** One unsharded run, then N = 1, 3 and 8 shards merged (the whole is computed once: the charts are the slow part). */
    @Test
    void anExperimentMergesToTheUnshardedFolderAtOneThreeAndEightShards() throws Exception {
        Path f = write("sweep.yaml", ExperimentCommandTest.SMALL);
        Path whole = root.resolve("whole");
        assertEquals(0, CliFixture.exec("experiment", f.toString(), "--threads", "2", "--out", whole.toString(), "--quiet").code());
        for (int n : new int[] {1, 3, 8}) {
            List<String> dirs = shards("experiment", f, n);
            java.util.Collections.reverse(dirs);
            Path merged = root.resolve("merged-" + n);
            CliFixture.Result r = merge(dirs, merged);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("results: " + merged), r.out());
            assertSameTree(whole, merged);
        }
    }

    @Test
    void aSensitivityAnalysisMergesToTheUnshardedFolderAtOneThreeAndEightShards() throws Exception {
        Path f = write("sens.yaml", SensitivityCommandTest.FILE);
        Path whole = root.resolve("whole");
        assertEquals(0, CliFixture.exec("sensitivity", f.toString(), "--threads", "2", "--out", whole.toString(), "--quiet").code());
        for (int n : new int[] {1, 3, 8}) {
            Path merged = root.resolve("merged-" + n);
            CliFixture.Result r = merge(shards("sensitivity", f, n), merged);
            assertEquals(0, r.code(), r.err());
            assertSameTree(whole, merged);
        }
    }

    @Test
    void aShardHoldsOnlyItsPointsAndDefaultsBesideTheStudy() throws Exception {
        Path f = write("sweep.yaml", ExperimentCommandTest.SMALL);
        CliFixture.Result r = CliFixture.exec("experiment", f.toString(), "--shard", "1/4", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        Path dir = home.resolve("results/sweep-shard-1-of-4");
        assertTrue(r.out().contains("sweep shard 1/4: 2 of 6 points"), r.out());
        List<String> rows = Files.readAllLines(dir.resolve("outcomes.csv"));
        assertEquals(1 + 2 * 2, rows.size(), "points 1 and 5, two outcomes each");
        assertTrue(rows.get(1).startsWith("1,") && rows.get(3).startsWith("5,"), rows.toString());
        assertFalse(Files.exists(dir.resolve("index.html")), "charts and page need every point: merge draws them");
    }

    @Test
    void mergeRefusesAChangedExperimentMissingPointsAndMixedCommands() throws Exception {
        Path f = write("sweep.yaml", ExperimentCommandTest.SMALL);
        List<String> dirs = shards("experiment", f, 2);
        Path out = root.resolve("merged");
        CliFixture.Result r = merge(dirs.subList(1, 2), out);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("missing shard 0 of 2 (points ≡ 0 mod 2 not computed)"), r.err());

        Files.writeString(f, ExperimentCommandTest.SMALL.replace("range: [0.5, 2.5]", "range: [0.5, 3.5]"));
        r = merge(dirs, out);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("sweep.yaml has changed since the shards ran"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        Files.writeString(f, ExperimentCommandTest.SMALL);

        assertEquals(0, CliFixture.exec("run", "mini", "--shard", "1/2", "--out", root.resolve("run-shard").toString(), "--quiet").code());
        r = merge(List.of(dirs.get(0), root.resolve("run-shard").toString()), out);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("come from different commands (experiment and run)"), r.err());

        Path other = root.resolve("reps");
        assertEquals(0, CliFixture.exec("experiment", f.toString(), "--shard", "1/2", "--reps", "5", "--out", other.toString(), "--quiet").code());
        r = merge(List.of(dirs.get(0), other.toString()), out);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("come from different inputs"), r.err());
        assertFalse(Files.exists(out));
        assertEquals(0, merge(dirs, out).code(), "the untouched shards still merge");
    }
}
