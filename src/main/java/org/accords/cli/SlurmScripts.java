package org.accords.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of a Slurm job folder's scripts: an array job with one shard per task, a merge script,
 * and a README. Pure functions of the job's settings, so they are tested as text.
 */
final class SlurmScripts {
    /** Java release the jar is built for (pom.xml: maven.compiler.release). */
    static final int JAVA_RELEASE = 17;

    /**
     * What one Slurm job runs.
     *
     * @param name     short name for the job (the study's name)
     * @param job      the job folder (absolute)
     * @param shards   N, one array task per shard
     * @param home     the tasks' accords home (quoted for the shell)
     * @param task     the accords arguments of one task, with {@code $k} for the shard index (quoted for the shell)
     * @param merge    the accords arguments of the merge (quoted for the shell)
     */
    record Job(String name, Path job, int shards, String home, List<String> task, List<String> merge, String partition, String time, String mem,
               int cpus, Integer maxParallel) {}

    private SlurmScripts() {}

    /** Single-quotes a word for the shell unless it is plainly safe. */
    static String q(String s) {
        return s.matches("[A-Za-z0-9_./:=@%+,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    static String words(List<String> ws) {
        return String.join(" ", ws);
    }

    /** A shell function that checks the node's Java is new enough for the jar. */
    static String javaCheck() {
        return """
                # the jar needs Java %1$d or later on the node: say so plainly if it is not there
                need_java() {
                  local v
                  v="$("${JAVA:-java}" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
                  case "$v" in [0-9]*) [ "${v%%%%.*}" -ge %1$d ] 2>/dev/null && [ "${v#1.}" = "$v" ] && return 0 ;; esac
                  echo "accords: needs Java %1$d or later on $(hostname), found ${v:-no java on PATH} (set JAVA=/path/to/java, or load a Java module)" >&2
                  return 1
                }
                """.formatted(JAVA_RELEASE);
    }

    /** The array's limit on tasks running at once, as sbatch --array writes it ("%M"), or "" without one. */
    static String throttle(Job j) {
        return j.maxParallel() == null ? "" : "%" + j.maxParallel();
    }

    /** The #SBATCH lines of an array job; {@code logs} names each task's log (Slurm's patterns, without extension). */
    static String header(Job j, String jobName, String logs) {
        List<String> h = new ArrayList<>();
        h.add("#!/bin/bash");
        h.add("#SBATCH --job-name=" + jobName);
        h.add("#SBATCH --array=0-" + (j.shards() - 1) + throttle(j));
        h.add("#SBATCH --cpus-per-task=" + j.cpus());
        h.add("#SBATCH --output=" + j.job().resolve("logs") + "/" + logs + ".out");
        h.add("#SBATCH --error=" + j.job().resolve("logs") + "/" + logs + ".err");
        h.add("#SBATCH --chdir=" + j.job());
        if (j.partition() != null) h.add("#SBATCH --partition=" + j.partition());
        if (j.time() != null) h.add("#SBATCH --time=" + j.time());
        if (j.mem() != null) h.add("#SBATCH --mem=" + j.mem());
        return String.join("\n", h) + "\n";
    }

    static String array(Job j) {
        String h = header(j, "accords-" + j.name(), "shard-%a");
        String n = String.valueOf(j.shards());
        return h + """
                # One shard of an accords study per array task: task K computes shard K/%2$s into shards/K-of-%2$s.
                # Submit all:          sbatch %1$s/job.sbatch
                # Rerun some tasks:    sbatch --array=3,5 %1$s/job.sbatch
                # Then merge:          %1$s/merge.sh
                set -u
                job=%1$s
                k="${SLURM_ARRAY_TASK_ID:?run this script with sbatch: it is one task of a job array}"
                rm -f "$job/logs/shard-$k.exit"
                %3$s
                if ! need_java; then echo 3 > "$job/logs/shard-$k.exit"; exit 3; fi
                "${JAVA:-java}" ${JAVA_OPTS:-} -Daccords.home=%5$s -jar "$job/accords.jar" %4$s
                rc=$?
                echo "$rc" > "$job/logs/shard-$k.exit"
                exit "$rc"
                """.formatted(q(j.job().toString()), n, javaCheck().strip(), words(j.task()), j.home());
    }

    static String merge(Job j) {
        String n = String.valueOf(j.shards());
        return """
                #!/bin/bash
                #SBATCH --job-name=accords-%3$s-merge
                #SBATCH --output=%4$s/merge.out
                #SBATCH --chdir=%1$s
                # Merges the %2$s shards into the study's result folder, byte for byte the unsharded command's.
                # Run it when every task is done (or submit it: sbatch --dependency=afterok:ARRAY_JOB_ID %1$s/merge.sh).
                set -u
                job=%1$s
                missing=()
                for k in $(seq 0 %5$d); do [ -f "$job/shards/$k-of-%2$s/shard.json" ] || missing+=("$k"); done
                if [ ${#missing[@]} -gt 0 ]; then
                  list="$(IFS=,; echo "${missing[*]}")"
                  echo "accords: ${#missing[@]} of %2$s shards missing ($list); see $job/logs/shard-K.err; rerun only those: sbatch --wait --array=$list $job/job.sbatch && $job/merge.sh" >&2
                  exit 2
                fi
                %6$s
                need_java || exit 3
                exec "${JAVA:-java}" ${JAVA_OPTS:-} -Daccords.home=%8$s -jar "$job/accords.jar" %7$s
                """.formatted(q(j.job().toString()), n, j.name(), j.job().resolve("logs"), j.shards() - 1, javaCheck().strip(), words(j.merge()), j.home());
    }

    static String readme(Job j, String command) {
        String job = q(j.job().toString());
        return String.format(Locale.ROOT, """
                # accords on Slurm: %1$s

                `%2$s`, split into %3$d shards, one per task of a Slurm job array.

                Submit it, then merge when every task is done:

                ```bash
                sbatch %4$s/job.sbatch
                %4$s/merge.sh          # or: sbatch --dependency=afterok:<job id> %4$s/merge.sh
                ```

                or all in one: `./accords slurm ... --submit` (submits, waits, checks every task, merges).

                - `job.sbatch`: the array (`--array=0-%5$d%6$s`); task K runs shard K/%3$d into `shards/K-of-%3$d/`.
                - `merge.sh`: checks every shard is there and merges them (`accords merge`).
                - `accords.jar`: the program; the nodes need only it and Java %7$d or later (the scripts check).
                - `input/`: the study's input, frozen when this folder was written, so every task reads the same
                  (a run's resolved scenario, and over a parameter ensemble a copy of its file under `input/parameters/`,
                  named to every task; an experiment file with a copy of the presets under `input/home/`).
                - `logs/shard-K.out`, `logs/shard-K.err`, `logs/shard-K.exit`: each task's output and exit code.

                A task that failed is rerun alone: `sbatch --array=K %4$s/job.sbatch` (several: `--array=3,5`).
                """, j.name(), command, j.shards(), job, j.shards() - 1, throttle(j), JAVA_RELEASE);
    }
}
