package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accords.RealComponent;
import org.accords.report.ResultFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Slurm: scripts/slurm-local.sh starts a single-node cluster on localhost, `./accords slurm
 * experiment experiments/pressure-weight.yaml --shards 8 --submit` runs the experiment as a job array and merges it, and the merged folder must
 * equal the single-process run byte for byte. Then one task is cancelled: the command must name
 * it and print the line that reruns it alone, and that line must complete the same result.
 * Runs as root in CI (slurmd starts jobs as their user).
 */
class SlurmIT {
    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final Path WORK = PROJECT.resolve("target/slurm-it");
    static final Path CLUSTER = WORK.resolve("cluster");
    /** The preset experiment (25 points over the outlook), with few replications so the test stays short. */
    static final List<String> STUDY = List.of("experiment", "experiments/pressure-weight.yaml", "--reps", "8");

    static boolean started;

    @BeforeAll
    static void startCluster() throws Exception {
        boolean installed = List.of("munged", "slurmctld", "slurmd", "sbatch", "squeue", "sinfo").stream()
                .allMatch(c -> RealComponent.onPath(c) || Files.isExecutable(Path.of("/usr/sbin", c)));
        boolean root = "0".equals(run(List.of("id", "-u"), Map.of()).out().strip());
        RealComponent.require(installed && root, "Slurm run as root (Debian slurmctld, slurmd, slurm-client and munge, as .ci/run installs)");
        ResultFolder.deleteTree(WORK);
        Files.createDirectories(WORK);
        Result r = run(List.of(PROJECT.resolve("scripts/slurm-local.sh").toString(), "start", CLUSTER.toString()), Map.of());
        assertEquals(0, r.code(), r.out());
        started = true;
        Result sinfo = run(List.of("sinfo", "-h", "-N", "-o", "%t"), env());
        assertEquals("idle", sinfo.out().strip(), sinfo.out());
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (!started) return;
        Result r = run(List.of(PROJECT.resolve("scripts/slurm-local.sh").toString(), "stop", CLUSTER.toString()), Map.of());
        assertEquals(0, r.code(), r.out());
        for (String pid : List.of("munge/munged.pid", "run/slurmctld.pid", "run/slurmd.pid")) {
            assertTrue(!Files.exists(CLUSTER.resolve(pid)), pid + " removed: the daemon was stopped");
        }
    }

    static Map<String, String> env() {
        return Map.of("SLURM_CONF", CLUSTER.resolve("slurm.conf").toString());
    }

    record Result(int code, String out) {}

    /** Runs a command to its end; stdout and stderr together. */
    static Result run(List<String> cmd, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(PROJECT.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(4, TimeUnit.MINUTES), String.join(" ", cmd) + " timed out");
        return new Result(p.exitValue(), out);
    }

    static List<String> accords(String... args) {
        List<String> cmd = new ArrayList<>(List.of(PROJECT.resolve("accords").toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static List<String> slurm(Path job, Path out, int shards, String... extra) {
        List<String> cmd = accords("slurm");
        cmd.addAll(STUDY);
        cmd.addAll(List.of("--out", out.toString(), "--shards", String.valueOf(shards), "--job-dir", job.toString(), "--poll", "0.5"));
        cmd.addAll(List.of(extra));
        return cmd;
    }

    @Test
    void anEightShardArrayMergesToTheSingleProcessRunAndACancelledTaskIsRerunAlone() throws Exception {
        Path single = WORK.resolve("single");
        List<String> one = accords(STUDY.toArray(String[]::new));
        one.addAll(List.of("--out", single.toString(), "--quiet"));
        Result r = run(one, Map.of());
        assertEquals(0, r.code(), r.out());

        Path merged = WORK.resolve("merged");
        r = run(slurm(WORK.resolve("job"), merged, 8, "--submit"), env());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("results: " + merged) && r.out().contains("all 8 tasks of job"), r.out());
        ExperimentShardTest.assertSameTree(single, merged);

        // one task killed (as by scancel, preemption or a node failure): named, with the line that reruns it alone;
        // three shards are enough to show it, and keep the test short
        Path job = WORK.resolve("job-cancelled");
        Path merged2 = WORK.resolve("merged-after-rerun");
        ProcessBuilder pb = new ProcessBuilder(slurm(job, merged2, 3, "--submit", "--max-parallel", "1")).directory(PROJECT.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env());
        Process p = pb.start();
        StringBuilder out = new StringBuilder();
        String id = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.append(line).append('\n');
                Matcher m = Pattern.compile("submitted array job (\\d+)").matcher(line);
                if (id == null && m.find()) {
                    id = m.group(1);
                    Result cancel = run(List.of("scancel", id + "_2"), env()); // pending: tasks run one at a time
                    assertEquals(0, cancel.code(), cancel.out());
                }
            }
        }
        assertTrue(p.waitFor(4, TimeUnit.MINUTES));
        assertEquals(1, p.exitValue(), out.toString());
        String text = out.toString();
        assertTrue(text.contains("accords: slurm job " + id + ": 1 of 3 tasks failed (2): task 2: it never started"), text);
        String rerun = "sbatch --wait --array=2 " + job.resolve("job.sbatch") + " && " + job.resolve("merge.sh");
        assertTrue(text.contains("rerun only those: " + rerun + "\n"), text);
        assertTrue(!Files.exists(merged2), "nothing merged from an incomplete study");

        r = run(List.of("bash", "-c", rerun), env());
        assertEquals(0, r.code(), r.out());
        ExperimentShardTest.assertSameTree(single, merged2);
    }
    /**
     * `slurm calibrate --ensemble ... --shards 3 --submit`: every wave an array job, checked and merged
     * before the next, then the finish: the ensemble file of the single-process match, byte for byte.
     * On the mini scenario (it has an observed record), so that the match is small and keeps sets.
     */
    @Test
    void aHistoryMatchRunsWaveAfterWaveAndGivesTheEnsembleOfOneProcess() throws Exception {
        Path scenario = CliFixture.mini().write(WORK.resolve("mini-home/scenarios"), "mini.yaml");
        List<String> match = List.of("calibrate", "--ensemble", "6", "--scenario", scenario.toString(), "--until", "2021-06", "--waves", "2",
                "--points", "40", "--reps", "8", "--seed", "3");
        List<String> one = accords(match.toArray(String[]::new));
        one.addAll(List.of("--out", WORK.resolve("single.yaml").toString(), "--page", WORK.resolve("single-page").toString(), "--quiet"));
        Result r = run(one, Map.of());
        assertEquals(0, r.code(), r.out());

        List<String> cmd = accords("slurm");
        cmd.addAll(match);
        cmd.addAll(List.of("--out", WORK.resolve("waves.yaml").toString(), "--page", WORK.resolve("waves-page").toString(), "--shards", "3",
                "--job-dir", WORK.resolve("job-waves").toString(), "--poll", "0.5", "--submit"));
        r = run(cmd, env());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("accords: wave 1: all 3 tasks of job") && r.out().contains("accords: wave 2: all 3 tasks of job"), r.out());
        assertEquals(Files.readString(WORK.resolve("single.yaml")), Files.readString(WORK.resolve("waves.yaml")), "the ensemble, byte for byte");
        assertEquals(Files.readString(WORK.resolve("single-page/sets.csv")), Files.readString(WORK.resolve("waves-page/sets.csv")));
    }
}
