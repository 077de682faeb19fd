package org.accords.experiment.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.experiment.Ensemble;
import org.accords.experiment.Factor;
import org.accords.experiment.Outcome;
import org.accords.experiment.PointLoop;
import org.accords.experiment.ScenarioPointModel;
import org.accords.experiment.design.LatinHypercube;
import org.accords.scenario.Origin;
import org.accords.scenario.Scenario;
import org.accords.scenario.ScenarioTemplate;

/**
 * The experiment section of the benchmark: the cost per agent-month of an experiment's point loop
 * (bind each point's scenario on the in-memory tree, run its ensemble, measure its outcomes)
 * against one `run` ensemble of the same total replications of the same world; and the heap in use after GC as the
 * number of points grows, which should not grow with it.
 */
public final class ExperimentBench {
    private ExperimentBench() {}

    /**
     * @param perPoint replications per point of each experiment workload (points = reps / perPoint)
     * @param reps     total replications of every workload
     * @param heapPoints point counts of the memory check (1 replication per point)
     */
    public static void run(PrintWriter out, ScenarioTemplate template, Scenario base, int[] perPoint, int reps, int warmups, int rounds,
                           int[] heapPoints) {
        long seed = base.run().seed();
        // every point sets the US-reward weight to its base value: the points bind and run like real
        // ones, but simulate exactly run's world, so the difference is the experiment's own cost
        Factor factor = new Factor("usRewards", "model.weights.usRewards", List.of("model.weights.usRewards"),
                List.of(String.valueOf(base.model().weights().usRewards())), 0, 0, null, Factor.Type.TEXT, new Origin("bench", 0));
        List<Outcome> outcomes = List.of(new Outcome("joined", Outcome.Measure.MEAN_JOINED, null, null, 0.5, null));
        AtomicBoolean cancel = new AtomicBoolean();
        Timing.Round[] workloads = new Timing.Round[perPoint.length + 1];
        workloads[0] = () -> new Ensemble(base).run(reps, seed, 1, d -> { }, cancel).runs();
        for (int i = 0; i < perPoint.length; i++) {
            double[][] design = LatinHypercube.sample(reps / perPoint[i], 1, 1);
            ScenarioPointModel model = new ScenarioPointModel(template, Map.of(), List.of(factor), outcomes, perPoint[i], seed, 1);
            workloads[i + 1] = () -> {
                long[] n = {0};
                try {
                    PointLoop.run(design, model, p -> true, (p, v) -> n[0] += (long) v[0].value(), d -> { }, cancel);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return n[0];
            };
        }
        MachineLoad start = MachineLoad.now();
        Timing.Comparison c = Timing.compare(warmups, rounds, workloads);
        double others = MachineLoad.now().othersSince(start);
        double agentMonths = (double) reps * base.run().months() * base.states().size();
        out.println("## Experiments: point loop against `run`");
        out.println();
        out.printf(Locale.ROOT, "%s, %d months × %d states; %,d replications per workload, 1 thread; median of %d rounds after %d warm-up rounds (min–max)%n%n",
                base.name(), base.run().months(), base.states().size(), reps, rounds, warmups);
        out.println("| workload | ns per agent-month | ratio to run |");
        out.println("|---|---:|---:|");
        out.printf(Locale.ROOT, "| run: one ensemble of %,d replications | %.1f (%.1f–%.1f) | 1 |%n", reps,
                c.get(0).median() / agentMonths, c.get(0).min() / agentMonths, c.get(0).max() / agentMonths);
        for (int i = 0; i < perPoint.length; i++) {
            out.printf(Locale.ROOT, "| experiment: %,d points × %,d replications (bind + ensemble + outcomes per point) | %.1f (%.1f–%.1f) | %.2f (%.2f–%.2f) |%n",
                    reps / perPoint[i], perPoint[i], c.get(i + 1).median() / agentMonths, c.get(i + 1).min() / agentMonths,
                    c.get(i + 1).max() / agentMonths, c.ratio(i + 1, 0), c.ratioMin(i + 1, 0), c.ratioMax(i + 1, 0));
        }
        out.println();
        if (!Double.isNaN(others)) {
            out.printf(Locale.ROOT, "_meanwhile other processes used %.2f of the %d cores_%n%n", others, Runtime.getRuntime().availableProcessors());
        }
        if (heapPoints.length == 0) return;
        out.println("| points (1 replication each) | heap in use after GC at the end of the loop |");
        out.println("|---:|---:|");
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        for (int n : heapPoints) {
            double[][] d = LatinHypercube.sample(n, 1, 2);
            ScenarioPointModel m = new ScenarioPointModel(template, Map.of(), List.of(factor), outcomes, 1, seed, 1);
            double[] mb = {0};
            try {
                PointLoop.run(d, m, p -> true, (p, v) -> { }, done -> {
                    if (done == n) {
                        System.gc();
                        mb[0] = mem.getHeapMemoryUsage().getUsed() / 1e6;
                    }
                }, cancel);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            out.printf(Locale.ROOT, "| %,d | %.1f MB |%n", n, mb[0]);
        }
        out.println();
        out.flush();
    }
}
