package org.accords.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.accords.experiment.EnsembleResult;
import org.accords.report.Num;
import org.accords.report.RunReport;
import org.accords.scenario.BadInputException;
import org.accords.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scenario's Monte Carlo ensemble into a result folder.",
                "The folder holds adoption.csv, membership.csv, states.csv, events.csv, trace.csv, charts",
                "(PNG, SVG), scenario.resolved.yaml, manifest.json and index.html."})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", defaultValue = "baseline",
            description = "A preset name (see `accords list`) or a scenario file. Default: ${DEFAULT-VALUE}.")
    String scenario;

    @Mixin
    EnsembleOptions options;

    @Option(names = "--out", paramLabel = "DIR", description = "Result folder (default: results/<scenario name>).")
    Path out;

    @Option(names = "--force", description = "Replace an existing result folder.")
    boolean force;

    @Option(names = "--shard", paramLabel = "K/N", converter = ShardOption.class,
            description = {"Run only replications r with r mod N = K into a shard folder (default: results/<scenario>-shard-K-of-N);",
                    "`accords merge` joins all N shards into the same folder, byte for byte, as the unsharded run."})
    org.accords.experiment.Shard shard;

    @Option(names = "--runs", paramLabel = "auto|on|off", defaultValue = "auto", converter = RunsOption.Converter.class,
            description = "runs.csv, one row per replication and state (join, freeze, thaw months): auto writes it up to "
                    + "500,000 rows (replications x states), on always, off never. Default: ${DEFAULT-VALUE}.")
    RunsOption runs;

    @Mixin
    ChartOptions charts;

    @Option(names = "--why-not", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write whynot.csv and whynot.png/.svg: each state's utility of joining against the threshold, by driver, "
                    + "from the first 200 replications run again (--no-why-not: skip that pass).")
    boolean whyNot;

    /** For Slurm tasks, which run the frozen resolved scenario: the overrides of the command the job was made from. */
    @Option(names = "--record-overrides", hidden = true, paramLabel = "FILE")
    Path recordOverrides;

    /**
     * For Slurm tasks, which run the frozen resolved scenario (it sets every key itself) over a copy
     * of the ensemble: the keys the command the job was made from held at the scenario's value.
     */
    @Option(names = "--hold", hidden = true, paramLabel = "KEY,KEY", split = ",")
    List<String> hold;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private org.accords.report.Overrides recorded() throws java.io.IOException {
        return recordOverrides != null ? org.accords.report.ShardFolders.readOverrides(recordOverrides) : options.record();
    }

    @Override
    public Integer call() throws Exception {
        ParameterChoice parameters = options.parameters();
        charts.parsedWindow(); // a malformed window is refused before anything is loaded
        Scenario sc = Main.loader().load(scenario, options.fragments(), options.overrides());
        org.accords.report.ChartChoices choices = charts.resolve(sc.run(), "the run of scenario '" + sc.name() + "'");
        charts.checkStates(id -> sc.indexOf(id) >= 0, "scenario '" + sc.name() + "'");
        java.util.Set<String> held = hold != null ? java.util.Set.copyOf(hold) : parameters.heldFor(Main.loader(), scenario, options.overrides(), sc);
        if (hold != null && parameters.isEnsemble()) parameters.sets().check(sc, held);
        int threads = options.threads();
        if (shard != null) {
            if (!whyNot) throw noWhyNotWithShards();
            Path folder = out != null ? out : Main.home().resolve("results").resolve(ShardOption.folderName(sc.name(), shard));
            EnsembleResult r = Jobs.runShardToFolder(sc, parameters.sets(), held, shard, folder, force, threads, options.quiet, recorded(), runs, choices);
            if (!options.quiet) {
                spec.commandLine().getOut().printf(Locale.ROOT, "%s shard %s: %,d of %,d replications, seed %d, %d threads, %.1f s%nshard: %s%n",
                        sc.name(), shard, r.runs(), sc.run().replications(), r.seed, r.threads, r.wallSeconds(), folder.toAbsolutePath().normalize());
                spec.commandLine().getOut().flush();
            }
            return Main.OK;
        }
        Path folder = out != null ? out : Main.home().resolve("results").resolve(sc.name());
        EnsembleResult r = Jobs.runToFolder(sc, parameters.sets(), held, folder, force, threads, options.quiet, recorded(), runs, choices, whyNot);
        if (!options.quiet) printSummary(r, folder.toAbsolutePath().normalize(), spec.commandLine().getOut());
        return Main.OK;
    }

    /** merge writes the why-not files as the unsharded run does; a shard cannot skip them without breaking that. */
    static BadInputException noWhyNotWithShards() {
        return new BadInputException(null, "--no-why-not", "a merged sharded run writes the why-not chart as the unsharded run does; drop --no-why-not");
    }

    static void printSummary(EnsembleResult r, Path folder, PrintWriter out) {
        Scenario sc = r.scenario;
        int last = r.months() - 1;
        out.printf(Locale.ROOT, "%s — %s%n", sc.name(), sc.title());
        out.printf(Locale.ROOT, "%,d replications, seed %d, %s to %s, %d threads, %.1f s%n", r.runs(), r.seed,
                sc.run().start(), sc.run().end(), r.threads, r.wallSeconds());
        out.printf(Locale.ROOT, "%s%n%n", r.parameterSets == null ? "parameters: one point (bands: random uncertainty only)"
                : "parameters: " + r.parameterSets.size() + " sets of " + r.parameterSets.file().getFileName()
                        + " (replication r uses set r mod " + r.parameterSets.size() + "; bands: parameter and random uncertainty)"
                        + (r.held.isEmpty() ? "" : "; held at the scenario's value: " + String.join(", ", new java.util.TreeSet<>(r.held))));
        out.printf(Locale.ROOT, "%-5s %-24s %13s %13s %12s%n", "state", "name", "P(member end)", "P(ever join)", "median join");
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < r.states(); s++) order.add(s);
        order.sort((a, b) -> Double.compare(r.pEverJoined(b), r.pEverJoined(a)) != 0
                ? Double.compare(r.pEverJoined(b), r.pEverJoined(a)) : Integer.compare(a, b));
        for (int s : order) {
            var spec = sc.states().get(s);
            String median = RunReport.joinMonth(r, s, 50);
            out.printf(Locale.ROOT, "%-5s %-24s %13s %13s %12s%n", spec.id(), truncate(spec.name(), 24),
                    Num.fmt(r.pMember(s, last), 3), Num.fmt(r.pEverJoined(s), 3), median.isEmpty() ? "-" : median);
        }
        out.printf(Locale.ROOT, "%nmean members at %s: %s (90%% of runs: %d to %d); mean ever joined: %s%n", sc.run().end(),
                Num.fmt(r.membersMean(last), 2), r.membersPercentile(last, 5), r.membersPercentile(last, 95), Num.fmt(r.joinedMean(last), 2));
        out.println(RunReport.assumptionSummary(sc));
        out.println("results: " + folder);
        out.flush();
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
