package org.accords.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Whole processes, start-up and output included: {@code accords run SCENARIO --reps N --quiet}
 * against {@code accords bench --kernel SCENARIO --reps N --quiet}, the bare kernel doing the same
 * states x months x replications. They run in turn (A B A B ...) after one warm-up pair, and the
 * wall-time ratio is taken pair by pair. Wall time only: CPU time of a finished child is not
 * visible from Java; time the same two commands with /usr/bin/time or hyperfine for that.
 */
final class ProcessComparison {
    private ProcessComparison() {}

    static void run(PrintWriter out, String scenario, List<String> sets, int reps, int pairs) throws IOException, InterruptedException {
        Path tmp = Files.createTempDirectory("accords-bench");
        try {
            List<String> common = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Daccords.home=" + Main.home(), "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName()));
            List<String> extra = new ArrayList<>(List.of(scenario, "--reps", String.valueOf(reps), "--quiet"));
            for (String s : sets) extra.addAll(List.of("--set", s));
            List<String> full = new ArrayList<>(common);
            full.add("run");
            full.addAll(extra);
            full.addAll(List.of("--out", tmp.resolve("run").toString(), "--force"));
            List<String> kernel = new ArrayList<>(common);
            kernel.addAll(List.of("bench", "--kernel"));
            kernel.addAll(extra);

            out.printf(Locale.ROOT, "## Whole processes: %,d replications, start-up and output included (%d pairs after a warm-up pair)%n%n", reps, pairs);
            out.printf(Locale.ROOT, "A: `./accords run %s --reps %d --quiet`  B: `./accords bench --kernel %s --reps %d --quiet`%n%n",
                    scenario, reps, scenario, reps);
            out.flush();
            time(full, tmp);
            time(kernel, tmp);
            double[] a = new double[pairs];
            double[] b = new double[pairs];
            double[] r = new double[pairs];
            for (int i = 0; i < pairs; i++) {
                a[i] = time(full, tmp);
                b[i] = time(kernel, tmp);
                r[i] = a[i] / b[i];
            }
            out.println("| process | wall s, median | [min-max] |");
            out.println("|---|---:|---:|");
            out.printf(Locale.ROOT, "| A: accords run | %.2f | %.2f-%.2f |%n", median(a), min(a), max(a));
            out.printf(Locale.ROOT, "| B: bare kernel | %.2f | %.2f-%.2f |%n", median(b), min(b), max(b));
            out.printf(Locale.ROOT, "%n**A/B wall = %.2f** (median of pairs; [min-max] %.2f-%.2f)%n%n", median(r), min(r), max(r));
            out.flush();
        } finally {
            try (Stream<Path> walk = Files.walk(tmp)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double time(List<String> cmd, Path tmp) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        int code = p.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (code != 0) throw new IllegalStateException("exit " + code + " from " + String.join(" ", cmd) + ": " + Files.readString(tmp.resolve("child.log")));
        return seconds;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    private static double min(double[] xs) { return Arrays.stream(xs).min().orElse(Double.NaN); }

    private static double max(double[] xs) { return Arrays.stream(xs).max().orElse(Double.NaN); }
}
