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
        description = {"Compare scenarios side by side, in one comparison folder.",
                "Runs each scenario (reusing results/<name> where its resolved scenario, seed and",
                "replications match) and writes an overlay of adoption curves, the difference from the",
                "baseline, per-state probabilities (biggest movers first), driver attribution,",
                "compare.csv and index.html."})
final class CompareCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", arity = "0..*", description = "Two or more preset names or scenario files.")
    List<String> names = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "NAME", description = "The scenario the others are compared with (default: the first).")
    String baseline;

    @Mixin
    EnsembleOptions options;

    @Mixin
    ChartOptions charts;

    @Option(names = "--out", paramLabel = "DIR", description = "Comparison folder (default: results/compare-<a>-<b>-...).")
    Path out;

    @Option(names = "--force", description = "Replace an existing comparison folder (and stale run folders of the scenarios).")
    boolean force;

    @Option(names = "--readme", paramLabel = "FILE",
            description = "Also replace the block between '<!-- compare:begin' and '<!-- compare:end -->' in FILE with the command and its table.")
    Path readme;

    /** The README's example comparison, which ReadmeNumbersTest reruns. */
    static final org.accords.report.ReadmeBlock README_BLOCK = new org.accords.report.ReadmeBlock("compare");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (names.size() < 2) throw new BadInputException(null, null, "compare needs at least two scenarios, got " + names.size());
        charts.parsedWindow(); // a malformed window is refused before anything is loaded
        if (readme != null) README_BLOCK.check(readme);
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
        rosterNote(scenarios).ifPresent(notes::add);
        org.accords.report.ChartChoices choices = charts.resolve(scenarios.get(0).run(), "the compared months");
        charts.checkStates(id -> scenarios.stream().anyMatch(s -> s.indexOf(id) >= 0), "any compared scenario");
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
            List<Path> runsFiles = new ArrayList<>();
            for (int i = 0; i < scenarios.size(); i++) {
                results.add(resultFor(scenarios.get(i), parameters.sets(), held.get(i), !truncated.contains(i), threads, cancel, runsFiles));
            }
            List<org.accords.experiment.PairedDifference> paired = paired(results, baseIndex, runsFiles, threads, cancel);
            CompareReport.write(results, baseIndex, dir, Version.get(), notes, options.record(), choices, paired);
            return results;
        });
        if (readme != null) README_BLOCK.replace(readme, readmeBlock(shownCommand(), Files.readString(folder.resolve("summary.txt"))));
        if (!options.quiet) {
            PrintWriter o = spec.commandLine().getOut();
            o.print(Files.readString(folder.resolve("summary.txt")));
            if (readme != null) o.println("updated: " + readme);
            o.println("results: " + folder.toAbsolutePath().normalize());
            o.flush();
        }
        return Main.OK;
    }

    /** The command as the README shows it: every argument but where the files go and how fast (--readme, --out, --force, --quiet, --threads). */
    private String shownCommand() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        List<String> shown = new ArrayList<>();
        for (int i = args.indexOf("compare") + 1; i < args.size(); i++) {
            String a = args.get(i);
            String key = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (List.of("--readme", "--out", "--threads").contains(key)) {
                if (!a.contains("=")) i++;
            } else if (!List.of("--force", "--quiet").contains(a)) {
                shown.add(a);
            }
        }
        return "./accords compare " + String.join(" ", shown);
    }

    /** The README block: markers, then the command and its table as a terminal shows them. */
    static String readmeBlock(String command, String summary) {
        return README_BLOCK.begin() + " generated by `" + command + " --readme README.md`; do not edit by hand -->\n"
                + "```\n$ " + command + "\n" + summary + "```\n" + README_BLOCK.end() + "\n";
    }

    /**
     * Same start month, and no scenario twice: otherwise the comparison would mislead (rosters may differ: see rosterNote).
     * Different end months are fine: the comparison uses the common window.
     */
    static void checkComparable(List<Scenario> scenarios) {
        Scenario first = scenarios.get(0);
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

        }
    }

    /**
     * Scenarios may simulate different rosters (one adds a state by file): the comparison then
     * shows the union of states, "not simulated" where a scenario lacks one, and takes
     * differences over the states all of them simulate. Says so.
     */
    static java.util.Optional<String> rosterNote(List<Scenario> scenarios) {
        java.util.Set<String> union = new java.util.LinkedHashSet<>(), common = null;
        for (Scenario s : scenarios) {
            List<String> ids = s.states().stream().map(StateSpec::id).toList();
            union.addAll(ids);
            if (common == null) common = new java.util.LinkedHashSet<>(ids);
            else common.retainAll(ids);
        }
        if (common.size() == union.size()) return java.util.Optional.empty();
        java.util.Set<String> only = new java.util.LinkedHashSet<>(union);
        only.removeAll(common);
        return java.util.Optional.of("the scenarios simulate different rosters: " + String.join(", ", only)
                + " not in every scenario (shown as not simulated); differences are over the " + common.size() + " states all simulate"
                + " (paired by replication; a state added changes the others' draws, so the pairs share fewer random numbers)");
    }

    /**
     * Reuses results/<name> when it was made from exactly this scenario; otherwise runs it, and
     * writes that folder if it is free (never for a scenario cut to the common window).
     */
    /**
     * Each scenario's difference from the baseline, paired by replication (null for the baseline
     * and where the runs do not pair: other seeds or replication counts). The per-replication join
     * months come from the run folders' runs.csv where there is one that matches, else from running
     * the replications again.
     */
    static List<org.accords.experiment.PairedDifference> paired(List<EnsembleResult> results, int base, List<Path> runsFiles, int threads,
                                                                java.util.concurrent.atomic.AtomicBoolean cancel) throws java.io.IOException {
        List<org.accords.experiment.PairedDifference> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            EnsembleResult r = results.get(i), b = results.get(base);
            org.accords.experiment.PairedDifference p = null;
            if (i != base && org.accords.experiment.PairedDifference.pairable(r, b)) {
                p = pairedFrom(r, b, runsFiles.get(i), runsFiles.get(base), threads, cancel);
                // a runs.csv that does not hold exactly these runs: run them again
                if (p == null) p = pairedFrom(r, b, null, null, threads, cancel);
            }
            out.add(p);
        }
        return out;
    }

    private static org.accords.experiment.PairedDifference pairedFrom(EnsembleResult r, EnsembleResult b, Path rFile, Path bFile, int threads,
                                                                      java.util.concurrent.atomic.AtomicBoolean cancel) throws java.io.IOException {
        try (var rs = source(r, rFile, threads, cancel); var bs = source(b, bFile, threads, cancel)) {
            return org.accords.experiment.PairedDifference.of(r, rs, b, bs);
        }
    }

    private static org.accords.experiment.ReplicationJoins.Source source(EnsembleResult r, Path runsFile, int threads,
                                                                         java.util.concurrent.atomic.AtomicBoolean cancel) throws java.io.IOException {
        var fromFile = org.accords.experiment.ReplicationJoins.fromRunsCsv(runsFile, r);
        return fromFile != null ? fromFile : org.accords.experiment.ReplicationJoins.resimulated(r, threads, cancel);
    }

    /** As below; adds the run folder's runs.csv (or null when the result has no folder) to {@code runsFiles}. */
    private EnsembleResult resultFor(Scenario sc, org.accords.scenario.ParameterSets sets, java.util.Set<String> held, boolean fullHorizon,
                                     int threads, java.util.concurrent.atomic.AtomicBoolean cancel, List<Path> runsFiles) throws java.io.IOException {
        Path runs = Main.home().resolve("results").resolve(sc.name()).resolve(org.accords.report.RunReport.RUNS);
        EnsembleResult r = resultFor(sc, sets, held, fullHorizon, threads, cancel);
        boolean fromFolder = Files.isRegularFile(runs) && folderResults.contains(r);
        runsFiles.add(fromFolder ? runs : null);
        return r;
    }

    /** Results that were read from, or written to, their run folder. */
    private final java.util.Set<EnsembleResult> folderResults = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private EnsembleResult resultFor(Scenario sc, org.accords.scenario.ParameterSets sets, java.util.Set<String> held, boolean fullHorizon,
                                     int threads, java.util.concurrent.atomic.AtomicBoolean cancel) throws java.io.IOException {
        Path runFolder = Main.home().resolve("results").resolve(sc.name());
        PrintWriter err = spec.commandLine().getErr();
        boolean[] damaged = {false};
        EnsembleResult reused = RunFolderIO.reuse(runFolder, sc, Version.get(), sets, held, problem -> {
            damaged[0] = true;
            err.println("compare: " + runFolder + "/aggregate.json is inconsistent (" + problem + "); running '" + sc.name() + "' again");
        });
        if (reused != null) {
            if (!options.quiet) err.println("compare: reusing " + runFolder);
            folderResults.add(reused);
            return reused;
        }
        boolean free = !Files.exists(runFolder, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                || (force && org.accords.report.ResultFolder.replaceable(runFolder));
        if (fullHorizon && free && !org.accords.report.ResultFolder.busy(runFolder)) {
            EnsembleResult written = Jobs.runToFolder(sc, sets, held, runFolder, true, threads, options.quiet, options.record(), RunsOption.AUTO,
                    org.accords.report.ChartChoices.DEFAULT, true);
            folderResults.add(written);
            return written;
        }
        if (!options.quiet && fullHorizon && !damaged[0]) {
            err.println("compare: " + runFolder + " holds another run of '" + sc.name() + "' (or is in use); running without replacing it"
                    + (force ? "" : " (--force replaces it)"));
        }
        EnsembleResult r = Jobs.ensemble(sc, sets, held, org.accords.experiment.Shard.WHOLE, threads, options.quiet, cancel);
        if (cancel.get()) throw new java.util.concurrent.CancellationException();
        return r;
    }
}
