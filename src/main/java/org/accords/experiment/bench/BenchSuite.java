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

    public BenchSuite(Scenario scenario, Settings settings, PrintWriter out) {
        this.scenario = scenario;
        this.settings = settings;
        this.out = out;
    }

    public void runAll() throws IOException, InterruptedException {
        header();
        kernelVsModel();
        setupCost();
        rosterSize();
        throughput();
        linearity();
        if (settings.heapReps().length > 0) heap();
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
        Timing.Pair full = Timing.pair(model(plan, seed, reps), kernel(plan, seed, reps), settings.warmups(), settings.rounds());
        Timing.Pair bare = Timing.pair(modelUnobserved(plan, seed, reps), kernel(plan, seed, reps), settings.warmups(), settings.rounds());
        out.printf(Locale.ROOT, "## Model against bare kernel, 1 thread (%,d replications a round)%n%n", reps);
        out.println("| workload | ns per agent-month | [min-max] | ratio to kernel (paired rounds) |");
        out.println("|---|---:|---:|---:|");
        row("(a) full model: MASON schedule, agents, broker, shocks, streaming aggregate", full.a(), am, full);
        row("    model without observer (nothing recorded)", bare.a(), am, bare);
        row("(b) bare kernel: same arithmetic and draws, plain arrays", full.b(), am, null);
        out.printf(Locale.ROOT, "%n**(a)/(b) = %.2f** (paired rounds: median, [min-max] %.2f-%.2f)%n%n",
                full.ratioMedian(), full.ratioMin(), full.ratioMax());
        out.flush();
    }

    private void row(String label, Timing.Sample s, double agentMonths, Timing.Pair vsKernel) {
        out.printf(Locale.ROOT, "| %s | %.1f | %.1f-%.1f | %s |%n", label, s.median() / agentMonths, s.min() / agentMonths,
                s.max() / agentMonths, vsKernel == null ? "1" : String.format(Locale.ROOT, "%.2f [%.2f-%.2f]",
                        vsKernel.ratioMedian(), vsKernel.ratioMin(), vsKernel.ratioMax()));
    }

    /** Per replication, the cost that does not scale with months: a one-month run less one month. */
    private void setupCost() {
        RunSettings run = scenario.run();
        Scenario oneMonth = withRun(scenario, new RunSettings(run.start(), run.start(), run.replications(), run.seed()));
        WorldPlan full = new WorldPlan(scenario);
        WorldPlan one = new WorldPlan(oneMonth);
        long seed = run.seed();
        int reps = repsFor(full);
        int shortReps = reps * full.months;
        Timing.Pair fullPair = Timing.pair(model(full, seed, reps), kernel(full, seed, reps), settings.warmups(), settings.rounds());
        Timing.Pair onePair = Timing.pair(model(one, seed, shortReps), kernel(one, seed, shortReps), settings.warmups(), settings.rounds());
        Timing.Sample seeding = Timing.time(() -> {
            ec.util.MersenneTwisterFast r = new ec.util.MersenneTwisterFast(0L);
            long x = 0;
            for (int k = 0; k < shortReps; k++) {
                r.setSeed(Seeds.forReplication(seed, k));
                for (int i = 0; i < 1249; i++) r.nextInt();
                x += r.nextInt();
            }
            return x;
        }, settings.warmups(), settings.rounds());
        double modelMonth = fullPair.a().median() / reps / full.months;
        double kernelMonth = fullPair.b().median() / reps / full.months;
        out.println("## Per-replication setup (independent of the horizon)");
        out.println();
        out.println("| | µs per replication | per month of the run, µs |");
        out.println("|---|---:|---:|");
        out.printf(Locale.ROOT, "| full model: seed, SimState.start, schedule, reset agents, first assessment | %.2f | %.2f |%n",
                (onePair.a().median() / shortReps - modelMonth) / 1e3, modelMonth / 1e3);
        out.printf(Locale.ROOT, "| bare kernel: seed, prime, reset arrays, first assessment | %.2f | %.2f |%n",
                (onePair.b().median() / shortReps - kernelMonth) / 1e3, kernelMonth / 1e3);
        out.printf(Locale.ROOT, "| of which: seed derivation, MersenneTwisterFast.setSeed and the 1249 priming draws | %.2f | |%n%n",
                seeding.median() / shortReps / 1e3);
        out.flush();
    }

    private void rosterSize() {
        out.println("## Cost against roster size, 1 thread");
        out.println();
        out.println("| roster | states | model ns per agent-month | kernel ns per agent-month | (a)/(b) | model µs per replication |");
        out.println("|---|---:|---:|---:|---:|---:|");
        long seed = scenario.run().seed();
        for (int size : new int[] {0, 100, 400}) {
            Scenario sc = size == 0 ? scenario : Rosters.synthetic(scenario, size);
            WorldPlan plan = new WorldPlan(sc);
            int reps = repsFor(plan);
            double am = (double) reps * plan.stateCount * plan.months;
            Timing.Pair p = Timing.pair(model(plan, seed, reps), kernel(plan, seed, reps), settings.warmups(), settings.rounds());
            out.printf(Locale.ROOT, "| %s | %d | %.1f [%.1f-%.1f] | %.1f [%.1f-%.1f] | %.2f | %.0f |%n", size == 0 ? "real" : "synthetic",
                    plan.stateCount, p.a().median() / am, p.a().min() / am, p.a().max() / am,
                    p.b().median() / am, p.b().min() / am, p.b().max() / am, p.ratioMedian(), p.a().median() / reps / 1e3);
            out.flush();
        }
        out.println();
    }

    private void throughput() {
        WorldPlan plan = new WorldPlan(scenario);
        Ensemble ensemble = new Ensemble(scenario);
        int reps = settings.ensembleReps();
        long seed = scenario.run().seed();
        out.printf(Locale.ROOT, "## Ensemble throughput (%,d replications a round, Ensemble.run with merging)%n%n", reps);
        out.println("| threads | model replications/s | kernel replications/s | (a)/(b) | model speed-up | kernel speed-up |");
        out.println("|---:|---:|---:|---:|---:|---:|");
        double model1 = 0;
        double kernel1 = 0;
        List<Integer> counts = new ArrayList<>(List.of(1));
        if (cores > 1) counts.add(Math.min(2, cores));
        if (cores > 2) counts.add(cores);
        for (int threads : counts) {
            Timing.Pair p = Timing.pair(() -> ensemble.run(reps, seed, threads, d -> { }, new AtomicBoolean()).runs(),
                    () -> KernelEnsemble.run(plan, reps, seed, threads), settings.warmups(), settings.rounds());
            double m = reps / (p.a().median() / 1e9);
            double k = reps / (p.b().median() / 1e9);
            if (threads == 1) {
                model1 = m;
                kernel1 = k;
            }
            out.printf(Locale.ROOT, "| %d | %,.0f [%,.0f-%,.0f] | %,.0f [%,.0f-%,.0f] | %.2f | %.2f | %.2f |%n", threads,
                    m, reps / (p.a().max() / 1e9), reps / (p.a().min() / 1e9),
                    k, reps / (p.b().max() / 1e9), reps / (p.b().min() / 1e9), p.ratioMedian(), m / model1, k / kernel1);
            out.flush();
        }
        out.printf(Locale.ROOT, "%nload average now: %s%n%n", loadAverage());
    }

    private void linearity() {
        Ensemble ensemble = new Ensemble(scenario);
        long seed = scenario.run().seed();
        int small = settings.linearReps();
        int large = 4 * small;
        Timing.Pair p = Timing.pair(() -> ensemble.run(large, seed, cores, d -> { }, new AtomicBoolean()).runs(),
                () -> ensemble.run(small, seed, cores, d -> { }, new AtomicBoolean()).runs(),
                Math.min(1, settings.warmups()), Math.max(3, settings.rounds() / 2));
        out.printf(Locale.ROOT, "## Linearity in replications (%d threads, in-process, start-up excluded)%n%n", cores);
        out.println("| replications | seconds | [min-max] |");
        out.println("|---:|---:|---:|");
        out.printf(Locale.ROOT, "| %,d | %.2f | %.2f-%.2f |%n", small, p.b().median() / 1e9, p.b().min() / 1e9, p.b().max() / 1e9);
        out.printf(Locale.ROOT, "| %,d | %.2f | %.2f-%.2f |%n", large, p.a().median() / 1e9, p.a().min() / 1e9, p.a().max() / 1e9);
        out.printf(Locale.ROOT, "%n**time(%,d)/time(%,d) = %.2f** (paired rounds [%.2f-%.2f]; linear is 4.00)%n%n", large, small,
                p.ratioMedian(), p.ratioMin(), p.ratioMax());
        out.flush();
    }

    private void heap() throws IOException, InterruptedException {
        out.printf(Locale.ROOT, "## Heap per ensemble size (a fresh JVM each, -Xmx%s, %d threads)%n%n", settings.heapMax(), cores);
        out.println("| replications | live heap, max after any GC (MB) | live heap at end, result held (MB) | peak RSS (MB) | GCs | seconds |");
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
