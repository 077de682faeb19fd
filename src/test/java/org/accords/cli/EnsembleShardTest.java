package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.accords.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * Runs over a parameter ensemble, split into shards by hand or by `slurm`: each shard keeps a copy
 * of the sets and the keys held, the merge restores them (parameter-sets.yaml, manifest, page), and
 * shards run over other sets are refused.
 */
class EnsembleShardTest extends CliTestBase {

    private static void ok(String... args) {
        CliFixture.Result r = CliFixture.exec(args);
        assertEquals(0, r.code(), r.err());
    }

    private List<String> shards(int n, String scenario, String... extra) {
        List<String> dirs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Path dir = root.resolve("shards-" + scenario + "/" + k);
            List<String> args = new ArrayList<>(List.of("run", scenario, "--reps", "30", "--shard", k + "/" + n, "--out", dir.toString(), "--quiet"));
            args.addAll(List.of(extra));
            ok(args.toArray(String[]::new));
            dirs.add(dir.toString());
        }
        return dirs;
    }

    private void merge(List<String> dirs, Path out) {
        List<String> args = new ArrayList<>(List.of("merge"));
        args.addAll(dirs);
        args.addAll(List.of("--out", out.toString(), "--quiet"));
        ok(args.toArray(String[]::new));
    }

    /** Same files and bytes, and the same account of the parameters in the manifest (which also records times). */
    private static void assertSameEnsembleRun(Path whole, Path merged) throws Exception {
        ShardMergeCommandTest.assertSameResult(whole, merged);
        assertTrue(Files.exists(merged.resolve("parameter-sets.yaml")));
        assertEquals(EnsembleRunTest.manifest(whole).path("parameters"), EnsembleRunTest.manifest(merged).path("parameters"));
        String page = Files.readString(merged.resolve("index.html"));
        assertTrue(page.contains("parameter and random uncertainty together"), "the merged page says the bands carry the sets");
    }

    @Test
    void shardsOverTheCommittedEnsembleMergeToTheUnshardedRun() throws Exception {
        EnsembleRunTest.ensembleFile(home);
        Path whole = root.resolve("whole");
        ok("run", "calib", "--reps", "30", "--out", whole.toString(), "--quiet");
        Path merged = root.resolve("merged");
        merge(shards(3, "calib"), merged);
        assertSameEnsembleRun(whole, merged);
        assertEquals("[]", EnsembleRunTest.manifest(merged).path("parameters").path("held").toString());
    }

    @Test
    void heldKeysAndANamedEnsembleSurviveTheMerge() throws Exception {
        Path file = home.resolve("my-ensemble.yaml");
        TestScenarios.write(file, EnsembleRunTest.ENSEMBLE);
        Path whole = root.resolve("whole");
        ok("run", "mini", "--reps", "30", "--params", file.toString(), "--set", "model.weights.usRewards=1", "--out", whole.toString(), "--quiet");
        Path merged = root.resolve("merged");
        merge(shards(3, "mini", "--params", file.toString(), "--set", "model.weights.usRewards=1"), merged);
        assertSameEnsembleRun(whole, merged);
        assertEquals("[\"model.weights.usRewards\"]", EnsembleRunTest.manifest(merged).path("parameters").path("held").toString());
    }

    @Test
    void shardsRunOverOtherSetsAreRefused() throws Exception {
        EnsembleRunTest.ensembleFile(home);
        List<String> dirs = shards(2, "calib");
        Path point = root.resolve("point-shard");
        ok("run", "calib", "--reps", "30", "--shard", "1/2", "--params", "point", "--out", point.toString(), "--quiet");
        CliFixture.Result r = CliFixture.exec("merge", dirs.get(0), point.toString(), "--out", root.resolve("m").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().strip().endsWith("come from different inputs (their scenario.resolved.yaml, roster.yaml or parameter sets differ)"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        // a shard whose copy of the sets was edited afterwards is refused too
        Path copy = Path.of(dirs.get(1)).resolve("parameters/_ensemble.yaml");
        Files.writeString(copy, Files.readString(copy).replace("usRewards: 4.0", "usRewards: 3.0"));
        r = CliFixture.exec("merge", dirs.get(0), dirs.get(1), "--out", root.resolve("m").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("its input files do not match its shard.json"), r.err());
    }

    /**
     * `slurm run` over the committed ensemble: the job folder carries a copy of the sets and every
     * task names it (and the keys held); the tasks, run here one by one as Slurm would, then the
     * merge give the unsharded run byte for byte, even once the home's own ensemble has changed.
     */
    @Test
    void slurmJobFoldersCarryTheEnsembleToEveryTask() throws Exception {
        Path ensemble = EnsembleRunTest.ensembleFile(home);
        Files.createDirectories(home.resolve("target"));
        Files.writeString(home.resolve("target/accords.jar"), "not really a jar");
        Path whole = root.resolve("whole");
        ok("run", "mini", "--reps", "30", "--out", whole.toString(), "--quiet");
        Path job = root.resolve("job");
        Path merged = root.resolve("merged");
        ok("slurm", "run", "mini", "--reps", "30", "--shards", "3", "--job-dir", job.toString(), "--out", merged.toString());
        Path copy = job.resolve("input/parameters/_ensemble.yaml");
        assertArrayEquals(Files.readAllBytes(ensemble), Files.readAllBytes(copy));
        String array = Files.readString(job.resolve("job.sbatch"));
        String task = array.lines().filter(l -> l.contains("-jar \"$job/accords.jar\"")).findFirst().orElseThrow();
        assertTrue(task.contains("--params \"$job/input/parameters/_ensemble.yaml\" --hold model.joinThreshold,model.weights.palestinianPressure,model.weights.usRewards"),
                task);
        // a node must not fall back on some other ensemble: the home's own file changes, the job's copy does not
        Files.writeString(ensemble, Files.readString(ensemble).replace("usRewards: 4.0", "usRewards: 3.0"));
        String args = task.substring(task.indexOf("accords.jar\" ") + "accords.jar\" ".length());
        for (int k = 0; k < 3; k++) {
            String line = args.replace("$job", job.toString()).replace("$k", String.valueOf(k)).replace("\"", "");
            ok(Arrays.stream(line.split(" ")).filter(w -> !w.isEmpty()).toArray(String[]::new));
        }
        CliFixture.Result r = CliFixture.exec("merge", job.resolve("shards").toString(), "--out", merged.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertSameEnsembleRun(whole, merged);

        // without an ensemble (or with --params point) the tasks are told so, not left to a node's default
        Path pointJob = root.resolve("point-job");
        ok("slurm", "run", "mini", "--params", "point", "--shards", "2", "--job-dir", pointJob.toString(), "--out", root.resolve("p").toString());
        assertTrue(Files.readString(pointJob.resolve("job.sbatch")).contains("--params point"));
        assertTrue(!Files.exists(pointJob.resolve("input/parameters")));
    }
}
