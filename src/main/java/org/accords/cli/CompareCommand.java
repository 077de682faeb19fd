package org.accords.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.accords.experiment.EnsembleResult;
import org.accords.report.CompareReport;
import org.accords.report.RunFolderIO;
import org.accords.scenario.BadInputException;
import org.accords.scenario.Scenario;
import org.accords.scenario.StateSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Run several scenarios (reusing results/<name> where its resolved scenario, seed and",
                "replications match) and write a comparison folder: overlay of adoption curves, difference",
                "from the baseline, per-state probabilities (biggest movers first), driver attribution,",
                "compare.csv and index.html."})
final class CompareCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", arity = "0..*", description = "Two or more preset names or scenario files.")
    List<String> names = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "NAME", description = "The scenario the others are compared with (default: the first).")
    String baseline;

    @Mixin
    EnsembleOptions options;

    @Option(names = "--out", paramLabel = "DIR", description = "Comparison folder (default: results/compare-<a>-<b>-...).")
    Path out;

    @Option(names = "--force", description = "Replace an existing comparison folder (and stale run folders of the scenarios).")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (names.size() < 2) throw new BadInputException(null, null, "compare needs at least two scenarios, got " + names.size());
        List<String> overrides = options.overrides();
        int threads = options.threads();
        ParameterChoice parameters = options.parameters();
        List<Scenario> scenarios = new ArrayList<>();
        List<java.util.Set<String>> held = new ArrayList<>();
        for (String n : names) {
            scenarios.add(Main.loader().load(n, options.fragments(), overrides));
            held.add(parameters.heldFor(Main.loader(), n, overrides, scenarios.get(scenarios.size() - 1)));
        }
        checkComparable(scenarios);
        List<String> notes = new ArrayList<>();
        java.util.Set<Integer> truncated = new java.util.HashSet<>();
        java.time.YearMonth commonEnd = scenarios.stream().map(s -> s.run().end()).min(java.util.Comparator.naturalOrder()).orElseThrow();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            if (s.run().end().isAfter(commonEnd)) {
                notes.add("'" + s.name() + "' runs to " + s.run().end() + "; compared over the common window " + s.run().start() + " .. " + commonEnd
                        + " (its first months are exactly those of the full run)");
                scenarios.set(i, s.truncatedTo(commonEnd));
                truncated.add(i);
            }
        }
        if (!options.quiet) notes.forEach(n -> spec.commandLine().getErr().println("compare: " + n));
        int base = 0;
        if (baseline != null) {
            base = -1;
            for (int i = 0; i < scenarios.size(); i++) if (scenarios.get(i).name().equals(baseline) || names.get(i).equals(baseline)) base = i;
            if (base < 0) throw new BadInputException(null, "--baseline", "'" + baseline + "' is not one of the compared scenarios");
        }
        Path folder = out != null ? out : Main.home().resolve("results").resolve(CompareReport.folderName(scenarios));
        final int baseIndex = base;
        Jobs.intoFolder(folder, force, (dir, cancel) -> {
            List<EnsembleResult> results = new ArrayList<>();
            for (int i = 0; i < scenarios.size(); i++) {
                results.add(resultFor(scenarios.get(i), parameters.sets(), held.get(i), !truncated.contains(i), threads, cancel));
            }
            CompareReport.write(results, baseIndex, dir, Version.get(), notes);
            return results;
        });
        if (!options.quiet) {
            PrintWriter o = spec.commandLine().getOut();
            o.print(Files.readString(folder.resolve("summary.txt")));
            o.println("results: " + folder.toAbsolutePath().normalize());
            o.flush();
        }
        return Main.OK;
    }

    /**
     * Same start month and roster, and no scenario twice: otherwise the comparison would mislead.
     * Different end months are fine: the comparison uses the common window.
     */
    static void checkComparable(List<Scenario> scenarios) {
        Scenario first = scenarios.get(0);
        List<String> ids = first.states().stream().map(StateSpec::id).toList();
        for (int i = 1; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            for (int j = 0; j < i; j++) {
                if (scenarios.get(j).name().equals(s.name())) {
                    throw new BadInputException(null, null, "two of the scenarios are named '" + s.name()
                            + "' (the same scenario twice, or a copy that kept its name): give each scenario once, each with its own name");
                }
            }
            if (!s.run().start().equals(first.run().start())) {
                throw new BadInputException(null, null, "different start months: '" + first.name() + "' starts " + first.run().start()
                        + " but '" + s.name() + "' starts " + s.run().start() + "; months would not line up");
            }
            if (!s.states().stream().map(StateSpec::id).toList().equals(ids)) {
                throw new BadInputException(null, null, "different rosters: '" + first.name() + "' and '" + s.name() + "' do not simulate the same states");
            }
        }
    }

    /**
     * Reuses results/<name> when it was made from exactly this scenario; otherwise runs it, and
     * writes that folder if it is free (never for a scenario cut to the common window).
     */
    private EnsembleResult resultFor(Scenario sc, org.accords.scenario.ParameterSets sets, java.util.Set<String> held, boolean fullHorizon,
                                     int threads, java.util.concurrent.atomic.AtomicBoolean cancel) throws java.io.IOException {
        Path runFolder = Main.home().resolve("results").resolve(sc.name());
        EnsembleResult reused = RunFolderIO.reuse(runFolder, sc, Version.get(), sets, held);
        if (reused != null) {
            if (!options.quiet) spec.commandLine().getErr().println("compare: reusing " + runFolder);
            return reused;
        }
        if (fullHorizon && (!Files.exists(runFolder) || force)) {
            return Jobs.runToFolder(sc, sets, held, runFolder, true, threads, options.quiet);
        }
        if (!options.quiet && fullHorizon) {
            spec.commandLine().getErr().println("compare: " + runFolder + " holds another run of '" + sc.name() + "'; running without replacing it (--force replaces it)");
        }
        EnsembleResult r = Jobs.ensemble(sc, sets, held, org.accords.experiment.Shard.WHOLE, threads, options.quiet, cancel);
        if (cancel.get()) throw new java.util.concurrent.CancellationException();
        return r;
    }
}
