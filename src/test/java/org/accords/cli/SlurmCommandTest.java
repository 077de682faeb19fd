package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** `accords slurm` without a cluster: the job folder, its scripts, the Java check, failure reports, bad input. */
class SlurmCommandTest extends CliTestBase {
    Path job;

    @BeforeEach
    void fakeJar() throws Exception {
        job = fakeJar(home, root);
    }

    /** In-process the code is not in a jar: slurm sends the project's built jar, faked here. Returns the job folder's path. */
    static Path fakeJar(Path home, Path root) throws Exception {
        Files.createDirectories(home.resolve("target"));
        Files.writeString(home.resolve("target/accords.jar"), "not really a jar");
        return root.resolve("job");
    }

    @Test
    void writesAJobFolderWithTheArrayTheMergeAndTheFrozenInput() throws Exception {
        CliFixture.Result r = CliFixture.exec("slurm", "run", "mini", "--reps", "40", "--set", "model.weights.usRewards=2", "--shards", "8",
                "--partition", "short", "--time", "00:10:00", "--mem", "1G", "--cpus", "2", "--max-parallel", "3", "--job-dir", job.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("submit with: sbatch " + job.resolve("job.sbatch")), r.out());
        assertEquals(List.of(".accords-result", "README.md", "accords.jar", "input", "job.sbatch", "logs", "merge.sh", "shards"), ShardMergeCommandTest.listing(job));
        assertEquals("not really a jar", Files.readString(job.resolve("accords.jar")), "the jar is copied: a rebuild while the job waits changes nothing");
        String resolved = Files.readString(job.resolve("input/scenario.resolved.yaml"));
        assertTrue(resolved.contains("replications: 40") && resolved.contains("usRewards: 2.0"), "--reps and --set are resolved into the input");
        assertTrue(Files.exists(job.resolve("input/roster.yaml")));

        String array = Files.readString(job.resolve("job.sbatch"));
        for (String line : List.of("#SBATCH --array=0-7%3", "#SBATCH --cpus-per-task=2", "#SBATCH --partition=short", "#SBATCH --time=00:10:00",
                "#SBATCH --mem=1G", "#SBATCH --output=" + job + "/logs/shard-%a.out", "#SBATCH --error=" + job + "/logs/shard-%a.err",
                "k=\"${SLURM_ARRAY_TASK_ID:?", "-jar \"$job/accords.jar\" run \"$job/input/scenario.resolved.yaml\" --shard \"$k/8\" --out \"$job/shards/$k-of-8\" --threads 2 --quiet --force",
                "echo \"$rc\" > \"$job/logs/shard-$k.exit\"")) {
            assertTrue(array.contains(line), line + " in:\n" + array);
        }
        String merge = Files.readString(job.resolve("merge.sh"));
        assertTrue(merge.contains("merge \"$job/shards\" --out " + home.resolve("results/mini")), merge);
        assertTrue(Files.isExecutable(job.resolve("job.sbatch")) && Files.isExecutable(job.resolve("merge.sh")));
        assertTrue(Files.readString(job.resolve("README.md")).contains("sbatch " + job + "/job.sbatch"));
        assertFalse(Files.exists(home.resolve("results/mini")), "nothing run, nothing merged");
    }

    @Test
    void withoutOptionalSettingsTheArrayHasNoThrottleAndNoPartition() throws Exception {
        CliFixture.Result r = CliFixture.exec("slurm", "run", "mini", "--out", root.resolve("merged").toString(), "--force", "--shards", "3");
        assertEquals(0, r.code(), r.err());
        Path dflt = home.resolve("results/mini-slurm");
        String array = Files.readString(dflt.resolve("job.sbatch"));
        assertTrue(array.contains("#SBATCH --array=0-2\n"), array);
        assertFalse(array.contains("--partition") || array.contains("--time=") || array.contains("--mem"), array);
        assertTrue(Files.readString(dflt.resolve("merge.sh")).contains("--out " + root.resolve("merged") + " --force"), "the inner --force reaches the merge");
    }

    @Test
    void anExperimentTravelsWithItsFileAndThePresetsItNames() throws Exception {
        Path f = root.resolve("sweep.yaml");
        Files.writeString(f, ExperimentCommandTest.SMALL);
        CliFixture.Result r = CliFixture.exec("slurm", "experiment", f.toString(), "--reps", "5", "--shards", "3", "--job-dir", job.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(ExperimentCommandTest.SMALL, Files.readString(job.resolve("input/home/experiments/sweep.yaml")));
        assertTrue(Files.exists(job.resolve("input/home/scenarios/mini.yaml")) && Files.exists(job.resolve("input/home/scenarios/roster.yaml")));
        String array = Files.readString(job.resolve("job.sbatch"));
        assertTrue(array.contains("-Daccords.home=\"$job/input/home\" -jar \"$job/accords.jar\" experiment \"$job/input/home/experiments/sweep.yaml\" --reps 5 --seed 7 --shard \"$k/3\""), array);
        assertTrue(Files.readString(job.resolve("merge.sh")).contains("merge \"$job/shards\" --out " + home.resolve("results/sweep")));

        Path s = root.resolve("sens.yaml");
        Files.writeString(s, SensitivityCommandTest.FILE);
        r = CliFixture.exec("slurm", "sensitivity", s.toString(), "--shards", "2", "--job-dir", root.resolve("job2").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(root.resolve("job2/merge.sh")).contains("--out " + home.resolve("results/sens-sensitivity")));

        // a scenario named by a path beside the experiment file does not travel: refused, nothing written
        Files.createDirectories(root.resolve("mine"));
        Files.copy(home.resolve("scenarios/mini.yaml"), root.resolve("mine/mini.yaml"));
        Files.copy(home.resolve("scenarios/roster.yaml"), root.resolve("mine/roster.yaml"));
        Path local = root.resolve("local.yaml");
        Files.writeString(local, ExperimentCommandTest.SMALL.replace("scenario: mini", "scenario: mine/mini.yaml"));
        assertRefused("cannot be sent to the nodes", "slurm", "experiment", local.toString(), "--shards", "2", "--job-dir", root.resolve("job3").toString());
        assertFalse(Files.exists(root.resolve("job3")));
        assertRefused("--resume: a sharded study reruns only its failed tasks", "slurm", "experiment", f.toString(), "--resume", "--shards", "2",
                "--job-dir", root.resolve("job4").toString());
    }

    private static void runBash(String script, Path dir, String... env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true);
        for (int i = 0; i < env.length; i += 2) pb.environment().put(env[i], env[i + 1]);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Files.writeString(dir.resolve("bash.out"), out + "exit " + p.exitValue());
    }

    @Test
    void theScriptsCheckJavasVersionOnTheNode() throws Exception {
        assertEquals(0, CliFixture.exec("slurm", "run", "mini", "--shards", "2", "--job-dir", job.toString()).code());
        Path fake = root.resolve("fake-java");
        for (String[] c : new String[][] {{"1.8", "exit 3"}, {"11", "exit 3"}, {"", "exit 3"}, {"17", "ran"}, {"21", "ran"}}) {
            Files.writeString(fake, "#!/bin/sh\ncase \"$*\" in *-jar*) echo ran; exit 0;; esac\n"
                    + (c[0].isEmpty() ? "exit 127\n" : "echo '    java.specification.version = " + c[0] + "' >&2\n"));
            fake.toFile().setExecutable(true);
            runBash(job.resolve("job.sbatch").toString(), root, "JAVA", fake.toString(), "SLURM_ARRAY_TASK_ID", "1");
            String out = Files.readString(root.resolve("bash.out"));
            assertTrue(out.endsWith(c[1].equals("ran") ? "exit 0" : "exit 3"), c[0] + ": " + out);
            if (c[1].equals("ran")) {
                assertTrue(out.startsWith("ran\n"), out);
                assertEquals("0", Files.readString(job.resolve("logs/shard-1.exit")).strip());
            } else {
                assertTrue(out.contains("accords: needs Java 17 or later on ") && out.contains(c[0].isEmpty() ? "no java on PATH" : "found " + c[0]), out);
                assertEquals("3", Files.readString(job.resolve("logs/shard-1.exit")).strip());
            }
        }
        runBash(job.resolve("job.sbatch").toString(), root);
        assertTrue(Files.readString(root.resolve("bash.out")).contains("run this script with sbatch"), "outside an array it says how to run it");
    }

    @Test
    void theMergeScriptNamesMissingShardsAndTheRerunLine() throws Exception {
        assertEquals(0, CliFixture.exec("slurm", "run", "mini", "--shards", "4", "--job-dir", job.toString()).code());
        Files.createDirectories(job.resolve("shards/1-of-4"));
        Files.writeString(job.resolve("shards/1-of-4/shard.json"), "{}");
        runBash(job.resolve("merge.sh").toString(), root);
        String out = Files.readString(root.resolve("bash.out"));
        assertTrue(out.contains("accords: 3 of 4 shards missing (0,2,3)") && out.contains("sbatch --wait --array=0,2,3 " + job + "/job.sbatch && " + job + "/merge.sh"), out);
        assertTrue(out.endsWith("exit 2"), out);
    }

    @Test
    void aFailedTaskIsExplainedFromItsExitCodeAndLog() throws Exception {
        assertEquals(0, CliFixture.exec("slurm", "run", "mini", "--shards", "3", "--job-dir", job.toString()).code());
        Files.writeString(job.resolve("logs/shard-1.exit"), "2\n");
        Files.writeString(job.resolve("logs/shard-1.err"), "accords: something bad\n\n");
        Files.writeString(job.resolve("logs/shard-2.err"), "slurmstepd: error: *** JOB 12 CANCELLED ***\n");
        SlurmSubmission s = new SlurmSubmission(job, 3, 1, new java.io.PrintWriter(new java.io.StringWriter()));
        assertEquals("exit code 2, 'accords: something bad' (see " + job.resolve("logs/shard-1.err") + ")", s.problem(1));
        assertTrue(s.problem(2).startsWith("no exit status (cancelled, timed out, out of memory or never started), 'slurmstepd: error: *** JOB 12 CANCELLED ***'"), s.problem(2));
        assertEquals("it never started (no exit status, no log): cancelled while pending?", s.problem(0));
        // a complete shard folder is a success whatever the logs say
        assertEquals(0, CliFixture.exec("run", "mini", "--shard", "0/3", "--out", job.resolve("shards/0-of-3").toString(), "--quiet").code());
        assertNull(s.problem(0));
    }

    @Test
    void runsCsvChoiceReachesEveryTaskAndNoWhyNotIsRefusedForShards() throws Exception {
        // --runs on|off: each task writes its share (or none), so the merge is the unsharded run's folder
        assertEquals(0, CliFixture.exec("slurm", "run", "mini", "--runs", "off", "--shards", "2", "--job-dir", job.toString()).code());
        assertTrue(Files.readString(job.resolve("job.sbatch")).contains("--runs off"), "the tasks are told --runs off");
        Path auto = root.resolve("job-auto");
        assertEquals(0, CliFixture.exec("slurm", "run", "mini", "--shards", "2", "--job-dir", auto.toString()).code());
        assertFalse(Files.readString(auto.resolve("job.sbatch")).contains("--runs"), "auto, the default, stays implicit");
        // merge always writes the why-not files (as the unsharded run does): skipping them in a shard is refused, not ignored
        Path other = root.resolve("job-nwn");
        assertRefused("--no-why-not: a merged sharded run writes the why-not chart", "slurm", "run", "mini", "--no-why-not", "--shards", "2",
                "--job-dir", other.toString());
        assertFalse(Files.exists(other));
        Path shard = root.resolve("shard");
        assertRefused("--no-why-not: a merged sharded run writes the why-not chart", "run", "mini", "--no-why-not", "--shard", "0/2",
                "--out", shard.toString());
        assertFalse(Files.exists(shard));
    }

    private void assertRefused(String fragment, String... args) {
        CliFixture.Result r = CliFixture.exec(args);
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(fragment), "'" + fragment + "' in: " + r.err());
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsWritten() throws Exception {
        assertRefused("--shards: must be a positive whole number", "slurm", "run", "mini", "--shards", "0", "--job-dir", job.toString());
        assertRefused("cannot split `compare` (this version splits: run, experiment, sensitivity, calibrate --ensemble)", "slurm", "compare", "mini", "mini", "--shards", "2", "--job-dir", job.toString());
        assertRefused("--shard: is set by slurm", "slurm", "run", "mini", "--shard", "1/2", "--shards", "2", "--job-dir", job.toString());
        assertRefused("slurm run: Unknown option: '--nonsense'", "slurm", "run", "mini", "--nonsense", "--shards", "2", "--job-dir", job.toString());
        assertRefused("--time: '10 min' is not a Slurm value", "slurm", "run", "mini", "--time", "10 min", "--shards", "2", "--job-dir", job.toString());
        assertRefused("no-such", "slurm", "run", "no-such", "--shards", "2", "--job-dir", job.toString());
        assertRefused("must not contain spaces", "slurm", "run", "mini", "--shards", "2", "--job-dir", root.resolve("a job").toString());
        assertRefused("Missing required option: '--shards=N'", "slurm", "run", "mini", "--job-dir", job.toString());
        assertFalse(Files.exists(job));
        Files.createDirectories(home.resolve("results/mini"));
        assertRefused("already exists", "slurm", "run", "mini", "--shards", "2", "--job-dir", job.toString());
        assertFalse(Files.exists(job), "an existing result folder is found before the job is written, not after it ran");
        Files.createDirectories(job);
        assertRefused("already exists", "slurm", "run", "mini", "--out", root.resolve("x").toString(), "--shards", "2", "--job-dir", job.toString());
    }
}
