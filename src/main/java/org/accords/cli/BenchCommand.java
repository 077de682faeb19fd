package org.accords.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.accords.experiment.bench.BenchSuite;
import org.accords.experiment.bench.KernelEnsemble;
import org.accords.model.WorldPlan;
import org.accords.scenario.BadInputException;
import org.accords.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure ensemble performance: the full model against a bare kernel (the same arithmetic and random draws in plain loops), per-replication setup, throughput at 1 and all threads, linearity in replications and roster size, heap for 10^3, 10^4 and 10^5 replications, and whole processes. Prints Markdown tables.",
                "With --kernel, runs only the bare kernel's ensemble instead, for timing whole processes against `run`."})
final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", defaultValue = "baseline",
            description = "A preset name or a scenario file. Default: ${DEFAULT-VALUE}.")
    String scenario;

    @Mixin
    EnsembleOptions options;

    @Option(names = "--kernel", description = "Run the bare kernel's ensemble (--reps, --seed, --threads) and print its time and mean joins; no files.")
    boolean kernel;

    @Option(names = "--experiment", description = "Run only the experiment section: an experiment's point loop against `run` per agent-month, and heap against the number of points.")
    boolean experiment;

    @Option(names = "--quick", description = "Fewer and smaller rounds, no heap section (a smoke test of the benchmark).")
    boolean quick;

    @Option(names = "--rounds", paramLabel = "N", description = "Measured rounds per figure (default 7; 3 with --quick).")
    Integer rounds;

    @Option(names = "--heap-max", paramLabel = "SIZE", defaultValue = "256m",
            description = "-Xmx of the child JVMs that measure heap. Default: ${DEFAULT-VALUE}.")
    String heapMax;

    @Option(names = "--no-heap", description = "Skip the heap section (child JVMs with 10^3, 10^4 and 10^5 replications).")
    boolean noHeap;

    @Option(names = "--no-process", description = "Skip the whole-process comparison of `run` against the kernel.")
    boolean noProcess;

    @Option(names = "--process-reps", paramLabel = "N", defaultValue = "40000",
            description = "Replications of the whole-process comparison. Default: ${DEFAULT-VALUE}.")
    int processReps;

    @Option(names = "--process-pairs", paramLabel = "N", defaultValue = "3",
            description = "Timed pairs of the whole-process comparison, after a warm-up pair. Default: ${DEFAULT-VALUE}.")
    int processPairs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenario sc = Main.loader().load(scenario, options.fragments(), options.overrides());
        PrintWriter out = spec.commandLine().getOut();
        if (kernel) {
            long t0 = System.nanoTime();
            int reps = sc.run().replications();
            long joins = KernelEnsemble.run(new WorldPlan(sc), reps, sc.run().seed(), options.threads());
            if (!options.quiet) {
                out.printf(Locale.ROOT, "bare kernel: %,d replications of %s, %d threads, %.2f s, mean joins %.4f%n", reps,
                        sc.name(), options.threads(), (System.nanoTime() - t0) / 1e9, joins / (double) reps);
            }
            return Main.OK;
        }
        if (experiment) {
            int measuredRounds = rounds != null ? rounds : 3;
            int[] points = quick ? new int[] {10, 100} : new int[] {100, 1_000, 10_000};
            org.accords.experiment.bench.ExperimentBench.run(out, Main.loader().template(scenario, options.fragments(), options.overrides()), sc,
                    quick ? new int[] {10} : new int[] {10, 40, 200}, quick ? 100 : 1_200, 1, measuredRounds, noHeap ? new int[0] : points);
            out.println("command: ./accords " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
            out.flush();
            return Main.OK;
        }
        if (options.reps != null || options.seed != null) {
            throw new BadInputException(null, "--reps", "sets the bare kernel's ensemble (with --kernel); the benchmark sizes its own rounds");
        }
        int measured = rounds != null ? rounds : (quick ? 3 : 7);
        if (measured < 1) throw new BadInputException(null, "--rounds", "must be a positive whole number, found " + measured);
        List<String> overrides = options.flatOverrides(); // --params and --set, passed on to the child JVMs
        if (processReps < 1 || processPairs < 1) {
            throw new BadInputException(null, "--process-reps", "--process-reps and --process-pairs must be positive whole numbers");
        }
        int[] heapReps = quick || noHeap ? new int[0] : new int[] {1_000, 10_000, 100_000};
        BenchSuite.Settings settings = quick
                ? new BenchSuite.Settings(1, measured, 1_000_000, 500, 500, heapReps, heapMax, Main.loader().presetDir(), scenario, overrides)
                : new BenchSuite.Settings(3, measured, 8_000_000, 4_000, 10_000, heapReps, heapMax, Main.loader().presetDir(), scenario, overrides);
        new BenchSuite(sc, settings, out).runAll();
        if (!quick && !noProcess) ProcessComparison.run(out, scenario, overrides, processReps, processPairs);
        out.println("command: ./accords " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        out.flush();
        return Main.OK;
    }
}
