package org.accords.experiment.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.experiment.Aggregate;
import org.accords.experiment.Ensemble;
import org.accords.experiment.Seeds;
import org.accords.model.AccordsModel;
import org.accords.model.RunObserver;
import org.accords.model.WorldPlan;
import org.accords.scenario.RunSettings;
import org.accords.scenario.Scenario;

/**
 * The ensemble benchmark: the full model against the bare kernel, per agent-month, with setup
 * cost, throughput at 1 and all threads, linearity in replications and roster size, and heap.
 * Writes Markdown tables as it goes. Every time is the median of several measured rounds after
 * warm-up rounds; the spread (min to max) is printed next to it so a noisy machine shows.
 */
public final class BenchSuite {
    /**
     * @param warmups          rounds thrown away before each measurement
     * @param rounds           measured rounds per measurement
     * @param agentMonths      size of one single-thread round, in agent-months
     * @param ensembleReps     replications of one ensemble round (throughput)
     * @param linearReps       the smaller ensemble of the linearity check; the larger is 4x
     * @param heapReps         ensemble sizes whose heap is measured in a child JVM (empty: skip)
     * @param heapMax          -Xmx of the child JVMs
     * @param presetDir        for the child JVMs, where presets are
     * @param scenarioRef      for the child JVMs, the scenario's name or file
     * @param overrides        for the child JVMs, the --set overrides
     */
    public record Settings(int warmups, int rounds, long agentMonths, int ensembleReps, int linearReps,
                           int[] heapReps, String heapMax, Path presetDir, String scenarioRef, List<String> overrides) {}

    private final Scenario scenario;
    private final Settings settings;
    private final PrintWriter out;
    private final int cores = Runtime.getRuntime().availableProcessors();

    // headline figures, for the summary
    private double modelOverKernel = Double.NaN;
    private double modelSetupMicros = Double.NaN;
    private double modelRepsPerSecond1 = Double.NaN;
    private double modelRepsPerSecondAll = Double.NaN;
    private double modelSpeedup = Double.NaN;
    private double kernelSpeedup = Double.NaN;
    private double linearRatio = Double.NaN;
    private double liveHeapMaxMb = Double.NaN;
    private double othersMax = Double.NaN;

    public BenchSuite(Scenario scenario, Settings settings, PrintWriter out) {
        this.scenario = scenario;
        this.settings = settings;
        this.out = out;
    }

    public void runAll() throws IOException, InterruptedException {
        header();
        measured(this::kernelVsModel);
        measured(this::setupCost);
        measured(this::rosterSize);
        measured(this::throughput);
        measured(this::linearity);
        if (settings.heapReps().length > 0) heap();
        summary();
    }

    /** Runs a section and says how much CPU other processes took meanwhile. */
    private void measured(Runnable section) {
        MachineLoad start = MachineLoad.now();
        section.run();
        double others = MachineLoad.now().othersSince(start);
        othersMax = Double.isNaN(othersMax) ? others : Math.max(othersMax, others);
        if (!Double.isNaN(others)) {
            out.printf(Locale.ROOT, "_meanwhile other processes used %.2f of the %d cores_%n%n", others, cores);
            out.flush();
        }
    }

    private void summary() {
        out.println("## Summary");
        out.println();
        out.println("| figure | value |");
        out.println("|---|---:|");
        out.printf(Locale.ROOT, "| (a)/(b), full model over bare kernel, 1 thread | %.2f |%n", modelOverKernel);
        out.printf(Locale.ROOT, "| per-replication setup of the model | %.1f µs |%n", modelSetupMicros);
        out.printf(Locale.ROOT, "| replications per second, 1 thread | %,.0f |%n", modelRepsPerSecond1);
        out.printf(Locale.ROOT, "| replications per second, %d threads | %,.0f |%n", cores, modelRepsPerSecondAll);
        if (cores > 1) {
            out.printf(Locale.ROOT, "| speed-up at 2 threads over 1: model (kernel) | %.2f (%.2f) |%n", modelSpeedup, kernelSpeedup);
        }
        out.printf(Locale.ROOT, "| time(4n)/time(n) replications | %.2f |%n", linearRatio);
        if (!Double.isNaN(liveHeapMaxMb)) out.printf(Locale.ROOT, "| largest heap in use after GC, any ensemble size | %.1f MB |%n", liveHeapMaxMb);
        out.printf(Locale.ROOT, "%nother processes used up to %.2f of the %d cores during a section; load average at the end: %s%n%n",
                othersMax, cores, loadAverage());
        out.flush();
    }

    // ---- the workloads ----------------------------------------------------------------------------

    /** One single-thread round of the full model with streaming aggregation, as an ensemble worker runs it. */
    static Timing.Round model(WorldPlan plan, long seed, int reps) {
        AccordsModel model = new AccordsModel(plan);
        return () -> {
            Aggregate part = new Aggregate(plan.months, plan.stateCount);
            for (int k = 0; k < reps; k++) model.runReplication(Seeds.forReplication(seed, k), part);
            return model.joinedCount();
        };
    }

    /** The model without an observer: schedule, agents, broker and shocks, nothing recorded. */
    static Timing.Round modelUnobserved(WorldPlan plan, long seed, int reps) {
        AccordsModel model = new AccordsModel(plan);
        return () -> {
            for (int k = 0; k < reps; k++) model.runReplication(Seeds.forReplication(seed, k), RunObserver.NONE);
            return model.joinedCount();
        };
    }

    static Timing.Round kernel(WorldPlan plan, long seed, int reps) {
        BareKernel kernel = new BareKernel(plan);
        return () -> {
            long joins = 0;
            for (int k = 0; k < reps; k++) joins += kernel.run(Seeds.forReplication(seed, k));
            return joins;
        };
    }

    // ---- the sections -------------------------------------------------------------------------------

    private void header() {
        out.printf(Locale.ROOT, "# accords bench: %s (%d states x %d months)%n%n", scenario.name(),
                scenario.states().size(), scenario.run().months());
        out.printf(Locale.ROOT, "machine: %d cores (%s), %s %s, %s %s, max heap %d MB%n", cores, cpuModel(),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.getRuntime().maxMemory() >> 20);
        out.printf(Locale.ROOT, "load average at start: %s%n", loadAverage());
        out.printf(Locale.ROOT, "each figure: median of %d rounds after %d warm-up rounds, [min-max] beside it%n%n",
                settings.rounds(), settings.warmups());
        out.flush();
    }

    private int repsFor(WorldPlan plan) {
        return (int) Math.max(1, settings.agentMonths() / ((long) plan.stateCount * plan.months));
    }

    private void kernelVsModel() {
        WorldPlan plan = new WorldPlan(scenario);
        int reps = repsFor(plan);
        long seed = scenario.run().seed();
        double am = (double) reps * plan.stateCount * plan.months;
        Timing.Comparison c = Timing.compare(settings.warmups(), settings.rounds(),
                model(plan, seed, reps), modelUnobserved(plan, seed, reps), kernel(plan, seed, reps));
        out.printf(Locale.ROOT, "## Model against bare kernel, 1 thread (%,d replications a round)%n%n", reps);
        out.println("| workload | ns per agent-month | [min-max] | ratio to kernel, paired rounds |");
        out.println("|---|---:|---:|---:|");
        row("(a) full model: MASON schedule, agents, broker, shocks, streaming aggregate", c, 0, am);
        row("model without observer (nothing recorded)", c, 1, am);
        row("(b) bare kernel: same arithmetic and draws in plain loops over arrays", c, 2, am);
        modelOverKernel = c.ratio(0, 2);
        out.printf(Locale.ROOT, "%n**(a)/(b) = %.2f** (median of paired rounds; [min-max] %.2f-%.2f)%n%n",
                modelOverKernel, c.ratioMin(0, 2), c.ratioMax(0, 2));
        out.flush();
    }

    private void row(String label, Timing.Comparison c, int i, double agentMonths) {
        Timing.Sample s = c.get(i);
        int kernel = c.samples().length - 1;
        out.printf(Locale.ROOT, "| %s | %.1f | %.1f-%.1f | %s |%n", label, s.median() / agentMonths, s.min() / agentMonths,
                s.max() / agentMonths, i == kernel ? "1" : String.format(Locale.ROOT, "%.2f [%.2f-%.2f]",
                        c.ratio(i, kernel), c.ratioMin(i, kernel), c.ratioMax(i, kernel)));
    }

    /** Per replication, the cost that does not grow with the horizon: a one-month run less one month's cost. */
    private void setupCost() {
        RunSettings run = scenario.run();
        WorldPlan full = new WorldPlan(scenario);
        WorldPlan one = new WorldPlan(withRun(scenario, new RunSettings(run.start(), run.start(), run.replications(), run.seed())));
        long seed = run.seed();
        int reps = repsFor(full);
        // one-month replications: enough to time the setup to a few percent, not as many agent-months as the full round
        int shortReps = Math.min(reps * full.months, 20_000);
        Timing.Round seeding = () -> {
            ec.util.MersenneTwisterFast r = new ec.util.MersenneTwisterFast(0L);
            long x = 0;
            for (int k = 0; k < shortReps; k++) {
                r.setSeed(Seeds.forReplication(seed, k));
                for (int i = 0; i < 1249; i++) r.nextInt();
                x += r.nextInt();
            }
            return x;
        };
        Timing.Comparison c = Timing.compare(settings.warmups(), settings.rounds(), model(full, seed, reps),
                kernel(full, seed, reps), model(one, seed, shortReps), kernel(one, seed, shortReps), seeding);
        double modelMonth = c.get(0).median() / reps / full.months;
        double kernelMonth = c.get(1).median() / reps / full.months;
        modelSetupMicros = (c.get(2).median() / shortReps - modelMonth) / 1e3;
        out.println("## Per-replication setup (the part of a replication's cost that does not grow with the horizon)");
        out.println();
        out.println("| | setup, µs per replication | one month, µs | whole replication, µs |");
        out.println("|---|---:|---:|---:|");
        out.printf(Locale.ROOT, "| full model: seeding, SimState.start (priming, schedule reset), agents reset, first assessment | %.1f | %.2f | %.0f |%n",
                modelSetupMicros, modelMonth / 1e3, c.get(0).median() / reps / 1e3);
        out.printf(Locale.ROOT, "| bare kernel: seeding, the same priming, arrays reset, first assessment | %.1f | %.2f | %.0f |%n",
                (c.get(3).median() / shortReps - kernelMonth) / 1e3, kernelMonth / 1e3, c.get(1).median() / reps / 1e3);
        out.printf(Locale.ROOT, "| of which, in both: seed derivation, MersenneTwisterFast.setSeed(int[]), 1249 priming draws | %.1f | | |%n%n",
                c.get(4).median() / shortReps / 1e3);
        out.flush();
    }

    private void rosterSize() {
        out.println("## Cost against roster size, 1 thread (synthetic rosters: copies of the real one, each copy with its own blocs)");
        out.println();
        out.println("| roster | states | model ns per agent-month | kernel ns per agent-month | (a)/(b) | model µs per replication |");
        out.println("|---|---:|---:|---:|---:|---:|");
        long seed = scenario.run().seed();
        for (int size : new int[] {0, 100, 400}) {
            Scenario sc = size == 0 ? scenario : Rosters.synthetic(scenario, size);
            WorldPlan plan = new WorldPlan(sc);
            int reps = repsFor(plan);
            double am = (double) reps * plan.stateCount * plan.months;
            Timing.Comparison c = Timing.compare(settings.warmups(), settings.rounds(), model(plan, seed, reps), kernel(plan, seed, reps));
            out.printf(Locale.ROOT, "| %s | %d | %.1f [%.1f-%.1f] | %.1f [%.1f-%.1f] | %.2f | %.0f |%n", size == 0 ? "real" : "synthetic",
                    plan.stateCount, c.get(0).median() / am, c.get(0).min() / am, c.get(0).max() / am,
                    c.get(1).median() / am, c.get(1).min() / am, c.get(1).max() / am, c.ratio(0, 1), c.get(0).median() / reps / 1e3);
            out.flush();
        }
        out.println();
    }

    private void throughput() {
        WorldPlan plan = new WorldPlan(scenario);
        Ensemble ensemble = new Ensemble(scenario);
        int reps = settings.ensembleReps();
        long seed = scenario.run().seed();
        List<Integer> counts = new ArrayList<>(List.of(1));
        if (cores > 1) counts.add(Math.min(2, cores));
        if (cores > 2) counts.add(cores);
        int n = counts.size();
        Timing.Round[] w = new Timing.Round[2 * n];
        for (int i = 0; i < n; i++) {
            int threads = counts.get(i);
            w[i] = () -> ensemble.run(reps, seed, threads, d -> { }, new AtomicBoolean()).runs();
            w[n + i] = () -> KernelEnsemble.run(plan, reps, seed, threads);
        }
        Timing.Comparison c = Timing.compare(settings.warmups(), settings.rounds(), w);
        out.printf(Locale.ROOT, "## Ensemble throughput (%,d replications a round: Ensemble.run with its merging, against the kernel in the same thread pool)%n%n", reps);
        out.println("| threads | model replications/s | kernel replications/s | (a)/(b) | model speed-up | kernel speed-up |");
        out.println("|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < n; i++) {
            Timing.Sample m = c.get(i);
            Timing.Sample k = c.get(n + i);
            out.printf(Locale.ROOT, "| %d | %,.0f [%,.0f-%,.0f] | %,.0f [%,.0f-%,.0f] | %.2f | %.2f [%.2f-%.2f] | %.2f [%.2f-%.2f] |%n",
                    counts.get(i), reps / (m.median() / 1e9), reps / (m.max() / 1e9), reps / (m.min() / 1e9),
                    reps / (k.median() / 1e9), reps / (k.max() / 1e9), reps / (k.min() / 1e9), c.ratio(i, n + i),
                    c.ratio(0, i), c.ratioMin(0, i), c.ratioMax(0, i), c.ratio(n, n + i), c.ratioMin(n, n + i), c.ratioMax(n, n + i));
        }
        modelRepsPerSecond1 = reps / (c.get(0).median() / 1e9);
        modelRepsPerSecondAll = reps / (c.get(n - 1).median() / 1e9);
        if (n > 1) {
            modelSpeedup = c.ratio(0, 1);
            kernelSpeedup = c.ratio(n, n + 1);
        }
        out.printf(Locale.ROOT, "%nspeed-up: time at 1 thread over time at T threads, paired rounds. Load average now: %s%n%n", loadAverage());
        out.flush();
    }

    private void linearity() {
        Ensemble ensemble = new Ensemble(scenario);
        long seed = scenario.run().seed();
        int small = settings.linearReps();
        int large = 4 * small;
        Timing.Comparison c = Timing.compare(Math.min(1, settings.warmups()), Math.max(3, settings.rounds() / 2),
                () -> ensemble.run(small, seed, cores, d -> { }, new AtomicBoolean()).runs(),
                () -> ensemble.run(large, seed, cores, d -> { }, new AtomicBoolean()).runs());
        linearRatio = c.ratio(1, 0);
        out.printf(Locale.ROOT, "## Linearity in replications (%d threads, in-process: JVM start-up and output excluded)%n%n", cores);
        out.println("| replications | seconds | [min-max] |");
        out.println("|---:|---:|---:|");
        out.printf(Locale.ROOT, "| %,d | %.2f | %.2f-%.2f |%n", small, c.get(0).median() / 1e9, c.get(0).min() / 1e9, c.get(0).max() / 1e9);
        out.printf(Locale.ROOT, "| %,d | %.2f | %.2f-%.2f |%n", large, c.get(1).median() / 1e9, c.get(1).min() / 1e9, c.get(1).max() / 1e9);
        out.printf(Locale.ROOT, "%n**time(%,d)/time(%,d) = %.2f** (paired rounds [%.2f-%.2f]; linear is 4.00)%n%n", large, small,
                linearRatio, c.ratioMin(1, 0), c.ratioMax(1, 0));
        out.flush();
    }

    private void heap() throws IOException, InterruptedException {
        out.printf(Locale.ROOT, "## Heap per ensemble size (a fresh JVM each, -Xmx%s, %d threads)%n%n", settings.heapMax(), cores);
        out.println("| replications | heap in use after GC, largest (MB) | heap in use at the end, result held (MB) | peak RSS (MB) | GCs during the run | wall s (one run) |");
        out.println("|---:|---:|---:|---:|---:|---:|");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int reps : settings.heapReps()) {
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + settings.heapMax(), "-Djava.awt.headless=true", "-cp",
                    System.getProperty("java.class.path"), HeapProbe.class.getName(), settings.presetDir().toString(),
                    settings.scenarioRef(), String.valueOf(reps), String.valueOf(cores)));
            cmd.addAll(settings.overrides());
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String line;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                line = r.readLine();
            }
            int code = p.waitFor();
            if (code != 0 || line == null) {
                out.printf(Locale.ROOT, "| %,d | failed (exit %d) | | | | |%n", reps, code);
                continue;
            }
            String[] f = line.trim().split(" ");
            double liveMb = Long.parseLong(f[1]) / 1048576.0;
            liveHeapMaxMb = Double.isNaN(liveHeapMaxMb) ? liveMb : Math.max(liveHeapMaxMb, liveMb);
            out.printf(Locale.ROOT, "| %,d | %.1f | %.1f | %.0f | %s | %s |%n", reps, Long.parseLong(f[1]) / 1048576.0,
                    Long.parseLong(f[2]) / 1048576.0, Long.parseLong(f[3]) / 1048576.0, f[4], f[5]);
            out.flush();
        }
        out.println();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    static Scenario withRun(Scenario s, RunSettings run) {
        return new Scenario(s.name(), s.title(), s.description(), run, s.model(), s.us(), s.world(), s.states(),
                s.shocks(), s.observed(), s.rosterFile(), s.resolved());
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "cpu n/a";
    }
}
