package org.accords.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.accords.experiment.EnsembleResult;
import org.accords.experiment.SetEffects;
import org.accords.experiment.Shard;
import org.accords.report.RobustnessReport;
import org.accords.scenario.BadInputException;
import org.accords.scenario.Scenario;
import org.accords.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "robustness", mixinStandardHelpOptions = true,
        description = {"Label each what-if's conclusion robust or fragile across the parameter ensemble.",
                "Runs each what-if and the scenario it extends (history for the counterfactuals of the past, outlook for",
                "2026 on) over the ensemble's sets, and reports the difference in states ever joined at the end: all runs,",
                "median over sets, the middle 80% and 95% of sets, the share of sets where its sign holds, and robust",
                "(at least 90%) or fragile. Writes robustness.md (the README's table) and robustness.csv;",
                "--readme FILE replaces the table between the robustness markers of FILE."})
final class RobustnessCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", arity = "0..*",
            description = "What-ifs, each compared with the scenario it extends (default: every preset that extends another preset starting in the same month).")
    List<String> names = new ArrayList<>();

    @Mixin
    EnsembleOptions options;

    @Option(names = "--readme", paramLabel = "FILE", description = "Replace the block between '<!-- robustness:begin' and '<!-- robustness:end -->' in FILE with the table.")
    Path readme;

    @Option(names = "--out", paramLabel = "DIR", description = "Result folder (default: results/robustness).")
    Path out;

    @Option(names = "--force", description = "Replace an existing result folder.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ScenarioLoader loader = Main.loader();
        ParameterChoice choice = options.parameters();
        if (!choice.isEnsemble()) {
            throw new BadInputException(null, "--params", "robustness needs a parameter ensemble: commit scenarios/_ensemble.yaml (`accords calibrate --ensemble K`) or give --params FILE");
        }
        if (readme != null) RobustnessReport.checkBlock(readme);
        List<String> overrides = options.overrides();
        List<String> whatIfs = names.isEmpty() ? defaultWhatIfs(loader) : names;
        if (whatIfs.isEmpty()) throw new BadInputException(null, null, "no what-if among the presets of " + loader.presetDir() + " (a preset that extends another preset starting in the same month)");
        // each what-if and its reference, loaded and checked before anything runs
        List<Scenario[]> pairs = new ArrayList<>();
        List<Set<String>[]> held = new ArrayList<>();
        for (String n : whatIfs) {
            Path parent = loader.parentOf(n);
            if (parent == null) throw new BadInputException(null, null, "'" + n + "' extends no scenario, so there is nothing to compare it with");
            Scenario w = loader.load(n, options.fragments(), overrides);
            Scenario ref = loader.load(parent.toString(), options.fragments(), overrides);
            if (!w.run().start().equals(ref.run().start())) {
                throw new BadInputException(null, null, "'" + n + "' starts " + w.run().start() + " but the scenario it extends, '" + ref.name()
                        + "', starts " + ref.run().start() + ": not a what-if of it");
            }
            YearMonth end = w.run().end().isBefore(ref.run().end()) ? w.run().end() : ref.run().end();
            pairs.add(new Scenario[] {w.truncatedTo(end), ref.truncatedTo(end)});
            @SuppressWarnings("unchecked")
            Set<String>[] h = new Set[] {choice.heldFor(loader, n, overrides, w), choice.heldFor(loader, parent.toString(), overrides, ref)};
            held.add(h);
        }
        int threads = options.threads();
        String ensemble = relative(choice.sets().file());
        String command = command();
        Path folder = out != null ? out : Main.home().resolve("results").resolve("robustness");
        List<RobustnessReport.Row> rows = Jobs.intoFolder(folder, force, (dir, cancel) -> {
            Map<String, EnsembleResult> references = new LinkedHashMap<>();
            List<RobustnessReport.Row> r = new ArrayList<>();
            for (int i = 0; i < pairs.size(); i++) {
                Scenario w = pairs.get(i)[0], ref = pairs.get(i)[1];
                String key = ref.name() + "@" + ref.run().end() + "@" + held.get(i)[1];
                EnsembleResult base = references.get(key);
                if (base == null) {
                    base = Jobs.ensemble(ref, choice.sets(), held.get(i)[1], Shard.WHOLE, threads, options.quiet, cancel);
                    references.put(key, base);
                }
                EnsembleResult result = Jobs.ensemble(w, choice.sets(), held.get(i)[0], Shard.WHOLE, threads, options.quiet, cancel);
                int last = result.months() - 1;
                SetEffects e = SetEffects.joined(result, base, last);
                r.add(new RobustnessReport.Row(w.name(), ref.name(), w.run().end(), result.runs(), e));
            }
            Files.writeString(dir.resolve("robustness.md"), RobustnessReport.markdown(r, ensemble, command));
            RobustnessReport.writeCsv(r, dir.resolve("robustness.csv"));
            return r;
        });
        String block = RobustnessReport.markdown(rows, ensemble, command);
        if (readme != null) RobustnessReport.replaceBlock(readme, block);
        if (!options.quiet) {
            PrintWriter o = spec.commandLine().getOut();
            o.print(block);
            if (readme != null) o.println("updated: " + readme);
            o.println("results: " + folder.toAbsolutePath().normalize());
            o.flush();
        }
        return Main.OK;
    }

    /** The command line that regenerates the table (what-ifs, replications, seed, parameters, overrides and the README). */
    private String command() {
        StringBuilder b = new StringBuilder("./accords robustness");
        for (String n : names) b.append(' ').append(n);
        if (options.reps != null) b.append(" --reps ").append(options.reps);
        if (options.seed != null) b.append(" --seed ").append(options.seed);
        if (options.paramsOption != null) b.append(" --params ").append(options.paramsOption);
        for (String s : options.sets) b.append(" --set ").append(s);
        if (readme != null) b.append(" --readme ").append(readme);
        return b.toString();
    }

    /** The presets that extend another preset starting in the same month: the what-ifs of history and of the outlook. */
    static List<String> defaultWhatIfs(ScenarioLoader loader) {
        List<String> out = new ArrayList<>();
        for (String n : loader.presetNames()) {
            Path parent = loader.parentOf(n);
            if (parent == null || !parent.getParent().equals(loader.presetDir().toAbsolutePath().normalize())) continue;
            String p = parent.getFileName().toString();
            if (p.startsWith("_") || !p.endsWith(".yaml")) continue;
            if (loader.load(n).run().start().equals(loader.load(p.substring(0, p.length() - 5)).run().start())) out.add(n);
        }
        return out;
    }

    private static String relative(Path file) {
        Path home = Main.home();
        return file.startsWith(home) ? home.relativize(file).toString() : file.toString();
    }
}
