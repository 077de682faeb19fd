package org.accords.cli;

import static org.accords.cli.EnsembleCommandTest.CALIBRATE;
import static org.accords.cli.EnsembleCommandTest.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * `slurm calibrate --ensemble`: the job folder (one array per wave, a merge per wave, the finish,
 * run.sh), run.sh's order and its restart after a failed task, with fake sbatch and java; bad input.
 * The real thing, byte for byte, is SlurmIT's.
 */
class SlurmWavesTest extends CliTestBase {
    Path job;

    @BeforeEach
    void fakeJar() throws Exception {
        job = SlurmCommandTest.fakeJar(home, root);
    }

    private CliFixture.Result slurm(String... extra) {
        return CliFixture.exec(concat(concat(new String[] {"slurm"}, CALIBRATE), extra));
    }

    @Test
    void writesOneArrayForEveryWaveAMergeAFinishAndADriver() throws Exception {
        Path out = root.resolve("ens.yaml");
        CliFixture.Result r = slurm("--out", out.toString(), "--shards", "3", "--cpus", "2", "--max-parallel", "2", "--job-dir", job.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("run every wave, then the finish, with: " + job.resolve("run.sh")), r.out());
        assertEquals(List.of(".accords-result", "README.md", "accords.jar", "finish.sh", "input", "job.sbatch", "logs", "merge.sh", "run.sh", "shards", "waves"),
                ShardMergeCommandTest.listing(job));
        assertTrue(Files.readString(job.resolve("input/scenario.resolved.yaml")).contains("observed"), "the frozen history keeps its record");
        String array = Files.readString(job.resolve("job.sbatch"));
        for (String line : List.of("#SBATCH --array=0-2%2", "#SBATCH --output=" + job + "/logs/%x-shard-%a.out",
                "w=\"${WAVE:?submit with --export=ALL,WAVE=W", "after=(--after \"$job/waves/wave-$((w - 1))\")",
                "-jar \"$job/accords.jar\" calibrate --ensemble 6 --until 2021-06 --waves 2 --points 40 --reps 8 --rule k-max --seed 3"
                        + " --scenario \"$job/input/scenario.resolved.yaml\" --record-scenario mini --wave \"$w\" --shard \"$k/3\"",
                "--wave-dir \"$job/shards/wave-$w/$k-of-3\" \"${after[@]}\" --threads 2 --quiet --force")) {
            assertTrue(array.contains(line), line + " in:\n" + array);
        }
        assertTrue(Files.readString(job.resolve("finish.sh")).contains("--after \"$job/waves/wave-2\" --out " + out + " --page " + home.resolve("results/ensemble-until-2021-06")));
        assertFalse(Files.exists(out), "nothing run");
    }

    @Test
    void runShGoesWaveAfterWaveChecksEveryTaskAndRestartsWhereItStopped() throws Exception {
        assertEquals(0, slurm("--out", root.resolve("ens.yaml").toString(), "--shards", "3", "--job-dir", job.toString()).code());
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path log = root.resolve("calls.log");
        // sbatch "runs" the listed tasks of the wave at once, but for the one named in FAIL (wave:task); its exit code is always 0
        Files.writeString(bin.resolve("sbatch"), """
                #!/bin/bash
                echo "sbatch $*" >> "$LOG"
                for a in "$@"; do case "$a" in --array=*) list="${a#--array=}";; --export=ALL,WAVE=*) w="${a#--export=ALL,WAVE=}";; esac; done
                job="$(dirname "${@: -1}")"
                for k in ${list//,/ }; do
                  [ "$w:$k" = "${FAIL:-}" ] && continue
                  mkdir -p "$job/shards/wave-$w/$k-of-3" && touch "$job/shards/wave-$w/$k-of-3/shard.json"
                done
                exit 0
                """);
        // java answers the version check, and a merge leaves its waves folder
        Files.writeString(bin.resolve("java"), """
                #!/bin/bash
                case "$*" in *-jar*) ;; *) echo '    java.specification.version = 17' >&2; exit 0;; esac
                all="$*"
                echo "java ${all#*accords.jar }" >> "$LOG"
                args=("$@")
                for ((i = 0; i < ${#args[@]}; i++)); do
                  if [ "${args[$i]}" = "--out" ] && [[ "$*" == *" merge "* ]]; then mkdir -p "${args[$((i + 1))]}" && touch "${args[$((i + 1))]}/matching.json"; fi
                done
                exit 0
                """);
        bin.resolve("sbatch").toFile().setExecutable(true);
        bin.resolve("java").toFile().setExecutable(true);
        String path = bin + ":" + System.getenv("PATH");
        CliFixture.Result first = bash(job.resolve("run.sh").toString(), "PATH", path, "LOG", log.toString(), "FAIL", "1:2");
        assertEquals(2, first.code(), first.out());
        assertTrue(first.out().contains("accords: wave 1: tasks 2 failed (see " + job + "/logs/wave-1-shard-K.err); rerun only those and go on: " + job + "/run.sh"),
                first.out());
        CliFixture.Result again = bash(job.resolve("run.sh").toString(), "PATH", path, "LOG", log.toString());
        assertEquals(0, again.code(), again.out());
        List<String> calls = Files.readAllLines(log);
        assertEquals(6, calls.size(), String.join("\n", calls));
        assertTrue(calls.get(0).startsWith("sbatch --wait --job-name=wave-1 --export=ALL,WAVE=1 --array=0,1,2 "), calls.get(0));
        assertTrue(calls.get(1).startsWith("sbatch --wait --job-name=wave-1 --export=ALL,WAVE=1 --array=2 "), "only the failed task again: " + calls.get(1));
        assertEquals("java merge " + job + "/shards/wave-1 --out " + job + "/waves/wave-1 --force --quiet", calls.get(2));
        assertTrue(calls.get(3).startsWith("sbatch --wait --job-name=wave-2 --export=ALL,WAVE=2 --array=0,1,2 "), calls.get(3));
        assertTrue(calls.get(4).startsWith("java merge " + job + "/shards/wave-2"), calls.get(4));
        assertTrue(calls.get(5).startsWith("java calibrate --ensemble 6 ") && calls.get(5).contains(" --after " + job + "/waves/wave-2 --out "),
                "the finish, last: " + calls.get(5));
    }

    @Test
    void aFailedTaskOfAWaveIsExplainedFromItsOwnLog() throws Exception {
        assertEquals(0, slurm("--out", root.resolve("ens.yaml").toString(), "--shards", "2", "--job-dir", job.toString()).code());
        Files.writeString(job.resolve("logs/wave-2-shard-1.exit"), "2\n");
        Files.writeString(job.resolve("logs/wave-2-shard-1.err"), "accords: --wave: no point of waves 1..1 survived\n");
        SlurmSubmission s = new SlurmSubmission(job, 2, 1, new java.io.PrintWriter(new java.io.StringWriter()), 2);
        assertEquals("exit code 2, 'accords: --wave: no point of waves 1..1 survived' (see " + job.resolve("logs/wave-2-shard-1.err") + ")", s.problem(1));
        assertEquals("it never started (no exit status, no log): cancelled while pending?", s.problem(0));
    }

    @Test
    void refusesWhatItCannotSplit() throws Exception {
        EnsembleCommandTest.assertBad(CliFixture.exec("slurm", "calibrate", "--scenario", "mini", "--until", "2021-06", "--shards", "2", "--job-dir", job.toString()),
                "give --ensemble K");
        EnsembleCommandTest.assertBad(slurm("--wave", "1", "--shards", "2", "--job-dir", job.toString()), "--wave: is set by slurm");
        EnsembleCommandTest.assertBad(slurm("--threads", "2", "--shards", "2", "--job-dir", job.toString()), "--threads: is set by slurm from --cpus");
        Path existing = root.resolve("mine.yaml");
        Files.writeString(existing, "sets: []\n");
        EnsembleCommandTest.assertBad(slurm("--out", existing.toString(), "--shards", "2", "--job-dir", job.toString()), "exists; add --force");
        assertFalse(Files.exists(job), "no job folder for a refused study");
    }

    private CliFixture.Result bash(String script, String... env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", script).directory(root.toFile()).redirectErrorStream(true);
        for (int i = 0; i < env.length; i += 2) pb.environment().put(env[i], env[i + 1]);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        return new CliFixture.Result(p.waitFor(), out, out);
    }
}
