package org.accords.cli;

import java.util.List;
import java.util.Locale;

/**
 * The scripts of a Slurm job folder for a history match ({@code slurm calibrate --ensemble}): one
 * array job per wave (the same script, told its wave by WAVE in the environment), a merge per wave,
 * the finish that writes the ensemble, and run.sh, which goes through the waves in order and picks
 * up where it stopped. Pure functions of the job's settings, tested as text.
 */
final class SlurmWaveScripts {
    private SlurmWaveScripts() {}

    /**
     * @param common the calibrate arguments every step shares (quoted for the shell)
     * @param finish the arguments that finish the match after the last wave (--out, --page, --force)
     */
    record Waves(SlurmScripts.Job job, int waves, List<String> common, List<String> finish) {}

    static String array(Waves w) {
        SlurmScripts.Job j = w.job();
        // the job name is wave-W (sbatch --job-name=wave-W), so each wave's logs are its own
        String h = SlurmScripts.header(j, "wave-1", "%x-shard-%a");
        String n = String.valueOf(j.shards());
        return h + """
                # One shard of one wave of a history match per array task: task K of wave W computes shard K/%2$s of
                # the wave into shards/wave-W/K-of-%2$s, reading the merged earlier waves from waves/wave-(W-1).
                # Submit wave W:   sbatch --job-name=wave-W --export=ALL,WAVE=W %1$s/job.sbatch
                # All waves:       %1$s/run.sh   (submits, checks, merges wave after wave, then finishes)
                set -u
                job=%1$s
                k="${SLURM_ARRAY_TASK_ID:?run this script with sbatch: it is one task of a job array}"
                w="${WAVE:?submit with --export=ALL,WAVE=W: the script computes one wave}"
                after=()
                if [ "$w" -gt 1 ]; then after=(--after "$job/waves/wave-$((w - 1))"); fi
                rm -f "$job/logs/wave-$w-shard-$k.exit"
                %3$s
                if ! need_java; then echo 3 > "$job/logs/wave-$w-shard-$k.exit"; exit 3; fi
                "${JAVA:-java}" ${JAVA_OPTS:-} -Daccords.home="$job" -jar "$job/accords.jar" %4$s --wave "$w" --shard "$k/%2$s" \\
                  --wave-dir "$job/shards/wave-$w/$k-of-%2$s" "${after[@]}" --threads %5$d --quiet --force
                rc=$?
                echo "$rc" > "$job/logs/wave-$w-shard-$k.exit"
                exit "$rc"
                """.formatted(SlurmScripts.q(j.job().toString()), n, SlurmScripts.javaCheck().strip(), SlurmScripts.words(w.common()), j.cpus());
    }

    static String merge(Waves w) {
        SlurmScripts.Job j = w.job();
        return """
                #!/bin/bash
                # Merges the %2$s shards of wave W (the argument) into waves/wave-W, with every point of waves 1..W.
                set -u
                job=%1$s
                w="${1:?usage: merge.sh WAVE}"
                missing=()
                for k in $(seq 0 %3$d); do [ -f "$job/shards/wave-$w/$k-of-%2$s/shard.json" ] || missing+=("$k"); done
                if [ ${#missing[@]} -gt 0 ]; then
                  list="$(IFS=,; echo "${missing[*]}")"
                  echo "accords: wave $w: ${#missing[@]} of %2$s shards missing ($list); see $job/logs/wave-$w-shard-K.err; rerun only those and go on: $job/run.sh" >&2
                  exit 2
                fi
                %4$s
                need_java || exit 3
                exec "${JAVA:-java}" ${JAVA_OPTS:-} -Daccords.home="$job" -jar "$job/accords.jar" merge "$job/shards/wave-$w" --out "$job/waves/wave-$w" --force --quiet
                """.formatted(SlurmScripts.q(j.job().toString()), String.valueOf(j.shards()), j.shards() - 1, SlurmScripts.javaCheck().strip());
    }

    static String finish(Waves w) {
        SlurmScripts.Job j = w.job();
        return """
                #!/bin/bash
                # Finishes the history match from its %2$d merged waves: writes the ensemble file and its page.
                set -u
                job=%1$s
                %3$s
                need_java || exit 3
                exec "${JAVA:-java}" ${JAVA_OPTS:-} -Daccords.home="$job" -jar "$job/accords.jar" %4$s --after "$job/waves/wave-%2$d" %5$s
                """.formatted(SlurmScripts.q(j.job().toString()), w.waves(), SlurmScripts.javaCheck().strip(), SlurmScripts.words(w.common()),
                SlurmScripts.words(w.finish()));
    }

    /**
     * Wave after wave: submits the tasks of the first wave not yet merged that have no shard folder,
     * waits, checks every task by its shard folder (sbatch --wait's exit code says nothing about a
     * task), merges, and goes on; after the last wave, finishes. Rerun it after a failure.
     */
    static String run(Waves w) {
        SlurmScripts.Job j = w.job();
        return """
                #!/bin/bash
                # Runs the history match on Slurm wave after wave, then finishes it. Rerun after a failure: it
                # resubmits only the tasks of the first unmerged wave that left no shard, and goes on from there.
                set -u
                job=%1$s
                for w in $(seq 1 %2$d); do
                  [ -f "$job/waves/wave-$w/matching.json" ] && continue
                  missing() { local m=(); for k in $(seq 0 %4$d); do [ -f "$job/shards/wave-$w/$k-of-%3$s/shard.json" ] || m+=("$k"); done; (IFS=,; echo "${m[*]}"); }
                  list="$(missing)"
                  if [ -n "$list" ]; then
                    echo "accords: wave $w: submitting tasks $list" >&2
                    sbatch --wait --job-name="wave-$w" --export=ALL,WAVE="$w" --array="$list%5$s" "$job/job.sbatch" > /dev/null
                    list="$(missing)"
                    if [ -n "$list" ]; then
                      echo "accords: wave $w: tasks $list failed (see $job/logs/wave-$w-shard-K.err); rerun only those and go on: $job/run.sh" >&2
                      exit 2
                    fi
                  fi
                  "$job/merge.sh" "$w" || exit $?
                done
                exec "$job/finish.sh"
                """.formatted(SlurmScripts.q(j.job().toString()), w.waves(), String.valueOf(j.shards()), j.shards() - 1,
                SlurmScripts.throttle(j));
    }

    static String readme(Waves w, String command) {
        SlurmScripts.Job j = w.job();
        String job = SlurmScripts.q(j.job().toString());
        return String.format(Locale.ROOT, """
                # accords on Slurm: %1$s

                `%2$s`: history matching in %3$d waves, each split into %4$d shards, one per task of a Slurm job array.
                Each wave samples where the waves before it left points not ruled out, so the waves run one after
                another: array, check, merge, next wave; then the finish writes the ensemble and its page.

                Run it all from the login node (rerun it after a failure: it goes on where it stopped):

                ```bash
                %5$s/run.sh
                ```

                or in one go with `./accords slurm calibrate ... --submit`. By hand, for each wave W = 1..%3$d:
                `sbatch --wait --job-name=wave-W --export=ALL,WAVE=W %5$s/job.sbatch && %5$s/merge.sh W`, then `%5$s/finish.sh`.

                - `job.sbatch`: the array (`--array=0-%6$d%7$s`); task K of wave W writes `shards/wave-W/K-of-%4$d/`.
                - `merge.sh W`: checks every shard of wave W is there and merges them into `waves/wave-W/` (all points of waves 1..W).
                - `finish.sh`: `calibrate --after waves/wave-%3$d`, which writes the ensemble file and page, byte for byte those of one run.
                - `accords.jar`, and `input/`: the history scenario resolved when this folder was written, read by every task.
                - `logs/wave-W-shard-K.out`, `.err`, `.exit`: each task's output and exit code.

                A task that failed is rerun alone: `sbatch --job-name=wave-W --export=ALL,WAVE=W --array=K %5$s/job.sbatch`, or just `%5$s/run.sh`.
                """, j.name(), command, w.waves(), j.shards(), job, j.shards() - 1, SlurmScripts.throttle(j));
    }
}
