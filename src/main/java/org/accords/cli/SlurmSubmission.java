package org.accords.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accords.report.ShardFolders;
import org.accords.scenario.BadInputException;

/**
 * Submits a job folder's array, waits for it by asking squeue, then checks every task by its
 * result: a complete shard folder. sbatch's and squeue's exit codes say nothing about whether a
 * task's work was done (sbatch --wait exits 0 when a dependency failed), so the files decide.
 */
final class SlurmSubmission {
    /** Runs once every shard is there; returns its exit code. */
    interface Merge {
        int merge() throws IOException, InterruptedException;
    }

    private final Path job;
    private final int shards;
    private final double pollSeconds;
    private final PrintWriter err;
    /** The wave of a history match this array computes (its tasks, folders and logs are the wave's); null for a one-array study. */
    private final Integer wave;

    SlurmSubmission(Path job, int shards, double pollSeconds, PrintWriter err) {
        this(job, shards, pollSeconds, err, null);
    }

    SlurmSubmission(Path job, int shards, double pollSeconds, PrintWriter err, Integer wave) {
        this.job = job;
        this.shards = shards;
        this.pollSeconds = pollSeconds;
        this.err = err;
        this.wave = wave;
    }

    private String what() {
        return wave == null ? "" : "wave " + wave + ": ";
    }

    int run(Merge merge) throws IOException, InterruptedException {
        String id = submit();
        err.println("accords: " + what() + "submitted array job " + id + " (" + SlurmCommand.plural(shards, "task") + ") from " + job + "; waiting");
        err.flush();
        waitFor(id);
        List<Integer> failed = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (int k = 0; k < shards; k++) {
            String problem = problem(k);
            if (problem != null) {
                failed.add(k);
                if (why.size() < 5) why.add("task " + k + ": " + problem);
            }
        }
        if (!failed.isEmpty()) {
            String list = String.join(",", failed.stream().map(String::valueOf).toList());
            err.println("accords: " + what() + "slurm job " + id + ": " + failed.size() + " of " + shards + " tasks failed (" + list + "): " + String.join("; ", why)
                    + (failed.size() > why.size() ? "; …" : ""));
            err.println(wave == null ? "rerun only those: sbatch --wait --array=" + list + " " + job.resolve("job.sbatch") + " && " + job.resolve("merge.sh")
                    : "rerun only those and go on from there: " + job.resolve("run.sh"));
            err.flush();
            return Main.INTERNAL;
        }
        err.println("accords: " + what() + "all " + shards + " tasks of job " + id + " done; merging");
        err.flush();
        int code = merge.merge();
        if (code != 0) {
            err.println("accords: the merge failed (exit code " + code + "); rerun it with " + job.resolve("merge.sh"));
            err.flush();
        }
        return code == 0 ? Main.OK : code;
    }

    private String submit() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
        if (wave != null) cmd.addAll(List.of("--job-name=wave-" + wave, "--export=ALL,WAVE=" + wave));
        cmd.add(job.resolve("job.sbatch").toString());
        Result r = exec(cmd);
        String id = r.out.strip().split(";")[0];
        if (r.code != 0 || !id.matches("\\d+")) {
            throw new BadInputException(null, null, "sbatch refused the job: " + oneLine(r.err.isBlank() ? r.out : r.err) + " (job folder: " + job + ")");
        }
        return id;
    }

    /** Waits until squeue no longer lists any task of the array; reports shards as they finish. */
    private void waitFor(String id) throws IOException, InterruptedException {
        int failures = 0;
        int reported = -1;
        while (true) {
            Result r = exec(List.of("squeue", "--noheader", "--array", "--jobs", id, "--format=%i %T"));
            if (r.code == 0 && r.out.isBlank()) return;
            if (r.code != 0) {
                if (r.err.contains("Invalid job id")) return; // purged: the job is over
                if (++failures >= 10) throw new IllegalStateException("squeue keeps failing: " + oneLine(r.err));
            } else {
                failures = 0;
            }
            int done = 0;
            for (int k = 0; k < shards; k++) if (Files.isRegularFile(shardDir(k).resolve(ShardFolders.MANIFEST))) done++;
            if (done != reported && ProgressBar.wanted(false)) {
                err.println("accords: " + what() + done + "/" + shards + " shards done");
                err.flush();
                reported = done;
            }
            Thread.sleep((long) (pollSeconds * 1000));
        }
    }

    private Path shardDir(int k) {
        return wave == null ? job.resolve("shards").resolve(k + "-of-" + shards) : job.resolve("shards").resolve("wave-" + wave).resolve(k + "-of-" + shards);
    }

    /** A task's log or exit-status file: logs/shard-K.EXT, or logs/wave-W-shard-K.EXT. */
    private Path log(int k, String ext) {
        return job.resolve("logs").resolve((wave == null ? "" : "wave-" + wave + "-") + "shard-" + k + "." + ext);
    }

    /** Why task k has no usable result, or null when its shard folder is complete. */
    String problem(int k) {
        Path dir = shardDir(k);
        if (Files.isRegularFile(dir.resolve(ShardFolders.MANIFEST))) {
            try {
                ShardFolders.Found f = ShardFolders.read(dir);
                if (f.manifest().shard() == k && f.manifest().shards() == shards) return null;
                return "its folder holds shard " + f.manifest().shard() + "/" + f.manifest().shards();
            } catch (BadInputException e) {
                return e.getMessage();
            }
        }
        Path exit = log(k, "exit");
        Path log = log(k, "err");
        String last = lastLine(log);
        try {
            String code = Files.isRegularFile(exit) ? Files.readString(exit).strip() : null;
            String how = code == null ? "no exit status (cancelled, timed out, out of memory or never started)" : "exit code " + code;
            if (code == null && !Files.exists(log)) return "it never started (no exit status, no log): cancelled while pending?";
            return how + (last.isEmpty() ? "" : ", " + last) + " (see " + log + ")";
        } catch (IOException e) {
            return "unreadable exit status (see " + log + ")";
        }
    }

    private static String lastLine(Path log) {
        try {
            if (!Files.isRegularFile(log)) return "";
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) if (!lines.get(i).isBlank()) return "'" + lines.get(i).strip() + "'";
        } catch (IOException | java.io.UncheckedIOException e) {
            // a log we cannot read adds nothing to the message
        }
        return "";
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\n\\s*", " / ");
    }

    private record Result(int code, String out, String err) {}

    private static Result exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        int code = p.waitFor();
        return new Result(code, new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
